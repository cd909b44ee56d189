/**
 * The result of a vote by the profile's rule: Rhein-Sieg § 6 Abs. 2, 3 — yes ≥ ceil(2/3 × institutions
 * present), one vote per institution; Oberhausen Nr. 5.1 — consensus, abstentions allowed.
 * The wording is in texts/majority.ts.
 */
import { requireCount, RuleInputError } from "./errors.ts";
import type { Profile } from "../domain/profile.ts";
import { ceilShare } from "./profile.ts";

export interface VoteInput {
  yes: number;
  no: number;
  abstain: number;
  /** Institutions present (one vote each); defaults to yes + no + abstain. */
  present?: number;
}

export interface VoteResult {
  /** null where the profile has no majority rule. */
  passed: boolean | null;
  required: number | null;
  yes: number;
  no: number;
  abstain: number;
  present: number;
  citation: string | null;
  /** The profile's majority rule the result was reached by. */
  rule: Profile["majority"];
}

export function voteResult(input: VoteInput, profile: Profile): VoteResult {
  const { yes, no, abstain } = input;
  const present = input.present ?? yes + no + abstain;
  requireCount(yes, "yes");
  requireCount(no, "no");
  requireCount(abstain, "abstain");
  requireCount(present, "present");
  if (yes + no + abstain > present) throw new RuleInputError({ code: "more-votes-than-present", counted: yes + no + abstain, present });
  if (present === 0) throw new RuleInputError({ code: "nobody-present" });
  const rule = profile.majority;
  const counts = { yes, no, abstain, present, rule };
  if (rule.kind === "not-regulated") return { ...counts, passed: null, required: null, citation: null };
  if (rule.kind === "consensus") {
    const passed = no === 0 && yes > 0 && (rule.abstentionsAllowed || abstain === 0);
    return { ...counts, passed, required: null, citation: rule.citation };
  }
  const required = ceilShare(present, rule.share);
  return { ...counts, passed: yes >= required, required, citation: rule.citation };
}

/** "einstimmig bei 2 Enthaltungen": every institution present votes one way, except those that abstain. */
export function unanimousCounts(present: number, abstain: number, side: "yes" | "no"): Pick<VoteInput, "yes" | "no" | "abstain"> {
  const rest = Math.max(0, present - abstain);
  return side === "yes" ? { yes: rest, no: 0, abstain } : { yes: 0, no: rest, abstain };
}
