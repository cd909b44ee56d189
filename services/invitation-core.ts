/**
 * What the invitation commands share: who may send, the records (one per mail-out: request,
 * update, cancellation, each with the calendar SEQUENCE it carried), composing a recipient's mail
 * from the stored meeting, and running a prepared batch to its report.
 */
import type { MailMessage } from "../adapters/mail-transport.ts";
import { invitationComposer, mailNames, type InvitationInput } from "../adapters/invitation-mail.ts";
import type { Db, Invitation, Meeting, Recipient } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import type { ReportWarning } from "../texts/invitation-report.ts";
import { invitationPermission } from "../rules/timing.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { recordDeliveries, sendAll, type Batch } from "./invitation-delivery.ts";
import { calendarAttendees, mailRecipient } from "./invitation-recipients.ts";
import { buildReport, type InvitationReport } from "./invitation-report.ts";
import { findMeeting } from "./meetings.ts";
import { say } from "./say.ts";

/** The meeting, or a refusal naming the meetings there are. */
export function meetingOf(db: Db, meetingId: string): Meeting {
  return findMeeting(db, meetingId);
}

/** A meeting that can still be invited to or changed: not cancelled, not held. */
export function openMeeting(db: Db, meetingId: string, profile: Profile): Meeting {
  const meeting = meetingOf(db, meetingId);
  if (meeting.state !== "planned" && meeting.state !== "invited") {
    throw new ServiceError(say("invitation.meetingClosedText", meeting.id, meeting.state, profile), "conflict");
  }
  return meeting;
}

/** The meeting's newest own record (invitation, update, cancellation); a released deputy's cancellation is not one. */
export function latestInvitation(db: Db, meetingId: string): Invitation | null {
  return newest(db.invitations.filter((i) => i.meetingId === meetingId && !i.attendeeOnly));
}

/** The meeting's current SEQUENCE: the highest any record carried, a released deputy's cancellation too; -1 before any. */
export function currentSequence(db: Db, meetingId: string): number {
  return newest(db.invitations.filter((i) => i.meetingId === meetingId))?.sequence ?? -1;
}

function newest(records: Invitation[]): Invitation | null {
  return records.reduce<Invitation | null>((a, b) => (a && a.sequence > b.sequence ? a : b), null);
}

/** A new record, SEQUENCE one above the last (0 for the first request). */
export function newRecord(
  db: Db,
  meeting: Meeting,
  fields: Pick<Invitation, "kind" | "urgent" | "reason" | "recipients" | "createdBy" | "attendeeOnly">,
  now: Date,
): Invitation {
  const sequence = currentSequence(db, meeting.id) + 1;
  const invitation: Invitation = { id: `${meeting.id}-${fields.kind}-${sequence}`, meetingId: meeting.id, sequence, createdAt: toBerlinIso(now), sentAt: null, ...fields };
  db.invitations.push(invitation);
  return invitation;
}


/** What an invitation must state and lacks: the profile's list, the gaps in it, the paragraph. */
export interface MissingContents {
  required: ("place" | "date" | "agenda")[];
  /** "place" is the room for a meeting in person, "online-link" the link for one online; hybrid needs both. */
  missing: ("place" | "online-link" | "date" | "agenda")[];
  citation: string;
}

/** The profile's required contents of an invitation (Rhein-Sieg: place, date and agenda) that the meeting lacks; null when complete. */
export function missingContents(meeting: Meeting, profile: Profile): MissingContents | null {
  if (!profile.invitation.regulated) return null;
  const missing: MissingContents["missing"] = [];
  for (const need of profile.invitation.requiredContents) {
    if (need === "place") {
      if (meeting.mode !== "online" && !meeting.location.trim()) missing.push("place");
      if (meeting.mode !== "in-person" && !meeting.onlineUrl) missing.push("online-link");
    }
    if (need === "date" && Number.isNaN(Date.parse(meeting.start))) missing.push("date");
    if (need === "agenda" && meeting.agenda.length === 0) missing.push("agenda");
  }
  return missing.length ? { required: profile.invitation.requiredContents, missing, citation: profile.invitation.citation } : null;
}

/** Refuses an invitation that lacks a required content, naming what is missing. */
export function requireContents(meeting: Meeting, profile: Profile): void {
  const missing = missingContents(meeting, profile);
  if (missing) throw new ServiceError(say("invitation.missingContentsText", missing), "invalid");
}

/**
 * Sending more of an invitation that already went out (a retry, a late recipient, an update)
 * is never refused for the notice period — refusing would leave those people with nothing — but
 * the Geschäftsstelle is told when it is past the last day. Only a meeting that has begun is refused.
 */
