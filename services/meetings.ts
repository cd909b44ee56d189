/**
 * Meetings and their agenda: create a meeting, add an agenda item, find the next meeting, and
 * the one view of a meeting that the CLI prints and the bot shows. Each command goes
 * validate → authorize → apply → audit, inside one store update so it sees the freshest data.
 */
import type { AgendaItem, Db, Meeting, MeetingMode } from "../adapters/schema.ts";
import type { Store } from "../adapters/store.ts";
import { berlinDay, formatDateTime, parseInstant, toBerlinIso } from "../rules/time.ts";
import { profileOf } from "./context.ts";
import { ServiceError } from "./errors.ts";

/** A request the meeting commands refuse; said in German only, so both texts carry it. */
export class MeetingError extends ServiceError {
  constructor(message: string, kind: "invalid" | "forbidden" | "not-found") {
    super({ de: message, en: message }, kind);
    this.name = "MeetingError";
  }
}

/** § 4 Abs. 1 GO Rhein-Sieg: meetings last up to two hours; the default length of a new one. */
export const DEFAULT_MEETING_HOURS = 2;

/** The Geschäftsstelle prepares meetings (§ 3 Abs. 2 GO); the chair fixes them (§ 4 Abs. 3 GO). */
export function mayManageMeetings(db: Db, actorId: string): boolean {
  return actorId === "cli" || actorId === "system" || actorId === db.body.chairId || db.body.secretariatIds.includes(actorId);
}

function authorize(db: Db, actorId: string): void {
  if (!mayManageMeetings(db, actorId)) throw new MeetingError("Sitzungen und Tagesordnung legen die Geschäftsstelle und der Vorsitz fest.", "forbidden");
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
  /** Allowed, but worth saying (past date, longer than two hours). */
  warnings: string[];
}

type MeetingFields = Pick<Meeting, "start" | "end" | "location" | "mode" | "onlineUrl">;

/** Validates the input into stored fields, or says in one sentence what is wrong. */
export function checkMeetingInput(input: MeetingInput, now: Date): Checked<MeetingFields> {
  const start = instant(input.start, "Beginn");
  const end = input.end === undefined ? new Date(start.getTime() + DEFAULT_MEETING_HOURS * 3_600_000) : instant(input.end, "Ende");
  if (end.getTime() <= start.getTime()) {
    throw new MeetingError(`Das Ende (${formatDateTime(end)}) muss nach dem Beginn (${formatDateTime(start)}) liegen.`, "invalid");
  }
  const mode = input.mode ?? "in-person";
  const location = (input.location ?? "").trim();
  const onlineUrl = input.onlineUrl?.trim() || null;
  if (mode !== "online" && location === "") {
    throw new MeetingError(`Für eine Sitzung ${mode === "hybrid" ? "hybrid" : "in Präsenz"} fehlt der Ort (--location).`, "invalid");
  }
  if (mode !== "in-person" && !onlineUrl) {
    throw new MeetingError(`Für eine ${mode === "online" ? "digitale" : "hybride"} Sitzung fehlt der Link zur Videokonferenz (--online-url).`, "invalid");
  }
  if (onlineUrl && !isWebUrl(onlineUrl)) throw new MeetingError(`„${onlineUrl}“ ist kein gültiger Link (http:// oder https://).`, "invalid");

  const warnings: string[] = [];
  if (start.getTime() < now.getTime()) warnings.push(`Der Beginn (${formatDateTime(start)}) liegt in der Vergangenheit.`);
  if (end.getTime() - start.getTime() > DEFAULT_MEETING_HOURS * 3_600_000) {
    warnings.push("Die Sitzung dauert länger als zwei Stunden; das muss die/der Vorsitzende oder das Gremium festlegen (§ 4 Abs. 1 GO).");
  }
  return {
    value: { start: toBerlinIso(start), end: toBerlinIso(end), location, mode, onlineUrl },
    warnings,
  };
}

