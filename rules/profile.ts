/** Small pure readings of a rules profile shared by several rules. */
import type { Fraction, Profile, Signer } from "../domain/profile.ts";

/** ceil(n × a/b) in integers, so 2/3 of 12 is exactly 8. */
export function ceilShare(n: number, f: Fraction): number {
  return Math.floor((n * f.numerator + f.denominator - 1) / f.denominator);
}


/**
 * Who signs the minutes: the profile's signers; without a minutes rule, the secretariat's own
 * practice (chair and head of the Geschäftsstelle), which the minutes then cite nowhere.
 */
export function minutesSigners(profile: Profile): Signer[] {
  if (profile.minutes.regulated) return profile.minutes.signers;
  return [
    { person: "chair", role: { de: "Vorsitz", en: "chair" } },
    { person: "secretariat-head", role: { de: "Leitung der Geschäftsstelle", en: "head of the Geschäftsstelle" } },
  ];
}

/** Whether the minutes are public, so that a public version is written: only where the document says so. */
export function publicMinutes(profile: Profile): boolean {
  return profile.minutes.regulated && profile.minutes.publicity.public;
}
