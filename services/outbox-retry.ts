/**
 * `outbox retry` and "/postausgang erneut": sends every message that was not accepted and that no
 * other run is sending, once — invitation mails through their invitation (with its calendar
 * file), minutes through the minutes run, notices through the outbox. Who may: the Geschäftsstelle
 * and the chair.
 */
import type { MinutesFolder } from "../adapters/minutes-files.ts";
import type { Db } from "../domain/model.ts";
import type { Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { latestInvitation } from "./invitation-core.ts";
import { retryInvitation } from "./invitations.ts";
import { mayManageMeetings } from "./permissions.ts";
import { sendMinutes } from "./minutes-workflow.ts";
import { deliveryStatus, dispatchNotices, outboxRows, type OutboxRow, type TeamsChannel } from "./outbox.ts";
import { OUTBOX_FORBIDDEN } from "../texts/outbox.ts";

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

export async function retryOutbox(services: Services, actorId: string, options: { minutes: MinutesFolder; teams: TeamsChannel | null }): Promise<RetryReport> {
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
  await dispatchNotices(services, "open", options.teams);
  const tried = outboxRows(await services.store.read(), services.clock()).filter((r) => r.attempts > (before.get(r.id) ?? 0));
  return { sent: tried.filter((r) => r.state === "accepted").length, failed: tried.filter((r) => r.state === "failed").length, messages: tried, refused };
}

/** Only the newest record of a meeting is sent on: an older one was replaced by an update or a cancellation. */
function meetingsWithOpenInvitations(db: Db, now: Date): string[] {
  const meetings = new Set(db.invitations.map((i) => i.meetingId));
  return [...meetings].filter((id) => latestInvitation(db, id)?.recipients.some((r) => deliveryStatus(r, now) === "open"));
}

function meetingsWithOpenMinutes(db: Db, now: Date): string[] {
  const open = db.outbox.filter((m) => m.purpose === "minutes" && m.meetingId && deliveryStatus(m, now) === "open");
  return [...new Set(open.map((m) => m.meetingId!))];
}
