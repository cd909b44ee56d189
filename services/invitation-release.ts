/**
 * A deputy no longer standing in (the member attends after all, or declines for the institution):
 * their calendar entry is cancelled — METHOD:CANCEL to them only, same UID, next SEQUENCE (RFC 5546
 * § 3.2.5), by e-mail like every calendar invitation — and later updates skip them
 * (`stillInvited`). Recorded as a record of its own (`attendeeOnly`) in the command's update; the
 * face sends it right after the reply (`sendRecordedInvitations`), as the deputy's own invitation.
 * A deputy whose invitation was not sent yet is simply taken off it: there is nothing to cancel.
 * Delegated again afterwards, the deputy gets a REQUEST of their own with a SEQUENCE above the
 * cancellation's (`reinviteDeputy`): one at the latest record's SEQUENCE would count as outdated.
 */
import type { Db, Meeting } from "../domain/model.ts";
import type { Audit } from "../adapters/store.ts";
import { latestInvitation, newRecord } from "./invitation-core.ts";
import type { Invitation } from "../domain/model.ts";
import { pendingRecipient } from "./invitation-recipients.ts";
import { personById } from "./directory.ts";

/** Records the released deputy's cancellation; returns its record id when one is to be mailed, else null. */
export function releaseDeputy(db: Db, meeting: Meeting, deputyId: string, actorId: string, now: Date, audit: Audit): string | null {
  const latest = latestInvitation(db, meeting.id);
  if (!latest || latest.kind === "cancel") return null;
  const entry = latest.recipients.find((r) => r.personId === deputyId && r.role === "deputy");
  if (!entry) return null;
  if (!entry.acceptedAt && !entry.claimedAt) {
    latest.recipients.splice(latest.recipients.indexOf(entry), 1);
    audit("invitation.deputy-removed", { invitationId: latest.id, meetingId: meeting.id, deputyId });
    return null;
  }
  const record = newRecord(db, meeting, { kind: "cancel", attendeeOnly: true, urgent: false, reason: null, recipients: [pendingRecipient(personById(db, deputyId), "deputy")], createdBy: actorId }, now);
  audit("invitation.created", { invitationId: record.id, meetingId: meeting.id, kind: "cancel", sequence: record.sequence, recipients: [deputyId], released: true });
  return record.id;
}

/** After a release: the re-delegated deputy's own REQUEST, recorded; its record id, or null when no release came after the latest record. */
export function reinviteDeputy(db: Db, meeting: Meeting, deputyId: string, actorId: string, now: Date, audit: Audit): string | null {
  const latest = latestInvitation(db, meeting.id);
  if (!latest || latest.kind === "cancel" || !releasedSince(db, latest, deputyId)) return null;
  const record = newRecord(db, meeting, { kind: "request", attendeeOnly: true, urgent: latest.urgent, reason: null, recipients: [pendingRecipient(personById(db, deputyId), "deputy")], createdBy: actorId }, now);
  record.contents = latest.contents;
  audit("invitation.created", { invitationId: record.id, meetingId: meeting.id, kind: "request", sequence: record.sequence, recipients: [deputyId], redelegated: true });
  return record.id;
}

/** Whether the deputy's last record after `latest` is a release: their calendar entry is gone. */
function releasedSince(db: Db, latest: Invitation, deputyId: string): boolean {
  const own = db.invitations.filter((i) => i.meetingId === latest.meetingId && i.attendeeOnly && i.sequence > latest.sequence && i.recipients.some((r) => r.personId === deputyId));
  return own.sort((a, b) => b.sequence - a.sequence)[0]?.kind === "cancel";
}
