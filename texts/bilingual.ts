/** Small helpers the texts/ modules share (what the folder holds: texts/README.md). */
import type { Texts } from "../domain/profile.ts";
import { berlinDay, formatDateTime, formatDay, type Day } from "../rules/time.ts";

/** No addition, in either language: for optional clauses. */
export const NONE: Texts = { de: "", en: "" };

/** A calendar day as each language writes it ("Donnerstag, 21.04.2022" / "Thursday, 21.04.2022"). */
export function dayTexts(day: Day): Texts {
  return { de: formatDay(day, "de"), en: formatDay(day, "en") };
}

/** The Berlin calendar day of an instant (a meeting's start) as each language writes it. */
export function meetingDay(start: string): Texts {
  return dayTexts(berlinDay(new Date(start)));
}

/** An instant as each language writes it ("Donnerstag, 12.05.2022, 10:00 Uhr" / "Thursday, 12.05.2022, 10:00"). */
export function instantTexts(instant: Date | string): Texts {
  const at = new Date(instant);
  return { de: formatDateTime(at, "de"), en: formatDateTime(at, "en") };
}

/** A clause that is there only when `on` (e.g. "with a reason" when the profile requires one). */
export function clause(on: boolean, texts: Texts): Texts {
  return on ? texts : NONE;
}

/** " (§ 2 Abs. 2 GO)", or nothing without a paragraph. */
export function paren(citation: string | null | undefined): string {
  return citation ? ` (${citation})` : "";
}