function instant(text: string, label: string): Date {
  const at = parseInstant(text);
  if (!at) throw new MeetingError(`${label} „${text}“ ist kein gültiger Zeitpunkt; bitte ISO 8601 angeben, z. B. 2022-05-12T10:00.`, "invalid");
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

export async function createMeeting(store: Store, input: MeetingInput, actorId: string, now: Date): Promise<Checked<Meeting>> {
  const checked = checkMeetingInput(input, now);
  const result = await store.update({ actorId }, (db, audit) => {
    authorize(db, actorId);
    const meeting: Meeting = {
      id: newMeetingId(db, new Date(checked.value.start)),
      ...checked.value,
      state: "planned",
      agenda: [],
      createdAt: toBerlinIso(now),
    };
    db.meetings.push(meeting);
    audit("meeting.create", { meetingId: meeting.id, start: meeting.start, end: meeting.end, location: meeting.location, mode: meeting.mode });
    return meeting;
  });
  if (result.duplicate) throw new Error("unreachable: no activity id given");
  return { value: result.value, warnings: checked.warnings };
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
    throw new ServiceError(
      { de: `Eine Sitzung „${id}“ gibt es nicht${known ? ` (vorhanden: ${known})` : ""}.`, en: `There is no meeting "${id}"${known ? ` (known: ${known})` : ""}.` },
      "not-found",
    );
  }
  return meeting;
}

/** A meeting people can still answer for: it exists and is not cancelled. */
export function activeMeeting(db: Db, id: string): Meeting {
  const meeting = findMeeting(db, id);
  if (meeting.state === "cancelled") throw new ServiceError({ de: "Diese Sitzung ist abgesagt.", en: "This meeting has been cancelled." }, "conflict");
  return meeting;
}

/** The agenda number after the highest one used. */
export function nextAgendaNumber(meeting: Meeting): number {
  return Math.max(0, ...meeting.agenda.map((a) => a.number)) + 1;
}

export async function addAgendaItem(store: Store, meetingId: string, title: string, isPublic: boolean, actorId: string): Promise<Checked<AgendaItem>> {
  const cleanTitle = title.trim();
  if (cleanTitle === "") throw new MeetingError("Der Titel des Tagesordnungspunkts fehlt.", "invalid");
  const result = await store.update({ actorId }, (db, audit) => {
    authorize(db, actorId);
    const meeting = findMeeting(db, meetingId);
    if (meeting.state !== "planned" && meeting.state !== "invited") {
      throw new MeetingError(`Die Sitzung ${meeting.id} ist ${STATE_DE[meeting.state]}; ihre Tagesordnung kann nicht mehr ergänzt werden.`, "invalid");
    }
    const number = nextAgendaNumber(meeting);
    const ids = new Set(meeting.agenda.map((a) => a.id));
    let id = `${meeting.id}-top-${number}`;
    for (let n = 2; ids.has(id); n++) id = `${meeting.id}-top-${number}-${n}`;
    const item: AgendaItem = { id, number, title: cleanTitle, public: isPublic, proposalId: null, secondConvocation: false, postponed: false };
    meeting.agenda.push(item);
    audit("agenda.add", { meetingId: meeting.id, agendaItemId: id, number, title: cleanTitle, public: isPublic });
    const rule = profileOf(db).invitation;
    return { item, invited: meeting.state === "invited", citation: rule.regulated ? ` (${rule.citation})` : "" };
  });
  if (result.duplicate) throw new Error("unreachable: no activity id given");
  const { item, invited, citation } = result.value;
  // The invitation must show the agenda, so a change after it went out needs an update.
  const warnings = invited ? [`Die Einladung ist schon verschickt; die geänderte Tagesordnung muss den Mitgliedern nachgereicht werden${citation} („/einladen aktualisieren“).`] : [];
  return { value: item, warnings };
}

export const STATE_DE: Record<Meeting["state"], string> = {
  planned: "geplant",
  invited: "eingeladen",
  held: "abgehalten",
  "minutes-approved": "abgeschlossen (Niederschrift genehmigt)",
  cancelled: "abgesagt",
};

export const MODE_DE: Record<MeetingMode, string> = { "in-person": "in Präsenz", online: "digital", hybrid: "hybrid" };

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
