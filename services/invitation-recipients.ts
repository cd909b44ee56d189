/**
 * Who receives a meeting's invitation, and how each person appears in the calendar file.
 *
 * Invited are (decisions, see also the invitation service):
 * - the member of every institution, voting or advisory: the Geschäftsordnung invites "die Mitglieder";
 * - where the member handed the seat to the registered deputy, the member still gets it, marked
 *   PARTSTAT=DELEGATED, and the deputy gets a REQUEST of their own (Outlook ignores delegation);
 * - the chair, unless also a member: the chair leads the meeting and needs every update and cancellation.
 * Not invited: the Geschäftsstelle, which is the ORGANIZER (the mail's From), not an attendee; and
 * guests (Dritte), whom the group invites separately by decision.
 */
import type { CalendarAttendee } from "../adapters/calendar.ts";
import type { InvitationRecipient } from "../adapters/invitation-mail.ts";
import type { Db, Institution, Invitation, Meeting, Person, Recipient } from "../domain/model.ts";
import { personById } from "./directory.ts";

/** The deputy who comes for the institution, when its member has delegated; null otherwise. */
export function deputyFor(db: Db, meetingId: string, institution: Institution): Person | null {
  const attendance = db.attendance.find((a) => a.meetingId === meetingId && a.institutionId === institution.id);
  if (attendance?.status !== "delegated") return null;
  const deputyId = attendance.attendeeId ?? institution.deputyId;
  return deputyId && deputyId !== institution.memberId ? personById(db, deputyId) : null;
}

/** A recipient not yet sent to. */
export function pendingRecipient(person: Person, role: Recipient["role"]): Recipient {
  return { personId: person.id, email: person.email, role, acceptedAt: null, error: null, attempts: 0, claimedAt: null };
}

/** Everyone the meeting's invitation goes to now, not yet sent (one entry per person). */
export function currentRecipients(db: Db, meeting: Meeting): Recipient[] {
  const list: Recipient[] = [];
  const add = (r: Recipient) => {
    if (!list.some((x) => x.personId === r.personId)) list.push(r);
  };
  for (const institution of db.institutions) {
    add(pendingRecipient(personById(db, institution.memberId), "member"));
    const deputy = deputyFor(db, meeting.id, institution);
    if (deputy) add(pendingRecipient(deputy, "deputy"));
  }
  add(pendingRecipient(personById(db, db.body.chairId), "chair"));
  return list;
}

/** Whether a recipient still gets the meeting's updates and cancellation: a deputy only while standing in (a released one had theirs cancelled). */
export function stillInvited(db: Db, meeting: Meeting, r: Recipient): boolean {
  if (r.role !== "deputy") return true;
  return db.institutions.some((i) => deputyFor(db, meeting.id, i)?.id === r.personId);
}

/** The recipients again, as not yet sent (for a new record that goes to the same people). */
export function unsent(recipients: Recipient[]): Recipient[] {
  return recipients.map((r) => ({ ...r, acceptedAt: null, error: null, attempts: 0, claimedAt: null }));
}

/** An update's recipients: whom the latest record went to and who is still invited, and anyone added since. */
export function updateRecipients(db: Db, meeting: Meeting, latest: Invitation | null): Recipient[] {
  const recipients = latest ? unsent(latest.recipients.filter((r) => stillInvited(db, meeting, r))) : [];
  extendRecipients(recipients, currentRecipients(db, meeting));
  return recipients;
}

/** A cancellation's recipients: everyone any record went to who is still invited. */
export function cancelRecipients(db: Db, meeting: Meeting): Recipient[] {
  const recipients: Recipient[] = [];
  for (const record of db.invitations.filter((i) => i.meetingId === meeting.id)) {
    extendRecipients(recipients, unsent(record.recipients.filter((r) => stillInvited(db, meeting, r))));
  }
  return recipients;
}

/** Adds whoever is missing from `recipients` (a later delegation, a changed roster); returns who was added. */
export function extendRecipients(recipients: Recipient[], wanted: Recipient[]): Recipient[] {
  const added = wanted.filter((w) => !recipients.some((r) => r.personId === w.personId));
  recipients.push(...added);
  return added;
}

/** The ATTENDEE lines: every recipient, with RFC 5546 delegation marks from the attendance. */
export function calendarAttendees(db: Db, meeting: Meeting, recipients: Recipient[]): CalendarAttendee[] {
  const marks = new Map<string, Partial<CalendarAttendee>>();
  for (const institution of db.institutions) {
    const deputy = deputyFor(db, meeting.id, institution);
    if (!deputy) continue;
    const member = personById(db, institution.memberId);
    marks.set(member.id, { partstat: "DELEGATED", delegatedTo: deputy.email });
    marks.set(deputy.id, { delegatedFrom: member.email });
  }
  return recipients.map((r) => ({ name: nameOf(db, r), email: r.email, ...marks.get(r.personId) }));
}

/** The addressee of one mail; a deputy standing in is told whom they represent. */
export function mailRecipient(db: Db, meeting: Meeting, r: Recipient): InvitationRecipient {
  const seat = db.institutions.find((i) => i.memberId === r.personId);
  const delegatedTo = seat ? deputyFor(db, meeting.id, seat)?.name ?? null : null;
  const deputy = db.institutions.some((i) => i.deputyId === r.personId);
  const base = { name: nameOf(db, r), email: r.email, salutation: db.persons.find((p) => p.id === r.personId)?.salutation ?? null, delegatedTo, deputy };
  const institution = db.institutions.find((i) => deputyFor(db, meeting.id, i)?.id === r.personId);
  if (!institution) return base;
  return { ...base, represents: { name: personById(db, institution.memberId).name, institution: institution.name } };
}

/** A recipient's name; the address stands in for someone no longer on the roster. */
export function nameOf(db: Db, r: Recipient): string {
  return db.persons.find((p) => p.id === r.personId)?.name ?? r.email;
}
