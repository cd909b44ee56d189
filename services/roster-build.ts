/**
 * Building a roster from a file as read (`RosterSource`): every row checked, the membership rules
 * of the profile the roster will run under applied (rules/membership.ts), ids kept for people and
 * institutions already known (matched by e-mail, object id or name), so history stays attached.
 * Every problem is reported with its row ("Zeile 7: E-Mail-Adresse fehlt."), top to bottom, and
 * nothing is built unless the whole file is good.
 */
import { z } from "zod";
import { normalizeWord, RosterError, seatName, type BodyFields, type RosterProblem, type RosterRow, type RosterSource } from "../adapters/roster-file.ts";
import type { Body, Db, Institution, Person } from "../domain/model.ts";
import { ProfileError, type Profile } from "../domain/profile.ts";
import { compositionOf, isSecretariat, pairSeats, ROLES, type InstitutionRows, type RosterRole } from "../rules/membership.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import { SYSTEM_ACTORS } from "./permissions.ts";
import { say } from "./say.ts";

/** A remark of the import: worded by the file's reader, or said here as a code (the CLI words it in German). */
export type RosterWarning = string | Said<SentenceCode>;

export interface Roster {
  body: Body;
  institutions: Institution[];
  persons: Person[];
}

/** The rules profile of an id; throws ProfileError for an unknown or broken one (`Profiles.get`, loaded at start). */
export type ProfileLookup = (id: string) => Profile;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const email = z.string().email();

const ROLE_ALIASES: Record<string, RosterRole> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  member: "mitglied",
  deputy: "stellvertretung", vertretung: "stellvertretung", stellvertreter: "stellvertretung", stellvertreterin: "stellvertretung",
  secretariat: "geschaeftsstelle",
  "secretariat-head": "leitung-geschaeftsstelle", "leitung-der-geschaeftsstelle": "leitung-geschaeftsstelle", leitung: "leitung-geschaeftsstelle",
  chair: "vorsitz", vorsitzende: "vorsitz", vorsitzender: "vorsitz",
  guest: "gast", dritte: "gast",
};

interface Entry {
  /** Position of the row, to report problems top to bottom. */
  index: number;
  where: string;
  role: RosterRole;
  name: string;
  email: string;
  /** Null: the file gives none (no column, empty cell), so a known person keeps the stored one. */
  aadObjectId: string | null;
  /** Undefined: the file gives none, the stored one stays; null: the file says "keine"/"divers". */
  salutation?: "ms" | "mr" | null;
  id?: string;
  institutionRef?: string;
  kuerzel?: string;
  voting?: boolean;
  /** Set once the institution is resolved. */
  institutionKey?: string;
  /** The roster record (one per member) this member or deputy belongs to; set once the roster is built. */
  seatId?: string;
}

/** Problems keep their place in the file so they are reported top to bottom. */
class Problems {
  private list: { order: number; problem: RosterProblem }[] = [];
  add(order: number, problem: RosterProblem) {
    this.list.push({ order, problem });
  }
  get size() {
    return this.list.length;
  }
  throwIfAny() {
    if (this.list.length > 0) throw new RosterError(this.list.sort((a, b) => a.order - b.order).map((p) => p.problem));
  }
}

export interface BuildResult {
  roster: Roster;
  warnings: RosterWarning[];
  /** What the file did not give and the data file kept (person ids; body fields), for the audit. */
  kept: Kept;
}

export interface Kept {
  aadObjectId: string[];
  salutation: string[];
  remindersOff: string[];
  body: string[];
}

/** The body fields a roster sets; every other stored body field (reminder settings, …) stays. */
const ROSTER_BODY_FIELDS = new Set(["name", "profile", "secretariatEmail", "chairId", "secretariatIds", "secretariatHeadId", "guestIds"]);

/**
 * Checks the whole source and builds the roster that replaces `current`'s (null: a new data
 * file). `overrides` (from the command line) win over the file's body, which wins over `current`;
 * `profiles` gives the rules profile the body names. Throws a RosterError listing every problem.
 */
