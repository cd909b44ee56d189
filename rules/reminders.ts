/**
 * Which reminders a careful Geschäftsstelle would send, and when: pure planning from the data as it
 * stands. A reminder is due at 08:00 Berlin time on its day; a day that is a weekend or a public
 * holiday in the profile's region moves it to the next working day (the meeting's own day counts as
 * a working day: the group meets then). Everything is derived from the meeting's current date and
 * state, so a changed meeting moves its reminders and a cancelled one has none. Where the profile
 * has no such rule (Kreis Wesel), there is no reminder for it. The wording is in texts/reminders.ts.
 */
import type { Body, Db, Meeting } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { agendaProposalDeadline, invitationDeadline, urgentInvitationDeadline } from "./deadlines.ts";
import { nonWorkingDay } from "./holidays.ts";
import { addCalendarDays, berlinDay, formatTime, parseInstant, type Day } from "./time.ts";

export type ReminderKind =
  | "agenda-proposals"
  | "invitation-due"
  | "unanswered"
  | "deputy-briefing"
  | "chair-briefing"
  | "minutes-draft"
  | "minutes-approval";

export interface PlannedReminder {
  kind: ReminderKind;
  personId: string;
  meetingId: string;
  /** The day it is due on, after moving off weekends and holidays. */
  day: Day;
  /** 08:00 Berlin time on `day`. */
  dueAt: Date;
  /** After this moment it would help nobody: a run that missed it sends it never. */
  usefulUntil: Date;
  /** Unique per reminder and due day; the outbox records it so that each goes out once. */
  key: string;
  /** The profile's paragraphs the reminder rests on. */
  citations: string[];
}

