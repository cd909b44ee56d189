/** The answer to "please send my deputy", worded from the delegation (rules/representation.ts). */
import type { Texts } from "../domain/profile.ts";
import type { Delegation } from "../rules/representation.ts";
import { clause } from "./bilingual.ts";

export function delegationText(d: Delegation): Texts {
  const c = d.citations.length ? ` (${d.citations.join(", ")})` : "";
  if (d.ok) {
    const vote = clause(d.deputyTakesVote, { de: " und übernimmt die Stimme", en: " and holds the vote" });
    return {
      de: `${d.deputy.name} vertritt ${d.institution.name}${vote.de}${c}.`,
      en: `${d.deputy.name} represents ${d.institution.name}${vote.en}${c}.`,
    };
  }
  if (d.code === "not-a-member") {
    return { de: `Nur Mitglieder einer Institution können ihre Stellvertretung schicken${c}.`, en: `Only an institution's member can send their deputy${c}.` };
  }
  const { name } = d.institution;
  if (d.code === "is-deputy") {
    return {
      de: `Sie sind Stellvertretung für ${name}; die Vertretung kann nicht weitergegeben werden${c}. Die Geschäftsstelle wird informiert.`,
      en: `You are the deputy for ${name}; the seat cannot be passed on${c}. The Geschäftsstelle will be told.`,
    };
  }
  return {
    de: `Für ${name} ist keine Stellvertretung hinterlegt${c}. Bitte benennen Sie der Geschäftsstelle eine Stellvertretung; die Geschäftsstelle wird informiert.`,
    en: `No deputy is registered for ${name}${c}. Please name a deputy to the Geschäftsstelle; it will be told.`,
  };
}
