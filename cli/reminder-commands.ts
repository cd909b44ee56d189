/**
 * `reminders run` (for cron: sends what is due at that moment, each once) and `reminders list`
 * (what is planned, for whom, when; and what went out). Actor "cli", the Geschäftsstelle.
 */
import type { Command } from "commander";
import { authorizeReminders, reminderRows, runReminders } from "../services/reminders.ts";
import { bodyProfile } from "../services/context.ts";
import { remindersListing, remindersRunText } from "../texts/reminders.ts";
import { emit } from "./context.ts";
import { listAction, servicesAction, subcommands } from "./actions.ts";

const ACTOR = "cli";

export function registerReminderCommands(program: Command): void {
  subcommands(program, "reminders", {
    run: servicesAction(async (ctx, services) => {
      authorizeReminders(await services.store.read(), ACTOR);
      const sent = await runReminders(services);
      emit(ctx, { sent: sent.map(({ kind, personId, meetingId, via }) => ({ kind, personId, meetingId, via })) }, remindersRunText("de", sent));
    }),
    list: listAction({
      key: "reminders",
      check: (db) => authorizeReminders(db, ACTOR),
      rows: (db, ctx, services) => reminderRows(db, ctx.clock(), bodyProfile(services, db)),
      text: remindersListing,
    }),
  });
}
