/**
 * Calendar arithmetic in Europe/Berlin. Every period in the Geschäftsordnungen is counted in
 * calendar days where the body sits, so dates are computed in that zone whatever the server's
 * zone is. A "day" is a `YYYY-MM-DD` string; an "instant" is a `Date`.
 */
import { TZDate, tzOffset } from "@date-fns/tz";
import { isValid, parseISO } from "date-fns";
import { de } from "date-fns/locale/de";
import { enGB } from "date-fns/locale/en-GB";

export const BERLIN = "Europe/Berlin";

export type Day = string; // YYYY-MM-DD

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses an ISO 8601 date-time. With an offset (`Z`, `+02:00`) it is that instant; without one it
 * is read as wall-clock time in Berlin. Returns null for anything that is not a real moment
 * (31 February, hour 25, free text).
 */
export function parseInstant(text: string): Date | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(trimmed)) return null;
  const [datePart] = trimmed.split(/[T ]/);
  if (!isRealDay(datePart!)) return null;
  const time = trimmed.slice(11, 19);
  if (time && !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?/.test(time)) return null;
  if (OFFSET_RE.test(trimmed) && trimmed.length > 10) {
    const d = parseISO(trimmed);
    return isValid(d) ? d : null;
  }
  const local = parseISO(trimmed); // wall-clock fields, read in Berlin below
  if (!isValid(local)) return null;
  return new Date(
    new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), BERLIN).getTime(),
  );
}

/** True for a `YYYY-MM-DD` that exists in the calendar (no 30 February). */
export function isRealDay(day: string): boolean {
  if (!DAY_RE.test(day)) return false;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const HOUR_MS = 3_600_000;
const offsetsByHour = new Map<number, number>();

/**
 * Berlin's offset from UTC at `instant`, in minutes, remembered per UTC hour: Berlin changes its
 * offset only on the full UTC hour (summer time begins and ends at 01:00 UTC; test/time.test.ts
 * checks the zone data from 1970 to 2100), so one lookup serves the whole hour. A mail-out asks
 * for it several times per recipient, and each lookup formats a date with `Intl` (about 10 µs).
 */
function berlinOffset(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    if (offsetsByHour.size >= 10_000) offsetsByHour.clear(); // a long-running server: keep it small
    offset = tzOffset(BERLIN, new Date(hour * HOUR_MS));
    offsetsByHour.set(hour, offset);
  }
  return offset;
}

/**
 * Berlin's offset from UTC at `instant` (minutes) and its wall-clock time as "YYYY-MM-DDTHH:mm:ss".
 * One zone lookup and plain UTC arithmetic: date-fns' `format` with a zone looks the zone up
 * several times per call, which showed in every mail-out (one timestamp per recipient).
 */
function berlinWallClock(instant: Date): { offset: number; wall: string } {
  const offset = berlinOffset(instant);
  return { offset, wall: new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19) };
}

/** The Berlin calendar day on which an instant falls. */
export function berlinDay(instant: Date): Day {
  return berlinWallClock(instant).wall.slice(0, 10);
}

/** A calendar day as a UTC date: day arithmetic needs no zone, and UTC has no summer time. */
function utcDate(day: Day): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The day `n` calendar days after (negative: before) `day`; summer time does not shift it. */
export function addCalendarDays(day: Day, n: number): Day {
  const date = utcDate(day);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a calendar day. */
export function weekday(day: Day): number {
  return utcDate(day).getUTCDay();
}

/** "Donnerstag, 21.04.2022" (German) or "Thursday, 21.04.2022" (English). */
export function formatDay(day: Day, lang: "de" | "en" = "de"): string {
  const name = (lang === "de" ? de : enGB).localize.day(weekday(day) as 0 | 1 | 2 | 3 | 4 | 5 | 6, { width: "wide" });
  const [y, m, d] = day.split("-");
  return `${name}, ${d}.${m}.${y}`;
}

/** "Donnerstag, 12.05.2022, 10:00 Uhr" / "Thursday, 12.05.2022, 10:00", in Berlin time. */
export function formatDateTime(instant: Date, lang: "de" | "en" = "de"): string {
  const { wall } = berlinWallClock(instant);
  return `${formatDay(wall.slice(0, 10), lang)}, ${wall.slice(11, 16)}${lang === "de" ? " Uhr" : ""}`;
}

/** "10:00", Berlin wall-clock time of an instant. */
export function formatTime(instant: Date): string {
  return berlinWallClock(instant).wall.slice(11, 16);
}

/** ISO 8601 with the Berlin offset, e.g. "2022-05-12T10:00:00+02:00": how instants are stored. */
export function toBerlinIso(instant: Date): string {
  const { offset, wall } = berlinWallClock(instant);
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${wall}${offset < 0 ? "-" : "+"}${hhmm}`;
}
