/**
 * The result of a vote by the profile's rule: Rhein-Sieg § 6 Abs. 2, 3 — yes ≥ ceil(2/3 × institutions
 * present), one vote per institution; Oberhausen Nr. 5.1 — consensus, abstentions allowed.
 */
import { requireCount, RuleInputError } from "./errors.ts";
import type { Profile, Texts } from "../domain/profile.ts";
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
  text: Texts;
}

export function voteResult(input: VoteInput, profile: Profile): VoteResult {
  const { yes, no, abstain } = input;
  const present = input.present ?? yes + no + abstain;
  requireCount(yes, "Ja-Stimmen", "Yes votes");
  requireCount(no, "Nein-Stimmen", "No votes");
  requireCount(abstain, "Enthaltungen", "Abstentions");
  requireCount(present, "Die Zahl der Anwesenden", "The number present");
  if (yes + no + abstain > present) {
    throw new RuleInputError({
      de: `Es wurden ${yes + no + abstain} Stimmen gezählt, aber nur ${present} Institutionen sind anwesend; jede Institution hat eine Stimme.`,
      en: `${yes + no + abstain} votes were counted but only ${present} institutions are present; each institution has one vote.`,
    });
  }
  if (present === 0) {
    throw new RuleInputError({ de: "Ohne anwesende Institutionen gibt es keine Abstimmung.", en: "There is no vote without institutions present." });
  }
  const counts = { yes, no, abstain, present };
  const tally: Texts = {
    de: `${yes} Ja, ${no} Nein, ${abstain} Enthaltung${abstain === 1 ? "" : "en"} bei ${present} anwesenden Institutionen`,
    en: `${yes} yes, ${no} no, ${abstain} abstention${abstain === 1 ? "" : "s"} with ${present} institutions present`,
  };
  const rule = profile.majority;
  if (rule.kind === "not-regulated") return { ...counts, passed: null, required: null, citation: null, text: rule.note };
  if (rule.kind === "consensus") {
    const passed = no === 0 && yes > 0 && (rule.abstentionsAllowed || abstain === 0);
    return {
      ...counts, passed, required: null, citation: rule.citation,
      text: passed
        ? { de: `Im Konsens beschlossen: ${tally.de}; kein Widerspruch (${rule.citation}).`, en: `Agreed by consensus: ${tally.en}; no objection (${rule.citation}).` }
        : { de: `Kein Konsens: ${tally.de} (${rule.citation}).`, en: `No consensus: ${tally.en} (${rule.citation}).` },
    };
  }
  const required = ceilShare(present, rule.share);
  const passed = yes >= required;
  const share = `${rule.share.numerator}/${rule.share.denominator}`;
  return {
    ...counts, passed, required, citation: rule.citation,
    text: {
      de: `${passed ? "Angenommen" : "Abgelehnt"}: ${tally.de}; erforderlich sind ${required} Ja-Stimmen (${share === "2/3" ? "Zwei-Drittel-Mehrheit" : share + "-Mehrheit"} der Anwesenden, Enthaltungen zählen nicht als Ja, ${rule.citation}).`,
      en: `${passed ? "Passed" : "Rejected"}: ${tally.en}; ${required} yes votes are required (${share} of those present, abstentions do not count as yes, ${rule.citation}).`,
    },
  };
}
