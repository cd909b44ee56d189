/**
 * Who may stand in for whom (Rhein-Sieg § 2 Abs. 2, § 4 Abs. 6): only the member's own institution's
 * registered deputy; a deputy cannot pass the seat on; without a registered deputy the member and
 * the Geschäftsstelle are told. The wording is in texts/representation.ts.
 */
import type { Profile } from "../domain/profile.ts";

export interface RosterPerson {
  id: string;
  name: string;
}

export interface RosterInstitution {
  id: string;
  name: string;
  voting: boolean;
  member: RosterPerson;
  deputy: RosterPerson | null;
}

export type Seat = { institution: RosterInstitution; role: "member" | "deputy" };

/** The institution a person sits for, and as what; null for anyone else (chair, guests, strangers). */
export function seatOf(personId: string, institutions: RosterInstitution[]): Seat | null {
  for (const institution of institutions) {
    if (institution.member.id === personId) return { institution, role: "member" };
    if (institution.deputy?.id === personId) return { institution, role: "deputy" };
  }
  return null;
}

/** A delegation or why not; `citations`: the paragraphs to cite (absence, then who names the deputies), each once. */
export type Delegation = { citations: string[] } & (
  | { ok: true; institution: RosterInstitution; deputy: RosterPerson; deputyTakesVote: boolean }
  | { ok: false; code: "not-a-member"; institution: null }
  | { ok: false; code: "is-deputy" | "no-deputy"; institution: RosterInstitution }
);

function citations(profile: Profile): string[] {
  const c = [profile.representation.absenceCitation, profile.representation.citation].filter((x): x is string => !!x);
  return [...new Set(c)];
}

/** The delegation of a member's seat to the registered deputy, or why it cannot be done. */
export function delegationFor(personId: string, institutions: RosterInstitution[], profile: Profile): Delegation {
  const seat = seatOf(personId, institutions);
  const cited = citations(profile);
  if (!seat) return { ok: false, code: "not-a-member", institution: null, citations: cited };
  const { institution } = seat;
  if (seat.role === "deputy") return { ok: false, code: "is-deputy", institution, citations: cited };
  if (!institution.deputy) return { ok: false, code: "no-deputy", institution, citations: cited };
  return { ok: true, institution, deputy: institution.deputy, deputyTakesVote: profile.representation.deputyTakesVote, citations: cited };
}
