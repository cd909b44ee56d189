/**
 * Reading a roster file (Gremium, persons, institutions) the Geschäftsstelle fills in, into a
 * `RosterSource`: rows as read, not yet checked (the checks are the import's, services/).
 *
 * CSV (as German Excel writes it: semicolons, UTF-8 with or without BOM), one row per person:
 *
 *   rolle;institution;name;email;aadObjectId;stimmberechtigt
 *   mitglied;Rhein-Sieg-Kreis - Jugendamt;Sabine Fuchs;sabine.fuchs@example.org;;ja
 *
 * rolle ∈ mitglied | stellvertretung | geschaeftsstelle | leitung-geschaeftsstelle | vorsitz | gast.
 * Optional columns: aadObjectId (Teams/Entra object id), stimmberechtigt (ja/nein, default ja),
 * kuerzel (institution id), id (person id), anrede (Frau/Herr, for "Sehr geehrte Frau …" in letters).
 *
 * JSON: `{ body?: { name, profile, secretariatEmail }, institutions?: [{ id, name, voting }],
 * persons: [{ rolle, institution, name, email, aadObjectId?, id? }] }` — the same columns as keys;
 * `institution` is an institution's id or name.
 *
 * Every row keeps where it came from ("Zeile 7", "persons[6]"), so each problem names its line.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { LIMITS } from "../domain/limits.ts";
import { cleanLine } from "../domain/sanitize.ts";
import { tooLongText } from "../texts/limits.ts";
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { csvText, fileText, problemAt, rosterHead } from "../texts/roster.ts";
/** The record of an institution's n-th seat (n ≥ 2) as the file's rows give it (worded in texts/roster.ts). */
export { seatName } from "../texts/roster.ts";
import { words, type Said, type SentenceCode } from "../texts/catalog.ts";

const COLUMNS = ["rolle", "institution", "name", "email", "aadObjectId", "stimmberechtigt", "kuerzel", "id", "anrede"] as const;
export type Column = (typeof COLUMNS)[number];
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

/** A reason an import is refused: worded here, or said by a service as a code (naming its row or institution). */
export type RosterProblem = string | Said<SentenceCode> | { where: string; said: Said<SentenceCode> };

/** The file cannot be imported; `problems` lists every reason, each naming its line (in German: the import is the Geschäftsstelle's). */
export class RosterError extends Error {
  readonly problems: string[];
  constructor(
    problems: RosterProblem[],
    readonly file?: string,
  ) {
    const worded = problems.map(problemText);
    super([rosterHead(file), ...worded.map((p) => `  - ${p}`)].join("\n"));
    this.problems = worded;
    this.name = "RosterError";
  }

  /** The same problems, now naming the file they came from. */
  forFile(file: string): RosterError {
    return new RosterError(this.problems, file);
  }
}

function problemText(p: RosterProblem): string {
  if (typeof p === "string") return p;
  return "where" in p ? problemAt(p.where, words(p.said).de) : words(p).de;
}

/** Reads a CSV or JSON roster file (by extension; otherwise by its first character). */
export async function readRosterFile(file: string): Promise<RosterSource> {
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new RosterError([e.code === "ENOENT" ? fileText.missing : fileText.unreadable(e.message)], file);
  });
  if (bytes.length > LIMITS.csvBytes) throw new RosterError([tooLongText("csvBytes").de], file);
  let text: string;
  try {
    // TextDecoder drops a BOM; `fatal` refuses what Excel writes as "CSV (Trennzeichen-getrennt)" (Windows-1252).
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RosterError([fileText.notUtf8], file);
  }
  const ext = extname(file).toLowerCase();
  const json = ext === ".json" || (ext !== ".csv" && text.trimStart().startsWith("{"));
  try {
    return json ? parseRosterJson(text) : parseRosterCsv(text);
  } catch (e) {
    throw e instanceof RosterError ? e.forFile(file) : e;
  }
}

