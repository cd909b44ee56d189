/**
 * What the proposal commands share (propose-item.ts: members and deputies propose, late ones are
 * taken but marked; decide-proposal.ts: the Geschäftsstelle accepts or rejects them).
 */
import type { Proposal } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";

export interface ProposalInput {
  title: string;
  description: string;
  presenter: string;
  link: string | null;
}

export interface ProposalOutcome {
  proposal: Proposal | null;
  reply: Texts;
  /** Outbox messages this command recorded for other people, to be sent after the reply. */
  outbox: string[];
}

/** What a redelivered proposal or decision is told. */
export const PROPOSAL_RECEIVED: Texts = { de: "Dieser Vorschlag ist bereits eingegangen.", en: "This proposal has already been received." };
export const ALREADY_DECIDED: Texts = { de: "Bereits erledigt.", en: "Already done." };
