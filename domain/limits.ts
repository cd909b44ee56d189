/**
 * How long what people type may be, checked where it enters (the HTTP edge, the chat turn, the
 * command inputs, the roster import) before any role or state check. Generous for real use —
 * a personal statement of a page, a title of a line — and small enough that one message cannot
 * grow the data file by megabytes (issue 17: twenty 900 KB statements made every turn slow).
 */
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