export function buildRoster(source: RosterSource, current: Db | null, overrides: BodyFields, profiles: ProfileLookup): BuildResult {
  const problems = new Problems();
  const warnings: RosterWarning[] = [...source.warnings];
  const entries = source.rows.flatMap((row, index) => checkRow(row, index, problems));
  const institutions = resolveInstitutions(source, entries, current, problems);
  const body = resolveBody(source.body, current, overrides, problems);
  const profile = profileFor(body.profile, profiles, problems);
  const groups = institutions.list.map((inst) => rowsOf(inst, entries));
  const composition = compositionOf(entries, groups, profile);
  for (const f of composition.problems) problems.add("at" in f ? f.at.index : Infinity, say("roster.membershipProblem", f, profile));
  warnings.push(...composition.warnings.map((w) => say("roster.membershipWarning", w, profile)));
  checkUnique(entries, problems);
  if (source.rows.length === 0) problems.add(-1, say("roster.noPersons"));
  problems.throwIfAny();

  const seats = seatsOf(groups, current, warnings, profile);
  const kept: Kept = { aadObjectId: [], salutation: [], remindersOff: [], body: [] };
  const persons = assignPersonIds(entries, current, problems, warnings, kept);
  const storedBody = keptBodyFields(current);
  kept.body = Object.keys(storedBody);
  problems.throwIfAny();
  const idOf = new Map(entries.map((e, i) => [e, persons[i]!.id]));
  const byRole = (role: RosterRole) => entries.filter((e) => e.role === role).map((e) => idOf.get(e)!);
  const secretariat = entries.filter(isSecretariat);
  const head = secretariat.find((e) => e.role === "leitung-geschaeftsstelle") ?? secretariat[0]!;
  if (head.role !== "leitung-geschaeftsstelle") warnings.push(say("roster.assumedHeadWarning", head.name, profile));

  const roster: Roster = {
    body: {
      ...storedBody,
      ...body,
      chairId: byRole("vorsitz")[0]!,
      secretariatIds: secretariat.map((e) => idOf.get(e)!),
      secretariatHeadId: idOf.get(head)!,
      guestIds: byRole("gast"),
    },
    institutions: seats.map((seat) => ({
      id: seat.id,
      name: seat.name,
      voting: seat.voting,
      memberId: idOf.get(seat.member)!,
      deputyId: seat.deputy ? idOf.get(seat.deputy)! : null,
    })),
    persons: [...persons, ...formerPersons(current, persons)],
  };
  warnings.push(...lostInstitutions(current, roster));
  return { roster, warnings, kept };
}

/** The stored body's fields the roster file has no say in. */
function keptBodyFields(current: Db | null): Partial<Body> {
  if (!current) return {};
  return Object.fromEntries(Object.entries(current.body).filter(([k, v]) => !ROSTER_BODY_FIELDS.has(k) && v !== undefined));
}

/** The rules profile the imported roster will run under; an unknown or broken one is a problem of the import. */
function profileFor(id: string, profiles: ProfileLookup, problems: Problems): Profile | null {
  try {
    return profiles(id);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    problems.add(Infinity, e.message);
    return null;
  }
}

/** An institution with its member and deputy entries, in file order. */
function rowsOf(inst: ResolvedInstitution, entries: Entry[]): InstitutionRows<Entry> & ResolvedInstitution {
  const of = (role: RosterRole) => entries.filter((e) => e.role === role && e.institutionKey === inst.key);
  return { ...inst, members: of("mitglied"), deputies: of("stellvertretung") };
}

interface Seat {
  id: string;
  name: string;
  voting: boolean;
  member: Entry;
  deputy: Entry | undefined;
}

/**
 * The roster keeps one member and one deputy per institution record. An institution sending more
 * members (as its profile allows) gets one record per member, paired with its deputy by
 * rules/membership.ts; the first record keeps the institution's name and id, so its history
 * stays attached. Sets `seatId` on the entries.
 */
function seatsOf(institutions: (InstitutionRows<Entry> & ResolvedInstitution)[], current: Db | null, warnings: RosterWarning[], profile: Profile | null): Seat[] {
  const taken = new Set(institutions.map((i) => i.id));
  return institutions.flatMap((inst) => {
    const own = pairSeats(inst).map(({ member, deputy }, i): Seat => {
      const name = seatName(inst.name, i + 1);
      const known = current?.institutions.find((k) => k.name.toLowerCase() === name.toLowerCase())?.id;
      const id = i === 0 ? inst.id : known && !taken.has(known) ? known : uniqueId(`${inst.id}-${i + 1}`, (x) => taken.has(x));
      taken.add(id);
      return { id, name, voting: inst.voting, member, deputy };
    });
    for (const seat of own) for (const e of [seat.member, seat.deputy]) if (e) e.seatId = seat.id;
    if (own.length > 1) {
      const list = own.map((s) => ({ name: s.name, member: s.member.name, deputy: s.deputy?.name ?? null }));
      warnings.push(say("roster.seatsWarning", inst.name, list, profile));
    }
    return own;
  });
}

