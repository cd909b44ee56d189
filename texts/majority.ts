/** The result of a vote, worded by the majority rule it was reached by (rules/majority.ts). */
import type { Texts } from "../domain/profile.ts";
import type { VoteResult } from "../rules/majority.ts";

export function voteText(v: VoteResult): Texts {
  const { rule } = v;
  if (rule.kind === "not-regulated") return rule.note;
  const tally = tallyText(v);
  if (rule.kind === "consensus") {
    return v.passed
      ? { de: `Im Konsens beschlossen: ${tally.de}; kein Widerspruch (${rule.citation}).`, en: `Agreed by consensus: ${tally.en}; no objection (${rule.citation}).` }
      : { de: `Kein Konsens: ${tally.de} (${rule.citation}).`, en: `No consensus: ${tally.en} (${rule.citation}).` };
  }
  const share = `${rule.share.numerator}/${rule.share.denominator}`;
  return {
    de: `${v.passed ? "Angenommen" : "Abgelehnt"}: ${tally.de}; erforderlich sind ${v.required} Ja-Stimmen (${share === "2/3" ? "Zwei-Drittel-Mehrheit" : share + "-Mehrheit"} der Anwesenden, Enthaltungen zählen nicht als Ja, ${rule.citation}).`,
    en: `${v.passed ? "Passed" : "Rejected"}: ${tally.en}; ${v.required} yes votes are required (${share} of those present, abstentions do not count as yes, ${rule.citation}).`,
  };
}

/** "9 Ja, 2 Nein, 1 Enthaltung bei 12 anwesenden Institutionen". */
function tallyText(v: VoteResult): Texts {
  const counts = countsText(v);
  return { de: `${counts.de} bei ${v.present} anwesenden Institutionen`, en: `${counts.en} with ${v.present} institutions present` };
}

/** "9 Ja, 2 Nein, 1 Enthaltung". */
export function countsText({ yes, no, abstain }: { yes: number; no: number; abstain: number }): Texts {
  return {
    de: `${yes} Ja, ${no} Nein, ${abstain} Enthaltung${abstain === 1 ? "" : "en"}`,
    en: `${yes} yes, ${no} no, ${abstain} abstention${abstain === 1 ? "" : "s"}`,
  };
}
