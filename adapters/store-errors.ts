/**
 * Errors of the data file, worded for the Geschäftsstelle: which file, what is wrong, what to do.
 * A refused file is never written to, so every message can say "unchanged".
 */
import type { ZodError, ZodIssue } from "zod";

/** The data file cannot be used as it is (not JSON, not our model, newer version, lock lost). */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

const RESTORE = "Die Datei wurde nicht verändert; bitte den Fehler in der Datei beheben oder sie aus einer Sicherung wiederherstellen.";

export function notJsonError(file: string, cause: unknown): StoreError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new StoreError(`Die Datendatei „${file}“ ist kein lesbares JSON (${reason}). ${RESTORE}`, file);
}

export function invalidDataError(file: string, error: ZodError): StoreError {
  return new StoreError(`Die Datendatei „${file}“ passt nicht zum Datenmodell: ${describeIssues(error)}. ${RESTORE}`, file);
}

export function newerVersionError(file: string, version: unknown, known: number): StoreError {
  return new StoreError(
    `Die Datendatei „${file}“ hat die Schemaversion ${JSON.stringify(version)}, dieses Programm kennt nur bis Version ${known}. ` +
      "Die Datei wurde nicht verändert; bitte das Programm aktualisieren.",
    file,
  );
}

/** "persons[3].email: ist keine gültige E-Mail-Adresse (und 2 weitere Fehler)". */
export function describeIssues(error: ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return "unbekannter Fehler";
  const more = rest.length === 0 ? "" : ` (und ${rest.length} weitere${rest.length === 1 ? "r" : ""} Fehler)`;
  return `${formatPath(first.path) || "(Wurzel)"}: ${germanIssue(first)}${more}`;
}

export function formatPath(path: (string | number)[]): string {
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
