/**
 * How long what people type may be, checked where it enters (the HTTP edge, the chat turn, the
 * command inputs, the roster import) before any role or state check. Generous for real use —
 * a personal statement of a page, a title of a line — and small enough that one message cannot
 * grow the data file by megabytes (issue 17: twenty 900 KB statements made every turn slow).
 */
import { z } from "zod";
import { cleanLine, cleanText } from "./sanitize.ts";

export const LIMITS = {
  /** A chat message as a whole (Teams itself allows about 28 KB). */
  messageText: 10_000,
  /** TOP titles, proposal titles, meeting locations. */
  title: 300,
  /** A proposal's description, a cancellation or urgency reason, a resolution. */
  description: 2_000,
  /** A personal statement or an objection to the minutes (§ 7 GO). */
  statement: 5_000,
  /** A person's or institution's name. */
  name: 200,
  /** Ids Teams sends (activity, conversation, user). */
  activityId: 256,
  /** A roster file: rows and bytes. */
  csvRows: 500,
  csvBytes: 1_000_000,
} as const;

export type LimitKind = keyof typeof LIMITS;

/** The zod message that names the limit a text broke; services/runner.ts words it (texts/limits.ts). */
export const LIMIT_MESSAGE = "limit:";

/**
 * A string of at most `LIMITS[kind]` characters, for a command's input schema, cleaned of control
 * characters and direction overrides (one line for titles and names; line breaks kept elsewhere).
 */
export function limitedString(kind: LimitKind) {
  const oneLine = kind === "title" || kind === "name";
  return z.string().max(LIMITS[kind], { message: `${LIMIT_MESSAGE}${kind}` }).transform(oneLine ? cleanLine : cleanText);
}

/** The limit kind a zod issue message names, or null. */
export function limitOf(message: string): LimitKind | null {
  const kind = message.startsWith(LIMIT_MESSAGE) ? message.slice(LIMIT_MESSAGE.length) : "";
  return kind in LIMITS ? (kind as LimitKind) : null;
}
