/** The counts a rule takes, named so that texts/errors.ts can say which one was wrong. */
export type CountName = "present" | "votingMembers" | "yes" | "no" | "abstain";

/** Why a rule cannot be applied to its input, as data; texts/errors.ts words it. */
export type RuleInputProblem =
  | { code: "not-a-count"; count: CountName; value: number }
  | { code: "more-represented-than-voting"; represented: number; votingMembers: number }
  | { code: "more-votes-than-present"; counted: number; present: number }
  | { code: "nobody-present" };

/** Input a rule cannot be applied to (a negative count, more votes than present). */
export class RuleInputError extends Error {
  constructor(readonly problem: RuleInputProblem) {
    super(problem.code);
  }
}

/** Refuses anything but a whole number ≥ 0. */
export function requireCount(value: number, count: CountName): void {
  if (!Number.isInteger(value) || value < 0) throw new RuleInputError({ code: "not-a-count", count, value });
}
