/** Labels of the chat's cards: how a member answers an invitation, a meeting's facts, the cards' titles. */
import type { Meeting } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import { formatDateTime } from "../rules/time.ts";
import { MEETING_MODE } from "./meetings.ts";

/** The buttons a member or deputy answers an invitation with. */
export const ATTENDANCE_BUTTON = {
  inPerson: { de: "Ich nehme in Präsenz teil", en: "Attend in person" },
  online: { de: "Ich nehme digital teil", en: "Attend online" },
  delegate: { de: "An meine Vertretung", en: "Send my deputy" },
  decline: { de: "Absagen", en: "Decline" },
} satisfies Record<string, Texts>;

/** The buttons of the absence question. */
export function delegateToButton(deputy: string): Texts {
  return { de: `Ja, an ${deputy}`, en: `Yes, send ${deputy}` };
}
export const DECLINE_WITHOUT_DEPUTY: Texts = { de: "Absagen ohne Vertretung", en: "Decline without deputy" };

export const CARD_TITLE = {
  absence: { de: "Abwesenheit", en: "Absence" },
  yourAnswer: { de: "Ihre Rückmeldung", en: "Your answer" },
  inPersonOrOnline: { de: "In Präsenz oder digital?", en: "In person or online?" },
  nextMeeting: { de: "Nächste Sitzung", en: "Next meeting" },
} satisfies Record<string, Texts>;

/** The title of an answered card when the answer has no first line. */
export const ANSWERED_FALLBACK = "OK";

/** A meeting's card facts: date, format, place, online link. */
export function meetingFacts(m: Pick<Meeting, "start" | "mode" | "location" | "onlineUrl">, lang: keyof Texts): [string, string][] {
  const label = (texts: Texts) => texts[lang];
  const facts: [string, string][] = [
    [label({ de: "Termin", en: "Date" }), formatDateTime(new Date(m.start), lang)],
    [label({ de: "Form", en: "Format" }), label(MEETING_MODE[m.mode])],
  ];
  if (m.location) facts.push([label({ de: "Ort", en: "Place" }), m.location]);
  if (m.onlineUrl) facts.push([label({ de: "Online-Link", en: "Online link" }), m.onlineUrl]);
  return facts;
}
