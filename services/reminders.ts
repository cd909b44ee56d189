/**
 * Reminders, each exactly once: a run records every reminder due at its moment as an outbox
 * message carrying the reminder's unique key, in one store update; a run that finds the key (a
 * second process at the same moment, a restart) records nothing for it. Then the outbox sends
 * them — in Teams where the person is reachable, else by e-mail. The state is the outbox, not the
 * process's memory, so the bot's timer and a cron job can both run this, and a restart is harmless.
 * Which reminders and when: rules/reminders.ts; their wording: texts/reminders.ts.
 */
import type { Db } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { isDue, planReminders, type PlannedReminder, type ReminderKind } from "../rules/reminders.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { ReminderLine } from "../texts/reminders.ts";
import { bodyProfile, renderOf, type Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { deliveryStatus, dispatchNotices, queueMessage } from "./outbox.ts";
import { mayManageMeetings } from "./permissions.ts";
import { reminderFacts } from "./reminder-facts.ts";
import { say } from "./say.ts";

export interface SentReminder {
  kind: ReminderKind;
  personId: string;
  meetingId: string;
  via: "teams" | "email" | null;
  accepted: boolean;
  /** Accepted only by the outbox folder (no SMTP_URL): an .eml file, not sent. */
  filed: boolean;
  name: string;
}

/** Reminders due now and not yet recorded (by key), in this snapshot. */
function dueNow(db: Db, now: Date, profile: Profile): PlannedReminder[] {
  const recorded = new Set(db.outbox.flatMap((m) => (m.reminder ? [m.reminder.key] : [])));
  return planReminders(db, profile, now).filter((r) => !recorded.has(r.key) && isDue(r, now, profile.holidays));
}

/**
 * Records and sends what is due at the clock's moment; also sends recorded reminders a run before
 * left unsent (it stopped between recording and sending) while they are still useful.
 */
export async function runReminders(services: Services): Promise<SentReminder[]> {
  const now = services.clock();
  const before = await services.store.read();
  const profileBefore = bodyProfile(services, before);
  if (dueNow(before, now, profileBefore).length === 0 && openReminders(before, now, profileBefore).length === 0) return [];
  const render = renderOf(services);
  const recorded = await services.store.update({ actorId: "system" }, (db, audit) => {
    const profile = bodyProfile(services, db);
    const due = dueNow(db, now, profile);
    for (const r of due) {
      queueMessage(db, {
        personId: r.personId, purpose: "notice", meetingId: r.meetingId, ...render(say("reminders.reminderTexts", reminderFacts(db, profile, r))),
        reminder: { kind: r.kind, key: r.key, dueAt: toBerlinIso(r.dueAt), answerButtons: r.kind === "unanswered" },
      }, { now, actorId: "system" });
    }
    if (due.length) audit("reminders.recorded", { keys: due.map((r) => r.key) });
    return openReminders(db, now, profile);
  });
  if (recorded.duplicate || recorded.value.length === 0) return [];
  const delivered = await dispatchNotices(services, recorded.value, services.teams ?? null);
  const db = await services.store.read();
  return delivered.map((d) => {
    const m = db.outbox.find((x) => x.id === d.id)!;
    return { kind: m.reminder!.kind as ReminderKind, personId: d.personId, meetingId: m.meetingId!, via: d.via, accepted: d.accepted, filed: m.filed === true, name: d.name };
  });
}

/**
 * Recorded reminders nobody has tried yet (a run stopped before sending) and still useful. A failed
 * one is left to `outbox retry`: a run every few minutes must not hammer a refusing server.
 */
function openReminders(db: Db, now: Date, profile: Profile): string[] {
  const planned = new Map(planReminders(db, profile, now).map((r) => [r.key, r]));
  return db.outbox
    .filter((m) => m.reminder && m.attempts === 0 && deliveryStatus(m, now) === "open")
    .filter((m) => {
      const r = planned.get(m.reminder!.key);
      return r !== undefined && isDue(r, now, profile.holidays);
    })
    .map((m) => m.id);
}

/** Planned and sent reminders, in the order they fall due (`reminders list`, "/erinnerungen"). */
export interface ReminderRow extends ReminderLine {
  personId: string;
  meetingId: string;
  key: string;
  usefulUntil: string | null;
  citations: string[];
}

export function reminderRows(db: Db, now: Date, profile: Profile): ReminderRow[] {
  const name = (id: string) => db.persons.find((p) => p.id === id)?.name ?? id;
  const sent = db.outbox.filter((m) => m.reminder).map((m): ReminderRow => {
    const status = deliveryStatus(m, now);
    return {
      kind: m.reminder!.kind as ReminderKind, personId: m.personId, name: name(m.personId), meetingId: m.meetingId ?? "", key: m.reminder!.key,
      dueAt: m.reminder!.dueAt, usefulUntil: null, citations: [], via: m.via,
      state: status === "accepted" ? "sent" : status === "sending" ? "sending" : m.error ? "failed" : "sending",
    };
  });
  const keys = new Set(sent.map((r) => r.key));
  const planned = planReminders(db, profile, now).filter((r) => !keys.has(r.key)).map((r): ReminderRow => ({
    kind: r.kind, personId: r.personId, name: name(r.personId), meetingId: r.meetingId, key: r.key,
    dueAt: toBerlinIso(r.dueAt), usefulUntil: toBerlinIso(r.usefulUntil), citations: r.citations, via: null, state: "planned",
  }));
  return [...sent, ...planned].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

export function authorizeReminders(db: Db, actorId: string): void {
  if (!mayManageMeetings(db, actorId)) throw new ServiceError(say("reminders.REMINDERS_FORBIDDEN"), "forbidden");
}
