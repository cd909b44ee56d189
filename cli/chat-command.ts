/**
 * `chat --as <personId> "<message>"`: one turn through the bot's Application, printed as the
 * person would read it (`--json`: the activities). `--action '{"verb":"attend",…}'` presses a button.
 */
import type { Command } from "commander";
import { activitiesToText, chatTurn } from "../bot/local-chat.ts";
import { contextOf, emit, storeOf, UserError, withServices } from "./context.ts";
import { invalidActionJson, MESSAGE_MISSING, unknownPerson } from "../texts/cli.ts";

export function registerChatCommand(program: Command): void {
  program
    .command("chat")
    .requiredOption("--as <personId>")
    .option("--action <json>")
    .option("--activity-id <id>")
    .argument("[message...]")
    .action(async (words: string[], opts: { as: string; action?: string; activityId?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const store = storeOf(ctx);
      const db = await store.read();
      const person = db.persons.find((p) => p.id === opts.as);
      if (!person) throw new UserError(unknownPerson(opts.as).de);
      const text = words.join(" ").trim();
      let action: Record<string, unknown> | undefined;
      if (opts.action) {
        try {
          action = JSON.parse(opts.action);
        } catch {
          throw new UserError(invalidActionJson(opts.action).de);
        }
      }
      if (!text && !action) throw new UserError(MESSAGE_MISSING.de);
      const activities = await withServices(ctx, (services) =>
        chatTurn(services, { from: { id: `user-${person.id}`, name: person.name, aadObjectId: person.aadObjectId, email: person.email }, text, action, activityId: opts.activityId }),
      );
      emit(ctx, { activities }, activitiesToText(activities));
    });
}
