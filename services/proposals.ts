/**
 * What the proposal commands share (propose-item.ts: members and deputies propose, late ones are
 * taken but marked; decide-proposal.ts: the Geschäftsstelle accepts or rejects them).
 */
import type { Proposal } from "../domain/model.ts";
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

