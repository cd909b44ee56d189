/**
 * Wording of the attendance commands (services/answer-attendance.ts, delegate-seat.ts, check-in.ts,
 * mark-presence.ts): replies, refusals and the notices to the deputy, the member and the
 * Geschäftsstelle. `start` is the meeting's start (ISO 8601), worded here as each language writes it.
 */
import type { Texts } from "../domain/profile.ts";
import { formatDay, type Day } from "../rules/time.ts";
import type { Mode } from "../services/attendance.ts";
import { MEETING_MODE } from "./meetings.ts";
import type { NoticeTexts } from "./outbox.ts";
import { instantTexts, paren } from "./bilingual.ts";
import type { Delegation } from "../rules/representation.ts";
import { delegationText } from "./representation.ts";



export function meetingOver(start: string): Texts {
  const w = instantTexts(start);
  return { de: `Die Sitzung am ${w.de} ist bereits vorbei.`, en: `The meeting on ${w.en} is already over.` };
}

export const NO_SEAT: Texts = { de: "Zu- und Absagen gelten je Institution; Sie sind weder Mitglied noch Stellvertretung einer Institution.", en: "Answers are per institution; you are neither a member nor a deputy of one." };

export function declinedText(institution: string, start: string): Texts {
  const w = instantTexts(start);
  return { de: `Ihre Absage für ${institution} zur Sitzung am ${w.de} ist vermerkt.`, en: `Your apology for ${institution} for the meeting on ${w.en} is recorded.` };
}

/** The answer "attending", with the mode if given, else the question for it. */
export function attendingText(institution: string, start: string, mode: Mode | null): Texts {
  const w = instantTexts(start);
  const how = mode ? { de: ` (${MEETING_MODE[mode].de})`, en: ` (${MEETING_MODE[mode].en})` } : { de: "", en: "" };
  const ask = mode ? { de: "", en: "" } : { de: " Nehmen Sie in Präsenz oder digital teil?", en: " Will you attend in person or online?" };
  return {
    de: `Vielen Dank, Ihre Teilnahme${how.de} für ${institution} an der Sitzung am ${w.de} ist vermerkt.${ask.de}`,
    en: `Thank you, your attendance${how.en} for ${institution} at the meeting on ${w.en} is recorded.${ask.en}`,
  };
}

export function checkInClosed(day: Day): Texts {
  return { de: `Anmelden zur Sitzung geht erst am Sitzungstag, ${formatDay(day, "de")}.`, en: `Check-in opens on the day of the meeting, ${formatDay(day, "en")}.` };
}

export function noSeatForGuest(person: string): Texts {
  return { de: `${person} vertritt keine Institution; Gäste zählen nicht mit.`, en: `${person} represents no institution; guests do not count.` };
}

export function nobodyFound(query: string): Texts {
  return {
    de: `Ich finde niemanden zu „${query}“. Bitte Namen oder Institution angeben, z. B. „/anwesend Jugendamt“.`,
    en: `I can't find "${query}". Please give a name or institution, e.g. "/anwesend Jugendamt".`,
  };
}

/** A deputy answering before the member handed the seat over. */
export function notHandedOver(member: string, institution: string): Texts {
  return {
    de: `${member} hat die Teilnahme für ${institution} noch nicht an Sie übergeben; Zu- und Absagen kommen vom Mitglied.`,
    en: `${member} has not handed ${institution}'s seat to you; the member answers for the institution.`,
  };
}

/** "In Präsenz" for a meeting held online only: recorded as online attendance. */
export function onlineOnlyText(institution: string, start: string): Texts {
  const w = instantTexts(start);
  return {
    de: `Die Sitzung am ${w.de} findet nur digital statt; Ihre Teilnahme für ${institution} ist daher als digitale Teilnahme vermerkt.`,
    en: `The meeting on ${w.en} is held online only, so your attendance for ${institution} is recorded as online.`,
  };
}

/** To the deputy: the member now attends after all. */
export function deputyNotNeeded(member: string, start: string): NoticeTexts {
  const w = instantTexts(start);
  return {
    subject: { de: "Vertretung nicht mehr nötig", en: "Deputy no longer needed" },
    text: { de: `${member} nimmt an der Sitzung am ${w.de} nun selbst teil; Ihre Vertretung ist nicht mehr nötig.`, en: `${member} will now attend the meeting on ${w.en}; you no longer need to stand in.` },
  };
}

/** To the Geschäftsstelle: the deputy declines the seat. */
export function deputyDeclinesToSecretariat(deputy: string, institution: string, start: string): NoticeTexts {
  const w = instantTexts(start);
  return {
    subject: { de: "Stellvertretung sagt ab", en: "Deputy declines" },
    text: {
      de: `${deputy} (Stellvertretung) kann ${institution} am ${w.de} nicht vertreten; die Institution ist dann nicht vertreten.`,
      en: `${deputy} (deputy) cannot represent ${institution} on ${w.en}; the institution will not be represented.`,
    },
  };
}

