/**
 * Quorum (Rhein-Sieg § 6 Abs. 4, 5): enough voting institutions represented, by member or deputy,
 * in person or online; presumed until the chair declares otherwise; and the second convocation.
 * The wording is in texts/quorum.ts.
 */
import { requireCount, RuleInputError } from "./errors.ts";
import type { Fraction, Profile, Texts } from "../domain/profile.ts";
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

/** The second convocation as the profile regulates it, for the hint after a count that falls short. */
export type SecondConvocationRule = Extract<Profile["secondConvocation"], { regulated: true }>;

/** Which reading of the rule gave the answer, with what its wording needs. */
export type QuorumReading =
  | { reading: "not-regulated"; note: Texts }
  | { reading: "second-convocation"; bodyKind: string }
  | {
      /** "quorate" by the count; "not-quorate" declared or not presumed; "presumed" short by the count but presumed. */
      reading: "quorate" | "not-quorate" | "presumed";
      bodyKind: string;
      atLeast: Fraction;
      secondConvocation: SecondConvocationRule | null;
    };

export type QuorumStatus = QuorumReading & {
  /** By the count (or by the second-convocation rule); null where the profile sets no quorum. */
  quorate: boolean | null;
  /** Whether the group counts as quorate now, presumption included. */
  counts: boolean | null;
  present: number;
  votingMembers: number;
  required: number | null;
  citation: string | null;
};

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
  requireCount(represented, "present");
  requireCount(votingMembers, "votingMembers");
  if (represented > votingMembers) throw new RuleInputError({ code: "more-represented-than-voting", represented, votingMembers });
  const rule = profile.quorum;
  const base = { present: represented, votingMembers };
  if (!rule.regulated) return { ...base, reading: "not-regulated", note: rule.note, quorate: null, counts: null, required: null, citation: null };
  const required = ceilShare(votingMembers, rule.atLeast);
  const second = profile.secondConvocation;
  const { bodyKind } = profile;
  if (input.secondConvocation && second.regulated) {
    return { ...base, reading: "second-convocation", bodyKind, quorate: true, counts: true, required, citation: second.citation };
  }
  const quorate = represented >= required;
  const counted = { ...base, bodyKind, atLeast: rule.atLeast, secondConvocation: second.regulated ? second : null, quorate, required, citation: rule.citation };
  // A declaration stands even against the count (the chair confirmed it; the minutes state both).
  if (quorate && !input.declaredNotQuorate) return { ...counted, reading: "quorate", counts: true };
  if (input.declaredNotQuorate || !rule.presumed) return { ...counted, reading: "not-quorate", counts: false };
  return { ...counted, reading: "presumed", counts: true };
}
