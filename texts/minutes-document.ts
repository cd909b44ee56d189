/**
 * The minutes document's own wording (§ 7 GO), German only: the Niederschrift is written and signed
 * in German. Headings, labels and the sentences services/minutes.ts puts into the document; the
 * layout (Markdown, HTML) is adapters/minutes-render.ts's. Every paragraph cited comes from the
 * caller's profile.
 */
import type { Meeting } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { berlinDay } from "../rules/time.ts";
import { paren } from "./bilingual.ts";
import { approvalWords } from "./minutes-words.ts";

// ---- what services/minutes.ts puts into the document ---------------------------------------

export const VERSION_NAME = {
  public: "Öffentliche Fassung",
  internal: "Interne Fassung",
  /** Where the minutes have no public version. */
  members: "Fassung für die Mitglieder",
};

/** "Öffentliche Fassung (§ 7 Abs. 5 GO)". */
export function publicVersionLabel(name: string, citation: string | null): string {
  return `${name}${paren(citation)}`;
}

/** "Interne Fassung – enthält nicht öffentliche Punkte", or just the name. */
export function internalVersionLabel(name: string, hasNonPublic: boolean): string {
  return `${name}${hasNonPublic ? " – enthält nicht öffentliche Punkte" : ""}`;
}

/**
 * The status of the minutes as their files show it: "Entwurf", "versandt am 20.05.2022", "genehmigt am
 * 15.09.2022" (the profile's word: Oberhausen "bestätigt am …"); `at`: when, null when not recorded.
 */
export function statusLabel(status: { state: "draft" | "sent" | "approved"; at: string | null }, profile: Profile): string {
  if (status.state === "draft") return "Entwurf";
  const word = status.state === "sent" ? "versandt" : approvalWords(profile).approved.de;
  if (!status.at) return word;
  const [y, m, d] = berlinDay(new Date(status.at)).split("-");
  return `${word} am ${d}.${m}.${y}`;
}

export const MODE_LABEL: Record<Meeting["mode"], string> = {
  "in-person": "in Präsenz",
  online: "digital",
  hybrid: "hybrid (in Präsenz und digital)",
};

/** "18:00 Uhr". */
export function clockTime(time: string): string {
  return `${time} Uhr`;
}

/** Start or end as it really was (Teams' meeting events), with the invited time where it differs. */
export function sessionTime(actual: string | null, planned: string): string {
  if (!actual || actual === planned) return clockTime(planned);
  return `${clockTime(actual)} (geladen: ${clockTime(planned)})`;
}

/** Who came when: "ab 10:05 Uhr", "10:05–11:40 Uhr". */
export function presenceTimes(joined: string, left: string | null): string {
  return left ? `${joined}–${clockTime(left)}` : `ab ${clockTime(joined)}`;
}

/** Where a meeting without a place took place. */
export const VIDEO_CONFERENCE = "Videokonferenz";

export const NAME_NOT_RECORDED = "(Name nicht erfasst)";

export function unknownPerson(id: string): string {
  return `(unbekannte Person „${id}“)`;
}

/** A speaker who sits for no institution. */
export const AFFILIATION = { chair: "Vorsitz", secretariat: "Geschäftsstelle", guest: "Gast" };

/** An item called again after a postponement; `rule` is the second convocation's paragraph. */
export function secondConvocationNote(rule: string | null): string {
  return `Erneut einberufen nach Zurückstellung wegen Beschlussunfähigkeit${rule ? ` (${rule}): beschlussfähig ohne Rücksicht auf die Zahl der Anwesenden` : ""}.`;
}

export function postponedNote(rule: string | null): string {
  return `Zurückgestellt wegen Beschlussunfähigkeit${rule ? ` – erneute Einberufung nach ${rule}` : ""}.`;
}

export interface QuorumFinding {
  /** "18:05". */
  time: string;
  quorate: boolean;
  represented: number;
  votingMembers: number;
  citation: string | null;
  /** Declared not quorate although at least this many were required and represented: the count is stated too. */
  againstCount?: number | null;
}