export function parseRosterCsv(text: string): RosterSource {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new RosterError([csvText.empty]);
  const warnings: string[] = [];
  const columns = header.cells.map((cell): Column | null => {
    const column = columnFor(cell);
    if (!column && cell.trim() !== "") warnings.push(csvText.ignoredColumn(cell.trim()));
    return column;
  });
  throwIfAny(headerProblems(columns, header.line));

  const problems: string[] = [];
  const rows: RosterRow[] = [];
  if (records.length > LIMITS.csvRows) throw new RosterError([tooLongText("csvRows").de]);
  for (const { line, cells } of records) {
    if (cells.every((c) => c.trim() === "")) continue;
    if (cells.slice(columns.length).some((c) => c.trim() !== "")) {
      problems.push(csvText.tooManyCells(line));
      continue;
    }
    const fields: RosterRow["fields"] = {};
    columns.forEach((c, i) => {
      if (c) fields[c] = cleanLine(cells[i] ?? "");
    });
    if ((fields.name ?? "").length > LIMITS.name || (fields.institution ?? "").length > LIMITS.name) {
      problems.push(`${csvText.line(line)}: ${tooLongText("name").de}`);
      continue;
    }
    rows.push({ where: csvText.line(line), fields });
  }
  throwIfAny(problems);
  return { body: {}, institutions: [], rows, warnings };
}

/** Every required column once; none twice. */
function headerProblems(columns: (Column | null)[], line: number): string[] {
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c)).map((c) => csvText.missingColumn(line, c));
  const twice = columns.filter((c, i): c is Column => c !== null && columns.indexOf(c) !== i).map((c) => csvText.columnTwice(line, c));
  return [...missing, ...twice];
}

function throwIfAny(problems: string[]): void {
  if (problems.length > 0) throw new RosterError(problems);
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
    throw new RosterError([fileText.notJson((e as Error).message)]);
  }
  const parsed = RosterJson.safeParse(raw);
  if (!parsed.success) {
    throw new RosterError(parsed.error.issues.map((i) => fileText.jsonIssue(i.path.join("."), i.message)));
  }
  const warnings = new Set<string>();
  const rows = parsed.data.persons.map((entry, i): RosterRow => {
    const fields: RosterRow["fields"] = {};
    for (const [key, value] of Object.entries(entry)) {
      const column = columnFor(key);
      if (!column) warnings.add(fileText.ignoredField(key));
      else fields[column] = value === null ? "" : typeof value === "boolean" ? (value ? "ja" : "nein") : cleanLine(String(value));
    }
    return { where: `persons[${i}]`, fields };
  });
  if (parsed.data.persons.length > LIMITS.csvRows) throw new RosterError([tooLongText("csvRows").de]);
  const institutions = (parsed.data.institutions ?? []).map((inst, i) => ({ ...inst, name: cleanLine(inst.name), where: `institutions[${i}]` }));
  const body = parsed.data.body ?? {};
  return { body: body.name === undefined ? body : { ...body, name: cleanLine(body.name) }, institutions, rows, warnings: [...warnings] };
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
  anrede: "anrede", salutation: "anrede",
};

function columnFor(header: string): Column | null {
  return COLUMN_ALIASES[normalizeWord(header)] ?? null;
}

/** Lower case, umlauts spelled out, blanks as hyphens: "E-Mail Adresse" and "e_mail-adresse" are one column. */
export function normalizeWord(text: string): string {
  return text.trim().toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss").replace(/[\s_]+/g, "-");
}

/**
 * CSV records (RFC 4180 quoting, as Excel writes it), each with the line it starts on. The
 * delimiter is the header's: `;` (German Excel), otherwise `,` or tab — one per file, so a comma
 * inside a semicolon file stays text.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  let records: { record: string[]; raw: string }[];
  try {
    // With `raw`, each record comes as { record, raw } (the typings know only string[][]).
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      raw: true, // to count the lines a record spans
      relax_column_count: true, // the header decides; short and long rows are the roster's to judge
      relax_quotes: true, // a quote inside an unquoted cell is text, as Excel reads it
      trim: true, // blanks around a quoted cell; every cell is trimmed anyway
    }) as unknown as { record: string[]; raw: string }[];
  } catch (e) {
    if (e instanceof CsvError) throw new RosterError([csvText.malformed(Number(e.lines), e.code)]);
    throw e;
  }
  let line = 1;
  return records.map(({ record, raw }) => {
    const start = line;
    line += lineBreaks(raw);
    return { line: start, cells: record };
  });
}

function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  return [";", ",", "\t"].find((d) => firstLine.includes(d)) ?? ";";
}

/** CRLF, LF or CR, each one line. */
function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
