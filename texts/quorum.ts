/** The answer to "Sind wir beschlussfähig?", worded from the quorum's reading (rules/quorum.ts). */
import type { Texts } from "../domain/profile.ts";
import type { QuorumStatus, SecondConvocationRule } from "../rules/quorum.ts";
import { NONE } from "./bilingual.ts";

type Counted = Extract<QuorumStatus, { atLeast: unknown }>;

export function quorumText(q: QuorumStatus): Texts {
  if (q.reading === "not-regulated") return q.note;
  if (q.reading === "second-convocation") {
    return {
      de: `Für diesen Punkt ist die ${q.bodyKind} in zweiter Einberufung ohne Rücksicht auf die Zahl der Anwesenden beschlussfähig (${q.citation}); anwesend sind ${q.present} von ${q.votingMembers}.`,
      en: `For this item the body is quorate on second convocation whatever the attendance (${q.citation}); ${q.present} of ${q.votingMembers} are represented.`,
    };
  }
  const count = countText(q);
  const hint = secondConvocationHint(q.bodyKind, q.secondConvocation);
  if (q.reading === "quorate") return { de: `Beschlussfähig. ${count.de}`, en: `Quorate. ${count.en}` };
  if (q.reading === "not-quorate" && q.quorate) {
    return { de: `Nicht beschlussfähig: Der Vorsitz hat die Beschlussunfähigkeit festgestellt. ${count.de}`, en: `Not quorate: the chair has declared a lack of quorum. ${count.en}` };
  }
  if (q.reading === "not-quorate") return { de: `Nicht beschlussfähig. ${count.de}${hint.de}`, en: `Not quorate. ${count.en}${hint.en}` };
  return {
    de: `Nach der Zählung nicht beschlussfähig. ${count.de} Die ${q.bodyKind} gilt als beschlussfähig, solange der Vorsitz die Beschlussunfähigkeit nicht feststellt (${q.citation}).${hint.de}`,
    en: `Not quorate by the count. ${count.en} The body counts as quorate until the chair declares otherwise (${q.citation}).${hint.en}`,
  };
}

/** "9 of 17 voting institutions are represented; 9 are required (at least half, …)". */
function countText(q: Counted): Texts {
  const share = `${q.atLeast.numerator}/${q.atLeast.denominator}`;
  return {
    de: `${q.present} von ${q.votingMembers} stimmberechtigten Institutionen sind vertreten; erforderlich sind ${q.required} (mindestens ${share === "1/2" ? "die Hälfte" : share}, ${q.citation}).`,
    en: `${q.present} of ${q.votingMembers} voting institutions are represented; ${q.required} are required (at least ${share === "1/2" ? "half" : share}, ${q.citation}).`,
  };
}

/** After a count that falls short: how a postponed item can still be decided. */
function secondConvocationHint(bodyKind: string, second: SecondConvocationRule | null): Texts {
  if (!second) return NONE;
  return {
    de: ` Wird ein Punkt deshalb zurückgestellt, ist die ${bodyKind} bei erneuter Einberufung mit ${second.noticeDays} Tagen Frist und ausdrücklichem Hinweis ohne Rücksicht auf die Anwesenden beschlussfähig (${second.citation}).`,
    en: ` An item postponed for this reason can be decided at a new meeting called with ${second.noticeDays} days' notice and an express reference, whatever the attendance (${second.citation}).`,
  };
}