export function quorumSentence(q: QuorumFinding): string {
  const verdict = q.quorate ? "Beschlussfähigkeit" : "Beschlussunfähigkeit";
  if (q.againstCount) {
    return `Der Vorsitz stellt um ${clockTime(q.time)} die ${verdict} fest, obwohl nach der Zählung ${q.represented} von ${q.votingMembers} stimmberechtigten Institutionen vertreten sind (erforderlich: ${q.againstCount}${q.citation ? `, ${q.citation}` : ""}); er hat die Feststellung ausdrücklich bestätigt.`;
  }
  return `Der Vorsitz stellt um ${clockTime(q.time)} die ${verdict} fest: ${q.represented} von ${q.votingMembers} stimmberechtigten Institutionen vertreten${paren(q.citation)}.`;
}

export function voteLabel(passed: boolean): string {
  return passed ? "Beschluss" : "Beschlussvorschlag (abgelehnt)";
}

/** "Zwei-Drittel-Mehrheit der Anwesenden, § 6 Abs. 2, 3 GO"; null where the profile has no rule. */
export function majorityRule(m: Profile["majority"]): string | null {
  if (m.kind === "not-regulated") return null;
  if (m.kind === "consensus") return `Konsens, kein Widerspruch, ${m.citation}`;
  const share = `${m.share.numerator}/${m.share.denominator}`;
  return `${share === "2/3" ? "Zwei-Drittel-Mehrheit" : `${share}-Mehrheit`} der Anwesenden, ${m.citation}`;
}

/** Where the document has no minutes rule: what the Geschäftsstelle does, given as its practice. */
export function secretariatProcedure(objectionsDue: string, outcome: string): string {
  return `Verfahren der Geschäftsstelle: Die Niederschrift geht jedem Mitglied per E-Mail zu; Änderungswünsche zum Inhalt bitte ${objectionsDue} einbringen, ${outcome}.`;
}

export function objectionsNote(objectionsDue: string, outcome: string, citation: string | null): string {
  return `Änderungswünsche zum Inhalt sind ${objectionsDue} einzubringen; ${outcome}${paren(citation)}.`;
}

/** The publicity note of the public version, and of an internal version holding non-public items. */
export function publicityNote(version: "public" | "internal", citation: string | null): string {
  return version === "public"
    ? `Die Niederschrift ist öffentlich; als nicht öffentlich bestimmte Punkte sind in dieser Fassung nicht enthalten${paren(citation)}.`
    : `Diese Fassung enthält nicht öffentliche Punkte und ist nur für die Mitglieder bestimmt; zur Weitergabe dient die öffentliche Fassung${paren(citation)}.`;
}

/** A sentence from the profile with its paragraph before the full stop: "… bestimmt (Nr. 4.2 GO)." */
export function withCitation(sentence: string, citation: string | null): string {
  return `${sentence.replace(/\.$/, "")}${paren(citation)}.`;
}

// ---- headings and labels of the layout (adapters/minutes-render.ts) --------------------------

export const TITLE = "Niederschrift";

/** "Niederschrift – Lenkungsgruppe KIM …", and with the day for the HTML page's title. */
export function documentTitle(...parts: string[]): string {
  return [TITLE, ...parts].join(" – ");
}

export function subtitle(contentsCitation: string | null): string {
  return `Ergebnisprotokoll${contentsCitation ? ` nach ${contentsCitation}` : ""}`;
}

/** The rows of the session facts. */
export const SESSION = { location: "Ort", day: "Tag", start: "Beginn", end: "Ende", mode: "Sitzungsart" };

/** The headings of the sections, in their order. */
export const HEADING = {
  attendance: "Anwesenheit",
  agenda: "Tagesordnung",
  quorum: "Beschlussfähigkeit",
  results: "Ergebnisse",
  unassigned: "Ohne Zuordnung zu einem Tagesordnungspunkt",
  notes: "Hinweise",
};

