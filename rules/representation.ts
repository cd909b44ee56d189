/**
 * Who may stand in for whom (Rhein-Sieg § 2 Abs. 2, § 4 Abs. 6): only the member's own institution's
 * registered deputy; a deputy cannot pass the seat on; without a registered deputy the member and
 * the Geschäftsstelle are told.
 */
import type { Profile, Texts } from "../domain/profile.ts";

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

export type Delegation =
  | { ok: true; institution: RosterInstitution; deputy: RosterPerson; text: Texts }
  | { ok: false; code: "not-a-member" | "is-deputy" | "no-deputy"; institution: RosterInstitution | null; text: Texts };

function cite(profile: Profile): string {
  const c = [profile.representation.absenceCitation, profile.representation.citation].filter((x): x is string => !!x);
  return c.length ? ` (${[...new Set(c)].join(", ")})` : "";
}

/** The delegation of a member's seat to the registered deputy, or why it cannot be done. */
export function delegationFor(personId: string, institutions: RosterInstitution[], profile: Profile): Delegation {
  const seat = seatOf(personId, institutions);
  const c = cite(profile);
  if (!seat) {
    return {
      ok: false, code: "not-a-member", institution: null,
      text: { de: `Nur Mitglieder einer Institution können ihre Stellvertretung schicken${c}.`, en: `Only an institution's member can send their deputy${c}.` },
    };
  }
  const { institution } = seat;
  if (seat.role === "deputy") {
    return {
      ok: false, code: "is-deputy", institution,
      text: {
        de: `Sie sind Stellvertretung für ${institution.name}; die Vertretung kann nicht weitergegeben werden${c}. Die Geschäftsstelle wird informiert.`,
        en: `You are the deputy for ${institution.name}; the seat cannot be passed on${c}. The Geschäftsstelle will be told.`,
      },
    };
  }
  if (!institution.deputy) {
    return {
      ok: false, code: "no-deputy", institution,
      text: {
        de: `Für ${institution.name} ist keine Stellvertretung hinterlegt${c}. Bitte benennen Sie der Geschäftsstelle eine Stellvertretung; die Geschäftsstelle wird informiert.`,
        en: `No deputy is registered for ${institution.name}${c}. Please name a deputy to the Geschäftsstelle; it will be told.`,
      },
    };
  }
  const vote: Texts = profile.representation.deputyTakesVote
    ? { de: " und übernimmt die Stimme", en: " and holds the vote" }
    : { de: "", en: "" };
  return {
    ok: true, institution, deputy: institution.deputy,
    text: {
      de: `${institution.deputy.name} vertritt ${institution.name}${vote.de}${c}.`,
      en: `${institution.deputy.name} represents ${institution.name}${vote.en}${c}.`,
    },
  };
}
