/**
 * The store's errors (JSON data file, PostgreSQL, `migrate`), worded for the Geschäftsstelle and the
 * operator: which file or database, what is wrong, what to do. German only, as the data file's
 * messages always were. The adapters raise `StoreError`s carrying these words (adapters/store-errors.ts).
 */
import type { ZodError, ZodIssue } from "zod";

/** A data file as a sentence names it: „data/db.json“. */
export function quoted(file: string): string {
  return `„${file}“`;
}

/** A body in a database as a sentence names it: "postgres://host/db (Gremium „kreis“)". */
export function bodyIn(database: string, body: string): string {
  return `${database} (Gremium ${quoted(body)})`;
}

const RESTORE = "Die Datei wurde nicht verändert; bitte den Fehler in der Datei beheben oder sie aus einer Sicherung wiederherstellen.";

/** What the parser said, or why the file is no JSON object. */
export function notJson(file: string, reason: string): string {
  return `Die Datendatei ${quoted(file)} ist kein lesbares JSON (${reason}). ${RESTORE}`;
}

/** Parsed as JSON, but an array, a number or `null`. */
export const NOT_AN_OBJECT = "kein JSON-Objekt";

export function invalidData(file: string, error: ZodError): string {
  return `Die Datendatei ${quoted(file)} passt nicht zum Datenmodell: ${describeIssues(error)}. ${RESTORE}`;
}

export function newerVersion(file: string, version: unknown, known: number): string {
  return (
    `Die Datendatei ${quoted(file)} hat die Schemaversion ${JSON.stringify(version)}, dieses Programm kennt nur bis Version ${known}. ` +
    "Die Datei wurde nicht verändert; bitte das Programm aktualisieren."
  );
}

/** A change whose result the model refuses; `where` as `quoted` or `bodyIn` names it. */
export function invalidChange(where: string, error: ZodError): string {
  return `Die Änderung ergäbe ungültige Daten (${describeIssues(error)}); in ${where} wurde nichts gespeichert.`;
}

/** A database row the model refuses (`where` as `bodyIn` names it). */
export function invalidRow(where: string, error: ZodError): string {
  return `Die Daten von ${where} passen nicht zum Datenmodell: ${describeIssues(error)}. Es wurde nichts verändert.`;
}

/** Torn lines in the audit log, skipped when it is read (`lines`: their numbers where known). */
export function unreadableAuditLines(file: string, count: number, lines: number[]): string {
  return `Protokolldatei ${quoted(file)}: ${count} unlesbare Zeile(n) übersprungen${lines.length ? ` (Zeile ${lines.join(", ")})` : ""}, vermutlich ein abgebrochener Schreibvorgang.`;
}

// ---- the lock and the folder of the data file (adapters/store-files.ts) -------------------------

/** The disk took fewer bytes than were written (full, or failing). */
export function shortWrite(file: string, written: number, size: number): string {
  return `${file}: nur ${written} von ${size} Bytes geschrieben`;
}

export function lockedTooLong(file: string, seconds: number): string {
  return `Die Datendatei ${quoted(file)} ist seit über ${seconds} Sekunden von einem anderen Vorgang gesperrt. Bitte später erneut versuchen.`;
}

export function lockLost(file: string, reason: string): string {
  return `Die Sperre der Datendatei ${quoted(file)} ging verloren (${reason}); die Änderung wurde nicht gespeichert. Bitte erneut versuchen.`;
}

export function folderNotWritable(folder: string, code: string): string {
  return `Der Ordner ${quoted(folder)} der Datendatei ist nicht beschreibbar (${code}); die Änderung wurde nicht gespeichert. Bitte die Schreibrechte prüfen; Abfragen funktionieren weiter.`;
}

// ---- PostgreSQL and `migrate` (adapters/pg-*.ts) -------------------------------------------------

export function databaseUnusable(database: string, reason: string): string {
  return `Die Datenbank ${database} ist nicht nutzbar (${reason}); es wurde nichts verändert. Bitte DATABASE_URL und den Server prüfen.`;
}

export function unknownBody(database: string, body: string): string {
  return (
    `Das Gremium ${quoted(body)} gibt es in ${database} nicht. Bitte die Kennung prüfen (--body oder LG_BODY) oder das Gremium mit ` +
    `„import <datei.csv> --body ${body}“ oder „migrate --from <db.json> --body ${body}“ anlegen.`
  );
}

export function noSourceFile(file: string): string {
  return `Die Datendatei ${quoted(file)} gibt es nicht; es wurde nichts übernommen.`;
}

export function bodyExists(database: string, body: string): string {
  return `Das Gremium ${quoted(body)} gibt es in ${database} schon; es wurde nichts übernommen. Bitte mit --body eine neue Kennung wählen.`;
}

export function copyDiffers(file: string): string {
  return `Die Kopie von ${quoted(file)} weicht nach dem Schreiben vom Original ab; es wurde nichts übernommen.`;
}

// ---- what zod found ------------------------------------------------------------------------------

/** "persons[3].email: ist keine gültige E-Mail-Adresse (und 2 weitere Fehler)". */
export function describeIssues(error: ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return "unbekannter Fehler";
  const more = rest.length === 0 ? "" : ` (und ${rest.length} weitere${rest.length === 1 ? "r" : ""} Fehler)`;
  return `${formatPath(first.path) || "(Wurzel)"}: ${germanIssue(first)}${more}`;
}

/** `persons[3].email`, as a data file's reader finds the field. */
function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** The few zod messages a data file typically produces, in German; the rest as zod says them. */
function germanIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.received === "undefined" ? "fehlt" : `hat den falschen Typ (erwartet ${issue.expected}, gefunden ${issue.received})`;
    case "invalid_string":
      if (issue.validation === "email") return "ist keine gültige E-Mail-Adresse";
      if (issue.validation === "datetime") return "ist keine gültige Zeitangabe mit Zeitzone";
      if (issue.validation === "url") return "ist keine gültige URL";
      return issue.message;
    case "too_small":
      return issue.type === "string" ? "ist leer" : `hat zu wenige Einträge (mindestens ${issue.minimum})`;
    case "invalid_enum_value":
      return `hat den unbekannten Wert ${JSON.stringify(issue.received)} (erlaubt: ${issue.options.join(", ")})`;
    case "invalid_literal":
      return `ist ${JSON.stringify(issue.received)}, erwartet ${JSON.stringify(issue.expected)}`;
    default:
      return issue.message;
  }
}
