/**
 * A member's or deputy's chat answers that are not a command: thanks acknowledged, and "Wer kommt?"
 * answered without the overview (the Geschäftsstelle's and the chair's) and without naming a command.
 */
import type { Texts } from "../domain/profile.ts";
import type { InstitutionAnswer } from "../services/answers.ts";
import { instantTexts } from "./bilingual.ts";
import { MEETING_MODE } from "./meetings.ts";

export const YOU_ARE_WELCOME: Texts = { de: "Gern geschehen.", en: "You're welcome." };

const WHO_SEES: Texts = { de: "Wer kommt, sehen die Geschäftsstelle und der Vorsitz", en: "The Geschäftsstelle and the chair see who is coming" };

/** One sentence: who sees the answers, then what is recorded for the writer's institution (if they sit for one). */
export function whoComesForMemberText(own: InstitutionAnswer | null, meetingStart: string): Texts {
  if (!own) return { de: `${WHO_SEES.de}.`, en: `${WHO_SEES.en}.` };
  const when = instantTexts(meetingStart);
  const name = own.institutionName;
  const a = own.answer;
  const mode = (m: "in-person" | "online" | null, de: boolean) => (m ? `, ${MEETING_MODE[m][de ? "de" : "en"]}` : "");
  const recorded: Texts = !a
    ? { de: `für ${name} ist zur Sitzung am ${when.de} noch keine Rückmeldung eingetragen`, en: `for ${name}, no answer is recorded yet for the meeting on ${when.en}` }
    : a.status === "declined"
      ? { de: `für ${name} ist zur Sitzung am ${when.de} eine Absage eingetragen`, en: `for ${name}, an absence is recorded for the meeting on ${when.en}` }
      : a.status === "delegated"
        ? { de: `für ${name} kommt zur Sitzung am ${when.de} die Vertretung (${a.attendeeName ?? "–"}${mode(a.mode, true)})`, en: `for ${name}, the deputy (${a.attendeeName ?? "–"}${mode(a.mode, false)}) comes to the meeting on ${when.en}` }
        : { de: `für ${name} ist zur Sitzung am ${when.de} eine Zusage eingetragen (${a.attendeeName ?? "–"}${mode(a.mode, true)})`, en: `for ${name}, an acceptance is recorded for the meeting on ${when.en} (${a.attendeeName ?? "–"}${mode(a.mode, false)})` };
  return { de: `${WHO_SEES.de}; ${recorded.de}.`, en: `${WHO_SEES.en}; ${recorded.en}.` };
}
