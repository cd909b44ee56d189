/**
 * How each face names an input a refusal is about (services/errors.ts `InputField`): the command
 * line by its option, the chat by how to write it.
 */
import type { Texts } from "../domain/profile.ts";
import type { InputField } from "../services/errors.ts";

export const CLI_OPTION: Record<InputField, string> = { location: "--location", onlineUrl: "--online-url", downloadUrl: "--download-url", start: "--start", end: "--end" };

/** How the command line writes a value, where the sentence should say that rather than the option. */
const CLI_FORMAT: Partial<Record<InputField, string>> = { start: "bitte ISO 8601 angeben, z. B. 2022-05-12T10:00", end: "bitte ISO 8601 angeben, z. B. 2022-05-12T12:00" };

/** How the chat writes a meeting's date and time (bot/commands.ts `parseMeetingArgs`). */
const CHAT_WHEN: Texts = {
  de: "Bitte Datum und Uhrzeit so schreiben: „/sitzung 12.05.2022 10:00-12:00 Kreishaus“ oder „/sitzung ändern 13.05.2022 14:00-16:00“.",
  en: "Please write date and time like this: \"/sitzung 12.05.2022 10:00-12:00 Kreishaus\" or \"/sitzung ändern 13.05.2022 14:00-16:00\".",
};

export const CHAT_HINT: Record<InputField, Texts> = {
  location: { de: "Bitte den Ort nach Datum und Uhrzeit angeben, z. B. „/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg“.", en: "Please give the place after date and time, e.g. \"/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg\"." },
  onlineUrl: { de: "Bitte den Link zur Videokonferenz (https://…) mit angeben.", en: "Please include the video conference link (https://…)." },
  start: CHAT_WHEN,
  end: CHAT_WHEN,
  downloadUrl: { de: "Den Versand mit Download-Link startet die Geschäftsstelle auf der Kommandozeile („minutes send --download-url <Link>“).", en: "The Geschäftsstelle sends with a download link on the command line (\"minutes send --download-url <link>\")." },
};

/** The sentence with the command line's option for the field, e.g. "… fehlt der Ort (--location)." */
export function withCliOption(sentence: string, field: InputField | null): string {
  if (!field) return sentence;
  const format = CLI_FORMAT[field];
  return format ? `${sentence.replace(/\.$/, "")}; ${format}.` : `${sentence.replace(/\.$/, "")} (${CLI_OPTION[field]}).`;
}

/** A refusal with how to write the input in the chat, e.g. "… fehlt der Ort. Bitte den Ort … angeben …". */
export function withChatHint(texts: Texts, field: InputField | null): Texts {
  if (!field) return texts;
  return { de: `${texts.de} ${CHAT_HINT[field].de}`, en: `${texts.en} ${CHAT_HINT[field].en}` };
}
