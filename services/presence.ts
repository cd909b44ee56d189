/**
 * Who is present for an institution, however it was said: "Ich bin anwesend" (check-in.ts) or the
 * Teams meeting's join and leave events (meeting-presence.ts). There is one attendance record per
 * institution, so an institution is counted once however many of its people are there (one vote
 * each, Rhein-Sieg § 6 Abs. 3 GO). A deputy who comes is counted when the member is not there,
 * with or without a handover: the member may just have forwarded the invitation (§ 4 Abs. 6 GO),
 * and § 6 Abs. 4 GO counts the institution as represented "durch Mitglied oder Stellvertretung".
 * `/anwesend` and `/abwesend` (mark-presence.ts) stay the chair's hand correction.
 */
import type { Db, Institution, Person } from "../domain/model.ts";
import { toBerlinIso } from "../rules/time.ts";
import { current, upsert, type Mode } from "./attendance.ts";
import { rolesOf } from "./directory.ts";

export type CheckIn =
  | { kind: "checked-in"; institution: Institution; role: "member" | "deputy"; standsInFor: Person | null; handedOver: boolean }
  /** This person is already counted for the institution. */
  | { kind: "already"; institution: Institution }
  /** Someone else of the institution is counted: it stays counted once. */
  | { kind: "represented-by"; institution: Institution; by: Person | null }
  /** No seat (chair, Geschäftsstelle, guest): recorded elsewhere at most, never counted. */
  | { kind: "no-seat" };

export type CheckOut =
  | { kind: "checked-out"; institution: Institution }
  /** The person left, but the institution's other person is still there and now counts for it. */
  | { kind: "handed-to"; institution: Institution; to: Person }
  /** The person was not the one counted: nothing changes. */
  | { kind: "not-counted" };

function seatOf(db: Db, personId: string): { institution: Institution; role: "member" | "deputy" } | null {
  const roles = rolesOf(db, personId);
  if (roles.member) return { institution: roles.member, role: "member" };
  if (roles.deputy) return { institution: roles.deputy, role: "deputy" };
  return null;
}

const person = (db: Db, id: string | null) => (id ? (db.persons.find((p) => p.id === id) ?? null) : null);

export function checkInPerson(db: Db, meetingId: string, personId: string, now: Date, actorId: string, mode: Mode | null): CheckIn {
  const seat = seatOf(db, personId);
  if (!seat) return { kind: "no-seat" };
  const { institution, role } = seat;
  const before = current(db, meetingId, institution.id);
  if (before?.present) {
    return before.attendeeId === personId ? { kind: "already", institution } : { kind: "represented-by", institution, by: person(db, before.attendeeId) };
  }
  upsert(db, {
    meetingId,
    institutionId: institution.id,
    // The institution's answer stays as it was given (a deputy standing in does not make the member "excused").
    status: role === "member" ? "attending" : (before?.status ?? "attending"),
    attendeeId: personId,
    mode: mode ?? before?.mode ?? null,
    present: true,
    checkedInAt: toBerlinIso(now),
    updatedAt: toBerlinIso(now),
    updatedBy: actorId,
  });
  const standsInFor = role === "deputy" ? person(db, institution.memberId) : null;
  return { kind: "checked-in", institution, role, standsInFor, handedOver: before?.status === "delegated" };
}

/** A Teams leave. `stillThere`: people still in the meeting, so the institution's other person can take over its seat. */
export function checkOutPerson(db: Db, meetingId: string, personId: string, now: Date, actorId: string, stillThere: Set<string>, hybrid: boolean): CheckOut {
  const seat = seatOf(db, personId);
  if (!seat) return { kind: "not-counted" };
  const { institution } = seat;
  const before = current(db, meetingId, institution.id);
  if (!before?.present || before.attendeeId !== personId) return { kind: "not-counted" };
  // Recorded in the room (hybrid): leaving the call does not mean leaving the room; `/abwesend` does.
  if (hybrid && before.mode === "in-person") return { kind: "not-counted" };
  const other = [institution.memberId, institution.deputyId].find((id) => id && id !== personId && stillThere.has(id)) ?? null;
  const stamp = { updatedAt: toBerlinIso(now), updatedBy: actorId };
  if (other) {
    upsert(db, { ...before, attendeeId: other, checkedInAt: toBerlinIso(now), ...stamp });
    return { kind: "handed-to", institution, to: person(db, other)! };
  }
  upsert(db, { ...before, present: false, checkedInAt: null, ...stamp });
  return { kind: "checked-out", institution };
}

/** Deputies counted now for an institution whose member is not there: the chair should see who stands in. */
export function standIns(db: Db, meetingId: string): { institution: string; deputy: string; member: string }[] {
  return db.attendance
    .filter((a) => a.meetingId === meetingId && a.present)
    .flatMap((a) => {
      const inst = db.institutions.find((i) => i.id === a.institutionId);
      if (!inst || !a.attendeeId || a.attendeeId !== inst.deputyId) return [];
      return [{ institution: inst.name, deputy: person(db, a.attendeeId)?.name ?? a.attendeeId, member: person(db, inst.memberId)?.name ?? inst.memberId }];
    });
}
