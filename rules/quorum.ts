/**
 * Quorum (Rhein-Sieg § 6 Abs. 4, 5): enough voting institutions represented, by member or deputy,
 * in person or online; presumed until the chair declares otherwise; and the second convocation.
 */
import { requireCount, RuleInputError } from "./errors.ts";
import type { Profile, Texts } from "../domain/profile.ts";
import { ceilShare } from "./profile.ts";

export interface QuorumInput {
  /** Voting institutions represented (each counted once). */
  represented: number;
  votingMembers: number;
  /** The item was postponed for lack of quorum and called again with the § 6 Abs. 5 reference. */
  secondConvocation?: boolean;
  /** The chair has declared the group not quorate. */
  declaredNotQuorate?: boolean;
}

export interface QuorumStatus {
  /** By the count (or by the second-convocation rule); null where the profile sets no quorum. */
  quorate: boolean | null;
  /** Whether the group counts as quorate now, presumption included. */
  counts: boolean | null;
  present: number;
  votingMembers: number;
  required: number | null;
  citation: string | null;
  text: Texts;
}

/** Counts the voting institutions represented: one per institution, however many of its people are there. */
export function representedInstitutions(
  present: { institutionId: string }[],
  institutions: { id: string; voting: boolean }[],
): number {
  const voting = new Set(institutions.filter((i) => i.voting).map((i) => i.id));
  return new Set(present.map((p) => p.institutionId).filter((id) => voting.has(id))).size;
}

export function quorumStatus(input: QuorumInput, profile: Profile): QuorumStatus {
  const { represented, votingMembers } = input;
  requireCount(represented, "Die Zahl der Anwesenden", "The number present");
  requireCount(votingMembers, "Die Zahl der stimmberechtigten Mitglieder", "The number of voting members");
  if (represented > votingMembers) {
    throw new RuleInputError({
      de: `Es können nicht mehr Institutionen vertreten sein (${represented}) als stimmberechtigte Mitglieder (${votingMembers}).`,
      en: `More institutions represented (${represented}) than voting members (${votingMembers}) is impossible.`,
    });
  }
  const rule = profile.quorum;
  const base = { present: represented, votingMembers };
  if (!rule.regulated) return { ...base, quorate: null, counts: null, required: null, citation: null, text: rule.note };
  const required = ceilShare(votingMembers, rule.atLeast);
  const second = profile.secondConvocation;
  if (input.secondConvocation && second.regulated) {
    return {
      ...base, quorate: true, counts: true, required, citation: second.citation,
      text: {
        de: `Für diesen Punkt ist die ${profile.bodyKind} in zweiter Einberufung ohne Rücksicht auf die Zahl der Anwesenden beschlussfähig (${second.citation}); anwesend sind ${represented} von ${votingMembers}.`,
        en: `For this item the body is quorate on second convocation whatever the attendance (${second.citation}); ${represented} of ${votingMembers} are represented.`,
      },
    };
  }
  const quorate = represented >= required;
  const share = `${rule.atLeast.numerator}/${rule.atLeast.denominator}`;
  const count: Texts = {
    de: `${represented} von ${votingMembers} stimmberechtigten Institutionen sind vertreten; erforderlich sind ${required} (mindestens ${share === "1/2" ? "die Hälfte" : share}, ${rule.citation}).`,
    en: `${represented} of ${votingMembers} voting institutions are represented; ${required} are required (at least ${share === "1/2" ? "half" : share}, ${rule.citation}).`,
  };
  if (quorate) {
    return { ...base, quorate, counts: true, required, citation: rule.citation, text: { de: `Beschlussfähig. ${count.de}`, en: `Quorate. ${count.en}` } };
  }
  if (input.declaredNotQuorate || !rule.presumed) {
    return {
      ...base, quorate, counts: false, required, citation: rule.citation,
      text: { de: `Nicht beschlussfähig. ${count.de}${secondHint(profile).de}`, en: `Not quorate. ${count.en}${secondHint(profile).en}` },
    };
  }
  return {
    ...base, quorate, counts: true, required, citation: rule.citation,
    text: {
      de: `Nach der Zählung nicht beschlussfähig. ${count.de} Die ${profile.bodyKind} gilt als beschlussfähig, solange der Vorsitz die Beschlussunfähigkeit nicht feststellt (${rule.citation}).${secondHint(profile).de}`,
      en: `Not quorate by the count. ${count.en} The body counts as quorate until the chair declares otherwise (${rule.citation}).${secondHint(profile).en}`,
    },
  };
}

function secondHint(profile: Profile): Texts {
  const second = profile.secondConvocation;
  if (!second.regulated) return { de: "", en: "" };
  return {
    de: ` Wird ein Punkt deshalb zurückgestellt, ist die ${profile.bodyKind} bei erneuter Einberufung mit ${second.noticeDays} Tagen Frist und ausdrücklichem Hinweis ohne Rücksicht auf die Anwesenden beschlussfähig (${second.citation}).`,
    en: ` An item postponed for this reason can be decided at a new meeting called with ${second.noticeDays} days' notice and an express reference, whatever the attendance (${second.citation}).`,
  };
}
