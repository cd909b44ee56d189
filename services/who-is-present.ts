/**
 * "Wer ist da?" during a session: the institutions represented now and who sits for each (member or
 * deputy, in person or online), the quorum count (Rhein-Sieg § 6 Abs. 4 GO), and the guests Teams saw
 * join (no vote, § 2 Abs. 3 GO). Facts only; texts/live-session.ts words them.
 */
import type { Attendance, Db, Institution, Meeting } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import type { QuorumStatus } from "../rules/quorum.ts";
import { quorumNow } from "./session.ts";
import { personName as nameOf } from "./directory.ts";

export interface PresentSeat {
  institution: string;
  voting: boolean;
  person: string;
  as: "member" | "deputy";
  mode: "in-person" | "online";
}

export interface WhoIsPresent {
  seats: PresentSeat[];
  quorum: QuorumStatus;
  /** Names of guests and of people outside the roster in the Teams meeting now. */
  guests: string[];
}

/** What a member may see of it: the count, and whether their own institution is checked in (and by whom). */
export interface PresentForMember {
  quorum: QuorumStatus;
  own: { institution: string; person: string; mine: boolean } | null;
}

export function whoIsPresent(db: Db, meeting: Meeting, profile: Profile): WhoIsPresent {
  const seats = db.institutions.flatMap((inst) => {
    const record = checkedIn(db, meeting.id, inst.id);
    return record ? [seatOf(db, meeting, inst, record)] : [];
  });
  return { seats, quorum: quorumNow(db, meeting.id, null, profile), guests: guestsInMeeting(db, meeting) };
}

export function presentForMember(db: Db, meeting: Meeting, personId: string, profile: Profile): PresentForMember {
  const inst = db.institutions.find((i) => i.memberId === personId || i.deputyId === personId);
  const record = inst ? checkedIn(db, meeting.id, inst.id) : null;
  const own = inst && record?.attendeeId ? { institution: inst.name, person: nameOf(db, record.attendeeId), mine: record.attendeeId === personId } : null;
  return { quorum: quorumNow(db, meeting.id, null, profile), own };
}

function checkedIn(db: Db, meetingId: string, institutionId: string): Attendance | null {
  return db.attendance.find((a) => a.meetingId === meetingId && a.institutionId === institutionId && a.present && a.attendeeId) ?? null;
}

/** The mode as the minutes state it: a hybrid session tells online by the answer or by Teams having seen the person. */
function seatOf(db: Db, meeting: Meeting, inst: Institution, record: Attendance): PresentSeat {
  const attendee = record.attendeeId!;
  const seenInTeams = meeting.session?.events.some((e) => e.personId === attendee) ?? false;
  const online = meeting.mode === "online" || (meeting.mode === "hybrid" && (record.mode === "online" || seenInTeams));
  return { institution: inst.name, voting: inst.voting, person: nameOf(db, attendee), as: attendee === inst.deputyId ? "deputy" : "member", mode: online ? "online" : "in-person" };
}

/** Guests whose last event in the Teams meeting is "joined"; the roster's seats, chair and Geschäftsstelle are not guests. */
function guestsInMeeting(db: Db, meeting: Meeting): string[] {
  const last = new Map<string, "joined" | "left">();
  for (const e of meeting.session?.events ?? []) {
    if (e.personId === null || db.body.guestIds.includes(e.personId)) last.set(e.personId ? nameOf(db, e.personId) : e.name, e.kind);
  }
  return [...last].filter(([, kind]) => kind === "joined").map(([name]) => name);
}

