/**
 * What the attendance commands share: the person's seat, the institution's answer so far, and
 * the codes and facts their wording (texts/attendance.ts) takes. The commands are their own modules:
 * answer-attendance.ts, delegate-seat.ts, check-in.ts, mark-presence.ts.
 */
import type { Attendance, Db, Institution, Meeting, Person } from "../domain/model.ts";
import { berlinDay, toBerlinIso } from "../rules/time.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import type { NoticeTexts } from "../texts/outbox.ts";
import type { Notice } from "./outbox.ts";
import { findPersonOrInstitution, rolesOf } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import { say } from "./say.ts";

export type Mode = "in-person" | "online";

export interface Outcome {
  reply: Said<SentenceCode>;
  /** Outbox messages this command recorded for other people, to be sent after the reply. */
  outbox: string[];
  /** False when Teams delivered the same message again and nothing was changed. */
  changed: boolean;
}

export function notStarted(m: Meeting, now: Date): void {
  if (now.getTime() >= new Date(m.end).getTime()) {
    throw new ServiceError(say("attendance.meetingOver", m.start), "conflict");
  }
}

/** The institution a person sits for, or a refusal saying who may answer. */
function seatOrRefuse(db: Db, personId: string): { institution: Institution; role: "member" | "deputy" } {
  const roles = rolesOf(db, personId);
  if (roles.member) return { institution: roles.member, role: "member" };
  if (roles.deputy) return { institution: roles.deputy, role: "deputy" };
  throw new ServiceError(say("attendance.NO_SEAT"), "forbidden");
}

/** The person's seat and the institution's answer so far; a deputy acts only once the seat was handed over. */
export function seatAndAnswer(db: Db, personId: string, meetingId: string, notHandedOver: (institution: Institution) => Said<SentenceCode>) {
  const { institution, role } = seatOrRefuse(db, personId);
  const before = current(db, meetingId, institution.id);
  if (role === "deputy" && before?.status !== "delegated") throw new ServiceError(notHandedOver(institution), "conflict");
  return { institution, role, before };
}

export function upsert(db: Db, record: Attendance): void {
  const i = db.attendance.findIndex((a) => a.meetingId === record.meetingId && a.institutionId === record.institutionId);
  if (i >= 0) db.attendance[i] = record;
  else db.attendance.push(record);
}

export function current(db: Db, meetingId: string, institutionId: string): Attendance | undefined {
  return db.attendance.find((a) => a.meetingId === meetingId && a.institutionId === institutionId);
}

export function secretariatNotices(db: Db, notice: NoticeTexts): Notice[] {
  return db.body.secretariatIds.map((personId) => ({ personId, ...notice }));
}

export function answerText(record: Attendance, meeting: Meeting, institution: Institution): Said<SentenceCode> {
  if (record.attendeeId === null) return say("attendance.declinedText", institution.name, meeting.start);
  return say("attendance.attendingText", institution.name, meeting.start, record.mode);
}

export function duplicateOutcome(): Outcome {
  return { reply: say("turn.ALREADY_HANDLED"), outbox: [], changed: false };
}




export function sessionDay(meeting: Meeting, now: Date): void {
  const day = berlinDay(new Date(meeting.start));
  if (berlinDay(now) !== day) {
    throw new ServiceError(say("attendance.checkInClosed", day), "conflict");
  }
}

export function setPresent(db: Db, meetingId: string, institutionId: string, attendeeId: string, present: boolean, now: Date, actorId: string, before?: Attendance): void {
  const institution = db.institutions.find((i) => i.id === institutionId)!;
  upsert(db, {
    meetingId, institutionId,
    status: before?.status === "delegated" || attendeeId === institution.deputyId ? "delegated" : present ? "attending" : before?.status ?? "declined",
    attendeeId: present ? attendeeId : before?.attendeeId ?? null,
    mode: before?.mode ?? null,
    present,
    checkedInAt: present ? toBerlinIso(now) : null,
    updatedAt: toBerlinIso(now), updatedBy: actorId,
  });
}


export function target(db: Db, query: string): { person: Person | null; institution: Institution } {
  const { person, institution } = findPersonOrInstitution(db, query);
  if (person) {
    const roles = rolesOf(db, person.id);
    const seat = roles.member ?? roles.deputy;
    if (seat) return { person, institution: seat };
    throw new ServiceError(say("attendance.noSeatForGuest", person.name), "invalid");
  }
  if (institution) return { person: null, institution };
  throw new ServiceError(say("attendance.nobodyFound", query), "not-found");
}
