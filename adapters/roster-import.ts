/**
 * The roster (Gremium, persons, institutions) from a file the Geschäftsstelle fills in.
 *
 * CSV (as German Excel writes it: semicolons, UTF-8 with or without BOM), one row per person:
 *
 *   rolle;institution;name;email;aadObjectId;stimmberechtigt
 *   mitglied;Rhein-Sieg-Kreis - Jugendamt;Sabine Fuchs;sabine.fuchs@example.org;;ja
 *
 * rolle ∈ mitglied | stellvertretung | geschaeftsstelle | leitung-geschaeftsstelle | vorsitz | gast.
 * Optional columns: aadObjectId (Teams/Entra object id), stimmberechtigt (ja/nein, default ja),
 * kuerzel (institution id), id (person id).
 *
 * JSON: `{ body?: { name, profile, secretariatEmail }, institutions?: [{ id, name, voting }],
 * persons: [{ rolle, institution, name, email, aadObjectId?, id? }] }` — the same columns as keys;
 * `institution` is an institution's id or name.
 *
 * How many members an institution sends is the profile's (`membership`): one as a rule; where the
 * document gives an institution more, it lists a row per member and a deputy row per member, in the
 * same order, and each member becomes a record of their own with their own deputy.
 *
 * Every bad row is reported with its line ("Zeile 7: E-Mail-Adresse fehlt."), and nothing
 * changes unless the whole file is good. Person and institution ids are kept for people and
 * institutions already known (matched by e-mail, object id or name), so history stays attached.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { z } from "zod";
import type { Profile } from "../domain/profile.ts";
import { minutesSigners } from "../rules/profile.ts";
import { loadProfile, ProfileError } from "./profiles.ts";
import type { Body, Db, Institution, Person } from "../domain/model.ts";
import type { Store } from "./store.ts";

export const ROLES = ["mitglied", "stellvertretung", "geschaeftsstelle", "leitung-geschaeftsstelle", "vorsitz", "gast"] as const;
export type RosterRole = (typeof ROLES)[number];

const COLUMNS = ["rolle", "institution", "name", "email", "aadObjectId", "stimmberechtigt", "kuerzel", "id"] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED_COLUMNS: Column[] = ["rolle", "institution", "name", "email"];

/** One person entry as read, with where it came from ("Zeile 7", "persons[6]"). */
export interface RosterRow {
  where: string;
  fields: Partial<Record<Column, string>>;
}

export interface DeclaredInstitution {
  where: string;
  id?: string;
  name: string;
  voting?: boolean;
}

export interface BodyFields {
  name?: string;
  profile?: string;
  secretariatEmail?: string;
}

/** A roster file, read but not yet checked. */
export interface RosterSource {
  body: BodyFields;
  /** Declared up front in JSON; a CSV declares institutions by naming them in rows. */
  institutions: DeclaredInstitution[];
  rows: RosterRow[];
  /** Remarks found while reading (ignored columns). */
  warnings: string[];
}

export interface Roster {
  body: Body;
  institutions: Institution[];
  persons: Person[];
}

/** The file cannot be imported; `problems` lists every reason, each naming its line. */
export class RosterError extends Error {
  constructor(
    readonly problems: string[],
    file?: string,
  ) {
    const head = file ? `Die Datei „${file}“ wurde nicht importiert, nichts wurde geändert:` : "Die Mitgliederliste ist fehlerhaft, nichts wurde geändert:";
    super([head, ...problems.map((p) => `  - ${p}`)].join("\n"));
    this.name = "RosterError";
  }
}

// ---------------------------------------------------------------------------------------------
// Reading files

/** Reads a CSV or JSON roster file (by extension; otherwise by its first character). */
export async function readRosterFile(file: string): Promise<RosterSource> {
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new RosterError([e.code === "ENOENT" ? "Die Datei gibt es nicht." : `Die Datei ist nicht lesbar (${e.message}).`], file);
  });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new RosterError(["Die Datei ist nicht UTF-8-kodiert; in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern."], file);
  }
  const ext = extname(file).toLowerCase();
  const json = ext === ".json" || (ext !== ".csv" && text.trimStart().startsWith("{"));
  try {
    return json ? parseRosterJson(text) : parseRosterCsv(text);
  } catch (e) {
    if (e instanceof RosterError) throw new RosterError(e.problems, file);
    throw e;
  }
}

