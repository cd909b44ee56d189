/**
 * The answer to the absence question "Soll Ihre Stellvertretung … die Einladung erhalten, oder sagen
 * Sie ohne Vertretung ab?": in words as well as by its buttons. "ohne Vertretung", "nein, ohne",
 * "einfach absagen", "without a deputy" decline; "ja", "mit Vertretung", the deputy's name delegate.
 */
import { opensWithNo, opensWithYes } from "./yes-no.ts";
import { words } from "./understand-words.ts";
import { normalize } from "./understand.ts";

export type AbsenceAnswer = "delegate" | "decline" | null;

const WITHOUT = /\b(ohne|keine?n?|kein|without|no)\b( (eine?n?|a|my|meine?n?))? (vertret\w*|stellvertret\w*|ersatz|deputy|substitute)\b|^(ohne|without)\b/;
const WITH = /\b(mit|with)( (der|meiner|einer|the|my|a))? (vertret\w*|stellvertret\w*|deputy|substitute)\b|\b(an|to) (die|meine|my|the) (vertret\w*|stellvertret\w*|deputy)\b|^(send|schick\w*) (sie|her|him|die|den|my)\b/;
/** Only declining is said: "einfach absagen", "bitte absagen", "just decline". */
const ONLY_DECLINE = /^(absag\w*|abgesagt|decline\w*|cancel)$/;
const FILLER = /^(einfach|nur|bitte|dann|ich|sage|ab|just|please|then|i|will|i'll|ok|okay|gerne|gern|ganz|lieber|rather)$/;

/**
 * What the message answers, or null when it answers neither (then it is read as what it says).
 * `deputyName`: the registered deputy, whose first, last or full name delegates; without one the
 * question was "soll ich Ihre Absage vermerken?", so a yes declines. `yesNo`: a leading yes or no
 * counts (not in "Ja, ich komme doch", which says something else).
 */
export function absenceAnswer(text: string, deputyName: string | null, yesNo: boolean): AbsenceAnswer {
  const n = normalize(text).replace(/[.!]+$/, "");
  if (WITHOUT.test(n)) return "decline";
  if (WITH.test(n) || namesDeputy(n, deputyName)) return "delegate";
  const ws = words(n);
  if (ws.some((w) => ONLY_DECLINE.test(w)) && ws.every((w) => ONLY_DECLINE.test(w) || FILLER.test(w))) return "decline";
  if (yesNo && opensWithYes(text)) return deputyName ? "delegate" : "decline";
  if (yesNo && opensWithNo(text)) return "decline";
  return null;
}

function namesDeputy(n: string, deputyName: string | null): boolean {
  if (!deputyName) return false;
  const ws = words(n);
  const parts = words(normalize(deputyName)).filter((p) => p.length > 2 && !/^(frau|herr|dr|prof)$/.test(p));
  return parts.some((p) => ws.includes(p));
}
