/** Query: a meeting's agenda so far and the proposals still waiting for a decision (§ 4 Abs. 4 GO). */
import type { AgendaItem, Db, Meeting, Proposal } from "../domain/model.ts";
import { personById } from "./directory.ts";
import { findMeeting, nextMeeting } from "./meetings.ts";

export type OpenProposal = Pick<Proposal, "id" | "title" | "description" | "presenter" | "link" | "submittedAt" | "late"> & {
  byName: string;
  /** Proposed for an earlier meeting that passed (or was cancelled) before anyone decided: that meeting's start; else null. */
  carriedFrom: string | null;
};

export interface AgendaOverview {
  meetingId: string;
  meetingStart: string;
  items: AgendaItem[];
  /** Submitted and not yet accepted or rejected, in the order they came in; those of earlier meetings included. */
  open: OpenProposal[];
}

/**
 * The undecided proposals for `meeting`: its own, and those of earlier meetings nobody decided
 * before they passed — carried over, so a late proposal does not vanish with its meeting.
 */
export function openProposalsFor(db: Db, meeting: Meeting, now: Date): Proposal[] {
  const earlier = (id: string) => {
    const m = db.meetings.find((x) => x.id === id);
    return m !== undefined && m.id !== meeting.id && Date.parse(m.start) < Date.parse(meeting.start) && passed(m, now);
  };
  return db.proposals
    .filter((p) => p.status === "submitted" && (p.meetingId === meeting.id || earlier(p.meetingId)))
    .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
}

/** Where a decided proposal goes: its own meeting, or the next one when its own has passed or was cancelled. */
export function meetingToDecideFor(db: Db, proposal: Proposal, now: Date): Meeting {
  const own = findMeeting(db, proposal.meetingId);
  return (passed(own, now) && nextMeeting(db, now)) || own;
}

const passed = (m: Meeting, now: Date) => m.state === "cancelled" || Date.parse(m.end) <= now.getTime();

/** `now` (default: the meeting's start) decides which earlier meetings have passed. */
export function agendaOverview(db: Db, meetingId: string, now?: Date): AgendaOverview {
  const meeting = findMeeting(db, meetingId);
  const startOf = (id: string) => findMeeting(db, id).start;
  return {
    meetingId: meeting.id,
    meetingStart: meeting.start,
    items: sortedAgenda(meeting),
    open: openProposalsFor(db, meeting, now ?? new Date(meeting.start)).map(({ id, title, description, presenter, link, submittedAt, late, byPersonId, meetingId: of }) => ({
      id, title, description, presenter, link, submittedAt, late, byName: personById(db, byPersonId).name,
      carriedFrom: of === meeting.id ? null : startOf(of),
    })),
  };
}

/** The agenda items by their number (they are stored in the order they were added). */
export function sortedAgenda(meeting: Meeting): AgendaItem[] {
  return [...meeting.agenda].sort((a, b) => a.number - b.number);
}
