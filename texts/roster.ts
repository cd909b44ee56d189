/**
 * What the roster import says (German only so far: the import is the Geschäftsstelle's, on the command line).
 * Every paragraph cited comes from the profile. The refusals and warnings services/roster-build.ts
 * says by code are `Texts` whose English repeats the German until the import speaks English.
 */
import type { Profile, Texts } from "../domain/profile.ts";
import { minutesSigners } from "../rules/profile.ts";
import type { Allowed, MembershipFinding, MembershipWarning, Placed } from "../rules/membership.ts";
import { paren } from "./bilingual.ts";

/** German only (see above): both languages carry the German sentence. */
const de = (text: string): Texts => ({ de: text, en: text });

const NUMBER_WORDS = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];

/** "ein Mitglied", "zwei Mitglieder", "zwei" (no noun given for the plural). */
export function countOf(n: number, one: string, many: string): string {
  if (n === 1) return one;
  return `${NUMBER_WORDS[n] ?? String(n)}${many ? ` ${many}` : ""}`;
}


const members = (n: number) => countOf(n, "ein Mitglied", "Mitglieder");
const deputies = (n: number) => countOf(n, "eine Stellvertretung", "Stellvertretungen");
const places = (kept: Placed[]) => kept.map((k) => k.where).join(", ");

/** The first line of a refused import. */
export function rosterHead(file: string | undefined): string {
  return file ? `Die Datei „${file}“ wurde nicht importiert, nichts wurde geändert:` : "Die Mitgliederliste ist fehlerhaft, nichts wurde geändert:";
}

export const fileText = {
  missing: "Die Datei gibt es nicht.",
  unreadable: (reason: string) => `Die Datei ist nicht lesbar (${reason}).`,
  notUtf8: "Die Datei ist nicht UTF-8-kodiert; in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern.",
  notJson: (reason: string) => `Kein gültiges JSON (${reason}).`,
  jsonIssue: (path: string, message: string) => `${path || "(Wurzel)"}: ${message}.`,
  ignoredField: (key: string) => `Feld „${key}“ wird ignoriert.`,
};

const EXPECTED_HEADER = "rolle;institution;name;email;aadObjectId";

export const csvText = {
  line: (n: number) => `Zeile ${n}`,
  empty: `Die Datei ist leer; erwartet wird eine Kopfzeile ${EXPECTED_HEADER}.`,
  ignoredColumn: (cell: string) => `Spalte „${cell}“ wird ignoriert.`,
  missingColumn: (line: number, column: string) => `Zeile ${line}: Spalte „${column}“ fehlt in der Kopfzeile (erwartet: ${EXPECTED_HEADER}).`,
  columnTwice: (line: number, column: string) => `Zeile ${line}: Spalte „${column}“ steht zweimal in der Kopfzeile.`,
  tooManyCells: (line: number) => `Zeile ${line}: mehr Spalten als in der Kopfzeile (enthält ein Text ein Semikolon? Dann in Anführungszeichen setzen).`,
  malformed: (line: number, code: string) =>
    code === "CSV_QUOTE_NOT_CLOSED"
      ? `Zeile ${line}: ein Anführungszeichen wird nicht geschlossen.`
      : `Zeile ${line}: kein gültiges CSV (${code}); ein Anführungszeichen im Text bitte verdoppeln ("").`,
};

/** The membership rule as a clause with its paragraph: "je Institution ein Mitglied (§ 2 Abs. 2 GO)". */
export function membershipRule(allowed: Allowed, profile: Profile | null): string {
  if (!profile) return "je Institution ein Mitglied";
  const m = profile.membership;
  const cite = paren(m.citation);
  if (allowed.exception) return `${allowed.exception.name}: ${members(allowed.exception.members)}${cite}`;
  if (m.perInstitution === null) return "";
  const others = m.exceptions.map((x) => `, ${x.name}: ${countOf(x.members, "eins", "")}`).join("");
  return `je Institution ${members(m.perInstitution)}${others}${cite}`;
}

