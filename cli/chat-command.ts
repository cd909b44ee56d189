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
    .description("eine Nachricht an den Bot, als eine Person aus dem Verzeichnis")
    .requiredOption("--as <personId>", "wer schreibt (Personen-ID, z. B. m-jugendamt)")
    .option("--action <json>", "statt Text: Daten eines Karten-Buttons, z. B. '{\"verb\":\"attend\",\"mode\":\"online\"}'")
    .option("--activity-id <id>", "Aktivitäts-ID (dieselbe ID zweimal = Teams wiederholt die Nachricht)")
    .argument("[message...]", "die Nachricht")
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
