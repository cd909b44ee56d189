/**
 * `outbox retry` and "/postausgang erneut": sends every message that was not accepted and that no
 * other run is sending, once — invitation mails through their invitation (with its calendar
 * file), minutes through the minutes run, notices and the team channel's announcements through
 * the outbox (announcements only where the bot has Teams; otherwise they wait and the report says
 * so). Reminders that can no longer help (their deadline or meeting passed) are not sent again.
 * Who may: the Geschäftsstelle and the chair.
 */
import type { MinutesFolder } from "../adapters/minutes-files.ts";
import type { Db, OutboxMessage } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { planReminders } from "../rules/reminders.ts";
import { bodyProfile, type Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { latestInvitation } from "./invitation-core.ts";
import { retryInvitation } from "./invitations.ts";
import { mayManageMeetings } from "./permissions.ts";
import { sendMinutes } from "./minutes-workflow.ts";
import { deliveryStatus, dispatchNotices, outboxRows, type OutboxRow } from "./outbox.ts";
import { announcementsWaitForTeams, OUTBOX_FORBIDDEN } from "../texts/outbox.ts";

export interface RetryReport {
  sent: number;
  failed: number;
  /** The messages this run tried, as they stand afterwards. */
  messages: OutboxRow[];
  /** Refusals of a part of the run (a meeting that has begun), one sentence each. */
  refused: ServiceError[];
}

export function authorizeOutbox(db: Db, actorId: string): void {
  if (!mayManageMeetings(db, actorId)) throw new ServiceError(OUTBOX_FORBIDDEN, "forbidden");
}

export async function retryOutbox(services: Services, actorId: string, options: { minutes: MinutesFolder }): Promise<RetryReport> {
  const db = await services.store.read();
  authorizeOutbox(db, actorId);
  const now = services.clock();
  const before = new Map(outboxRows(db, now).map((r) => [r.id, r.attempts]));
  const refused: ServiceError[] = [];
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      refused.push(e);
    }
  };
  for (const meetingId of meetingsWithOpenInvitations(db, now)) await attempt(() => retryInvitation(services, actorId, meetingId));
  for (const meetingId of meetingsWithOpenMinutes(db, now)) await attempt(() => sendMinutes(services, actorId, meetingId, { folder: options.minutes }));
  await dispatchNotices(services, openNotices(db, now, bodyProfile(services, db)), services.teams ?? null);
  const announcements = openAnnouncements(db, now);
  if (services.teams) await dispatchNotices(services, announcements, services.teams);
  else if (announcements.length) refused.push(new ServiceError(announcementsWaitForTeams(announcements.length), "conflict"));
  const tried = outboxRows(await services.store.read(), services.clock()).filter((r) => r.attempts > (before.get(r.id) ?? 0));
  return { sent: tried.filter((r) => r.state === "accepted").length, failed: tried.filter((r) => r.state === "failed").length, messages: tried, refused };
}

/**
 * Only the newest record of a meeting is sent on (an older one was replaced by an update or a
 * cancellation), and only before the meeting begins: afterwards an invitation helps nobody.
 */
function meetingsWithOpenInvitations(db: Db, now: Date): string[] {
  const meetings = new Set(db.invitations.map((i) => i.meetingId));
  return [...meetings].filter((id) => !begun(db, id, now) && latestInvitation(db, id)?.recipients.some((r) => deliveryStatus(r, now) === "open"));
}

/**
 * Open notices, but not those about a meeting that is over, nor reminders whose usefulness ended
 * (rules/reminders.ts no longer plans them): they would come too late to matter.
 */
function openNotices(db: Db, now: Date, profile: Profile): string[] {
  const over = (meetingId: string | null) => meetingId !== null && Date.parse(db.meetings.find((m) => m.id === meetingId)?.end ?? "") <= now.getTime();
  const useful = usefulReminder(db, now, profile);
  return db.outbox.filter((m) => m.purpose === "notice" && deliveryStatus(m, now) === "open" && !over(m.meetingId) && useful(m)).map((m) => m.id);
}

/** A reminder is worth sending again while its plan still stands (before its deadline, the person still concerned). */
function usefulReminder(db: Db, now: Date, profile: Profile): (m: OutboxMessage) => boolean {
  if (!db.outbox.some((m) => m.reminder)) return () => true;
  const planned = new Set(planReminders(db, profile, now).map((r) => r.key));
  return (m) => !m.reminder || planned.has(m.reminder.key);
}

/** The team channel's posts not yet accepted (the minutes' post comes after the meeting, so no "over" here). */
function openAnnouncements(db: Db, now: Date): string[] {
  return db.outbox.filter((m) => m.purpose === "announcement" && deliveryStatus(m, now) === "open").map((m) => m.id);
}

function begun(db: Db, meetingId: string, now: Date): boolean {
  const meeting = db.meetings.find((m) => m.id === meetingId);
  return !meeting || Date.parse(meeting.start) <= now.getTime();
}

function meetingsWithOpenMinutes(db: Db, now: Date): string[] {
  const open = db.outbox.filter((m) => m.purpose === "minutes" && m.meetingId && deliveryStatus(m, now) === "open");
  return [...new Set(open.map((m) => m.meetingId!))];
}
