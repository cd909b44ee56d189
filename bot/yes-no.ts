/**
 * One way to read a yes or a no in the chat, for the mass action's question (bot/confirmations.ts)
 * and the absence question "send your deputy?" (bot/conversation.ts): the same words for both.
 */
const YES_WORDS = /ja|yes|jawohl|ok|okay|jep|gerne/;
const NO_WORDS = /nein|no|nee|nö/;
// Regex literals, not strings, so the words stay apart from the wording in texts/.
const either = (...parts: RegExp[]) => parts.map((p) => p.source).join("|");

// A question that sends mail takes only a whole-message answer ("Ja, senden", "Abbrechen"), so
// "Ja, aber erst morgen" is not a yes.
const whole = (...parts: RegExp[]) => new RegExp(`^(${either(...parts)})[.!]*$`, "iu");
const WHOLE_YES = whole(YES_WORDS, /ja bitte|yes please|ja,? (senden|versenden|absagen|ausführen)|senden|versenden|go ahead/);
const WHOLE_NO = whole(NO_WORDS, /abbrechen|cancel|stopp|stop|nicht senden|doch nicht/);

// The absence question is answered by the message's first word ("Ja, an Frau Schulz", "Bitte");
// a lookahead instead of \b, which does not see "ö" as a letter.
const opens = (...parts: RegExp[]) => new RegExp(`^(${either(...parts)})(?![\\p{L}\\d])`, "iu");
const OPENS_YES = opens(YES_WORDS, /bitte/);
const OPENS_NO = new RegExp(`${opens(NO_WORDS).source}|ohne`, "iu");

/** true for a yes, false for a no, null when the whole message is neither. */
export function wholeAnswer(text: string): boolean | null {
  const said = text.trim();
  return WHOLE_YES.test(said) ? true : WHOLE_NO.test(said) ? false : null;
}

/** The message opens with a yes; or with a no, or declines "ohne" (without) a deputy. */
export function opensWithYes(text: string): boolean {
  return OPENS_YES.test(text.trim());
}
export function opensWithNo(text: string): boolean {
  return OPENS_NO.test(text.trim());
}