function checkRow(row: RosterRow, index: number, problems: Problems): Entry[] {
  const f = row.fields;
  const at = (said: Said<SentenceCode>) => problems.add(index, { where: row.where, said });
  const before = problems.size;
  const roleText = f.rolle ?? "";
  const role = ROLE_ALIASES[normalizeWord(roleText)];
  if (roleText === "") at(say("roster.noRole"));
  else if (!role) at(say("roster.unknownRole", roleText, ROLES));
  if (!f.name) at(say("roster.noPersonName"));
  if (!f.email) at(say("roster.noEmail"));
  else if (!email.safeParse(f.email).success) at(say("roster.badEmail", f.email));
  if (f.aadObjectId && !GUID.test(f.aadObjectId)) at(say("roster.badObjectId", f.aadObjectId));
  const needsInstitution = role === "mitglied" || role === "stellvertretung";
  if (needsInstitution && !f.institution) at(say("roster.noInstitution"));
  const voting = parseYesNo(f.stimmberechtigt ?? "");
  if (voting === "invalid") at(say("roster.badYesNo", f.stimmberechtigt ?? ""));
  if (f.id && !ID.test(f.id)) at(say("roster.badId", "ID", f.id));
  else if (f.id && SYSTEM_ACTORS.has(f.id)) at(say("roster.reservedId", f.id));
  if (f.kuerzel && !ID.test(f.kuerzel)) at(say("roster.badId", "Kürzel", f.kuerzel));
  const salutation = parseSalutation(f.anrede ?? "");
  if (salutation === "invalid") at(say("roster.badSalutation", f.anrede ?? ""));
  if (problems.size > before || !role) return [];
  return [
    {
      index,
      where: row.where,
      role,
      name: f.name!,
      email: f.email!,
      aadObjectId: f.aadObjectId || null,
      ...(salutation !== "invalid" && f.anrede ? { salutation: salutation ?? null } : {}),
      id: f.id || undefined,
      institutionRef: needsInstitution ? f.institution : undefined,
      kuerzel: f.kuerzel || undefined,
      voting: voting === "invalid" ? undefined : voting,
    },
  ];
}

/** "Frau"/"Herr" (and "Ms"/"Mr"); empty, "divers" or "keine": no salutation, letters say "Guten Tag". */
function parseSalutation(text: string): "ms" | "mr" | undefined | "invalid" {
  const t = normalizeWord(text).replace(/\.$/, "");
  if (t === "" || t === "divers" || t === "keine" || t === "-") return undefined;
  if (t === "frau" || t === "ms" || t === "mrs") return "ms";
  if (t === "herr" || t === "mr") return "mr";
  return "invalid";
}

function parseYesNo(text: string): boolean | undefined | "invalid" {
  const t = normalizeWord(text);
  if (t === "") return undefined;
  if (["ja", "j", "x", "1", "true", "yes", "wahr"].includes(t)) return true;
  if (["nein", "n", "0", "false", "no", "falsch"].includes(t)) return false;
  return "invalid";
}

interface ResolvedInstitution {
  key: string;
  id: string;
  name: string;
  voting: boolean;
  where: string;
  index: number;
}

/**
 * Institutions by key (lower-case name). JSON declares them; a CSV declares them by name in
 * rows. Ids: the declared/kuerzel id, else the id of the known institution of that name, else
 * a slug of the name. Sets `institutionKey` on each member/deputy entry.
 */