export function parseRosterCsv(text: string): RosterSource {
  const records = parseCsv(text);
  const header = records[0];
  if (!header) throw new RosterError(["Die Datei ist leer; erwartet wird eine Kopfzeile rolle;institution;name;email;aadObjectId."]);
  const problems: string[] = [];
  const warnings: string[] = [];
  const columns = header.cells.map((cell): Column | null => {
    const column = columnFor(cell);
    if (!column && cell.trim() !== "") warnings.push(`Spalte „${cell.trim()}“ wird ignoriert.`);
    return column;
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.includes(c)) problems.push(`Zeile ${header.line}: Spalte „${c}“ fehlt in der Kopfzeile (erwartet: rolle;institution;name;email;aadObjectId).`);
  }
  columns.forEach((c, i) => {
    if (c && columns.indexOf(c) !== i) problems.push(`Zeile ${header.line}: Spalte „${c}“ steht zweimal in der Kopfzeile.`);
  });
  if (problems.length > 0) throw new RosterError(problems);

  const rows: RosterRow[] = [];
  for (const { line, cells } of records.slice(1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    if (cells.slice(columns.length).some((c) => c.trim() !== "")) {
      problems.push(`Zeile ${line}: mehr Spalten als in der Kopfzeile (enthält ein Text ein Semikolon? Dann in Anführungszeichen setzen).`);
      continue;
    }
    const fields: RosterRow["fields"] = {};
    columns.forEach((c, i) => {
      if (c) fields[c] = (cells[i] ?? "").trim();
    });
    rows.push({ where: `Zeile ${line}`, fields });
  }
  if (problems.length > 0) throw new RosterError(problems);
  return { body: {}, institutions: [], rows, warnings };
}

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const RosterJson = z.object({
  body: z.object({ name: z.string().optional(), profile: z.string().optional(), secretariatEmail: z.string().optional() }).optional(),
  institutions: z.array(z.object({ id: z.string().optional(), name: z.string(), voting: z.boolean().optional() })).optional(),
  persons: z.array(z.record(cellValue)),
});

export function parseRosterJson(text: string): RosterSource {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new RosterError([`Kein gültiges JSON (${(e as Error).message}).`]);
  }
  const parsed = RosterJson.safeParse(raw);
  if (!parsed.success) {
    throw new RosterError(parsed.error.issues.map((i) => `${i.path.join(".") || "(Wurzel)"}: ${i.message}.`));
  }
  const warnings = new Set<string>();
  const rows = parsed.data.persons.map((entry, i): RosterRow => {
    const fields: RosterRow["fields"] = {};
    for (const [key, value] of Object.entries(entry)) {
      const column = columnFor(key);
      if (!column) warnings.add(`Feld „${key}“ wird ignoriert.`);
      else fields[column] = value === null ? "" : typeof value === "boolean" ? (value ? "ja" : "nein") : String(value).trim();
    }
    return { where: `persons[${i}]`, fields };
  });
  const institutions = (parsed.data.institutions ?? []).map((inst, i) => ({ ...inst, where: `institutions[${i}]` }));
  return { body: parsed.data.body ?? {}, institutions, rows, warnings: [...warnings] };
}

const COLUMN_ALIASES: Record<string, Column> = {
  rolle: "rolle", role: "rolle", funktion: "rolle",
  institution: "institution", einrichtung: "institution", organisation: "institution",
  name: "name",
  email: "email", "e-mail": "email", mail: "email", "e-mail-adresse": "email",
  aadobjectid: "aadObjectId", "aad-object-id": "aadObjectId", "objekt-id": "aadObjectId",
  stimmberechtigt: "stimmberechtigt", voting: "stimmberechtigt",
  kuerzel: "kuerzel", "institution-id": "kuerzel", institutionid: "kuerzel",
  id: "id", "person-id": "id",
};

function columnFor(header: string): Column | null {
  return COLUMN_ALIASES[normalizeWord(header)] ?? null;
}

function normalizeWord(text: string): string {
  return text.trim().toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss").replace(/[\s_]+/g, "-");
}

