/**
 * The planning of reminders as a Geschäftsstelle would check it: the day and hour each falls due,
 * a changed meeting moving them, a cancelled one dropping them, a profile without the rule having
 * none, never at night, and a missed one only while it is still useful.
 */
import { describe, expect, it } from "vitest";
import { demoDb } from "../adapters/demo.ts";
import { loadProfile } from "../adapters/profiles.ts";
import type { Db, Meeting } from "../domain/model.ts";
import { isDue, planReminders, type PlannedReminder } from "../rules/reminders.ts";
import { parseInstant, toBerlinIso } from "../rules/time.ts";
import { reminderSwitch } from "../bot/reminder-phrases.ts";

const rheinSieg = loadProfile("rhein-sieg-kreis");
const BEFORE = parseInstant("2027-01-04T09:00")!;

function withMeeting(start: string, changes: Partial<Meeting> = {}, db: Db = demoDb()): Db {
  const end = new Date(parseInstant(start)!.getTime() + 2 * 3_600_000);
  db.meetings.push({
    id: "s-1", start: toBerlinIso(parseInstant(start)!), end: toBerlinIso(end), location: "Kreishaus", mode: "in-person",
    onlineUrl: null, state: "planned", agenda: [], createdAt: "2027-01-01T09:00:00+01:00", ...changes,
  });
  return db;
}

/** kind → the moment it is due, once per kind. */
function moments(plan: PlannedReminder[]): Record<string, string> {
  return Object.fromEntries(plan.map((r) => [r.kind, toBerlinIso(r.dueAt)]));
}

describe("when reminders fall due (Rhein-Sieg, meeting Thu 15.04.2027 10:00)", () => {
  it("at 08:00 Berlin time, moved off weekends and holidays, in summer time after 28.03.", () => {
    expect(moments(planReminders(withMeeting("2027-04-15T10:00"), rheinSieg, BEFORE))).toEqual({
      "agenda-proposals": "2027-03-18T08:00:00+01:00",
      "invitation-due": "2027-03-30T08:00:00+02:00",
      "chair-briefing": "2027-04-15T08:00:00+02:00",
      "minutes-draft": "2027-04-16T08:00:00+02:00",
    });
  });

  it("a changed meeting moves them, a cancelled one has none", () => {
    expect(moments(planReminders(withMeeting("2027-04-22T10:00"), rheinSieg, BEFORE))["agenda-proposals"]).toBe("2027-03-25T08:00:00+01:00");
    expect(planReminders(withMeeting("2027-04-15T10:00", { state: "cancelled" }), rheinSieg, BEFORE)).toEqual([]);
  });

  it("the reminder to answer only once the invitation went out, to those who have not answered", () => {
    const db = withMeeting("2027-04-15T10:00", { state: "invited" });
    db.attendance.push({ meetingId: "s-1", institutionId: "jugendamt", status: "attending", attendeeId: "m-jugendamt", mode: "online", present: false, checkedInAt: null, updatedAt: "2027-04-01T09:00:00+02:00", updatedBy: "m-jugendamt" });
    const unanswered = planReminders(db, rheinSieg, BEFORE).filter((r) => r.kind === "unanswered");
    expect(unanswered).toHaveLength(16);
    expect(unanswered.map((r) => r.personId)).not.toContain("m-jugendamt");
    expect(toBerlinIso(unanswered[0]!.dueAt)).toBe("2027-04-12T08:00:00+02:00"); // Sat 10.04. → Mon 12.04.
    expect(planReminders(db, rheinSieg, BEFORE).some((r) => r.kind === "invitation-due")).toBe(false);
  });

  it("Kreis Wesel regulates no deadlines and no minutes: no reminder for them", () => {
    const kinds = new Set(planReminders(withMeeting("2027-04-15T10:00"), loadProfile("kreis-wesel"), BEFORE).map((r) => r.kind));
    expect([...kinds].sort()).toEqual(["chair-briefing"]);
  });

  it("a person who opted out is planned no reminder", () => {
    const db = withMeeting("2027-04-15T10:00");
    db.persons.find((p) => p.id === "m-caritas")!.remindersOff = true;
    expect(planReminders(db, rheinSieg, BEFORE).some((r) => r.personId === "m-caritas")).toBe(false);
  });

  it("the body's settings change the days", () => {
    const db = withMeeting("2027-04-15T10:00");
    db.body.reminders = { agendaProposalsDaysBefore: 2 };
    expect(moments(planReminders(db, rheinSieg, BEFORE))["agenda-proposals"]).toBe("2027-03-23T08:00:00+01:00");
  });
});

describe("a reminder whose moment passed", () => {
  const plan = planReminders(withMeeting("2027-04-15T10:00"), rheinSieg, BEFORE);
  const agenda = plan.find((r) => r.kind === "agenda-proposals")!; // due Thu 18.03.; last day Thu 25.03.
  const at = (iso: string) => isDue(agenda, parseInstant(iso)!, rheinSieg.holidays);

  it("goes out at the next allowed moment, never at night or on a weekend", () => {
    expect(at("2027-03-18T07:59")).toBe(false);
    expect(at("2027-03-18T08:00")).toBe(true);
    expect(at("2027-03-19T03:00")).toBe(false);
    expect(at("2027-03-20T09:00")).toBe(false); // Saturday
    expect(at("2027-03-22T08:00")).toBe(true);
  });

  it("never once it would help nobody (after the last day for proposals)", () => {
    expect(at("2027-03-25T19:00")).toBe(true);
    expect(at("2027-03-26T08:00")).toBe(false);
    expect(planReminders(withMeeting("2027-04-15T10:00"), rheinSieg, parseInstant("2027-03-26T09:00")!).some((r) => r.kind === "agenda-proposals")).toBe(false);
  });
});

describe("the switch phrases", () => {
  it.each([
    ["Keine Erinnerungen mehr", false, "de"], ["Bitte keine Erinnerungen mehr!", false, "de"], ["Erinnerungen wieder an", true, "de"],
    ["No more reminders, please.", false, "en"], ["Reminders on", true, "en"], ["turn reminders back on", true, "en"],
  ] as const)("%s", (text, on, lang) => {
    expect(reminderSwitch(text)).toEqual({ on, lang });
  });

  it.each(["Gibt es Erinnerungen an die Frist?", "reminders", "Ich nehme teil"])("not a switch: %s", (text) => {
    expect(reminderSwitch(text)).toBeNull();
  });
});
