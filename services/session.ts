/**
 * The live session's queries: the quorum now (Rhein-Sieg § 6 Abs. 4, 5 GO) and who is represented.
 * Its commands are their own modules: declare-not-quorate.ts, record-vote.ts, record-statement.ts.
 */
import type { AgendaItem, Db, Meeting } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { quorumStatus, representedInstitutions, type QuorumStatus } from "../rules/quorum.ts";
import { ServiceError } from "./errors.ts";
import { say } from "./say.ts";
import { findMeeting } from "./meetings.ts";
import { berlinDay } from "../rules/time.ts";

export function itemOf(meeting: Meeting, number: number | null): AgendaItem | null {
  if (number === null) return null;
  const item = meeting.agenda.find((i) => i.number === number);
  if (!item) throw new ServiceError(say("session.notOnAgenda", number, meeting.agenda.length), "not-found");
  return item;
}

/** Voting institutions represented now: checked in by member or deputy, each institution once. */
export function representedNow(db: Db, meetingId: string): number {
  return representedInstitutions(db.attendance.filter((a) => a.meetingId === meetingId && a.present), db.institutions);
}

export function votingMembers(db: Db): number {
  return db.institutions.filter((i) => i.voting).length;
}

export function declaredNotQuorate(db: Db, meetingId: string, itemId: string | null): boolean {
  const latest = db.quorumDeclarations.filter((q) => q.meetingId === meetingId && (q.agendaItemId === null || q.agendaItemId === itemId)).at(-1);
  return latest ? !latest.quorate : false;
}

/** "Sind wir beschlussfähig?" — the count, the required number and the rule, for an item if named. */
export function quorumNow(db: Db, meetingId: string, itemNumber: number | null, profile: Profile): QuorumStatus & { item: AgendaItem | null } {
  const meeting = findMeeting(db, meetingId);
  const item = itemOf(meeting, itemNumber);
  const status = quorumStatus(
    {
      represented: representedNow(db, meetingId),
      votingMembers: votingMembers(db),
      secondConvocation: item?.secondConvocation ?? false,
      declaredNotQuorate: declaredNotQuorate(db, meetingId, item?.id ?? null),
    },
    profile,
  );
  return { ...status, item };
}

/** The meeting held today (Berlin day), if any: what the chair says today is about its session. */
export function sessionToday(db: Db, now: Date): Meeting | null {
  return db.meetings.find((m) => m.state !== "cancelled" && berlinDay(new Date(m.start)) === berlinDay(now)) ?? null;
}
