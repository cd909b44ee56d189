/**
 * The queries bot/ asks (services/meeting-lookup, answers, agenda-overview, invitation-check)
 * return data — ids, counts, dates, codes — and no sentences; texts/ words them.
 */
import { describe, expect, it } from "vitest";
import { demoDb } from "../adapters/demo.ts";
import type { Db, Meeting } from "../domain/model.ts";
import { agendaOverview } from "../services/agenda-overview.ts";
import { whoHasAnswered } from "../services/answers.ts";
import { invitationCheck } from "../services/invitation-check.ts";
import { meetingForDate, meetingForRef } from "../services/meeting-lookup.ts";
import { rheinSieg } from "./support/profiles.ts";

const NOW = new Date("2022-04-01T09:00:00+02:00");

function meeting(id: string, start: string, fields: Partial<Meeting> = {}): Meeting {
  const end = new Date(new Date(start).getTime() + 2 * 3600_000).toISOString();
  return { id, start, end, location: "Kreishaus Siegburg", mode: "in-person", onlineUrl: null, state: "planned", agenda: [], ...fields } as Meeting;
}

function withMeetings(...meetings: Meeting[]): Db {
  const db = demoDb();
  db.meetings.push(...meetings);
  return db;
}

const may = meeting("s-2022-05-12", "2022-05-12T10:00:00+02:00");
const june = meeting("s-2022-06-09", "2022-06-09T10:00:00+02:00");

describe("meetingForDate / meetingForRef", () => {
  it("finds the meeting on a named day, with or without the year, else the next one", () => {
    const db = withMeetings(june, may);
    expect(meetingForDate(db, { day: 9, month: 6, year: null }, NOW)).toEqual({ found: true, meeting: june });
    expect(meetingForDate(db, { day: 9, month: 6, year: 2023 }, NOW)).toMatchObject({ found: false, code: "none-on-that-day" });
    expect(meetingForDate(db, null, NOW)).toEqual({ found: true, meeting: may });
  });

  it("no meeting on that day names the next one; none at all is its own code", () => {
    expect(meetingForDate(withMeetings(may), { day: 13, month: 5, year: null }, NOW)).toEqual({ found: false, code: "none-on-that-day", day: { day: 13, month: 5, year: null }, next: may });
    expect(meetingForDate(withMeetings(), null, NOW)).toEqual({ found: false, code: "none-scheduled" });
  });

  // Changed in session 7: a card for a gone meeting used to be answered (and recorded) on the next meeting.
  it("a cancelled meeting is none, by day and by id (never another meeting); a gone id is none too, naming the next", () => {
    const cancelled = { ...may, state: "cancelled" as const };
    const db = withMeetings(cancelled, june);
    expect(meetingForDate(db, { day: 12, month: 5, year: 2022 }, NOW)).toMatchObject({ found: false, next: june });
    expect(meetingForRef(db, { meetingId: may.id }, NOW)).toEqual({ found: false, code: "cancelled", meeting: cancelled });
    expect(meetingForRef(db, { meetingId: "s-1999-01-01" }, NOW)).toEqual({ found: false, code: "unknown", next: june });
    expect(meetingForRef(db, { meetingId: june.id }, NOW)).toEqual({ found: true, meeting: june });
  });
});

describe("whoHasAnswered", () => {
  it("one entry per institution in roster order, the answer where there is one, and the count", () => {
    const db = withMeetings(may);
    const at = "2022-04-01T09:00:00+02:00";
    db.attendance.push(
      { meetingId: may.id, institutionId: "jugendamt", status: "delegated", attendeeId: "d-jugendamt", mode: null, present: false, checkedInAt: null, updatedAt: at, updatedBy: "m-jugendamt" },
      { meetingId: "other", institutionId: "caritas", status: "declined", attendeeId: null, mode: null, present: false, checkedInAt: null, updatedAt: at, updatedBy: "m-caritas" },
    );
    const o = whoHasAnswered(db, may.id);
    expect(o).toMatchObject({ meetingId: may.id, answered: 1, institutions: db.institutions.length });
    expect(o.answers.map((a) => a.institutionId)).toEqual(db.institutions.map((i) => i.id));
    expect(o.answers.find((a) => a.institutionId === "jugendamt")!.answer).toEqual({ status: "delegated", attendeeName: "Michael Jäger", mode: null, present: false });
    expect(o.answers.find((a) => a.institutionId === "caritas")!.answer).toBeNull();
  });
});

describe("agendaOverview", () => {
  it("items by number, and only the proposals still waiting for a decision, with the proposer's name", () => {
    const item = (number: number, title: string) => ({ id: `i-${number}`, number, title, public: true, proposalId: null, secondConvocation: false, postponed: false });
    const db = withMeetings({ ...may, agenda: [item(2, "Zwei"), item(1, "Eins")] });
    const proposal = { meetingId: may.id, description: "", presenter: "", link: null, byPersonId: "m-jugendamt", submittedAt: "2022-04-01T09:00:00+02:00", late: false };
    db.proposals.push({ ...proposal, id: "p-1", title: "Offen", status: "submitted" }, { ...proposal, id: "p-2", title: "Entschieden", status: "accepted" });
    const o = agendaOverview(db, may.id);
    expect(o.items.map((i) => i.number)).toEqual([1, 2]);
    expect(o.open).toMatchObject([{ id: "p-1", title: "Offen", byName: "Sabine Fuchs" }]);
  });
});

describe("invitationCheck", () => {
  const withAgenda = { ...may, agenda: [{ id: "i-1", number: 1, title: "Bericht", public: true, proposalId: null, secondConvocation: false, postponed: false }] };

  it("names the missing contents as codes, with the profile's list and paragraph", () => {
    const online = { ...may, mode: "online" as const };
    expect(invitationCheck(withMeetings(online), may.id, NOW, { urgent: false }, rheinSieg)).toEqual({
      allowed: false, code: "missing-contents", missing: { required: ["place", "date", "agenda"], missing: ["online-link", "agenda"], citation: "§ 4 Abs. 5 GO" },
    });
  });

  it("refuses past the notice period with the rule's refusal code; allows in time", () => {
    const db = withMeetings(withAgenda);
    expect(invitationCheck(db, may.id, NOW, { urgent: false }, rheinSieg)).toEqual({ allowed: true });
    expect(invitationCheck(db, may.id, new Date("2022-04-30T09:00:00+02:00"), { urgent: false }, rheinSieg)).toMatchObject({ allowed: false, code: "notice-period", permission: { code: "needs-urgent" } });
    expect(invitationCheck(db, may.id, new Date("2022-05-06T09:00:00+02:00"), { urgent: true, reason: "Haushalt" }, rheinSieg)).toMatchObject({ permission: { code: "too-late" } });
  });

  it("an invitation already sent is continued by the send, never refused here", () => {
    const db = withMeetings(may);
    db.invitations.push({ meetingId: may.id } as Db["invitations"][number]);
    expect(invitationCheck(db, may.id, new Date("2022-05-06T09:00:00+02:00"), { urgent: false }, rheinSieg)).toEqual({ allowed: true });
  });
});