/**
 * Minimal CSV reader (RFC 4180 quoting, as Excel writes it). The delimiter is the header's: `;`
 * (German Excel), otherwise `,` or tab. Each record carries the line it starts on.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") ? ";" : firstLine.includes(",") ? "," : firstLine.includes("\t") ? "\t" : ";";
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'; // "" inside quotes is one quote
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}

// ---------------------------------------------------------------------------------------------
// Checking and building

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
  aadObjectId: string | null;
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
  private list: { order: number; text: string }[] = [];
  add(order: number, text: string) {
    this.list.push({ order, text });
  }
  get size() {
    return this.list.length;
  }
  throwIfAny() {
    if (this.list.length > 0) throw new RosterError(this.list.sort((a, b) => a.order - b.order).map((p) => p.text));
  }
}

export interface BuildResult {
  roster: Roster;
  warnings: string[];
}

/**
 * Checks the whole source and builds the roster that replaces `current`'s (null: a new data
 * file). `overrides` (from the command line) win over the file's body, which wins over `current`.
 * Throws a RosterError listing every problem.
 */
export function buildRoster(source: RosterSource, current: Db | null, overrides: BodyFields = {}): BuildResult {
  const problems = new Problems();
  const warnings = [...source.warnings];
  const entries = source.rows.flatMap((row, index) => checkRow(row, index, problems));
  const institutions = resolveInstitutions(source, entries, current, problems);
  const body = resolveBody(source.body, current, overrides, problems);
  const profile = profileFor(body.profile, problems);
  checkComposition(entries, institutions, problems, warnings, profile);
  checkUnique(entries, problems);
  if (source.rows.length === 0) problems.add(-1, "Die Datei enthält keine Personen.");
  problems.throwIfAny();

  const seats = seatsOf(entries, institutions.list, current, warnings, profile);
  const persons = assignPersonIds(entries, current, problems, warnings);
  problems.throwIfAny();
  const idOf = new Map(entries.map((e, i) => [e, persons[i]!.id]));
  const byRole = (role: RosterRole) => entries.filter((e) => e.role === role).map((e) => idOf.get(e)!);
  const secretariat = entries.filter((e) => e.role === "geschaeftsstelle" || e.role === "leitung-geschaeftsstelle");
  const head = secretariat.find((e) => e.role === "leitung-geschaeftsstelle") ?? secretariat[0]!;
  if (head.role !== "leitung-geschaeftsstelle") {
    const signs = !profile || minutesSigners(profile).some((s) => s.person === "secretariat-head");
    const signing = profile?.minutes.regulated ? profile.minutes.signaturesCitation : null;
    const practice = profile && !profile.minutes.regulated ? "; Praxis der Geschäftsstelle" : "";
    const note = signs ? ` (unterzeichnet die Niederschrift${signing ? `, ${signing}` : ""}${practice})` : "";
    warnings.push(`Keine Zeile mit Rolle „leitung-geschaeftsstelle“: ${head.name} gilt als Leitung der Geschäftsstelle${note}.`);
  }

  const roster: Roster = {
    body: {
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
  return { roster, warnings };
}

function checkRow(row: RosterRow, index: number, problems: Problems): Entry[] {
  const f = row.fields;
  const at = (text: string) => problems.add(index, `${row.where}: ${text}`);
  const before = problems.size;
  const roleText = f.rolle ?? "";
  const role = ROLE_ALIASES[normalizeWord(roleText)];
  if (roleText === "") at("Rolle fehlt.");
  else if (!role) at(`Rolle „${roleText}“ ist unbekannt (erlaubt: ${ROLES.join(", ")}).`);
  if (!f.name) at("Name fehlt.");
  if (!f.email) at("E-Mail-Adresse fehlt.");
  else if (!email.safeParse(f.email).success) at(`E-Mail-Adresse „${f.email}“ ist ungültig.`);
  if (f.aadObjectId && !GUID.test(f.aadObjectId)) at(`aadObjectId „${f.aadObjectId}“ ist keine gültige Objekt-ID (Form 00000000-0000-0000-0000-000000000000).`);
  const needsInstitution = role === "mitglied" || role === "stellvertretung";
  if (needsInstitution && !f.institution) at("Institution fehlt (nötig für Mitglied und Stellvertretung).");
  const voting = parseYesNo(f.stimmberechtigt ?? "");
  if (voting === "invalid") at(`stimmberechtigt „${f.stimmberechtigt}“ ist weder ja noch nein.`);
  if (f.id && !ID.test(f.id)) at(`ID „${f.id}“ darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten.`);
  if (f.kuerzel && !ID.test(f.kuerzel)) at(`Kürzel „${f.kuerzel}“ darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten.`);
  if (problems.size > before || !role) return [];
  return [
    {
      index,
      where: row.where,
      role,
      name: f.name!,
      email: f.email!,
      aadObjectId: f.aadObjectId || null,
      id: f.id || undefined,
      institutionRef: needsInstitution ? f.institution : undefined,
      kuerzel: f.kuerzel || undefined,
      voting: voting === "invalid" ? undefined : voting,
    },
  ];
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
    if (sameId) problems.add(order, `${inst.where}: Kürzel „${inst.id}“ gehört schon zu „${sameId.name}“ (${sameId.where}).`);
    list.push(inst);
    byKey.set(inst.key, inst);
    byId.set(inst.id, inst);
  };
  const known = (name: string) => current?.institutions.find((i) => i.name.trim().toLowerCase() === name.trim().toLowerCase());

  source.institutions.forEach((d) => {
    const key = d.name.trim().toLowerCase();
    if (key === "") return problems.add(-1, `${d.where}: Name der Institution fehlt.`);
    if (byKey.has(key)) return problems.add(-1, `${d.where}: Institution „${d.name}“ steht zweimal in der Liste.`);
    if (d.id !== undefined && !ID.test(d.id)) return problems.add(-1, `${d.where}: Kürzel „${d.id}“ darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten.`);
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
      problems.add(e.index, `${e.where}: Institution „${e.institutionRef}“ steht nicht in „institutions“.`);
      continue;
    }
    if (!inst) {
      const id = e.kuerzel ?? known(e.institutionRef)?.id ?? uniqueId(slug(e.institutionRef), (x) => byId.has(x));
      inst = { key: ref, id, name: e.institutionRef.trim(), voting: e.voting ?? true, where: e.where, index: e.index };
      add(inst, e.index);
    } else {
      if (e.kuerzel && e.kuerzel !== inst.id) problems.add(e.index, `${e.where}: Kürzel „${e.kuerzel}“ widerspricht „${inst.id}“ (${inst.where}) für „${inst.name}“.`);
      if (e.voting !== undefined && e.voting !== inst.voting) {
        problems.add(e.index, `${e.where}: stimmberechtigt „${e.voting ? "ja" : "nein"}“ widerspricht ${inst.where} für „${inst.name}“.`);
      }
    }
    e.institutionKey = inst.key;
  }
  return { list, byKey };
}

/**
 * As many members per institution as the profile's membership rule allows (Rhein-Sieg: one; a
 * document may give one institution more; no number: any), one deputy per member; one chair; a
 * Geschäftsstelle. Every rule cites the profile's paragraph.
 */
function checkComposition(entries: Entry[], institutions: { list: ResolvedInstitution[] }, problems: Problems, warnings: string[], profile: Profile | null) {
  const deputyRule = paren(profile?.representation.citation ?? null);
  for (const inst of institutions.list) {
    const of = (role: RosterRole) => entries.filter((e) => e.role === role && e.institutionKey === inst.key);
    const members = of("mitglied");
    const deputies = of("stellvertretung");
    const allowed = membersAllowed(inst.name, profile);
    if (members.length === 0) problems.add(inst.index, `${inst.where}: Institution „${inst.name}“ hat kein Mitglied (Zeile mit Rolle „mitglied“).`);
    if (allowed.limit !== null) {
      const kept = members.slice(0, allowed.limit);
      for (const e of members.slice(allowed.limit)) {
        problems.add(e.index, `${e.where}: „${inst.name}“ hat schon ${countOf(allowed.limit, "ein Mitglied", "Mitglieder")} (${kept.map((k) => k.where).join(", ")}); ${allowed.rule}.`);
      }
    }
    const seats = Math.max(1, Math.min(members.length, allowed.limit ?? Infinity));
    const kept = deputies.slice(0, seats);
    for (const e of deputies.slice(seats)) {
      problems.add(e.index, `${e.where}: „${inst.name}“ hat schon ${countOf(seats, "eine Stellvertretung", "Stellvertretungen")} (${kept.map((k) => k.where).join(", ")}); je Mitglied eine Stellvertretung${deputyRule}.`);
    }
    if (members.length > 0 && deputies.length === 0) warnings.push(`„${inst.name}“ hat keine Stellvertretung${deputyRule}.`);
    if (seats > 1 && deputies.length > 0 && deputies.length < seats) {
      // The n-th deputy row stands in for the n-th member row; with one missing, that order says nothing.
      problems.add(deputies[0]!.index, `${deputies[0]!.where}: „${inst.name}“ entsendet ${countOf(seats, "ein Mitglied", "Mitglieder")}, aber ${countOf(deputies.length, "eine Stellvertretung", "Stellvertretungen")}; bei mehreren Mitgliedern bitte für jedes seine Stellvertretung angeben, in derselben Reihenfolge wie die Mitglieder${deputyRule}.`);
    }
  }
  checkExceptionTotals(entries, institutions.list, problems, profile);
  if (institutions.list.length > 0 && !institutions.list.some((i) => i.voting)) problems.add(Infinity, "Keine Institution ist stimmberechtigt.");
  if (institutions.list.length === 0 && entries.length > 0) problems.add(Infinity, "Es fehlt mindestens eine Institution mit Mitglied (Rolle „mitglied“).");

  const chairs = entries.filter((e) => e.role === "vorsitz");
  if (chairs.length === 0) problems.add(Infinity, "Es fehlt eine gültige Zeile mit der Rolle „vorsitz“.");
  for (const e of chairs.slice(1)) problems.add(e.index, `${e.where}: zweiter Vorsitz (schon ${chairs[0]!.where}); es gibt genau eine(n) Vorsitzende(n).`);
  const secretariat = entries.filter((e) => e.role === "geschaeftsstelle" || e.role === "leitung-geschaeftsstelle");
  if (secretariat.length === 0) problems.add(Infinity, "Es fehlt mindestens eine gültige Zeile mit der Rolle „geschaeftsstelle“ oder „leitung-geschaeftsstelle“.");
  const heads = secretariat.filter((e) => e.role === "leitung-geschaeftsstelle");
  for (const e of heads.slice(1)) problems.add(e.index, `${e.where}: zweite Leitung der Geschäftsstelle (schon ${heads[0]!.where}).`);
}

interface Allowed {
  /** Members this institution may send; null: the profile sets no number. */
  limit: number | null;
  /** The rule as a clause with its paragraph: "je Institution ein Mitglied (§ 2 Abs. 2 GO)". */
  rule: string;
}

type MembershipException = Profile["membership"]["exceptions"][number];

/** The profile's exception (e.g. the AG Wohlfahrt sending two) that an institution's name matches. */
function exceptionFor(name: string, profile: Profile | null): MembershipException | undefined {
  const lower = name.toLowerCase();
  return profile?.membership.exceptions.find((x) => x.nameContains.some((part) => lower.includes(part.toLowerCase())));
}

/**
 * An exception's number is for the body it names, in total: two institutions that both match
 * ("AGW Caritas", "AGW Diakonie") share it rather than getting it each.
 */
function checkExceptionTotals(entries: Entry[], institutions: ResolvedInstitution[], problems: Problems, profile: Profile | null) {
  for (const exception of profile?.membership.exceptions ?? []) {
    const keys = new Set(institutions.filter((i) => exceptionFor(i.name, profile) === exception).map((i) => i.key));
    if (keys.size < 2) continue;
    const members = entries.filter((e) => e.role === "mitglied" && e.institutionKey !== undefined && keys.has(e.institutionKey));
    const kept = members.slice(0, exception.members);
    for (const e of members.slice(exception.members)) {
      problems.add(e.index, `${e.where}: ${exception.name} entsendet insgesamt ${countOf(exception.members, "ein Mitglied", "Mitglieder")} (schon ${kept.map((k) => k.where).join(", ")})${paren(profile!.membership.citation)}.`);
    }
  }
}

/** How many members the profile lets this institution send, matched by name against its exceptions. */
function membersAllowed(name: string, profile: Profile | null): Allowed {
  if (!profile) return { limit: 1, rule: "je Institution ein Mitglied" };
  const m = profile.membership;
  const cite = paren(m.citation);
  const exception = exceptionFor(name, profile);
  if (exception) return { limit: exception.members, rule: `${exception.name}: ${countOf(exception.members, "ein Mitglied", "Mitglieder")}${cite}` };
  if (m.perInstitution === null) return { limit: null, rule: "" };
  const others = m.exceptions.map((x) => `, ${x.name}: ${countOf(x.members, "eins", "")}`).join("");
  return { limit: m.perInstitution, rule: `je Institution ${countOf(m.perInstitution, "ein Mitglied", "Mitglieder")}${others}${cite}` };
}

const NUMBER_WORDS = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];

