/**
 * One way to read a yes or a no in the chat, for the mass action's question (bot/confirmations.ts)
 * and the absence question "send your deputy?" (bot/conversation.ts): the same words for both.
 */
const YES_WORDS = "ja|yes|jawohl|ok|okay|jep|gerne";
const NO_WORDS = "nein|no|nee|nö";

// A question that sends mail takes only a whole-message answer ("Ja, senden", "Abbrechen"), so
// "Ja, aber erst morgen" is not a yes.
const WHOLE_YES = new RegExp(`^(${YES_WORDS}|ja bitte|yes please|ja,? (senden|versenden|absagen|ausführen)|senden|versenden|go ahead)[.!]*$`, "iu");
const WHOLE_NO = new RegExp(`^(${NO_WORDS}|abbrechen|cancel|stopp|stop|nicht senden|doch nicht)[.!]*$`, "iu");

// The absence question is answered by the message's first word ("Ja, an Frau Schulz", "Bitte");
// a lookahead instead of \b, which does not see "ö" as a letter.
const OPENS_YES = new RegExp(`^(${YES_WORDS}|bitte)(?![\\p{L}\\d])`, "iu");
const OPENS_NO = new RegExp(`^(${NO_WORDS})(?![\\p{L}\\d])|ohne`, "iu");

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
