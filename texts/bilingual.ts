/**
 * texts/ holds every sentence the bot says about the rules, German and English side by side in the
 * same function, one module per area (deadlines, quorum, majority, representation, timing, errors),
 * so the two languages cannot drift apart. Each function takes a rule's data result from rules/ and
 * returns `Texts`; rules/ itself returns only data (days, counts, codes, citations).
 * This module holds the small helpers they share.
 */
import type { Texts } from "../domain/profile.ts";
import { formatDay, type Day } from "../rules/time.ts";

/** No addition, in either language: for optional clauses. */
export const NONE: Texts = { de: "", en: "" };

/** A calendar day as each language writes it ("Donnerstag, 21.04.2022" / "Thursday, 21.04.2022"). */
export function dayTexts(day: Day): Texts {
  return { de: formatDay(day, "de"), en: formatDay(day, "en") };
}

/** A clause that is there only when `on` (e.g. "with a reason" when the profile requires one). */
export function clause(on: boolean, texts: Texts): Texts {
  return on ? texts : NONE;
}