/** Labels before a colon (the layout adds it). */
export const LABEL = {
  chair: "Vorsitz",
  recorder: "Niederschrift",
  present: "Anwesend",
  excused: "Entschuldigt",
  notRepresented: "Nicht vertreten",
  result: "Abstimmungsergebnis",
  statement: "Persönliche Erklärung",
  placeAndDate: "Ort, Datum",
};

/** The column heads of the attendance table. */
export const PRESENT_COLUMNS = ["Institution", "Name"];

/** What an empty list says. */
export const EMPTY = { people: "niemand", institutions: "keine", agenda: "keine Punkte" };

export const NO_RESOLUTION_TEXT = "(ohne Beschlusstext)";
export const NO_RESULT = "Kein Beschluss erfasst.";

/** "TOP 3: Haushalt", "TOP 4: Personal (nicht öffentlich)", "TOP 4 – nicht öffentlicher Teil, …" where withheld. */
export function itemHeading(item: { number: number; title: string | null; public: boolean }): string {
  if (item.title === null) return `TOP ${item.number} – nicht öffentlicher Teil, nicht in dieser Fassung`;
  return `TOP ${item.number}: ${item.title}${item.public ? "" : " (nicht öffentlich)"}`;
}

export function recorder(secretariatHead: string): string {
  return `${secretariatHead} (Leitung der Geschäftsstelle)`;
}

/** " – Stellvertretung für Anna Beispiel, digital, beratend, 10:05–11:40 Uhr", or nothing. */
export function presentDetail(p: { deputyFor: string | null; online: boolean; voting: boolean; times?: string | null }): string {
  const extras = [p.deputyFor && `Stellvertretung für ${p.deputyFor}`, p.online && "digital", !p.voting && "beratend", p.times].filter(Boolean);
  return extras.length ? ` – ${extras.join(", ")}` : "";
}

export function excusedDetail(representedBy: string | null): string {
  return representedBy ? ` – vertreten durch ${representedBy}` : "";
}

export function representedLine(represented: number, votingInstitutions: number): string {
  return `${represented} von ${votingInstitutions} stimmberechtigten Institutionen vertreten`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "9 Ja / 2 Nein / 1 Enthaltung". */
export function tally(v: { yes: number; no: number; abstain: number }): string {
  return `${v.yes} Ja / ${v.no} Nein / ${plural(v.abstain, "Enthaltung", "Enthaltungen")}`;
}

/** Who was present, what was needed, and by which rule. */
export function voteDetail(v: { present: number; required: number | null; rule: string | null }): string {
  const parts = [`anwesend: ${plural(v.present, "Institution", "Institutionen")}`];
  if (v.required !== null) parts.push(`erforderlich: ${v.required} Ja-Stimmen`);
  return `${parts.join(", ")}${paren(v.rule)}`;
}

export function outcome(passed: boolean): string {
  return passed ? "angenommen" : "abgelehnt";
}

/** "Anna Beispiel (Stadt Musterstadt)". */
export function statementBy(person: string, affiliation: string | null): string {
  return `${person}${affiliation ? ` (${affiliation})` : ""}`;
}

/** What follows the label "Persönliche Erklärung": by whom (as `statementBy`, escaped for its format), and that it is to be recorded. */
export function statementIntro(by: string): string {
  return `von ${by}, zur Aufnahme in die Niederschrift:`;
}

/** Above a signer's name in the signed copy that is sent ("gezeichnet"). */
export const SIGNED = "gez.";

export function signaturesHeading(citation: string | null): string {
  return `Unterschriften${citation ? ` gemäß ${citation}` : ""}`;
}

/** The start of the page footer, before the day: "Niederschrift vom 12.05.2022 · Entwurf · Interne Fassung". */
export const FOOTER_HEAD = `${TITLE} vom `;

/** "Seite 2 von 5": the words around the page counters. */
export const PAGE_OF = { page: "Seite ", of: " von " };