function resolveInstitutions(source: RosterSource, entries: Entry[], current: Db | null, problems: Problems) {
  const list: ResolvedInstitution[] = [];
  const byKey = new Map<string, ResolvedInstitution>();
  const byId = new Map<string, ResolvedInstitution>();
  const add = (inst: ResolvedInstitution, order: number) => {
    const sameId = byId.get(inst.id);
    if (sameId) problems.add(order, say("roster.idTaken", inst, sameId));
    list.push(inst);
    byKey.set(inst.key, inst);
    byId.set(inst.id, inst);
  };
  const known = (name: string) => current?.institutions.find((i) => i.name.trim().toLowerCase() === name.trim().toLowerCase());

  source.institutions.forEach((d) => {
    const key = d.name.trim().toLowerCase();
    if (key === "") return problems.add(-1, say("roster.noInstitutionName", d.where));
    if (byKey.has(key)) return problems.add(-1, say("roster.institutionTwice", d.where, d.name));
    if (d.id !== undefined && !ID.test(d.id)) return problems.add(-1, { where: d.where, said: say("roster.badId", "Kürzel", d.id) });
    const id = d.id ?? known(d.name)?.id ?? uniqueId(slug(d.name), (x) => byId.has(x));
    add({ key, id, name: d.name.trim(), voting: d.voting ?? true, where: d.where, index: -1 }, -1);
  });
  const declared = source.institutions.length > 0;
  const declaredIds = new Map(list.map((i) => [i.id.toLowerCase(), i]));

  for (const e of entries) {
    if (!e.institutionRef) continue;
    const ref = e.institutionRef.trim().toLowerCase();
    let inst = byKey.get(ref) ?? declaredIds.get(ref);
    if (!inst && declared) {
      problems.add(e.index, say("roster.undeclaredInstitution", e.where, e.institutionRef));
      continue;
    }
    if (!inst) {
      const id = e.kuerzel ?? known(e.institutionRef)?.id ?? uniqueId(slug(e.institutionRef), (x) => byId.has(x));
      inst = { key: ref, id, name: e.institutionRef.trim(), voting: e.voting ?? true, where: e.where, index: e.index };
      add(inst, e.index);
    } else {
      if (e.kuerzel && e.kuerzel !== inst.id) problems.add(e.index, say("roster.idConflict", e.where, e.kuerzel, inst));
      if (e.voting !== undefined && e.voting !== inst.voting) {
        problems.add(e.index, say("roster.votingConflict", e.where, e.voting, inst));
      }
    }
    e.institutionKey = inst.key;
  }
  return { list, byKey };
}

/** One person, one row: e-mail addresses, object ids and explicit ids are unique. */
function checkUnique(entries: Entry[], problems: Problems) {
  const check = (label: string, key: (e: Entry) => string | null | undefined) => {
    const seen = new Map<string, Entry>();
    for (const e of entries) {
      const k = key(e);
      if (!k) continue;
      const first = seen.get(k);
      if (first) problems.add(e.index, say("roster.twice", e.where, label, first.where));
      else seen.set(k, e);
    }
  };
  check("E-Mail-Adresse", (e) => e.email.toLowerCase());
  check("aadObjectId", (e) => e.aadObjectId?.toLowerCase());
  check("ID", (e) => e.id);
}

function resolveBody(fields: BodyFields, current: Db | null, overrides: BodyFields, problems: Problems): Pick<Body, "name" | "profile" | "secretariatEmail"> {
  const pick = (k: keyof BodyFields) => overrides[k]?.trim() || fields[k]?.trim() || current?.body[k];
  const name = pick("name");
  const profile = pick("profile") ?? "rhein-sieg-kreis";
  const secretariatEmail = pick("secretariatEmail");
  if (!name) problems.add(Infinity, say("roster.noBodyName"));
  if (!secretariatEmail) problems.add(Infinity, say("roster.noSecretariatEmail"));
  else if (!email.safeParse(secretariatEmail).success) problems.add(Infinity, say("roster.badSecretariatEmail", secretariatEmail));
  return { name: name ?? "", profile, secretariatEmail: secretariatEmail ?? "" };
}

/**
 * Person ids, in entry order: the given id; else the id of the known person with that e-mail or
 * object id (so attendance and proposals stay theirs); else a readable one (`m-jugendamt`,
 * `d-jugendamt`, `gs-1`, `vorsitz`, `gast-1`) not used by anyone else.
 */
