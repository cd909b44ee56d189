/** Why a rule refused its input (rules/errors.ts), in one sentence per language. */
import type { Texts } from "../domain/profile.ts";
import type { CountName, RuleInputProblem } from "../rules/errors.ts";

const COUNT: Record<CountName, Texts> = {
  present: { de: "Die Zahl der Anwesenden", en: "The number present" },
  votingMembers: { de: "Die Zahl der stimmberechtigten Mitglieder", en: "The number of voting members" },
  yes: { de: "Ja-Stimmen", en: "Yes votes" },
  no: { de: "Nein-Stimmen", en: "No votes" },
  abstain: { de: "Enthaltungen", en: "Abstentions" },
};

export function ruleInputText(problem: RuleInputProblem): Texts {
  switch (problem.code) {
    case "not-a-count": {
      const what = COUNT[problem.count];
      return { de: `${what.de} muss eine ganze Zahl ab 0 sein, nicht ${problem.value}.`, en: `${what.en} must be a whole number from 0, not ${problem.value}.` };
    }
    case "more-represented-than-voting":
      return {
        de: `Es können nicht mehr Institutionen vertreten sein (${problem.represented}) als stimmberechtigte Mitglieder (${problem.votingMembers}).`,
        en: `More institutions represented (${problem.represented}) than voting members (${problem.votingMembers}) is impossible.`,
      };
    case "more-votes-than-present":
      return {
        de: `Es wurden ${problem.counted} Stimmen gezählt, aber nur ${problem.present === 1 ? "1 Institution ist" : `${problem.present} Institutionen sind`} anwesend; jede Institution hat eine Stimme.`,
        en: `${problem.counted} votes were counted but only ${problem.present === 1 ? "1 institution is" : `${problem.present} institutions are`} present; each institution has one vote.`,
      };
    case "nobody-present":
      return { de: "Ohne anwesende Institutionen gibt es keine Abstimmung.", en: "There is no vote without institutions present." };
  }
}
