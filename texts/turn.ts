/** Wording shared by every command: what a redelivered message is told. */
import type { Texts } from "../domain/profile.ts";

/** Teams delivered the same message again: nothing was changed a second time. */
export const ALREADY_HANDLED: Texts = { de: "Diese Nachricht habe ich bereits bearbeitet.", en: "I have already handled this message." };

/** Input a command cannot read (a card with missing fields): the faces check their own forms first. */
export const INVALID_INPUT: Texts = { de: "Diese Eingabe kann ich nicht verarbeiten; bitte versuchen Sie es erneut oder schreiben Sie „Hilfe“.", en: "I cannot process this input; please try again or write \"help\"." };
