/**
 * A rules profile that cannot be used (adapters/profiles.ts), worded for the operator: which file,
 * which field, what was expected. German only, like the other start-up errors.
 */

export function profileNotJson(file: string, reason: string): string {
  return `Regelprofil ${file} ist kein gültiges JSON: ${reason}`;
}

/** `field`: the path of zod's first issue, dotted; empty for the whole file. */
export function profileInvalid(file: string, field: string, reason: string): string {
  return `Regelprofil ${file} ist fehlerhaft, Feld "${field || "(Wurzel)"}": ${reason}.`;
}

export function profileIdMismatch(file: string, found: string, expected: string): string {
  return `Regelprofil ${file} trägt die id "${found}", erwartet "${expected}".`;
}

export function unknownProfile(id: string, known: readonly string[]): string {
  return `Unbekanntes Regelprofil "${id}". Verfügbar: ${known.join(", ")}.`;
}
