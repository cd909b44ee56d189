/** Query: a meeting's agenda so far and the proposals still waiting for a decision (§ 4 Abs. 4 GO). */
import type { AgendaItem, Db, Meeting, Proposal } from "../domain/model.ts";
import { personById } from "./directory.ts";
import { findMeeting } from "./meetings.ts";

export type OpenProposal = Pick<Proposal, "id" | "title" | "description" | "presenter" | "link" | "submittedAt" | "late"> & { byName: string };

export interface AgendaOverview {
  meetingId: string;
  meetingStart: string;
  items: AgendaItem[];
  /** Submitted and not yet accepted or rejected, in the order they came in. */
  open: OpenProposal[];
}

export function agendaOverview(db: Db, meetingId: string): AgendaOverview {
  const meeting = findMeeting(db, meetingId);
  const open = db.proposals.filter((p) => p.meetingId === meeting.id && p.status === "submitted");
  return {
    meetingId: meeting.id,
    meetingStart: meeting.start,
    items: sortedAgenda(meeting),
    open: open.map(({ id, title, description, presenter, link, submittedAt, late, byPersonId }) => ({
      id, title, description, presenter, link, submittedAt, late, byName: personById(db, byPersonId).name,
    })),
  };
}

/** The agenda items by their number (they are stored in the order they were added). */
export function sortedAgenda(meeting: Meeting): AgendaItem[] {
  return [...meeting.agenda].sort((a, b) => a.number - b.number);
}
