/**
 * Who a roster may hold, by the profile's membership rule: as many members per institution as
 * the document gives (Rhein-Sieg one; an exception such as Oberhausen's AG Wohlfahrt two; no
 * number: any), one deputy per member, paired in the order of the rows; one chair; a
 * Geschäftsstelle with at most one head. Data in, findings out (codes and facts); the sentences
 * are texts/roster.ts's.
 */
import type { Profile } from "../domain/profile.ts";

export const ROLES = ["mitglied", "stellvertretung", "geschaeftsstelle", "leitung-geschaeftsstelle", "vorsitz", "gast"] as const;
export type RosterRole = (typeof ROLES)[number];

/** A row of the file: its position (to report top to bottom) and its place ("Zeile 7"). */
export interface Placed {
  index: number;
  where: string;
}

export interface PersonRow extends Placed {
  role: RosterRole;
}

/** An institution of the file with its member and deputy rows, in file order. */
export interface InstitutionRows<E extends Placed = Placed> extends Placed {
  name: string;
  voting: boolean;
  members: E[];
  deputies: E[];
}

export type MembershipException = Profile["membership"]["exceptions"][number];

export interface Allowed {
  /** Members this institution may send; null: the profile sets no number. */
  limit: number | null;
  /** The profile's exception that gives it this number, if any. */
  exception: MembershipException | null;
}

export type MembershipFinding =
  | { code: "no-member"; at: Placed; institution: string }
  | { code: "members-over-limit"; at: Placed; institution: string; allowed: Allowed & { limit: number }; kept: Placed[] }
  | { code: "deputies-over-seats"; at: Placed; institution: string; seats: number; kept: Placed[] }
  | { code: "deputies-unpaired"; at: Placed; institution: string; seats: number; deputies: number }
  | { code: "exception-over-total"; at: Placed; exception: MembershipException; kept: Placed[] }
  | { code: "no-voting-institution" }
  | { code: "no-institution" }
  | { code: "no-chair" }
  | { code: "second-chair"; at: Placed; first: Placed }
  | { code: "no-secretariat" }
  | { code: "second-head"; at: Placed; first: Placed };

/** Remarks that do not stop the import. */
export type MembershipWarning = { code: "no-deputy"; institution: string };

export interface Composition {
  problems: MembershipFinding[];
  warnings: MembershipWarning[];
}

/** The profile's exception (e.g. the AG Wohlfahrt sending two) that an institution's name matches. */
export function exceptionFor(name: string, profile: Profile | null): MembershipException | null {
  const lower = name.toLowerCase();
  return profile?.membership.exceptions.find((x) => x.nameContains.some((part) => lower.includes(part.toLowerCase()))) ?? null;
}

/** How many members the profile lets this institution send; without a profile, one. */
export function membersAllowed(name: string, profile: Profile | null): Allowed {
  if (!profile) return { limit: 1, exception: null };
  const exception = exceptionFor(name, profile);
  return { limit: exception?.members ?? profile.membership.perInstitution, exception };
}

/** How many member records an institution gets: its members, up to what it may send, at least one. */
export function seatCount(inst: InstitutionRows, profile: Profile | null): number {
  return Math.max(1, Math.min(inst.members.length, membersAllowed(inst.name, profile).limit ?? Infinity));
}

/** Each member with the deputy in the same position (each member names their own deputy). */
export function pairSeats<E extends Placed>(inst: InstitutionRows<E>): { member: E; deputy: E | undefined }[] {
  return inst.members.map((member, i) => ({ member, deputy: inst.deputies[i] }));
}

/** Every breach of the membership and composition rules, in the order they are to be reported. */
export function compositionOf(persons: PersonRow[], institutions: InstitutionRows[], profile: Profile | null): Composition {
  const result: Composition = { problems: [], warnings: [] };
  for (const inst of institutions) checkInstitution(inst, profile, result);
  result.problems.push(...exceptionTotals(institutions, profile));
  if (institutions.length > 0 && !institutions.some((i) => i.voting)) result.problems.push({ code: "no-voting-institution" });
  if (institutions.length === 0 && persons.length > 0) result.problems.push({ code: "no-institution" });
  result.problems.push(...roleProblems(persons));
  return result;
}

function checkInstitution(inst: InstitutionRows, profile: Profile | null, { problems, warnings }: Composition): void {
  const institution = inst.name;
  const allowed = membersAllowed(inst.name, profile);
  if (inst.members.length === 0) problems.push({ code: "no-member", at: inst, institution });
  const limit = allowed.limit;
  if (limit !== null) {
    const kept = inst.members.slice(0, limit);
    for (const at of inst.members.slice(limit)) problems.push({ code: "members-over-limit", at, institution, allowed: { ...allowed, limit }, kept });
  }
  const seats = seatCount(inst, profile);
  const kept = inst.deputies.slice(0, seats);
  for (const at of inst.deputies.slice(seats)) problems.push({ code: "deputies-over-seats", at, institution, seats, kept });
  if (inst.members.length > 0 && inst.deputies.length === 0) warnings.push({ code: "no-deputy", institution });
  if (seats > 1 && inst.deputies.length > 0 && inst.deputies.length < seats) {
    // The n-th deputy row stands in for the n-th member row; with one missing, that order says nothing.
    problems.push({ code: "deputies-unpaired", at: inst.deputies[0]!, institution, seats, deputies: inst.deputies.length });
  }
}

/**
 * An exception's number is for the body it names, in total: two institutions that both match
 * ("AGW Caritas", "AGW Diakonie") share it rather than getting it each.
 */
function exceptionTotals(institutions: InstitutionRows[], profile: Profile | null): MembershipFinding[] {
  return (profile?.membership.exceptions ?? []).flatMap((exception) => {
    const matching = institutions.filter((i) => exceptionFor(i.name, profile) === exception);
    if (matching.length < 2) return [];
    const members = matching.flatMap((i) => i.members).sort((a, b) => a.index - b.index);
    const kept = members.slice(0, exception.members);
    return members.slice(exception.members).map((at): MembershipFinding => ({ code: "exception-over-total", at, exception, kept }));
  });
}

/** One chair; a Geschäftsstelle; at most one head of it. */
function roleProblems(persons: PersonRow[]): MembershipFinding[] {
  const problems: MembershipFinding[] = [];
  const chairs = persons.filter((e) => e.role === "vorsitz");
  if (chairs.length === 0) problems.push({ code: "no-chair" });
  for (const at of chairs.slice(1)) problems.push({ code: "second-chair", at, first: chairs[0]! });
  const secretariat = persons.filter(isSecretariat);
  if (secretariat.length === 0) problems.push({ code: "no-secretariat" });
  const heads = secretariat.filter((e) => e.role === "leitung-geschaeftsstelle");
  for (const at of heads.slice(1)) problems.push({ code: "second-head", at, first: heads[0]! });
  return problems;
}

export function isSecretariat(person: { role: RosterRole }): boolean {
  return person.role === "geschaeftsstelle" || person.role === "leitung-geschaeftsstelle";
}
