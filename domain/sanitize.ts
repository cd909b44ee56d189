/**
 * Text that goes into mail headers, calendar files and the minutes: no control characters
 * (RFC 5545 § 3.3.11 forbids them in TEXT; in a header CR/LF would start a new header) and no
 * Unicode direction overrides (U+202A–U+202E, U+2066–U+2069, which make a name read backwards).
 * Pure functions, used at the edges and by the roster import.
 */

/** C0 controls except tab and line feed, DEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Every control character, line breaks and tabs included: for one-line values. */
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
/**
 * Bidirectional embeddings, overrides and isolates, the marks that steer them (U+061C Arabic letter
 * mark included), and invisible characters that hide inside a name (zero-width space, word joiner,
 * invisible operators, U+FEFF). Zero-width (non-)joiners stay: some scripts and emoji need them.
 */
const DIRECTION = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A one-line value (a name, a title, a location): controls become a space, direction marks go, spaces collapse. */
export function cleanLine(text: string): string {
  return text.replace(DIRECTION, "").replace(ANY_CONTROL, " ").replace(/ {2,}/g, " ").trim();
}

/** A text that may span lines (a statement, a description): line breaks stay (CR LF → LF), other controls and direction marks go. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\v\f]/g, " ").replace(DIRECTION, "").replace(CONTROL, "").trim();
}

/** Whether `text` holds a character `cleanLine` would change (for refusing rather than repairing). */
export function hasControlOrDirection(text: string): boolean {
  return new RegExp(ANY_CONTROL.source).test(text) || new RegExp(DIRECTION.source).test(text);
}
