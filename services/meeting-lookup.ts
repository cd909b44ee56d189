/**
 * Query: which meeting a message is about. A card or a pending question names its meeting by id;
 * a message may name a day; otherwise it is the next meeting. A cancelled meeting is none.
 */
import type { Db, Meeting } from "../domain/model.ts";
import { berlinDay } from "../rules/time.ts";
import { nextMeeting } from "./meetings.ts";

/** A day named in a message ("am 12. Mai", "12.05.2022"); the year may be missing. */
export interface NamedDay {
  day: number;
  month: number;
  year: number | null;
}

export type MeetingMiss =
  | { found: false; code: "none-on-that-day"; day: NamedDay; next: Meeting | null }
  | { found: false; code: "none-scheduled" }
  | { found: false; code: "unknown"; next: Meeting | null }
  | { found: false; code: "cancelled"; meeting: Meeting };

export type MeetingLookup = { found: true; meeting: Meeting } | MeetingMiss;

/** The meeting on the named day, else (no day named) the next one. */
export function meetingForDate(db: Db, date: NamedDay | null, now: Date): MeetingLookup {
  if (date) {
    const onDay = db.meetings.find((m) => m.state !== "cancelled" && isOn(m, date));
    return onDay ? { found: true, meeting: onDay } : { found: false, code: "none-on-that-day", day: date, next: nextMeeting(db, now) };
  }
  const next = nextMeeting(db, now);
  return next ? { found: true, meeting: next } : { found: false, code: "none-scheduled" };
}

/**
 * A meeting named by id (a card, a pending question). A cancelled one is a miss of its own: an old
 * card's answer must not land on another meeting; nor must one whose meeting is not (or no longer) there.
 */
export function meetingForRef(db: Db, ref: { meetingId: string } | NamedDay | null, now: Date): MeetingLookup {
  if (!ref || !("meetingId" in ref)) return meetingForDate(db, ref, now);
  const byId = db.meetings.find((m) => m.id === ref.meetingId);
  if (byId?.state === "cancelled") return { found: false, code: "cancelled", meeting: byId };
  return byId ? { found: true, meeting: byId } : { found: false, code: "unknown", next: nextMeeting(db, now) };
}

/** Same Berlin calendar day; a day named without a year matches any year. */
function isOn(meeting: Meeting, date: NamedDay): boolean {
  const [y, mo, d] = berlinDay(new Date(meeting.start)).split("-").map(Number);
  return d === date.day && mo === date.month && (date.year === null || date.year === y);
}
