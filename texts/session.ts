/** Wording of the live session (services/session.ts, declare-not-quorate.ts, record-statement.ts). */
import type { Texts } from "../domain/profile.ts";

export function notOnAgenda(number: number, items: number): Texts {
  return { de: `TOP ${number} steht nicht auf der Tagesordnung (${items} Punkte).`, en: `Item ${number} is not on the agenda (${items} items).` };
}

export interface SecondConvocationHint {
  noticeDays: number;
  citation: string;
  /** The profile's name of the body ("Lenkungsgruppe"). */
  bodyKind: string;
}

/** The reply to "/beschlussunfaehig": how many were represented, the postponed items, and (where the profile has one) the second convocation. */
export function notQuorateText(represented: number, postponed: number[], second: SecondConvocationHint | null): Texts {
  const list = postponed.map((n) => `TOP ${n}`).join(", ") || "–";
  const hint: Texts = second
    ? { de: ` Bei erneuter Einladung mit ${second.noticeDays} Tagen Frist und ausdrücklichem Hinweis ist die ${second.bodyKind} dafür ohne Rücksicht auf die Anwesenden beschlussfähig (${second.citation}); der Hinweis wird in die nächste Einladung aufgenommen.`, en: ` A new invitation with ${second.noticeDays} days' notice and an express reference makes the body quorate for them whatever the attendance (${second.citation}); the next invitation will carry the reference.` }
    : { de: "", en: "" };
  return {
    de: `Beschlussunfähigkeit festgestellt (${represented} ${represented === 1 ? "Institution" : "Institutionen"} vertreten). Zurückgestellt: ${list}.${hint.de}`,
    en: `Lack of quorum declared (${represented} ${represented === 1 ? "institution" : "institutions"} represented). Postponed: ${list}.${hint.en}`,
  };
}

export const EMPTY_STATEMENT: Texts = { de: "Die Erklärung ist leer; bitte den Wortlaut angeben.", en: "The statement is empty; please give its wording." };

export function statementRecorded(speaker: string): Texts {
  return { de: `Die persönliche Erklärung von ${speaker} wird in die Niederschrift aufgenommen.`, en: `${speaker}'s personal statement will be included in the minutes.` };
}
