/**
 * `outbox list` and `outbox retry`: what the bot sent or tried, to whom, and how it went; and
 * sending again what was not accepted, once (actor "cli", the Geschäftsstelle).
 */
import { render, words } from "../texts/catalog.ts";
import type { Command } from "commander";
import { minutesFolderBeside } from "../adapters/minutes-files.ts";
import { formatDateTime } from "../rules/time.ts";
import { outboxRows } from "../services/outbox.ts";
import { retryOutbox } from "../services/outbox-retry.ts";
import { retryMessages } from "../services/permissions.ts";
import { outboxListing, retryText } from "../texts/outbox.ts";
import type { Services } from "../services/context.ts";
import { contextOf, emit, withServices, type CliContext } from "./context.ts";
import { reachTeams, withTeamsReach } from "./teams-reach.ts";

const ACTOR = "cli";
const when = (iso: string) => formatDateTime(new Date(iso));

export function registerOutboxCommands(program: Command): void {
  const outbox = program.command("outbox").description("Postausgang: was an wen versandt wurde, und erneut senden, was nicht zugestellt wurde");
  outbox
    .command("list")
    .description("jede Nachricht, die der Bot versandt oder versucht hat: Empfänger, Zweck, Weg, Ergebnis")
    .action(withOutbox(async (ctx, services) => {
      const db = await services.store.read();
      retryMessages.check(db, ACTOR);
      const messages = outboxRows(db, ctx.clock(), render);
      emit(ctx, { messages }, outboxListing("de", messages, when));
    }));
  outbox
    .command("retry")
    .description("sendet einmal, was nicht zugestellt wurde und nicht gerade versandt wird")
    .action(withOutbox(async (ctx, services) => {
      const teams = await withTeamsReach(services);
      const report = await retryOutbox(teams, ACTOR, { minutes: minutesFolderBeside(ctx.db) });
      await reachTeams(teams, ACTOR, null, null);
      const refused = report.refused.map((e) => words(e.said));
      emit(ctx, { sent: report.sent, failed: report.failed, messages: report.messages, refused: refused.map((t) => t.de) }, retryText("de", { ...report, refused }, when));
    }));
}

function withOutbox(work: (ctx: CliContext, services: Services) => Promise<void>) {
  return async (_opts: unknown, cmd: Command) => {
    const ctx = contextOf(cmd);
    await withServices(ctx, (services) => work(ctx, services));
  };
}
