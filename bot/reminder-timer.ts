/**
 * The reminder timer inside `npm start`: at start and every few minutes, for every body the bot
 * serves, the reminders due at the services' clock (services/reminders.ts). The outbox keeps what
 * went out, so a restart, or a cron job running `reminders run` beside it, sends nothing twice.
 * With several instances on one database each body is swept by one of them per interval: a body
 * another instance is sweeping, or swept a moment ago, is skipped rather than queued behind.
 */
import type { Services } from "../services/context.ts";
import type { BodyServices, SweepReport } from "../services/open-services.ts";
import type { TeamsChannel } from "../services/outbox.ts";
import { runReminders, type SentReminder } from "../services/reminders.ts";
import { sendWaitingForTeams } from "../services/channel-announcements.ts";

const REMINDER_CHECK_MS = 5 * 60_000;
/**
 * A body swept less than this ago (by any instance) is left alone: a little under the interval,
 * so one instance's own next tick always sweeps, while a second instance whose timer runs a few
 * minutes off does not sweep the same bodies again in between.
 */
export const SWEEP_GAP_MS = REMINDER_CHECK_MS - 60_000;

export interface TimerLog {
  sent: (body: string, sent: SentReminder[]) => void;
  failed: (body: string, error: unknown) => void;
}

/** One round over every body; a body whose run fails does not stop the others. */
export async function remindEveryBody(bodies: BodyServices, teamsFor: (services: Services) => TeamsChannel | null, log: TimerLog): Promise<SweepReport> {
  const report = await bodies.sweep(SWEEP_GAP_MS, async (services) => {
    // Every body's services come with the renderer (bot/main.ts opens them so).
    const round = { ...services, teams: teamsFor(services) };
    const sent = await runReminders(round);
    if (sent.length) log.sent(services.store.location, sent);
    // Channel posts and Teams notices recorded where no Teams channel was (the command line).
    await sendWaitingForTeams(round);
  });
  for (const { body, error } of report.failed) log.failed(body, error);
  return report;
}

/** Starts the timer, one round at a time; returns it for clearInterval. */
export function startReminderTimer(bodies: BodyServices, teamsFor: (services: Services) => TeamsChannel | null, log: TimerLog & { error: (e: unknown) => void }): NodeJS.Timeout {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    remindEveryBody(bodies, teamsFor, log).catch(log.error).finally(() => (running = false));
  };
  tick();
  return setInterval(tick, REMINDER_CHECK_MS);
}