/** A breach of the membership rules, as one sentence naming its row. */
export function membershipProblem(f: MembershipFinding, profile: Profile | null): Texts {
  return de(membershipProblemText(f, profile));
}

function membershipProblemText(f: MembershipFinding, profile: Profile | null): string {
  const deputyRule = paren(profile?.representation.citation);
  switch (f.code) {
    case "no-member":
      return `${f.at.where}: Institution „${f.institution}“ hat kein Mitglied (Zeile mit Rolle „mitglied“).`;
    case "members-over-limit":
      return `${f.at.where}: „${f.institution}“ hat schon ${members(f.allowed.limit)} (${places(f.kept)}); ${membershipRule(f.allowed, profile)}.`;
    case "deputies-over-seats":
      return `${f.at.where}: „${f.institution}“ hat schon ${deputies(f.seats)} (${places(f.kept)}); je Mitglied eine Stellvertretung${deputyRule}.`;
    case "deputies-unpaired":
      return `${f.at.where}: „${f.institution}“ entsendet ${members(f.seats)}, aber ${deputies(f.deputies)}; bei mehreren Mitgliedern bitte für jedes seine Stellvertretung angeben, in derselben Reihenfolge wie die Mitglieder${deputyRule}.`;
    case "exception-over-total":
      return `${f.at.where}: ${f.exception.name} entsendet insgesamt ${members(f.exception.members)} (schon ${places(f.kept)})${paren(profile?.membership.citation)}.`;
    case "no-voting-institution":
      return "Keine Institution ist stimmberechtigt.";
    case "no-institution":
      return "Es fehlt mindestens eine Institution mit Mitglied (Rolle „mitglied“).";
    case "no-chair":
      return "Es fehlt eine gültige Zeile mit der Rolle „vorsitz“.";
    case "second-chair":
      return `${f.at.where}: zweiter Vorsitz (schon ${f.first.where}); es gibt genau eine(n) Vorsitzende(n).`;
    case "no-secretariat":
      return "Es fehlt mindestens eine gültige Zeile mit der Rolle „geschaeftsstelle“ oder „leitung-geschaeftsstelle“.";
    case "second-head":
      return `${f.at.where}: zweite Leitung der Geschäftsstelle (schon ${f.first.where}).`;
  }
}

export function membershipWarning(w: MembershipWarning, profile: Profile | null): Texts {
  return de(`„${w.institution}“ hat keine Stellvertretung${paren(profile?.representation.citation)}.`);
}

/** The record of an institution's n-th member (n ≥ 2); the first keeps the institution's name. */
export function seatName(institution: string, n: number): string {
  return n === 1 ? institution : `${institution} (${n}. Mitglied)`;
}

/** An institution sending several members: who is whose deputy, as the rows paired them. */
export function seatsWarning(institution: string, seats: { name: string; member: string; deputy: string | null }[], profile: Profile | null): Texts {
  const noDeputy = `keine${paren(profile?.representation.citation)}`;
  const list = seats.map((s) => `„${s.name}“: ${s.member}, Stellvertretung ${s.deputy ?? noDeputy}`).join("; ");
  return de(`„${institution}“ entsendet ${members(seats.length)}${paren(profile?.membership.citation)}; je Mitglied ein Eintrag mit eigener Stellvertretung (in der Reihenfolge der Zeilen): ${list}.`);
}