/** The body's reminder settings with the defaults the issue gives. */
export interface ReminderSettings {
  agendaProposalsDaysBefore: number;
  invitationDaysBefore: number;
  unansweredDaysBefore: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { agendaProposalsDaysBefore: 7, invitationDaysBefore: 3, unansweredDaysBefore: 5 };

/** Reminders go out from 08:00 and, when one was missed, not after 20:00: never at night. */
const DUE_HOUR = 8;
const LAST_HOUR = 20;

export function reminderSettings(body: Body): ReminderSettings {
  return { ...DEFAULT_REMINDER_SETTINGS, ...body.reminders };
}

type Region = Profile["holidays"];

/** The first working day on or after `day`; `meetingDay` counts as one. */
export function workingDayOnOrAfter(day: Day, region: Region, meetingDay?: Day): Day {
  let d = day;
  while (d !== meetingDay && nonWorkingDay(d, region)) d = addCalendarDays(d, 1);
  return d;
}

/** 08:00 Berlin wall-clock time on `day` (summer or winter time as it falls). */
function atHour(day: Day, hour: number): Date {
  return parseInstant(`${day}T${String(hour).padStart(2, "0")}:00`)!;
}

/** The start of the day after `day`: a last day is allowed to its very end. */
function endOfDay(day: Day): Date {
  return atHour(addCalendarDays(day, 1), 0);
}

/** Whether a reminder due on `day` may go out at `now`: not at night, and only on a working day (or its own day). */
export function allowedMoment(now: Date, day: Day, region: Region): boolean {
  const hour = Number(formatTime(now).slice(0, 2));
  if (hour < DUE_HOUR || hour >= LAST_HOUR) return false;
  const today = berlinDay(now);
  return today === day || !nonWorkingDay(today, region);
}

/** Due at `now`: its moment has come, it is still useful, and `now` is an allowed moment. */
export function isDue(r: PlannedReminder, now: Date, region: Region): boolean {
  return r.dueAt.getTime() <= now.getTime() && now.getTime() < r.usefulUntil.getTime() && allowedMoment(now, r.day, region);
}

interface Draft {
  kind: ReminderKind;
  meeting: Meeting;
  /** The day before moving off weekends and holidays. */
  day: Day;
  usefulUntil: Date;
  citations: (string | null)[];
  personIds: string[];
}

/**
 * Every reminder planned for the body's meetings as the data stands, for the people who take
 * reminders; those whose usefulness ended before `now` are left out (they will never go out).
 */
export function planReminders(db: Db, profile: Profile, now: Date): PlannedReminder[] {
  const settings = reminderSettings(db.body);
  const optedOut = new Set(db.persons.filter((p) => p.remindersOff).map((p) => p.id));
  const meetings = db.meetings.filter((m) => m.state !== "cancelled").sort((a, b) => a.start.localeCompare(b.start));
  const drafts = meetings.flatMap((m, i) => [
    ...beforeMeeting(db, profile, settings, m),
    ...afterMeeting(db, profile, m, meetings[i + 1] ?? null),
  ]);
  return drafts.flatMap((d) => {
    const meetingDay = berlinDay(new Date(d.meeting.start));
    const day = workingDayOnOrAfter(d.day, profile.holidays, meetingDay);
    const dueAt = atHour(day, DUE_HOUR);
    if (d.usefulUntil.getTime() <= now.getTime() || d.usefulUntil.getTime() <= dueAt.getTime()) return [];
    const citations = d.citations.filter((c): c is string => c !== null);
    return [...new Set(d.personIds)].filter((p) => !optedOut.has(p)).map((personId) => ({
      kind: d.kind, personId, meetingId: d.meeting.id, day, dueAt, usefulUntil: d.usefulUntil, citations,
      key: `reminder:${d.kind}:${d.meeting.id}:${personId}:${day}`,
    }));
  });
}

function beforeMeeting(db: Db, profile: Profile, settings: ReminderSettings, m: Meeting): Draft[] {
  const start = new Date(m.start);
  const meetingDay = berlinDay(start);
  const drafts: Draft[] = [];
  const proposals = agendaProposalDeadline(start, profile);
  if (proposals.day) {
    drafts.push({
      kind: "agenda-proposals", meeting: m, day: addCalendarDays(proposals.day, -settings.agendaProposalsDaysBefore),
      usefulUntil: endOfDay(proposals.day), citations: [proposals.citation],
      personIds: [...db.institutions.map((i) => i.memberId), ...deputiesHolding(db, m)],
    });
  }
  const invitation = invitationDeadline(start, profile);
  if (invitation.day && m.state === "planned") {
    const urgent = urgentInvitationDeadline(start, profile);
    drafts.push({
      kind: "invitation-due", meeting: m, day: addCalendarDays(invitation.day, -settings.invitationDaysBefore),
      usefulUntil: endOfDay(urgent.day ?? invitation.day), citations: [invitation.citation, urgent.citation],
      personIds: db.body.secretariatIds,
    });
  }
  if (invitation.day && m.state === "invited") {
    drafts.push({
      kind: "unanswered", meeting: m, day: addCalendarDays(meetingDay, -settings.unansweredDaysBefore),
      usefulUntil: start, citations: [], personIds: unanswered(db, m),
    });
  }
  drafts.push({
    kind: "deputy-briefing", meeting: m, day: workingDayBefore(meetingDay, profile.holidays),
    usefulUntil: start, citations: [profile.representation.absenceCitation], personIds: deputiesHolding(db, m),
  });
  drafts.push({ kind: "chair-briefing", meeting: m, day: meetingDay, usefulUntil: start, citations: [profile.quorum.regulated ? profile.quorum.citation : null], personIds: [db.body.chairId] });
  return drafts;
}

/** § 7: the minutes after the meeting, for the Geschäftsstelle; their approval at the next one, for the chair. */
function afterMeeting(db: Db, profile: Profile, m: Meeting, next: Meeting | null): Draft[] {
  const rule = profile.minutes;
  if (!rule.regulated) return [];
  const minutes = db.minutes.find((x) => x.meetingId === m.id);
  const drafts: Draft[] = [];
  if (!minutes || minutes.state === "draft") {
    const day = workingDayOnOrAfter(addCalendarDays(berlinDay(new Date(m.start)), 1), profile.holidays);
    drafts.push({
      kind: "minutes-draft", meeting: m, day, usefulUntil: endOfDay(day),
      citations: [rule.signaturesCitation, rule.distributionCitation], personIds: db.body.secretariatIds,
    });
  }
  if (next && minutes?.state === "sent") {
    drafts.push({
      kind: "minutes-approval", meeting: next, day: berlinDay(new Date(next.start)), usefulUntil: new Date(next.end),
      citations: [rule.approvalCitation], personIds: [db.body.chairId],
    });
  }
  return drafts;
}

/** The last working day before `day`. */
function workingDayBefore(day: Day, region: Region): Day {
  let d = addCalendarDays(day, -1);
  while (nonWorkingDay(d, region)) d = addCalendarDays(d, -1);
  return d;
}

/** Deputies who stand in for their institution at this meeting (the seat handed over, not declined). */
function deputiesHolding(db: Db, m: Meeting): string[] {
  return db.attendance
    .filter((a) => a.meetingId === m.id && a.status === "delegated" && a.attendeeId)
    .map((a) => a.attendeeId!)
    .filter((id) => db.institutions.some((i) => i.deputyId === id));
}

/** Members whose institution has not answered, and deputies holding a seat who have not said how they come. */
function unanswered(db: Db, m: Meeting): string[] {
  return db.institutions.flatMap((i) => {
    const a = db.attendance.find((x) => x.meetingId === m.id && x.institutionId === i.id);
    if (!a) return [i.memberId];
    if (a.status === "delegated" && a.attendeeId && a.attendeeId === i.deputyId && a.mode === null) return [a.attendeeId];
    return [];
  });
}
