/**
 * What can stop a face before it answers anyone (adapters/clock.ts, adapters/project-files.ts):
 * a fixed time it cannot read (`LG_NOW`, `--now`), a project folder it cannot find. German only,
 * like the command line's other errors.
 */

export function unreadableNow(given: string): string {
  return `Ungültige Zeitangabe "${given}": bitte ISO 8601 verwenden, z. B. 2022-05-12T10:00:00+02:00.`;
}

export function noProjectFolder(from: string): string {
  return `Kein Projektordner (package.json) über ${from} gefunden.`;
}
