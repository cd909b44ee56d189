/** Wording of who is who (services/directory.ts). */
import type { Texts } from "../domain/profile.ts";

export function unknownPerson(id: string): Texts {
  return { de: `Die Person "${id}" ist nicht bekannt.`, en: `The person "${id}" is not known.` };
}
