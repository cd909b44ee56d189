/**
 * Weekends and public holidays, for warnings only: periods counted back from a meeting do not move,
 * but a last day on a Sunday or a holiday is one the Geschäftsstelle should plan a day earlier.
 */
import Holidays from "date-holidays";
import { addCalendarDays, weekday, type Day } from "./time.ts";

export interface NonWorkingDay {
  kind: "weekend" | "holiday";
  /** The holiday's name in German and English, or the weekday for weekends. */
  name: { de: string; en: string };
}

const calendars = new Map<string, { de: Holidays; en: Holidays }>();

function calendar(country: string, state: string) {
  const key = `${country}-${state}`;
  if (!calendars.has(key)) {
    calendars.set(key, {
      de: new Holidays(country, state, { languages: ["de"] }),
      en: new Holidays(country, state, { languages: ["en"] }),
    });
  }
  return calendars.get(key)!;
}

const byYear = new WeakMap<Holidays, Map<number, Map<Day, string>>>();

/** The public holiday on `day`, by name; each year's list is computed once (the library is slow). */
function publicHoliday(hd: Holidays, day: Day): string | null {
  const year = Number(day.slice(0, 4));
  if (!byYear.has(hd)) byYear.set(hd, new Map());
  const years = byYear.get(hd)!;
  if (!years.has(year)) {
    years.set(year, new Map(hd.getHolidays(year).filter((h) => h.type === "public").map((h) => [h.date.slice(0, 10), h.name])));
  }
  return years.get(year)!.get(day) ?? null;
}

/** Why `day` is not a working day in the region (weekend or public holiday), or null. */
export function nonWorkingDay(day: Day, region: { country: string; state: string }): NonWorkingDay | null {
  const cal = calendar(region.country, region.state);
  const de = publicHoliday(cal.de, day);
  if (de) return { kind: "holiday", name: { de, en: publicHoliday(cal.en, day) ?? de } };
  const wd = weekday(day);
  if (wd === 0) return { kind: "weekend", name: { de: "Sonntag", en: "Sunday" } };
  if (wd === 6) return { kind: "weekend", name: { de: "Samstag", en: "Saturday" } };
  return null;
}

/** The nearest working day on or before `day`. */
export function workingDayOnOrBefore(day: Day, region: { country: string; state: string }): Day {
  let d = day;
  while (nonWorkingDay(d, region)) d = addCalendarDays(d, -1);
  return d;
}