/** Problems of one row or one declared institution (the row's "Zeile 7: " comes from `problemAt`). */
export const noPersons = de("Die Datei enthält keine Personen.");
export const noRole = de("Rolle fehlt.");
export const unknownRole = (role: string, roles: readonly string[]): Texts => de(`Rolle „${role}“ ist unbekannt (erlaubt: ${roles.join(", ")}).`);
export const noPersonName = de("Name fehlt.");
export const noEmail = de("E-Mail-Adresse fehlt.");
export const badEmail = (email: string): Texts => de(`E-Mail-Adresse „${email}“ ist ungültig.`);
export const badSalutation = (text: string): Texts => de(`anrede „${text}“ ist keine Anrede: bitte „Frau“, „Herr“ oder leer lassen.`);
export const badObjectId = (id: string): Texts => de(`aadObjectId „${id}“ ist keine gültige Objekt-ID (Form 00000000-0000-0000-0000-000000000000).`);
export const noInstitution = de("Institution fehlt (nötig für Mitglied und Stellvertretung).");
export const badYesNo = (text: string): Texts => de(`stimmberechtigt „${text}“ ist weder ja noch nein.`);
export const badId = (label: "ID" | "Kürzel", id: string): Texts => de(`${label} „${id}“ darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten.`);
export const reservedId = (id: string): Texts => de(`ID „${id}“ ist für die Kommandozeile und den Bot selbst reserviert; bitte eine andere wählen.`);
export const idTaken = (inst: InstitutionAt, other: InstitutionAt): Texts => de(`${inst.where}: Kürzel „${inst.id}“ gehört schon zu „${other.name}“ (${other.where}).`);
export const noInstitutionName = (where: string): Texts => de(`${where}: Name der Institution fehlt.`);
export const institutionTwice = (where: string, name: string): Texts => de(`${where}: Institution „${name}“ steht zweimal in der Liste.`);
export const undeclaredInstitution = (where: string, ref: string): Texts => de(`${where}: Institution „${ref}“ steht nicht in „institutions“.`);
export const idConflict = (where: string, id: string, inst: InstitutionAt): Texts => de(`${where}: Kürzel „${id}“ widerspricht „${inst.id}“ (${inst.where}) für „${inst.name}“.`);
export const votingConflict = (where: string, voting: boolean, inst: InstitutionAt): Texts => de(`${where}: stimmberechtigt „${voting ? "ja" : "nein"}“ widerspricht ${inst.where} für „${inst.name}“.`);
export const twice = (where: string, label: string, first: string): Texts => de(`${where}: ${label} steht schon in ${first} (jede Person nur einmal).`);
export const samePerson = (where: string, other: string, id: string): Texts => de(`${where}: gehört zur selben bekannten Person wie ${other} (ID „${id}“); bitte E-Mail-Adresse und aadObjectId prüfen.`);
export const renamed = (n: number): Texts => de(`${n} bekannte Person(en) mit geändertem Namen übernommen (gleiche E-Mail-Adresse oder aadObjectId).`);
export const lostInstitution = (inst: { id: string; name: string }, meetings: number): Texts => de(`„${inst.name}“ (${inst.id}) ist nicht mehr in der Liste, hat aber Anwesenheiten in ${meetings} Sitzung(en); diese bleiben gespeichert.`);

interface InstitutionAt {
  id: string;
  name: string;
  where: string;
}

export const noBodyName = de("Der Name des Gremiums fehlt (JSON „body.name“ oder --name).");
export const noSecretariatEmail = de("Die E-Mail-Adresse der Geschäftsstelle fehlt (JSON „body.secretariatEmail“ oder --secretariat-email).");
export const badSecretariatEmail = (email: string): Texts => de(`Die E-Mail-Adresse der Geschäftsstelle „${email}“ ist ungültig.`);

export const importForbidden = de("Nur die Geschäftsstelle kann die Mitgliederliste ersetzen.");

/** A problem of one row or declared institution, naming it: "Zeile 7: E-Mail-Adresse fehlt.". */
export const problemAt = (where: string, text: string): string => `${where}: ${text}`;

/** Without a row for the head, the first of the Geschäftsstelle is taken as head: say so, and that they sign where they do. */
export function assumedHeadWarning(name: string, profile: Profile | null): Texts {
  const signs = !profile || minutesSigners(profile).some((s) => s.person === "secretariat-head");
  const signing = profile?.minutes.regulated ? profile.minutes.signaturesCitation : null;
  const practice = profile && !profile.minutes.regulated ? "; Praxis der Geschäftsstelle" : "";
  const note = signs ? ` (unterzeichnet die Niederschrift${signing ? `, ${signing}` : ""}${practice})` : "";
  return de(`Keine Zeile mit Rolle „leitung-geschaeftsstelle“: ${name} gilt als Leitung der Geschäftsstelle${note}.`);
}
