/**
 * Meetings: checking a meeting's fields against the profile, finding the next meeting, and the one
 * view of a meeting that the CLI prints and the bot shows. The commands that create a meeting or
 * add an agenda item are their own modules (create-meeting.ts, add-agenda-item.ts).
 */
import type { Db, Meeting, MeetingMode } from "../domain/model.ts";
import type { Profile, Texts } from "../domain/profile.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import { berlinDay, parseInstant, toBerlinIso } from "../rules/time.ts";
import { ServiceError, type InputField } from "./errors.ts";
import { say } from "./say.ts";

/** A request the meeting commands refuse (said as a code; the minutes, not yet converted, word theirs). */
export class MeetingError extends ServiceError {
  constructor(texts: Said<SentenceCode> | Texts, kind: "invalid" | "forbidden" | "not-found", field: InputField | null = null) {
    super(texts, kind, field);
    this.name = "MeetingError";
  }
}

/**
 * The length of a new meeting without a given end, where the profile sets no maximum: two hours,
 * a usual length for a committee meeting. Only a default; it is never a limit or a warning.
 */
const FALLBACK_MEETING_HOURS = 2;

type DurationRule = Profile["meetings"]["duration"];

/** The default length of a new meeting in hours: the profile's maximum (Rhein-Sieg § 4 Abs. 1: two hours). */
export function defaultMeetingHours(rule: DurationRule | null): number {
  return rule?.regulated ? rule.maxHours : FALLBACK_MEETING_HOURS;
}

export interface MeetingInput {
  /** ISO 8601; without offset read as Berlin time. */
  start: string;
  end?: string;
  location?: string;
  mode?: MeetingMode;
  onlineUrl?: string | null;
}

export interface Checked<T> {
  value: T;
  /** Allowed, but worth saying (longer than the profile allows). */
  warnings: Said<SentenceCode>[];
}

type MeetingFields = Pick<Meeting, "start" | "end" | "location" | "mode" | "onlineUrl">;

/**
 * Validates the input into stored fields, or says in one sentence what is wrong. The default
 * length and the "too long" warning come from the profile; without a rule there is no warning.
 */
export function checkMeeting(input: MeetingInput, now: Date, profile: Profile, { startIsNew = true } = {}): Checked<MeetingFields> {
  return check(input, now, profile.meetings.duration, startIsNew);
}

/** A start set now must lie ahead (it would drop out of "next meeting"); a running session keeps its start. */
function check(input: MeetingInput, now: Date, duration: DurationRule | null, startIsNew: boolean): Checked<MeetingFields> {
  const start = instant(input.start, "start");
  const end = input.end === undefined ? new Date(start.getTime() + defaultMeetingHours(duration) * 3_600_000) : instant(input.end, "end");
  if (end.getTime() <= start.getTime()) throw new MeetingError(say("meetings.endBeforeStart", start.toISOString(), end.toISOString()), "invalid");
  const mode = input.mode ?? "in-person";
  const location = (input.location ?? "").trim();
  const onlineUrl = input.onlineUrl?.trim() || null;
  if (mode !== "online" && location === "") {
    throw new MeetingError(say("meetings.noPlace", mode), "invalid", "location");
  }
  if (mode !== "in-person" && !onlineUrl) {
    throw new MeetingError(say("meetings.noOnlineUrl", mode), "invalid", "onlineUrl");
  }
  if (onlineUrl && !isWebUrl(onlineUrl)) {
    throw new MeetingError(say("meetings.invalidLink", onlineUrl), "invalid");
  }

  if (startIsNew && start.getTime() < now.getTime()) throw new MeetingError(say("meetings.startInPast", start.toISOString()), "invalid");
  const warnings: Said<SentenceCode>[] = [];
  if (duration?.regulated && end.getTime() - start.getTime() > duration.maxHours * 3_600_000) {
    warnings.push(say("meetings.tooLong", duration));
  }
  return {
    value: { start: toBerlinIso(start), end: toBerlinIso(end), location, mode, onlineUrl },
    warnings,
  };
}

function instant(text: string, which: "start" | "end"): Date {
  const at = parseInstant(text);
  if (!at) throw new MeetingError(say("meetings.invalidInstant", which, text), "invalid", which);
  return at;
}

function isWebUrl(text: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** `s-2022-05-12` for a meeting on that Berlin day; `s-2022-05-12-2` if that is taken. */
export function newMeetingId(db: Db, start: Date): string {
  const base = `s-${berlinDay(start)}`;
  const taken = new Set(db.meetings.map((m) => m.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The next meeting after this one (not cancelled): where its minutes are approved, and where a proposal made once it has begun goes. */
export function followingMeeting(db: Db, meeting: Meeting): Meeting | null {
  const later = db.meetings.filter((m) => m.state !== "cancelled" && Date.parse(m.start) > Date.parse(meeting.start));
  return later.sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0] ?? null;
}

/** The next meeting that has not ended by `now` (cancelled ones do not count), or null. */
export function nextMeeting(db: Db, now: Date): Meeting | null {
  const upcoming = db.meetings
    .filter((m) => m.state !== "cancelled" && new Date(m.end).getTime() > now.getTime())
    .sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime());
  return upcoming[0] ?? null;
}

export function findMeeting(db: Db, id: string): Meeting {
  const meeting = db.meetings.find((m) => m.id === id);
  if (!meeting) {
    const known = db.meetings.map((m) => m.id).join(", ");
    throw new ServiceError(say("meetings.noSuchMeeting", id, known), "not-found");
  }
  return meeting;
}

/** A meeting people can still answer for: it exists and is not cancelled. */
export function activeMeeting(db: Db, id: string): Meeting {
  const meeting = findMeeting(db, id);
  if (meeting.state === "cancelled") throw new ServiceError(say("meetings.MEETING_CANCELLED"), "conflict");
  return meeting;
}

/** The agenda number after the highest one used. */
export function nextAgendaNumber(meeting: Meeting): number {
  return Math.max(0, ...meeting.agenda.map((a) => a.number)) + 1;
}

/** A meeting as `meeting show` prints it (DESIGN.md contract). */
export function meetingView(db: Db, meeting: Meeting) {
  const invitation = db.invitations.filter((i) => i.meetingId === meeting.id && i.kind !== "cancel").at(-1) ?? null;
  return {
    id: meeting.id,
    start: meeting.start,
    end: meeting.end,
    location: meeting.location,
    mode: meeting.mode,
    onlineUrl: meeting.onlineUrl,
    state: meeting.state,
    agenda: [...meeting.agenda].sort((a, b) => a.number - b.number).map((a) => ({ number: a.number, title: a.title, public: a.public })),
    proposals: db.proposals
      .filter((p) => p.meetingId === meeting.id)
      .map((p) => ({ id: p.id, title: p.title, by: p.byPersonId, submittedAt: p.submittedAt, late: p.late, status: p.status })),
    attendance: db.attendance
      .filter((a) => a.meetingId === meeting.id)
      .map((a) => ({ institutionId: a.institutionId, status: a.status, attendeeId: a.attendeeId, mode: a.mode, present: a.present })),
    invitation: invitation && { sentAt: invitation.sentAt, urgent: invitation.urgent, reason: invitation.reason, recipients: invitation.recipients },
  };
}
export type MeetingView = ReturnType<typeof meetingView>;