function assignPersonIds(entries: Entry[], current: Db | null, problems: Problems, warnings: RosterWarning[], kept: Kept): Person[] {
  const known = current?.persons ?? [];
  const matched = entries.map(
    (e) =>
      e.id ??
      known.find((p) => p.email.toLowerCase() === e.email.toLowerCase())?.id ??
      (e.aadObjectId ? known.find((p) => p.aadObjectId?.toLowerCase() === e.aadObjectId!.toLowerCase())?.id : undefined),
  );
  const taken = new Set([...matched.filter((x): x is string => Boolean(x)), ...formerPersons(current, matched.map((id) => ({ id: id ?? "" }))).map((p) => p.id)]);
  const counters = { gs: 0, gast: 0 };
  const ids = entries.map((e, i) => {
    const own = matched[i];
    if (own) return own;
    const base =
      e.role === "mitglied" ? `m-${e.seatId}`
      : e.role === "stellvertretung" ? `d-${e.seatId}`
      : e.role === "vorsitz" ? "vorsitz"
      : e.role === "gast" ? `gast-${++counters.gast}`
      : `gs-${++counters.gs}`;
    const id = uniqueId(base, (x) => taken.has(x));
    taken.add(id);
    return id;
  });
  const firstUse = new Map<string, Entry>();
  entries.forEach((e, i) => {
    const other = firstUse.get(ids[i]!);
    if (other) problems.add(e.index, say("roster.samePerson", e.where, other.where, ids[i]!));
    else firstUse.set(ids[i]!, e);
  });
  const renamed = entries.filter((e, i) => matched[i] && !e.id && known.some((p) => p.id === matched[i] && p.name !== e.name)).length;
  if (renamed > 0) warnings.push(say("roster.renamed", renamed));
  const givenAad = new Set(entries.flatMap((e) => (e.aadObjectId ? [e.aadObjectId.toLowerCase()] : [])));
  // Only a person the file was matched to keeps stored data: a fresh id that happens to equal a known one is a new person.
  return entries.map((e, i) => carryOver(e, ids[i]!, matched[i] ? known.find((p) => p.id === ids[i]) : undefined, givenAad, kept));
}

/**
 * The person as the file gives them, with what the file does not give taken from the stored
 * person of the same id: the Teams binding (unless the file gives that object id to someone
 * else), the salutation, the "no reminders" choice.
 */
function carryOver(e: Entry, id: string, stored: Person | undefined, givenAad: Set<string>, kept: Kept): Person {
  const storedAad = stored?.aadObjectId && !givenAad.has(stored.aadObjectId.toLowerCase()) ? stored.aadObjectId : null;
  const aadObjectId = e.aadObjectId ?? storedAad;
  if (!e.aadObjectId && storedAad) kept.aadObjectId.push(id);
  const salutation = e.salutation === undefined ? stored?.salutation : e.salutation ?? undefined;
  if (e.salutation === undefined && stored?.salutation) kept.salutation.push(id);
  if (stored?.remindersOff) kept.remindersOff.push(id);
  return {
    id, name: e.name, email: e.email, aadObjectId,
    ...(salutation ? { salutation } : {}),
    ...(stored?.remindersOff ? { remindersOff: true } : {}),
  };
}

/** Known persons no longer on the roster but named in the history: kept, so old records keep their names. */
function formerPersons(current: Db | null, roster: { id: string }[]): Person[] {
  if (!current) return [];
  const onRoster = new Set(roster.map((p) => p.id));
  const referenced = referencedPersonIds(current);
  return current.persons.filter((p) => !onRoster.has(p.id) && referenced.has(p.id));
}

export function referencedPersonIds(db: Db): Set<string> {
  return new Set([
    ...db.attendance.flatMap((a) => [a.attendeeId ?? "", a.updatedBy]),
    ...db.proposals.map((p) => p.byPersonId),
    ...db.invitations.flatMap((i) => [i.createdBy, ...i.recipients.map((r) => r.personId)]),
    ...db.quorumDeclarations.map((q) => q.declaredBy),
    ...db.votes.map((v) => v.recordedBy),
    ...db.personalStatements.map((s) => s.personId),
    ...db.minutes.flatMap((m) => m.objections.map((o) => o.personId)),
  ]);
}

/** Institutions that leave the roster although attendance was recorded for them. */
function lostInstitutions(current: Db | null, roster: Roster): Said<SentenceCode>[] {
  if (!current) return [];
  const staying = new Set(roster.institutions.map((i) => i.id));
  return current.institutions
    .filter((i) => !staying.has(i.id))
    .flatMap((i) => {
      const meetings = new Set(current.attendance.filter((a) => a.institutionId === i.id).map((a) => a.meetingId));
      return meetings.size === 0 ? [] : [say("roster.lostInstitution", { id: i.id, name: i.name }, meetings.size)];
    });
}

export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || "institution";
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}