export function lateWarning(db: Db, meeting: Meeting, invitation: Invitation, now: Date, profile: Profile): ReportWarning | null {
  // The urgent reason was checked when the invitation first went out.
  const permission = invitationPermission(new Date(meeting.start), now, profile, { urgent: invitation.urgent, reason: invitation.urgent ? "vermerkt" : null });
  if (permission.allowed) return null;
  if (permission.code === "meeting-passed") throw new ServiceError(say("timing.invitationPermissionText", permission), "conflict");
  const day = invitation.urgent ? permission.lastUrgentDay : permission.lastNormalDay;
  const rule = invitation.urgent ? profile.urgentInvitation : profile.invitation;
  if (!day || !rule.regulated) return null;
  return { kind: "late", update: invitation.kind === "update", day, citation: rule.citation };
}

/** One calendar entry per meeting: updates and cancellations replace it by this UID. */
export function meetingUid(db: Db, meeting: Meeting): string {
  const domain = db.body.secretariatEmail.split("@")[1] ?? "localhost";
  return `${meeting.id}@${domain}`;
}

/**
 * A recipient's mail for `invitation`, from the meeting as it is stored now: everything the mail
 * says is taken at once (under the lock), the mail is composed when it is sent.
 */
export function composer(db: Db, meeting: Meeting, invitation: Invitation, now: Date, profile: Profile): (r: Recipient) => () => MailMessage {
  const names = mailNames(db.body.name, profile.bodyKind);
  const input: Omit<InvitationInput, "recipient"> = {
    kind: invitation.kind,
    meetingTitle: names.meetingTitle,
    meeting: {
      uid: meetingUid(db, meeting),
      sequence: invitation.sequence,
      start: new Date(meeting.start),
      end: new Date(meeting.end),
      location: meeting.location,
      onlineUrl: meeting.onlineUrl,
      agenda: meeting.agenda.map((a) => ({ number: a.number, title: a.title, public: a.public, secondConvocation: a.secondConvocation })),
    },
    secretariat: { name: names.secretariatName, email: db.body.secretariatEmail },
    attendees: calendarAttendees(db, meeting, invitation.recipients),
    releasedBy: invitation.attendeeOnly ? releasedBy(db, invitation) : null,
    urgentReason: invitation.kind === "request" && invitation.urgent ? invitation.reason : null,
    note: invitation.kind === "request" ? null : invitation.reason,
    citations: {
      nonPublic: profile.nonPublic.regulated ? profile.nonPublic.citation : null,
      secondConvocation: profile.secondConvocation.regulated ? profile.secondConvocation.citation : null,
    },
    stamp: now,
  };
  const compose = invitationComposer(input);
  return (r) => {
    const recipient = mailRecipient(db, meeting, r);
    return () => compose(recipient);
  };
}

/** The member who took the seat back from the deputy a release cancellation goes to. */
function releasedBy(db: Db, invitation: Invitation): string | null {
  const institution = db.institutions.find((i) => invitation.recipients.some((r) => r.personId === i.deputyId));
  return institution ? db.persons.find((p) => p.id === institution.memberId)?.name ?? null : null;
}

/** Sends a prepared batch outside the lock, records the answers, and reports them. */
export async function deliver(services: Services, actorId: string, batch: Batch): Promise<InvitationReport> {
  const deliveries = await sendAll(services, batch.outgoing);
  if (deliveries.length === 0) {
    const db = await services.store.read();
    const invitation = db.invitations.find((i) => i.id === batch.invitationId)!;
    return buildReport(db, invitation, batch, deliveries, services.mailer);
  }
  const result = await services.store.update({ actorId }, (db, audit) => {
    const invitation = recordDeliveries(db, batch.invitationId, deliveries, services.mailer.kind, audit);
    return buildReport(db, invitation, batch, deliveries, services.mailer);
  });
  if (result.duplicate) throw new Error("unreachable: no activity id given");
  return result.value;
}

/** The state of the latest record, for a request that was already handled (same Teams activity). */
export async function statusReport(services: Services, meetingId: string): Promise<InvitationReport> {
  const db = await services.store.read();
  const latest = latestInvitation(db, meetingId);
  if (!latest) throw new ServiceError(say("invitation.ALREADY_HANDLED"), "conflict");
  const accepted = latest.recipients.filter((r) => r.acceptedAt).length;
  const batch: Batch = {
    invitationId: latest.id,
    meetingId,
    outgoing: [],
    alreadyAccepted: accepted,
    inProgress: 0,
    warnings: [{ kind: "already-handled" }],
  };
  return buildReport(db, latest, batch, [], services.mailer);
}
