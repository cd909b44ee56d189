/**
 * `reminders run` (for cron: sends what is due at that moment, each once) and `reminders list`
 * (what is planned, for whom, when; and what went out). Actor "cli", the Geschäftsstelle.
 */
import type { Command } from "commander";
import { authorizeReminders, reminderRows, runReminders } from "../services/reminders.ts";
import { bodyProfile } from "../services/context.ts";
import { remindersListing, remindersRunText } from "../texts/reminders.ts";
import { emit } from "./context.ts";
import { listAction, servicesAction } from "./actions.ts";

const ACTOR = "cli";

export function registerReminderCommands(program: Command): void {
  const reminders = program.command("reminders").description("Erinnerungen vor Fristen und Sitzungen: versenden, was fällig ist, und anzeigen, was geplant ist");
  reminders
    .command("run")
    .description("versendet die Erinnerungen, die jetzt fällig sind, jede genau einmal (für cron)")
    .action(servicesAction(async (ctx, services) => {
      authorizeReminders(await services.store.read(), ACTOR);
      const sent = await runReminders(services);
      emit(ctx, { sent: sent.map(({ kind, personId, meetingId, via }) => ({ kind, personId, meetingId, via })) }, remindersRunText("de", sent));
    }));
  reminders
    .command("list")
    .description("jede geplante und jede versandte Erinnerung: Art, Empfänger, Zeitpunkt")
    .action(listAction({
      key: "reminders",
      check: (db) => authorizeReminders(db, ACTOR),
      rows: (db, ctx, services) => reminderRows(db, ctx.clock(), bodyProfile(services, db)),
      text: remindersListing,
    }));
}
