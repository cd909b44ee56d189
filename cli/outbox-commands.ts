/**
 * `outbox list` and `outbox retry`: what the bot sent or tried, to whom, and how it went; and
 * sending again what was not accepted, once (actor "cli", the Geschäftsstelle).
 */
import { render, words } from "../texts/catalog.ts";
import type { Command } from "commander";
import { minutesFolderBeside } from "../adapters/minutes-files.ts";
import { outboxRows } from "../services/outbox.ts";
import { retryOutbox } from "../services/outbox-retry.ts";
import { retryMessages } from "../services/permissions.ts";
import { outboxListing, retryText } from "../texts/outbox.ts";
import { emit } from "./context.ts";
import { listAction, listingTime as when, servicesAction, subcommands } from "./actions.ts";
import { reachTeams, withTeamsReach } from "./teams-reach.ts";

const ACTOR = "cli";

export function registerOutboxCommands(program: Command): void {
  subcommands(program, "outbox", {
    list: listAction({ key: "messages", check: (db) => retryMessages.check(db, ACTOR), rows: (db, ctx) => outboxRows(db, ctx.clock(), render), text: outboxListing }),
    retry: servicesAction(async (ctx, services) => {
      const teams = await withTeamsReach(services);
      const report = await retryOutbox(teams, ACTOR, { minutes: minutesFolderBeside(ctx.db) });
      await reachTeams(teams);
      const refused = report.refused.map((e) => words(e.said));
      emit(ctx, { sent: report.sent, failed: report.failed, messages: report.messages, refused: refused.map((t) => t.de) }, retryText("de", { ...report, refused }, when));
    }),
  });
}
