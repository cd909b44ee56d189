/** "/rueckmeldungen": who has answered for a meeting (services/answers.ts). */
import type { Texts } from "../domain/profile.ts";
import type { AnswersOverview, InstitutionAnswer } from "../services/answers.ts";
import { instantTexts } from "./bilingual.ts";

const STATUS: Record<NonNullable<InstitutionAnswer["answer"]>["status"], Texts> = {
  attending: { de: "Zusage", en: "attending" },
  declined: { de: "Absage", en: "declined" },
  delegated: { de: "Vertretung", en: "deputy" },
};
const MODE: Record<"in-person" | "online", Texts> = { "in-person": { de: "Präsenz", en: "in person" }, online: { de: "digital", en: "online" } };
const NO_ANSWER: Texts = { de: "keine Rückmeldung", en: "no answer" };
const PRESENT: Texts = { de: " ✓ anwesend", en: " ✓ present" };

export function answersText(o: AnswersOverview): Texts {
  const when = instantTexts(o.meetingStart);
  const lines = (lang: keyof Texts) => o.answers.map((a) => answerLine(a, lang)).join("\n");
  return {
    de: `Rückmeldungen für ${when.de}: ${o.answered} von ${o.institutions}\n${lines("de")}`,
    en: `Answers for ${when.en}: ${o.answered} of ${o.institutions}\n${lines("en")}`,
  };
}

function answerLine({ institutionName, answer }: InstitutionAnswer, lang: keyof Texts): string {
  if (!answer) return `– ${institutionName}: ${NO_ANSWER[lang]}`;
  const mode = answer.mode ? `, ${MODE[answer.mode][lang]}` : "";
  const who = answer.attendeeName ? ` (${answer.attendeeName}${mode})` : "";
  return `– ${institutionName}: ${STATUS[answer.status][lang]}${who}${answer.present ? PRESENT[lang] : ""}`;
}
