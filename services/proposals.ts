/**
 * What the proposal commands share (propose-item.ts: members and deputies propose, late ones are
 * taken but marked; decide-proposal.ts: the Geschäftsstelle accepts or rejects them).
 */
import type { Db, Meeting, Proposal } from "../domain/model.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";

export interface ProposalInput {
  title: string;
  description: string;
  presenter: string;
  link: string | null;
}

export interface ProposalOutcome {
  proposal: Proposal | null;
  reply: Said<SentenceCode>;
  /** Outbox messages this command recorded for other people, to be sent after the reply. */
  outbox: string[];
}

/** A proposal made once a meeting has begun is for the one after it: the first planned meeting starting later, or null. */
export function meetingAfter(db: Db, meeting: Meeting): Meeting | null {
  const later = db.meetings
    .filter((m) => m.state !== "cancelled" && new Date(m.start).getTime() > new Date(meeting.start).getTime())
    .sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime());
  return later[0] ?? null;
}
