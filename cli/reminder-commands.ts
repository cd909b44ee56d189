/**
 * `reminders run` (for cron: sends what is due at that moment, each once) and `reminders list`
 * (what is planned, for whom, when; and what went out). Actor "cli", the Geschäftsstelle.
 */
import type { Command } from "commander";
import { formatDateTime } from "../rules/time.ts";
import { authorizeReminders, reminderRows, runReminders } from "../services/reminders.ts";
import { bodyProfile } from "../services/context.ts";
import { remindersListing, remindersRunText } from "../texts/reminders.ts";
import { contextOf, emit, withServices } from "./context.ts";

const ACTOR = "cli";
const when = (iso: string) => formatDateTime(new Date(iso));

export function registerReminderCommands(program: Command): void {
  const reminders = program.command("reminders").description("Erinnerungen vor Fristen und Sitzungen: versenden, was fällig ist, und anzeigen, was geplant ist");
  reminders
    .command("run")
    .description("versendet die Erinnerungen, die jetzt fällig sind, jede genau einmal (für cron)")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      await withServices(ctx, async (services) => {
        authorizeReminders(await services.store.read(), ACTOR);
        const sent = await runReminders(services);
        emit(ctx, { sent: sent.map(({ kind, personId, meetingId, via }) => ({ kind, personId, meetingId, via })) }, remindersRunText("de", sent));
      });
    });
  reminders
    .command("list")
    .description("jede geplante und jede versandte Erinnerung: Art, Empfänger, Zeitpunkt")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      await withServices(ctx, async (services) => {
        const db = await services.store.read();
        authorizeReminders(db, ACTOR);
        const reminders = reminderRows(db, ctx.clock(), bodyProfile(services, db));
        emit(ctx, { reminders }, remindersListing("de", reminders, when));
      });
    });
}
