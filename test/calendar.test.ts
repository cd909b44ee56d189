/**
 * The calendar file as a recipient's calendar reads it: every file is parsed back with ical.js,
 * which resolves TZID from the VTIMEZONE inside the file (it knows no zones of its own).
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildIcs, type CalendarEvent } from "../adapters/calendar.ts";
import { parseInstant } from "../rules/time.ts";
import { parseCalendar } from "./support/mail-parse.ts";

const berlin = (wallClock: string): Date => parseInstant(wallClock)!;

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: "meeting-2022-05-12@kim.rhein-sieg.example.org",
    sequence: 0,
    method: "REQUEST",
    start: berlin("2022-05-12T10:00"),
    end: berlin("2022-05-12T12:00"),
    summary: "Sitzung der Lenkungsgruppe KIM",
    location: "Großer Sitzungssaal, Kreishaus Siegburg",
    description: "TOP 1: Begrüßung\nTOP 2: Haushalt 2023 (nicht öffentlich)",
    onlineUrl: null,
    organizer: { name: "Geschäftsstelle KIM Rhein-Sieg", email: "kim@rhein-sieg.example.org" },
    attendees: [
      { name: "Jürgen Müller-Lüdenscheidt", email: "juergen.mueller@example.org" },
      { name: "Anna Schäfer", email: "anna.schaefer@example.org" },
    ],
    stamp: new Date("2022-04-20T09:15:00Z"),
    ...overrides,
  };
}

function read(ev: CalendarEvent) {
  return parseCalendar(buildIcs(ev));
}

function attendee(vevent: ReturnType<typeof read>["vevent"], email: string) {
  const prop = vevent.getAllProperties("attendee").find((p) => String(p.getFirstValue()).toLowerCase() === `mailto:${email}`);
  if (!prop) throw new Error(`no ATTENDEE ${email}`);
  return prop;
}

describe("calendar invitation (METHOD:REQUEST)", () => {
  it("states method, UID, sequence and a UTC DTSTAMP", () => {
    const { text, vcalendar, vevent } = read(event({ sequence: 3 }));
    expect(vcalendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(vevent.getFirstPropertyValue("uid")).toBe("meeting-2022-05-12@kim.rhein-sieg.example.org");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(3);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(text).toMatch(/\r\nDTSTAMP:20220420T091500Z\r\n/);
  });

  it("writes the start in Europe/Berlin with a VTIMEZONE, so a calendar gets 10:00 Berlin = 08:00 UTC", () => {
    const { text, vcalendar, event: ev } = read(event());
    expect(text).toContain("\r\nDTSTART;TZID=Europe/Berlin:20220512T100000\r\n");
    expect(text).toContain("\r\nDTEND;TZID=Europe/Berlin:20220512T120000\r\n");
    const vtimezone = vcalendar.getFirstSubcomponent("vtimezone");
    expect(vtimezone?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    expect(ev.startDate.toJSDate().toISOString()).toBe("2022-05-12T08:00:00.000Z");
    expect(ev.endDate.toJSDate().toISOString()).toBe("2022-05-12T10:00:00.000Z");
  });

  it.each([
    ["2026-03-27T10:00", "2026-03-27T09:00:00.000Z"], // last Friday in winter time
    ["2026-03-30T10:00", "2026-03-30T08:00:00.000Z"], // first Monday in summer time
    ["2026-10-23T10:00", "2026-10-23T08:00:00.000Z"], // last Friday in summer time
    ["2026-10-26T10:00", "2026-10-26T09:00:00.000Z"], // first Monday in winter time
  ])("a meeting at %s Berlin is %s in every calendar (summer-time switch)", (wall, utc) => {
    const start = berlin(wall);
    const { text, event: ev } = read(event({ start, end: new Date(start.getTime() + 2 * 3600_000) }));
    expect(text).toContain(`DTSTART;TZID=Europe/Berlin:${wall.replace(/[-:]/g, "")}00\r\n`);
    expect(ev.startDate.toJSDate().toISOString()).toBe(utc);
  });

  it("names the Geschäftsstelle as ORGANIZER and asks every attendee to reply", () => {
    const { vevent } = read(event());
    const organizer = vevent.getFirstProperty("organizer")!;
    expect(organizer.getFirstValue()).toBe("mailto:kim@rhein-sieg.example.org");
    expect(organizer.getParameter("cn")).toBe("Geschäftsstelle KIM Rhein-Sieg");
    const jm = attendee(vevent, "juergen.mueller@example.org");
    expect(jm.getParameter("cn")).toBe("Jürgen Müller-Lüdenscheidt");
    for (const a of vevent.getAllProperties("attendee")) {
      expect(a.getParameter("rsvp")).toBe("TRUE");
      expect(a.getParameter("role")).toBe("REQ-PARTICIPANT");
      expect(a.getParameter("partstat")).toBe("NEEDS-ACTION");
    }
    expect(vevent.getAllProperties("attendee")).toHaveLength(2);
  });

  it("keeps umlauts and commas in place and description", () => {
    const { vevent } = read(event());
    expect(vevent.getFirstPropertyValue("location")).toBe("Großer Sitzungssaal, Kreishaus Siegburg");
    expect(vevent.getFirstPropertyValue("description")).toBe("TOP 1: Begrüßung\nTOP 2: Haushalt 2023 (nicht öffentlich)");
  });

  it("uses CRLF and folds lines at 75 octets (umlauts count as two, € three, an emoji four and stays whole)", () => {
    // Folding is ical-generator's, with our patch (patches/): it must still count octets, not characters.
    const long = "Ä".repeat(30) + "€".repeat(20) + "📅".repeat(10) + " Sitzungssaal";
    const { text, vevent } = read(event({ location: long }));
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n");
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, "utf8").toString("utf8"), "no emoji cut in half").toBe(line);
    }
    expect(lines.filter((l) => l.startsWith(" ")).length, "the location is folded").toBeGreaterThanOrEqual(2);
    expect(vevent.getFirstPropertyValue("location")).toBe(long);
  });

  describe("whatever the server's time zone", () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    });

    it.each([
      ["America/New_York", 240],
      ["UTC", 0],
      ["Asia/Tokyo", -540],
    ])("gives the same file with TZ=%s", (zone, offsetMinutes) => {
      const reference = buildIcs(event());
      process.env.TZ = zone; // Node applies a changed TZ at once
      expect(new Date(2022, 4, 12).getTimezoneOffset(), "the zone switch took effect").toBe(offsetMinutes);
      expect(buildIcs(event())).toBe(reference);
    });
  });
});

describe("online meetings", () => {
  const teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d";

  it("carry the join link as URL, in LOCATION and DESCRIPTION, and for Outlook's join button", () => {
    const { vevent } = read(event({ onlineUrl: teams }));
    expect(vevent.getFirstPropertyValue("url")).toBe(teams);
    expect(vevent.getFirstPropertyValue("location")).toContain(teams);
    expect(vevent.getFirstPropertyValue("location")).toContain("Großer Sitzungssaal");
    expect(vevent.getFirstPropertyValue("description")).toContain(teams);
    expect(vevent.getFirstPropertyValue("x-microsoft-skypeteamsmeetingurl")).toBe(teams);
  });

  it("mark only Teams links as Teams meetings", () => {
    const { vevent } = read(event({ onlineUrl: "https://meet.example.org/kim", location: "" }));
    expect(vevent.getFirstPropertyValue("location")).toBe("Online: https://meet.example.org/kim");
    expect(vevent.getFirstProperty("x-microsoft-skypeteamsmeetingurl")).toBeNull();
  });
});

describe("delegation to the deputy (RFC 5546 § 4.2.5)", () => {
  const delegated = event({
    attendees: [
      { name: "Max Beispiel", email: "max.beispiel@example.org", delegatedTo: "juergen.mueller@example.org" },
      { name: "Jürgen Müller-Lüdenscheidt", email: "juergen.mueller@example.org", delegatedFrom: "max.beispiel@example.org" },
    ],
  });

  it("marks the member DELEGATED-TO and the deputy DELEGATED-FROM, both as mailto: addresses", () => {
    const { vevent } = read(delegated);
    const member = attendee(vevent, "max.beispiel@example.org");
    const deputy = attendee(vevent, "juergen.mueller@example.org");
    expect(member.getParameter("partstat")).toBe("DELEGATED");
    expect(member.getParameter("delegated-to")).toBe("mailto:juergen.mueller@example.org");
    expect(member.getParameter("rsvp")).not.toBe("TRUE"); // handed over, no reply expected
    expect(deputy.getParameter("delegated-from")).toBe("mailto:max.beispiel@example.org");
    expect(deputy.getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(deputy.getParameter("rsvp")).toBe("TRUE");
  });

  it("adds no extra attendee for the delegation references", () => {
    const { text, vevent } = read(delegated);
    expect(vevent.getAllProperties("attendee")).toHaveLength(2);
    expect(text.toLowerCase()).not.toContain("mailto:mailto:");
  });
});

describe("cancellation (METHOD:CANCEL)", () => {
  it("cancels the same calendar entry with a higher sequence", () => {
    const { vcalendar, vevent } = read(event({ method: "CANCEL", sequence: 2 }));
    expect(vcalendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("uid")).toBe(event().uid);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(2);
  });
});

describe("names with quotes", () => {
  it("stay a valid CN parameter", () => {
    const { vevent } = read(event({ attendees: [{ name: 'Eva "Evi" Klein', email: "eva@example.org" }] }));
    expect(attendee(vevent, "eva@example.org").getParameter("cn")).toBe("Eva 'Evi' Klein");
  });
});