/** "ein Mitglied", "zwei Mitglieder", "zwei" (no noun given for the plural). */
function countOf(n: number, one: string, many: string): string {
  if (n === 1) return one;
  return `${NUMBER_WORDS[n] ?? String(n)}${many ? ` ${many}` : ""}`;
}

/** " (§ 2 Abs. 2 GO)", or nothing without a paragraph. */
function paren(citation: string | null): string {
  return citation ? ` (${citation})` : "";
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
 * members (as its profile allows) gets one record per member, the n-th deputy row of the file
 * standing in for the n-th member row (each member names their own deputy); the first record keeps
 * the institution's name and id, so its history stays attached. Sets `seatId` on the entries.
 */
function seatsOf(entries: Entry[], institutions: ResolvedInstitution[], current: Db | null, warnings: string[], profile: Profile | null): Seat[] {
  const taken = new Set(institutions.map((i) => i.id));
  const seats: Seat[] = [];
  for (const inst of institutions) {
    const of = (role: RosterRole) => entries.filter((e) => e.role === role && e.institutionKey === inst.key);
    const deputies = of("stellvertretung");
    const own = of("mitglied").map((member, i): Seat => {
      const name = i === 0 ? inst.name : `${inst.name} (${i + 1}. Mitglied)`;
      const known = current?.institutions.find((k) => k.name.toLowerCase() === name.toLowerCase())?.id;
      const id = i === 0 ? inst.id : known && !taken.has(known) ? known : uniqueId(`${inst.id}-${i + 1}`, (x) => taken.has(x));
      taken.add(id);
      return { id, name, voting: inst.voting, member, deputy: deputies[i] };
    });
    for (const seat of own) for (const e of [seat.member, seat.deputy]) if (e) e.seatId = seat.id;
    seats.push(...own);
    if (own.length > 1) {
      const cite = paren(profile?.membership.citation ?? null);
      const rule = paren(profile?.representation.citation ?? null);
      const list = own.map((s) => `„${s.name}“: ${s.member.name}, Stellvertretung ${s.deputy ? s.deputy.name : `keine${rule}`}`).join("; ");
      warnings.push(`„${inst.name}“ entsendet ${countOf(own.length, "ein Mitglied", "Mitglieder")}${cite}; je Mitglied ein Eintrag mit eigener Stellvertretung (in der Reihenfolge der Zeilen): ${list}.`);
    }
  }
  return seats;
}

/** One person, one row: e-mail addresses, object ids and explicit ids are unique. */
function checkUnique(entries: Entry[], problems: Problems) {
  const check = (label: string, key: (e: Entry) => string | null | undefined) => {
    const seen = new Map<string, Entry>();
    for (const e of entries) {
      const k = key(e);
      if (!k) continue;
      const first = seen.get(k);
      if (first) problems.add(e.index, `${e.where}: ${label} steht schon in ${first.where} (jede Person nur einmal).`);
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
  if (!name) problems.add(Infinity, "Der Name des Gremiums fehlt (JSON „body.name“ oder --name).");
  if (!secretariatEmail) problems.add(Infinity, "Die E-Mail-Adresse der Geschäftsstelle fehlt (JSON „body.secretariatEmail“ oder --secretariat-email).");
  else if (!email.safeParse(secretariatEmail).success) problems.add(Infinity, `Die E-Mail-Adresse der Geschäftsstelle „${secretariatEmail}“ ist ungültig.`);
  return { name: name ?? "", profile, secretariatEmail: secretariatEmail ?? "" };
}

/** The rules profile the imported roster will run under; an unknown or broken one is a problem of the import. */
function profileFor(id: string, problems: Problems): Profile | null {
  try {
    return loadProfile(id);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    problems.add(Infinity, e.message);
    return null;
  }
}

/**
 * Person ids, in entry order: the given id; else the id of the known person with that e-mail or
 * object id (so attendance and proposals stay theirs); else a readable one (`m-jugendamt`,
 * `d-jugendamt`, `gs-1`, `vorsitz`, `gast-1`) not used by anyone else.
 */
function assignPersonIds(entries: Entry[], current: Db | null, problems: Problems, warnings: string[]): Person[] {
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
    if (other) problems.add(e.index, `${e.where}: gehört zur selben bekannten Person wie ${other.where} (ID „${ids[i]}“); bitte E-Mail-Adresse und aadObjectId prüfen.`);
    else firstUse.set(ids[i]!, e);
  });
  const renamed = entries.filter((e, i) => matched[i] && !e.id && known.some((p) => p.id === matched[i] && p.name !== e.name)).length;
  if (renamed > 0) warnings.push(`${renamed} bekannte Person(en) mit geändertem Namen übernommen (gleiche E-Mail-Adresse oder aadObjectId).`);
  return entries.map((e, i) => ({ id: ids[i]!, name: e.name, email: e.email, aadObjectId: e.aadObjectId }));
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
function lostInstitutions(current: Db | null, roster: Roster): string[] {
  if (!current) return [];
  const staying = new Set(roster.institutions.map((i) => i.id));
  return current.institutions
    .filter((i) => !staying.has(i.id))
    .flatMap((i) => {
      const meetings = new Set(current.attendance.filter((a) => a.institutionId === i.id).map((a) => a.meetingId));
      return meetings.size === 0 ? [] : [`„${i.name}“ (${i.id}) ist nicht mehr in der Liste, hat aber Anwesenheiten in ${meetings.size} Sitzung(en); diese bleiben gespeichert.`];
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

// ---------------------------------------------------------------------------------------------
// Applying

/** Replaces the roster; meetings and all history stay. */
export function applyRoster(db: Db, roster: Roster): void {
  db.body = roster.body;
  db.institutions = roster.institutions;
  db.persons = roster.persons;
}

export interface ImportSummary {
  institutions: number;
  persons: number;
  warnings: string[];
}

/**
 * The import command: read the file → check it against the freshest data → (only the
 * Geschäftsstelle, or the command line) → replace the roster → audit.
 */
export async function importRoster(store: Store, file: string, actorId: string, overrides: BodyFields = {}): Promise<ImportSummary> {
  const source = await readRosterFile(file);
  const result = await store.update({ actorId }, (db, audit) => {
    if (!["cli", "system"].includes(actorId) && !db.body.secretariatIds.includes(actorId)) {
      throw new RosterError(["Nur die Geschäftsstelle kann die Mitgliederliste ersetzen."], file);
    }
    let built: BuildResult;
    try {
      built = buildRoster(source, db, overrides);
    } catch (e) {
      throw e instanceof RosterError ? new RosterError(e.problems, file) : e;
    }
    applyRoster(db, built.roster);
    const active = built.roster.persons.length - formerCount(built.roster);
    const summary: ImportSummary = { institutions: built.roster.institutions.length, persons: active, warnings: built.warnings };
    audit("roster.import", { file: basename(file), ...summary });
    return summary;
  });
  if (result.duplicate) throw new Error("unreachable: an import has no activity id");
  return result.value;
}

/** Persons kept only for the history (on no role of the roster). */
function formerCount(roster: Roster): number {
  const onRoster = new Set([
    roster.body.chairId,
    ...roster.body.secretariatIds,
    ...roster.body.guestIds,
    ...roster.institutions.flatMap((i) => [i.memberId, i.deputyId ?? ""]),
  ]);
  return roster.persons.filter((p) => !onRoster.has(p.id)).length;
}
