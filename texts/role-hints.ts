/**
 * What the Geschäftsstelle and the chair read when the bot did not understand them (members keep
 * texts/chat.ts NOT_UNDERSTOOD), a vote said without its votes, and the agenda answer for a meeting named by its date.
 */
import type { Texts } from "../domain/profile.ts";
import type { AgendaItem, Meeting } from "../domain/model.ts";
import { nextMeetingText } from "./chat.ts";

export const NOT_UNDERSTOOD_MANAGER: Texts = { de: "Das habe ich nicht verstanden, und ich habe nichts eingetragen. Schreiben Sie z. B. „/sitzung“, „/einladen“, „Wer hat geantwortet?“ oder „Hilfe“.", en: "I didn't understand that, and I have recorded nothing. Try e.g. \"/sitzung\", \"/einladen\", \"Who has replied?\" or \"help\"." };
export const NOT_UNDERSTOOD_SESSION: Texts = { de: "Das habe ich nicht verstanden, und ich habe nichts eingetragen. In der Sitzung schreiben Sie z. B. „Sind wir beschlussfähig?“, „Wer ist da?“, „/anwesend Name“, „TOP 1: einstimmig angenommen“ oder „Hilfe“.", en: "I didn't understand that, and I have recorded nothing. In the session, try e.g. \"Are we quorate?\", \"Who is here?\", \"/anwesend name\", \"Item 1: carried unanimously\" or \"help\"." };
/** "TOP 1 angenommen" or "/abstimmung" without the votes: both ways to say them. */
export const VOTE_COUNTS_MISSING: Texts = { de: "Dazu fehlen mir die Stimmen, und ich habe nichts eingetragen. Schreiben Sie z. B. „TOP 2: 9 ja, 2 nein, 1 Enthaltung“ oder „TOP 2: einstimmig angenommen“.", en: "The votes are missing, and I have recorded nothing. Write e.g. \"Item 2: 9 yes, 2 no, 1 abstention\" or \"Item 2: carried unanimously\"." };

/** "Was wird am 9.6. besprochen?" about a meeting that is not the next one: the same answer, without "next". */
export function meetingOnDayText(m: Pick<Meeting, "start" | "mode" | "location" | "onlineUrl">, agenda: Pick<AgendaItem, "number" | "title" | "public">[], lang: keyof Texts): Texts {
  const next = nextMeetingText(m, agenda, lang);
  return { de: next.de.replace(/^Die nächste Sitzung/, "Die Sitzung"), en: next.en.replace(/^The next meeting/, "The meeting") };
}
