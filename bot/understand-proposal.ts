/**
 * The answers of the guided proposal flow read as what they mean, not stored literally:
 * "ich selbst" as the presenter is the proposer, "kein Anhang" for the documents is none.
 */
import { words } from "./understand-words.ts";
import { normalize } from "./understand.ts";

const SELF = /^(ich|selbst|selber|myself|me|i|mich|das|mache|uebernehme|do|will|it|present|trage|vor|gern|gerne|bitte|natuerlich|auch)$/;
const SELF_CORE = /^(ich|selbst|selber|myself|me|i)$/;
const NONE = /^(nein|no|nope|nee|kein|keine|keinen|keiner|none|nothing|ohne|nicht|not|anhang|anhaenge|anlage|anlagen|unterlagen|dokument|dokumente|documents?|attachments?|links?|gibt|es|there|are|danke|thanks|bitte|please|leider|vorerst|noch|yet|n\/a)$/;
const NONE_CORE = /^(nein|no|nope|nee|kein|keine|keinen|keiner|none|nothing|ohne)$/;

/** "ich selbst", "ich", "myself": the proposer presents; anything else is the name as given. */
export function presenterOf(answer: string, proposerName: string): string {
  const ws = words(normalize(answer));
  return ws.length > 0 && ws.length <= 5 && ws.some((w) => SELF_CORE.test(w)) && ws.every((w) => SELF.test(w)) ? proposerName : answer;
}

/** "nein", "kein Anhang", "keine Unterlagen", "-", "none": no documents. */
export function saysNoDocuments(answer: string): boolean {
  const n = normalize(answer);
  if (/^[-–—.\s]*$/.test(n)) return true;
  const ws = words(n);
  return ws.length <= 6 && ws.some((w) => NONE_CORE.test(w)) && ws.every((w) => NONE.test(w));
}
