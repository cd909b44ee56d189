/**
 * What the Geschäftsstelle is told after a sending run: exactly how many went out, who failed and
 * why, and — in outbox mode — plainly that nothing was sent yet: as facts, worded by texts/invitation-report.ts.
 */
import type { Db, Invitation } from "../domain/model.ts";
import type { Mailer } from "../adapters/mail-transport.ts";
import type { Said } from "../texts/catalog.ts";
import { berlinDay } from "../rules/time.ts";
import { say } from "./say.ts";
import type { Batch, Delivery } from "./invitation-delivery.ts";
import { nameOf } from "./invitation-recipients.ts";

export interface FailedRecipient {
  personId: string;
  name: string;
  email: string;
  error: string;
}

export interface InvitationReport {
  invitationId: string;
  meetingId: string;
  kind: Invitation["kind"];
  sequence: number;
  /** Recipients on the invitation record. */
  total: number;
  /** Of those, accepted by the mail server (outbox: written as a file) — in this run or before. */
  accepted: number;
  /** Accepted in this run. */
  sentNow: number;
  /** Refused or not reachable in this run; a retry sends to exactly these (and any still open). */
  failed: FailedRecipient[];
  /** Accepted before this run and therefore not sent again. */
  skippedAlreadyAccepted: number;
  /** Being sent by another run at this very moment. */
  inProgress: number;
  urgent: boolean;
  /** Urgent invitation: the reason; update: what changed; cancellation: why. */
  reason: string | null;
  /** Set once every recipient was accepted. */
  sentAt: string | null;
  transport: Mailer["kind"];
  /** The report with the meeting's day, the mail server and the command's warnings, for the faces to word. */
  text: Said<"invitation-report.invitationReportText">;
}

export function buildReport(db: Db, invitation: Invitation, batch: Batch, deliveries: Delivery[], mailer: Pick<Mailer, "kind" | "target">): InvitationReport {
  const failed = deliveries
    .flatMap((d) => (d.accepted ? [] : [d]))
    .map((d) => {
      const r = invitation.recipients.find((x) => x.personId === d.personId)!;
      return { personId: d.personId, name: nameOf(db, r), email: r.email, error: d.error };
    });
  const report: Omit<InvitationReport, "text"> = {
    invitationId: invitation.id,
    meetingId: invitation.meetingId,
    kind: invitation.kind,
    sequence: invitation.sequence,
    total: invitation.recipients.length,
    accepted: invitation.recipients.filter((r) => r.acceptedAt).length,
    sentNow: deliveries.filter((d) => d.accepted).length,
    failed,
    skippedAlreadyAccepted: batch.alreadyAccepted,
    inProgress: batch.inProgress,
    urgent: invitation.urgent,
    reason: invitation.reason,
    sentAt: invitation.sentAt,
    transport: mailer.kind,
  };
  const meeting = db.meetings.find((m) => m.id === invitation.meetingId)!;
  return { ...report, text: say("invitation-report.invitationReportText", report, berlinDay(new Date(meeting.start)), mailer.target, batch.warnings) };
}
