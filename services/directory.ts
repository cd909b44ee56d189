/**
 * Who is who: matching a Teams user to a person, and the roles a person holds
 * (member or deputy of an institution, Geschäftsstelle, chair, guest).
 */
import type { Db, Institution, Person } from "../domain/model.ts";
import type { RosterInstitution } from "../rules/representation.ts";
import { unknownPerson } from "../texts/directory.ts";
import { ServiceError } from "./errors.ts";

export interface Roles {
  /** The institution this person is the member for. */
  member: Institution | null;
  /** The institution this person is the deputy for. */
  deputy: Institution | null;
  secretariat: boolean;
  chair: boolean;
  guest: boolean;
}

/** The person behind a Teams user: by aadObjectId first, then by e-mail (case-insensitive). */
export function identify(db: Db, who: { aadObjectId?: string | null; email?: string | null }): Person | null {
  const byAad = who.aadObjectId ? db.persons.find((p) => p.aadObjectId === who.aadObjectId) : undefined;
  if (byAad) return byAad;
  const email = who.email?.trim().toLowerCase();
  return (email && db.persons.find((p) => p.email.toLowerCase() === email)) || null;
}

export function rolesOf(db: Db, personId: string): Roles {
  return {
    member: db.institutions.find((i) => i.memberId === personId) ?? null,
    deputy: db.institutions.find((i) => i.deputyId === personId) ?? null,
    secretariat: db.body.secretariatIds.includes(personId),
    chair: db.body.chairId === personId,
    guest: db.body.guestIds.includes(personId),
  };
}

export function personById(db: Db, id: string): Person {
  const p = db.persons.find((x) => x.id === id);
  if (!p) throw new ServiceError(unknownPerson(id), "not-found");
  return p;
}

/** The roster as the rules see it: institutions with their member's and deputy's names. */
export function rosterInstitutions(db: Db): RosterInstitution[] {
  return db.institutions.map((i) => {
    const member = personById(db, i.memberId);
    const deputy = i.deputyId ? personById(db, i.deputyId) : null;
    return {
      id: i.id,
      name: i.name,
      voting: i.voting,
      member: { id: member.id, name: member.name },
      deputy: deputy && { id: deputy.id, name: deputy.name },
    };
  });
}

/** Finds a person by id, name, e-mail or institution (for "/anwesend Jugendamt"). */
export function findPersonOrInstitution(db: Db, query: string): { person: Person | null; institution: Institution | null } {
  const q = query.trim().toLowerCase();
  if (!q) return { person: null, institution: null };
  const person =
    db.persons.find((p) => p.id.toLowerCase() === q || p.email.toLowerCase() === q) ??
    db.persons.find((p) => p.name.toLowerCase().includes(q)) ??
    null;
  const institution =
    db.institutions.find((i) => i.id === q) ?? db.institutions.find((i) => i.name.toLowerCase().includes(q)) ?? null;
  return { person, institution };
}

const langKey = (personId: string) => `lang:${personId}`;

/** The language this person last wrote in: replies to card clicks and messages to them use it. */
export function lastLang(db: Db, personId: string): "de" | "en" {
  return db.botState[langKey(personId)] === "en" ? "en" : "de";
}

export function rememberLang(db: Db, personId: string, lang: "de" | "en"): void {
  db.botState[langKey(personId)] = lang;
}
