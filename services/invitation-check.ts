/**
 * Query: may the invitation to a meeting go out now? Asked before the mail fan-out starts, so a
 * refusal is said at once; the send checks the same again under the lock (it is the authority).
 */
import type { Db } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { invitationPermission, type InvitationPermission, type InvitationRequest } from "../rules/timing.ts";
import { missingContents, type MissingContents } from "./invitation-core.ts";
import { findMeeting } from "./meetings.ts";

export type InvitationCheck =
  | { allowed: true }
  | { allowed: false; code: "missing-contents"; missing: MissingContents }
  | { allowed: false; code: "notice-period"; permission: Extract<InvitationPermission, { allowed: false }> };

export function invitationCheck(db: Db, meetingId: string, now: Date, request: InvitationRequest, profile: Profile): InvitationCheck {
  const meeting = findMeeting(db, meetingId);
  // Once an invitation went out, "/einladen" continues it; the send says how far it got.
  if (db.invitations.some((i) => i.meetingId === meeting.id)) return { allowed: true };
  const missing = missingContents(meeting, profile);
  if (missing) return { allowed: false, code: "missing-contents", missing };
  const permission = invitationPermission(new Date(meeting.start), now, profile, request);
  return permission.allowed ? { allowed: true } : { allowed: false, code: "notice-period", permission };
}
