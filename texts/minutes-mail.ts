/**
 * The letter of the minutes mail (§ 7 Abs. 3 GO), German only: the minutes go to every member in
 * German. Every paragraph cited comes from the caller's profile.
 */
import { paren } from "./bilingual.ts";
import { salutation } from "./greeting.ts";
import { meetingTitle } from "./invitation-mail.ts";

export interface MinutesLetter {
  /** "Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis vom Donnerstag, 12.05.2022". */
  meetingTitle: string;
  /** The files travel as download links, being too large to attach. */
  linked: boolean;
  /** Who signed (the profile's roles, "Vorsitz", "Leitung der Geschäftsstelle"): what is sent is the final version. */
  signedBy: string[];
  /** A public version travels beside the internal one. */
  publicVersion: boolean;
  distributionCitation: string | null;
  /** The profile's reason that the minutes have no public version, with its paragraph; null where they have one or no rule. */
  noPublicReason: string | null;
  /** Set where the internal version holds non-public items and a public one exists: the publicity rule's paragraph. */
  internalOnly: { citation: string | null } | null;
  objections: {
    /** "zu Beginn der nachfolgenden Sitzung" (the profile's approval words). */
    due: string;
    /** The following meeting's day, when one is planned. */
    nextDay: string | null;
    outcome: string;
    citation: string | null;
  };
  /** Where the document has no minutes rule: the profile's note; the request is then the Geschäftsstelle's own procedure. */
  unregulatedNote: string | null;
}

/** The letter's paragraphs between greeting and closing; the first introduces the files, so links follow it. */
export function minutesLetter(l: MinutesLetter): string[] {
  const o = l.objections;
  const objections = `Änderungswünsche zum Inhalt bringen Sie bitte ${o.due}${o.nextDay ? ` am ${o.nextDay}` : ""} ein; ${o.outcome}${paren(o.citation)}.`;
  return [
    l.linked
      ? `die Niederschrift der ${l.meetingTitle} ist wegen ihrer Größe nicht angehängt, sondern zum Download hinterlegt${paren(l.distributionCitation)}:`
      : `anbei erhalten Sie die Niederschrift der ${l.meetingTitle}${paren(l.distributionCitation)},${l.signedBy.length ? ` von ${l.signedBy.join(" und ")} unterschrieben,` : ""} als PDF-Datei${l.publicVersion ? " (interne und öffentliche Fassung)" : ""} und unten im Text.`,
    ...(l.noPublicReason !== null ? [l.noPublicReason] : []),
    ...(l.internalOnly
      ? [`Die interne Fassung enthält nicht öffentliche Punkte und ist nur für die Mitglieder bestimmt; zur Weitergabe an Kooperationspartner dient die öffentliche Fassung${paren(l.internalOnly.citation)}.`]
      : []),
    l.unregulatedNote === null ? objections : `${l.unregulatedNote} Verfahren der Geschäftsstelle: ${objections}`,
  ];
}

/** "Guten Tag Hans Heinen," — without a salutation from the roster (texts/greeting.ts has the full rule). */
export function minutesGreeting(name: string): string {
  return salutation(name, null);
}

export function minutesClosing(sender: string): string {
  return `Mit freundlichen Grüßen\n${sender}`;
}

/** "Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis vom Donnerstag, 12.05.2022"; `genitive` is the body's name in the genitive. */
export function minutesMeetingTitle(genitive: string, day: string): string {
  return `${meetingTitle(genitive)} vom ${day}`;
}

/** The mail's subject, also kept on each member's outbox message. */
export function minutesSubject(meetingTitle: string): string {
  return `Niederschrift der ${meetingTitle}`;
}
