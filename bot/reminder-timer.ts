/**
 * The reminder timer inside `npm start`: at start and every few minutes, for every body the bot
 * serves, the reminders due at the services' clock (services/reminders.ts). The outbox keeps what
 * went out, so a restart, or a cron job running `reminders run` beside it, sends nothing twice.
 */
import { render } from "../texts/catalog.ts";
import type { Services } from "../services/context.ts";
import type { BodyServices } from "../services/open-services.ts";
import type { TeamsChannel } from "../services/outbox.ts";
import { runReminders, type SentReminder } from "../services/reminders.ts";

const REMINDER_CHECK_MS = 5 * 60_000;

export interface TimerLog {
  sent: (body: string, sent: SentReminder[]) => void;
  failed: (body: string, error: unknown) => void;
}

/** One round over every body; a body whose run fails does not stop the others. */
export async function remindEveryBody(bodies: BodyServices, teamsFor: (services: Services) => TeamsChannel | null, log: TimerLog): Promise<void> {
  for (const services of await bodies.every()) {
    try {
      const sent = await runReminders({ ...services, teams: teamsFor(services), render });
      if (sent.length) log.sent(services.store.location, sent);
    } catch (e) {
      log.failed(services.store.location, e);
    }
  }
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
