/** Wording of who is who (services/directory.ts). */
import type { Texts } from "../domain/profile.ts";

export function unknownPerson(id: string): Texts {
  return { de: `Die Person "${id}" ist nicht bekannt.`, en: `The person "${id}" is not known.` };
}

/** "/anwesend Becker" when two people or institutions fit (bot/presence-names.ts). */
export function ambiguousName(query: string, count: number, shown: number): Texts {
  const more = count > shown
    ? { de: ` Hier die ersten ${shown} von ${count}; schreiben Sie sonst den Namen genauer.`, en: ` Here are the first ${shown} of ${count}; otherwise please type the name more fully.` }
    : { de: "", en: "" };
  return {
    de: `„${query}“ passt auf mehrere Einträge. Wen meinen Sie?${more.de}`,
    en: `"${query}" fits several entries. Whom do you mean?${more.en}`,
  };
}

export const AMBIGUOUS_TITLE: Texts = { de: "Bitte wählen", en: "Please choose" };

/** A choice button: the person with their institution, or the institution. */
export function nameChoiceLabel(name: string, institution: string | null): Texts {
  const text = institution ? `${name} (${institution})` : name;
  return { de: text, en: text };
}
