/**
 * Wording of the session as it follows itself: check-in answers (services/check-in.ts), who stands
 * in (the quorum answer), the chair's notice when the count falls below the quorum
 * (services/meeting-presence.ts) and the question before declaring a quorate count not quorate.
 */
import type { Texts } from "../domain/profile.ts";
import type { NoticeTexts } from "./outbox.ts";
import { instantTexts } from "./bilingual.ts";
import type { QuorumStatus } from "../rules/quorum.ts";
import { quorumText } from "./quorum.ts";
import { questionDroppedText, questionExpiredText } from "./confirmations.ts";

export function deputyCheckedIn(institution: string, member: string, start: string, handedOver: boolean): Texts {
  const w = instantTexts(start);
  const why = handedOver
    ? { de: "", en: "" }
    : { de: " Das Mitglied ist nicht anwesend; die Institution ist durch Sie vertreten.", en: " The member is not present; you represent the institution." };
  return {
    de: `Willkommen! Sie sind für ${institution} als Stellvertretung von ${member} als anwesend eingetragen (Sitzung am ${w.de}).${why.de}`,
    en: `Welcome! You are checked in for ${institution}, standing in for ${member} (meeting on ${w.en}).${why.en}`,
  };
}

export function alreadyCheckedIn(institution: string): Texts {
  return { de: `Sie sind für ${institution} bereits als anwesend eingetragen.`, en: `You are already checked in for ${institution}.` };
}

export function institutionAlreadyRepresented(institution: string, by: string): Texts {
  return {
    de: `Für ${institution} ist bereits ${by} als anwesend eingetragen; die Institution zählt einmal (eine Stimme je Institution).`,
    en: `${by} is already checked in for ${institution}; the institution counts once (one vote per institution).`,
  };
}

/** The quorum answer, then who stands in: "Durch die Stellvertretung vertreten: Jugendamt (Michael Jäger für Sabine Fuchs)." */
export function withStandIns(answer: Texts, list: { institution: string; deputy: string; member: string }[]): Texts {
  if (list.length === 0) return answer;
  const de = list.map((s) => `${s.institution} (${s.deputy} für ${s.member})`).join("; ");
  const en = list.map((s) => `${s.institution} (${s.deputy} for ${s.member})`).join("; ");
  return { de: `${answer.de}\nDurch die Stellvertretung vertreten: ${de}.`, en: `${answer.en}\nRepresented by the deputy: ${en}.` };
}

/** To the chair, once per meeting: the count fell below the quorum; worded with the quorum answer and its presumption. */
export function belowQuorumNotice(q: QuorumStatus): NoticeTexts {
  const count = quorumText(q);
  return {
    subject: { de: "Beschlussfähigkeit: Zählung unter dem Quorum", en: "Quorum: the count fell below it" },
    text: {
      de: `Teilnehmende haben die Teams-Sitzung verlassen. ${count.de} Diese Nachricht kommt einmal je Sitzung.`,
      en: `Participants have left the Teams meeting. ${count.en} This message comes once per meeting.`,
    },
  };
}

/**
 * `/beschlussunfaehig` while the count says quorate: asked before anything is recorded; the answer
 * is the same pending question as before a mass action (bot/confirmations.ts).
 */
export function confirmNotQuorate(count: Texts): Texts {
  return {
    de: `${count.de}\nSoll trotzdem die Beschlussunfähigkeit festgestellt werden? Dann antworten Sie mit „ja“, sonst mit „nein“; die Niederschrift nennt beides, die Feststellung und die Zählung.`,
    en: `${count.en}\nDeclare the lack of quorum anyway? Then answer "yes", otherwise "no"; the minutes will state both the declaration and the count.`,
  };
}

export const CONFIRM_BUTTONS = {
  question: { de: "Beschlussunfähigkeit trotz der Zählung feststellen?", en: "Declare a lack of quorum despite the count?" },
  yes: { de: "Ja, Beschlussunfähigkeit feststellen", en: "Yes, declare the lack of quorum" },
} satisfies Record<string, Texts>;

/** "nein" to that question, or the question dropped or expired: nothing was recorded. */
export const NOT_DECLARED: Texts = { de: "Gut, die Beschlussunfähigkeit ist nicht festgestellt; es gilt die Zählung.", en: "All right, no lack of quorum is declared; the count stands." };

export const NOT_QUORATE_DROPPED: Texts = questionDroppedText({ de: " zur Beschlussunfähigkeit", en: " about the lack of quorum" }, { de: "festgestellt ist nichts", en: "nothing is declared" });

export const notQuorateExpiredText = (askedAt: string): Texts => questionExpiredText(askedAt, { de: "die Beschlussunfähigkeit ist nicht festgestellt", en: "no lack of quorum is declared" }, { de: "„/beschlussunfaehig“", en: '"/beschlussunfaehig"' });

export const ALREADY_DECLARED: Texts = { de: "Die Beschlussunfähigkeit ist bereits festgestellt.", en: "The lack of quorum has already been declared." };

/** The service's refusal when a confirmation is missing (the bot asks first; this guards other callers). */
export const CONFIRMATION_NEEDED: Texts = { de: "Nach der Zählung ist die Sitzung beschlussfähig; die Beschlussunfähigkeit wird nur nach ausdrücklicher Bestätigung festgestellt.", en: "By the count the meeting is quorate; a lack of quorum is declared only after an express confirmation." };

export function notPresentForStatement(name: string): Texts {
  return {
    de: `${name} ist in der Sitzung nicht als anwesend eingetragen; persönliche Erklärungen nimmt die Niederschrift nur von Anwesenden auf. Bitte zuerst anmelden („Ich bin anwesend“).`,
    en: `${name} is not checked in for the meeting; the minutes take personal statements only from people present. Please check in first ("I'm here").`,
  };
}