/** To the member: their deputy declines. */
export function deputyDeclinesToMember(deputy: string, start: string): NoticeTexts {
  const w = instantTexts(start);
  return {
    subject: { de: "Ihre Stellvertretung sagt ab", en: "Your deputy declines" },
    text: { de: `${deputy} kann Sie am ${w.de} nicht vertreten.`, en: `${deputy} cannot stand in for you on ${w.en}.` },
  };
}

/** To the Geschäftsstelle: a member asked for their deputy and was refused (the refusal worded by texts/representation.ts). */
export function delegationRefused(person: string, institution: string, start: string, delegation: Delegation): NoticeTexts {
  const [w, refusal] = [instantTexts(start), delegationText(delegation)];
  return {
    subject: { de: "Vertretung nicht möglich", en: "Delegation not possible" },
    text: {
      de: `${person} (${institution}) wollte die Sitzung am ${w.de} an die Stellvertretung übergeben: ${refusal.de}`,
      en: `${person} (${institution}) asked to hand the meeting on ${w.en} to the deputy: ${refusal.en}`,
    },
  };
}

/** To the deputy, when no invitation is out yet: you stand in. */
export function standIn(member: string, institution: string, start: string, citation: string | null): NoticeTexts {
  const w = instantTexts(start);
  const cite = paren(citation);
  return {
    subject: { de: `Vertretung in der Sitzung am ${w.de}`, en: `Standing in at the meeting on ${w.en}` },
    text: {
      de: `${member} kann an der Sitzung am ${w.de} nicht teilnehmen. Sie vertreten ${institution}${cite}. Bitte bestätigen Sie Ihre Teilnahme („Ich nehme teil“).`,
      en: `${member} cannot attend the meeting on ${w.en}. You represent ${institution}${cite}. Please confirm your attendance ("I'll attend").`,
    },
  };
}

/** To the Geschäftsstelle: the member is absent, the deputy was told. */
export function deputyNotified(member: string, institution: string, deputy: string, start: string): NoticeTexts {
  const w = instantTexts(start);
  return {
    subject: { de: "Vertretung gemeldet", en: "Deputy notified" },
    text: {
      de: `${member} (${institution}) ist am ${w.de} verhindert; die Stellvertretung ${deputy} wurde benachrichtigt.`,
      en: `${member} (${institution}) cannot attend on ${w.en}; the deputy ${deputy} has been notified.`,
    },
  };
}

/** The member's reply after handing the seat on (the delegation worded by texts/representation.ts). */
export function delegatedReply(deputy: string, start: string, d: Delegation): Texts {
  const [w, delegation] = [instantTexts(start), delegationText(d)];
  return {
    de: `Ihre Abwesenheit am ${w.de} ist vermerkt. ${delegation.de} ${deputy} erhält die Einladung, die Geschäftsstelle ist informiert.`,
    en: `Your absence on ${w.en} is recorded. ${delegation.en} ${deputy} receives the invitation and the Geschäftsstelle has been told.`,
  };
}

/** The same delegation said again: it stands, and nobody is told twice. */
export function alreadyDelegated(deputy: string, start: string): Texts {
  const w = instantTexts(start);
  return {
    de: `Das ist bereits vermerkt: ${deputy} vertritt Sie am ${w.de}. Ich habe niemanden erneut benachrichtigt.`,
    en: `That is already recorded: ${deputy} stands in for you on ${w.en}. I have not notified anyone again.`,
  };
}

/** A deputy checking in while the member is down to attend. */
export function memberAttends(institution: string): Texts {
  return { de: `Für ${institution} ist das Mitglied selbst gemeldet; bitte wenden Sie sich an den Vorsitz.`, en: `The member is down to attend for ${institution}; please speak to the chair.` };
}

export function checkedIn(institution: string, start: string): Texts {
  const w = instantTexts(start);
  return { de: `Willkommen! Sie sind für ${institution} als anwesend eingetragen (Sitzung am ${w.de}).`, en: `Welcome! You are checked in for ${institution} (meeting on ${w.en}).` };
}

export function markedPresent(person: string, institution: string, start: string): Texts {
  const w = instantTexts(start);
  return { de: `${person} (${institution}) ist als anwesend eingetragen (Sitzung am ${w.de}).`, en: `${person} (${institution}) is marked present (meeting on ${w.en}).` };
}

export function markedAbsent(person: string, institution: string): Texts {
  return { de: `${person} (${institution}) ist als abwesend eingetragen.`, en: `${person} (${institution}) is marked absent.` };
}
