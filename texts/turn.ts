/** Wording shared by every command: what a redelivered message is told. */
import type { Texts } from "../domain/profile.ts";

/** Teams delivered the same message again: nothing was changed a second time. */
export const ALREADY_HANDLED: Texts = { de: "Diese Nachricht habe ich bereits bearbeitet.", en: "I have already handled this message." };
