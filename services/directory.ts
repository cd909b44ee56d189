/**
 * Who is who: matching a Teams user to a person, and the roles a person holds
 * (member or deputy of an institution, Geschäftsstelle, chair, guest).
 */
import type { Db, Institution, Person } from "../domain/model.ts";
import type { RosterInstitution } from "../rules/representation.ts";
import { say } from "./say.ts";
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

/** A person's name, or the id where the roster no longer has them (an old record). */
export function personName(db: Db, personId: string): string {
  return db.persons.find((p) => p.id === personId)?.name ?? personId;
}

export function personById(db: Db, id: string): Person {
  const p = db.persons.find((x) => x.id === id);
  if (!p) throw new ServiceError(say("directory.unknownPerson", id), "not-found");
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

/** Finds a person by id, name, e-mail or institution (for "/anwesend Jugendamt"): the first of the best matches. */
export function findPersonOrInstitution(db: Db, query: string): { person: Person | null; institution: Institution | null } {
  const m = matchNames(db, query);
  return { person: m.persons[0] ?? null, institution: m.institutions[0] ?? null };
}

export interface NameMatches {
  persons: Person[];
  institutions: Institution[];
}

/**
 * Everyone a typed name may mean, best tier only: the id or e-mail; a full name; persons whose name
 * has every typed word; institutions named so; institutions with every typed word. More than one
 * in the result means the name is ambiguous. Typed words match with or without umlauts ("Jaeger",
 * "Jager", "Jäger") and inflected ("des Jobcenters", "vom Jugendamt", "Kommunalen").
 */
export function matchNames(db: Db, query: string): NameMatches {
  const q = query.trim().toLowerCase();
  const none: NameMatches = { persons: [], institutions: [] };
  if (!q) return none;
  const byId = db.persons.filter((p) => p.id.toLowerCase() === q || p.email.toLowerCase() === q);
  const institutionById = db.institutions.filter((i) => i.id.toLowerCase() === q);
  if (byId.length || institutionById.length) return { persons: byId, institutions: institutionById };
  const typed = queryWords(query);
  if (!typed.length) return none;
  const whole = fold(query);
  const tiers: NameMatches[] = [
    { persons: db.persons.filter((p) => fold(p.name) === whole || strip(p.name) === whole), institutions: [] },
    { persons: db.persons.filter((p) => hasAllWords(p.name, typed)), institutions: [] },
    { persons: [], institutions: db.institutions.filter((i) => fold(i.name) === whole || strip(i.name) === whole) },
    { persons: [], institutions: db.institutions.filter((i) => hasAllWords(i.name, typed)) },
  ];
  return tiers.find((t) => t.persons.length || t.institutions.length) ?? none;
}

/** Lower case, umlauts as ae/oe/ue, ß as ss, other accents dropped, punctuation as spaces. */
function fold(text: string): string {
  const umlauts = text.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  return strip(umlauts);
}

/** Accents dropped without the e ("Jäger" → "jager", as typed on a keyboard without umlauts). */
function strip(text: string): string {
  return text.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ı/g, "i")
    .replace(/[^a-z0-9]+/g, " ").trim();
}

/** Articles, prepositions and titles carry no name: "des Jobcenters", "vom Jugendamt", "Frau Fuchs". */
const FILLER = new Set(["des", "der", "die", "das", "dem", "den", "vom", "von", "beim", "bei", "fuer", "im", "in", "am", "zum", "zur", "frau", "herr", "herrn", "hr", "fr", "dr", "the", "of", "e", "v", "und"]);

function queryWords(query: string): string[] {
  return fold(query).split(" ").filter((w) => w && !FILLER.has(w));
}

/** The typed word and its uninflected forms: "jobcenters" → "jobcenter", "kommunalen" → "kommunale". */
function stems(word: string): string[] {
  const forms = [word];
  for (const ending of ["es", "s", "en", "n", "ns"]) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) forms.push(word.slice(0, -ending.length));
  }
  return forms;
}

function hasAllWords(name: string, typed: string[]): boolean {
  const nameWords = new Set([...fold(name).split(" "), ...strip(name).split(" ")]);
  return typed.every((w) => stems(w).some((s) => [...nameWords].some((n) => n === s || (s.length >= 3 && n.startsWith(s)))));
}

const langKey = (personId: string) => `lang:${personId}`;

/** The language this person last wrote in: replies to card clicks and messages to them use it. */
export function lastLang(db: Db, personId: string): "de" | "en" {
  return db.botState[langKey(personId)] === "en" ? "en" : "de";
}

export function rememberLang(db: Db, personId: string, lang: "de" | "en"): void {
  db.botState[langKey(personId)] = lang;
}
