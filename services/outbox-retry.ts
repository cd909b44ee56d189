/**
 * `outbox retry` and "/postausgang erneut": sends every message that was not accepted and that no
 * other run is sending, once — invitation mails through their invitation (with its calendar
 * file), minutes through the minutes run, notices and the team channel's announcements through
 * the outbox (announcements only where the bot has Teams; otherwise they wait and the report says
 * so). Reminders that can no longer help (their deadline or meeting passed) are not sent again.
 * Who may: the Geschäftsstelle and the chair (`retryMessages`). A command on the runner: what is
 * open is taken under the lock, then each part is claimed, sent and recorded by its own sender.
 */
import type { MinutesFolder } from "../adapters/minutes-files.ts";
import type { Db, OutboxMessage } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { planReminders } from "../rules/reminders.ts";
import { renderOf, type Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { latestInvitation } from "./invitation-core.ts";
import { retryInvitationCommand, sendRecordedInvitations } from "./invitations.ts";
import { retryMessages } from "./permissions.ts";
import { runMailOut, type MailOut } from "./runner.ts";
import { z } from "zod";
import { sendMinutesCommand } from "./minutes-workflow.ts";
import { deliveryStatus, dispatchNotices, invitationMailId, meetingOver, outboxRows, type OutboxRow } from "./outbox.ts";
import { say } from "./say.ts";

export interface RetryReport {
  sent: number;
  failed: number;
  /** The messages this run tried, as they stand afterwards. */
  messages: OutboxRow[];
  /** Refusals of a part of the run (a meeting that has begun), one sentence each. */
  refused: ServiceError[];
}

const Input = z.object({ minutes: z.custom<MinutesFolder>((v) => typeof v === "object" && v !== null) });
type Input = z.infer<typeof Input>;

/** What is open, taken under the lock; each part is then claimed by its own sender (invitation, minutes, outbox). */
interface Plan {
  attempts: Map<string, number>;
  invitations: string[];
  /** A single deputy's own records (released, or invited again: `attendeeOnly`), as outbox ids: sent like the deputy's invitation. */
  released: string[];
  minutes: string[];
  notices: string[];
  announcements: string[];
  /** Notices only Teams can carry (an invitation's Teams notice): without Teams here they wait for the bot, untried. */
  teamsOnly: string[];
}

export const retryOutboxCommand: MailOut<Input, Plan, RetryReport> = {
  input: Input,
  may: retryMessages,
  apply: ({ db, now, profile, render }) => ({
    attempts: new Map(outboxRows(db, now, render).map((r) => [r.id, r.attempts])),
    invitations: meetingsWithOpenInvitations(db, now),
    released: openAttendeeRecords(db, now),
    minutes: meetingsWithOpenMinutes(db, now),
    notices: openNotices(db, now, profile),
    announcements: openAnnouncements(db, now),
    teamsOnly: db.outbox.filter((m) => m.teamsOnly).map((m) => m.id),
  }),
  send: (services, plan, { actorId, input }) => sendPlan(services, actorId, plan, input.minutes),
  again: async () => ({ sent: 0, failed: 0, messages: [], refused: [] }),
};

export async function retryOutbox(services: Services, actorId: string, options: { minutes: MinutesFolder }): Promise<RetryReport> {
  return (await runMailOut(services, retryOutboxCommand, { actorId, input: options })).value;
}

async function sendPlan(services: Services, actorId: string, plan: Plan, minutes: MinutesFolder): Promise<RetryReport> {
  const refused: ServiceError[] = [];
  // The channel's posts the sends record (the invitation reached its first member now) go out in this run.
  const announced: string[] = [];
  const attempt = async (work: () => Promise<{ outbox: string[] }>) => {
    try {
      announced.push(...(await work()).outbox);
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      refused.push(e);
    }
  };
  for (const meetingId of plan.invitations) await attempt(() => runMailOut(services, retryInvitationCommand, { actorId, input: { meetingId } }));
  await attempt(async () => (await sendRecordedInvitations(services, plan.released), { outbox: [] }));
  for (const meetingId of plan.minutes) await attempt(() => runMailOut(services, sendMinutesCommand, { actorId, input: { meetingId, folder: minutes } }));
  const notices = services.teams ? plan.notices : plan.notices.filter((id) => !plan.teamsOnly.includes(id));
  await dispatchNotices(services, notices, services.teams ?? null);
  if (services.teams) await dispatchNotices(services, [...plan.announcements, ...announced], services.teams);
  else if (plan.announcements.length) refused.push(new ServiceError(say("outbox.announcementsWaitForTeams", plan.announcements.length), "conflict"));
  const tried = outboxRows(await services.store.read(), services.clock(), renderOf(services)).filter((r) => r.attempts > (plan.attempts.get(r.id) ?? 0));
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

/** Open mails of the records that concern one deputy (`attendeeOnly`), before the meeting begins. */
function openAttendeeRecords(db: Db, now: Date): string[] {
  return db.invitations
    .filter((i) => i.attendeeOnly && !begun(db, i.meetingId, now))
    .flatMap((i) => i.recipients.filter((r) => deliveryStatus(r, now) === "open").map((r) => invitationMailId(i.id, r.personId)));
}

/**
 * Open notices, but not those about a meeting that is over, nor reminders whose usefulness ended
 * (rules/reminders.ts no longer plans them): they would come too late to matter.
 */
function openNotices(db: Db, now: Date, profile: Profile): string[] {
  const useful = usefulReminder(db, now, profile);
  return db.outbox.filter((m) => m.purpose === "notice" && deliveryStatus(m, now) === "open" && !meetingOver(db, m.meetingId, now) && useful(m)).map((m) => m.id);
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
