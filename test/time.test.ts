import { describe, expect, it } from "vitest";
import { berlinDay, formatDateTime, formatTime, parseInstant, toBerlinIso } from "../rules/time.ts";

// An independent reading of the same instant: the runtime's own zone data through Intl.
const wallClock = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Berlin",
  year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  hour12: false,
});

describe("instants in Berlin time", () => {
  it("stores an instant with Berlin's offset, in winter and in summer", () => {
    expect(toBerlinIso(new Date("2022-05-12T08:00:00Z"))).toBe("2022-05-12T10:00:00+02:00");
    expect(toBerlinIso(new Date("2022-01-03T23:30:00Z"))).toBe("2022-01-04T00:30:00+01:00");
  });

  it("follows the summer-time switches to the minute (27.03.2022 and 30.10.2022)", () => {
    expect(toBerlinIso(new Date("2022-03-27T00:59:00Z"))).toBe("2022-03-27T01:59:00+01:00");
    expect(toBerlinIso(new Date("2022-03-27T01:00:00Z"))).toBe("2022-03-27T03:00:00+02:00");
    expect(toBerlinIso(new Date("2022-10-30T00:59:00Z"))).toBe("2022-10-30T02:59:00+02:00");
    expect(toBerlinIso(new Date("2022-10-30T01:00:00Z"))).toBe("2022-10-30T02:00:00+01:00");
  });

  it("agrees with Intl every 61 minutes through 2022 to 2025 (each hour and minute comes round), and reads back as the same instant", () => {
    const from = Date.parse("2022-01-01T00:00:00Z");
    const to = Date.parse("2026-01-01T00:00:00Z");
    const mismatches: string[] = [];
    for (let t = from; t < to; t += 61 * 60_000) {
      const at = new Date(t);
      const iso = toBerlinIso(at);
      const expected = wallClock.format(at).replace(" ", "T");
      if (iso.slice(0, 19) !== expected || berlinDay(at) !== expected.slice(0, 10) || formatTime(at) !== expected.slice(11, 16) || parseInstant(iso)?.getTime() !== t) {
        mismatches.push(`${at.toISOString()} → ${iso} (Intl: ${expected})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("can remember the offset per hour: from 1970 to 2100 Berlin changes its offset only on the full UTC hour", () => {
    // berlinOffset() looks the zone up once per UTC hour; this checks that assumption in the zone data
    // (to the second: the formatter shows no milliseconds).
    const offsetAt = (t: number) => (Date.parse(`${wallClock.format(new Date(t)).replace(" ", "T")}Z`) - t) / 60_000;
    const hour = 3_600_000;
    const offHour: string[] = [];
    let transitions = 0;
    for (let day = Date.parse("1970-01-01T00:00:00Z"); day < Date.parse("2100-01-01T00:00:00Z"); day += 24 * hour) {
      if (offsetAt(day) === offsetAt(day + 24 * hour - 1000)) continue;
      transitions++;
      for (let h = day; h < day + 24 * hour; h += hour) if (offsetAt(h) !== offsetAt(h + hour - 1000)) offHour.push(new Date(h).toISOString());
    }
    expect(transitions).toBeGreaterThan(200); // summer time since 1980, twice a year
    expect(offHour).toEqual([]);
  });

  it("shows German and English date-times with the weekday", () => {
    const at = parseInstant("2022-05-12T10:00:00+02:00")!;
    expect(formatDateTime(at, "de")).toBe("Donnerstag, 12.05.2022, 10:00 Uhr");
    expect(formatDateTime(at, "en")).toBe("Thursday, 12.05.2022, 10:00");
  });
});
