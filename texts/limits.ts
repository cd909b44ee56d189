/**
 * Refusals of input that is too large (limits in domain/limits.ts), and the few words the HTTP
 * endpoint answers with: short and generic, so a request learns nothing about the inside.
 */
import type { Texts } from "../domain/profile.ts";
import { LIMITS, type LimitKind } from "../domain/limits.ts";

const WHAT: Record<LimitKind, Texts> = {
  messageText: { de: "Die Nachricht", en: "The message" },
  title: { de: "Der Titel (oder Ort)", en: "The title (or place)" },
  description: { de: "Die Beschreibung (oder Begründung)", en: "The description (or reason)" },
  statement: { de: "Die Erklärung", en: "The statement" },
  name: { de: "Der Name", en: "The name" },
  activityId: { de: "Die Kennung", en: "The id" },
  csvRows: { de: "Die Mitgliederliste", en: "The roster file" },
  csvBytes: { de: "Die Mitgliederliste", en: "The roster file" },
};

const number = (n: number, lang: "de" | "en") => n.toLocaleString(lang === "de" ? "de-DE" : "en-GB");

/** "Die Nachricht ist zu lang: höchstens 10.000 Zeichen. Bitte kürzen Sie sie und senden Sie sie erneut." */
export function tooLongText(kind: LimitKind, max: number = LIMITS[kind]): Texts {
  if (kind === "csvRows") {
    return {
      de: `${WHAT[kind].de} hat zu viele Zeilen: höchstens ${number(max, "de")}. Bitte teilen Sie sie auf oder kürzen Sie sie.`,
      en: `${WHAT[kind].en} has too many rows: at most ${number(max, "en")}. Please split or shorten it.`,
    };
  }
  if (kind === "csvBytes") {
    return {
      de: `${WHAT[kind].de} ist zu groß: höchstens ${number(max, "de")} Bytes. Bitte kürzen Sie sie.`,
      en: `${WHAT[kind].en} is too large: at most ${number(max, "en")} bytes. Please shorten it.`,
    };
  }
  return {
    de: `${WHAT[kind].de} ist zu lang: höchstens ${number(max, "de")} Zeichen. Bitte kürzen Sie und senden Sie es erneut; gespeichert wurde nichts.`,
    en: `${WHAT[kind].en} is too long: at most ${number(max, "en")} characters. Please shorten it and send it again; nothing was recorded.`,
  };
}

/** A text too long for a field whose kind is not known (a zod `max` on a command's input). */
export function fieldTooLongText(max: number): Texts {
  return {
    de: `Eine Angabe ist zu lang: höchstens ${number(max, "de")} Zeichen. Bitte kürzen Sie sie und senden Sie sie erneut; gespeichert wurde nichts.`,
    en: `One of the entries is too long: at most ${number(max, "en")} characters. Please shorten it and send it again; nothing was recorded.`,
  };
}

/** The HTTP endpoint's bodies: English, as machines and operators read them, with the id of the log line. */
export const HTTP_BODY = {
  badRequest: "Bad Request",
  unauthorized: "Unauthorized",
  tooLarge: "Payload Too Large",
  badGateway: "Bad Gateway",
  internal: "Internal Server Error",
  notFound: "Not Found",
} as const;

/** A change the data folder could not take (read-only): the Geschäftsstelle reads why, a member only that nothing was saved. */
export function notSavedText(detail: string | null): Texts {
  return detail
    ? { de: `Nicht gespeichert: ${detail}`, en: `Not saved (the data folder cannot be written): ${detail}` }
    : {
        de: "Ihre Angabe konnte gerade nicht gespeichert werden; es wurde nichts geändert. Bitte versuchen Sie es später erneut.",
        en: "Your entry could not be saved just now; nothing was changed. Please try again later.",
      };
}
