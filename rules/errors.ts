import type { Texts } from "../domain/profile.ts";

/** Input a rule cannot be applied to (a negative count, more votes than present): says why in both languages. */
export class RuleInputError extends Error {
  constructor(readonly texts: Texts) {
    super(texts.de);
  }
}

/** Refuses anything but a whole number ≥ 0. */
export function requireCount(value: number, de: string, en: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RuleInputError({
      de: `${de} muss eine ganze Zahl ab 0 sein, nicht ${value}.`,
      en: `${en} must be a whole number from 0, not ${value}.`,
    });
  }
}
