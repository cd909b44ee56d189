/**
 * The facts of a meeting's minutes (Niederschrift, Ergebnisprotokoll) as a pure function of the data:
 * § 7 Abs. 1 GO Rhein-Sieg names what they must contain (place, day and time; members present;
 * agenda; personal statements asked to be recorded; resolutions; vote results as declared by the
 * chair), Abs. 2 who signs, Abs. 3/4 distribution and approval, Abs. 5 publicity. Names, instants,
 * counts and the profile; adapters/minutes-document.ts words them into the document
 * (`composeMinutes`), which adapters/minutes-render.ts and minutes-pdf.ts lay out.
 */
import type { AgendaItem, Attendance, Db, Institution, Meeting, Minutes, PersonalStatement, QuorumDeclaration, SessionLog, Vote } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { ceilShare, minutesSigners, publicMinutes } from "../rules/profile.ts";
import { findMeeting, MeetingError } from "./meetings.ts";
import { say } from "./say.ts";

export type MinutesVersion = "internal" | "public";

export interface MinutesOptions {
  version: MinutesVersion;
}

/** A person as the roster names them: null name when the id is not (or no longer) on it, null id when none was recorded. */
export interface NameFact {
  id: string | null;
  name: string | null;
}

/** The state of the minutes and the instant it was reached (null for a draft, or when not recorded). */
export interface MinutesStatusFact {
  state: Minutes["state"];
  at: string | null;
}

export interface MinutesFacts {
  version: MinutesVersion;
  /** Whether the profile gives the minutes a public version at all. */
  hasPublicVersion: boolean;
  hasNonPublic: boolean;
  profile: Profile;
  bodyName: string;
  status: MinutesStatusFact;
  /** As invited, and as Teams reported the session where the bot followed it (instants). */
  session: { start: string; end: string; startedAt: string | null; endedAt: string | null; location: string; mode: Meeting["mode"] };
  chair: NameFact;
  secretariatHead: NameFact;
  attendance: AttendanceFacts;
  /** Quorum declared for the whole meeting (items carry their own). */
  quorum: QuorumFact[];
  agenda: AgendaFact[];
  items: ItemFacts[];
  /** Votes and statements not tied to an agenda item. */
  otherVotes: Vote[];
  otherStatements: StatementFact[];
  signers: { role: string; person: NameFact }[];
}

export interface AttendanceFacts {
  /** `times`: joined and left (instants; left null while still there), only where the bot followed the Teams meeting. */
  present: { institution: string; person: NameFact; deputyFor: NameFact | null; online: boolean; voting: boolean; times?: { joined: string; left: string | null } }[];
  excused: { institution: string; person: NameFact; representedBy: NameFact | null }[];
  notRepresented: string[];
  represented: number;
  votingInstitutions: number;
}

export interface AgendaFact {
  number: number;
  /** null: a non-public item withheld from the public version. */
  title: string | null;
  public: boolean;
}

export interface ItemFacts extends AgendaFact {
  secondConvocation: boolean;
  postponed: boolean;
  quorum: QuorumFact[];
  votes: Vote[];
  statements: StatementFact[];
}

export interface QuorumFact {
  declaredAt: string;
  quorate: boolean;
  represented: number;
  votingMembers: number;
  /** Declared not quorate although at least this many were required and represented: the count is stated too. */
  againstCount: number | null;
}

export interface StatementFact {
  person: NameFact;
  /** The institution's name, or the role of one who sits for none. */
  affiliation: { institution: string } | "chair" | "secretariat" | "guest" | null;
  text: string;
}

export function minutesFacts(db: Db, meetingId: string, profile: Profile, options: MinutesOptions): MinutesFacts {
  const meeting = findMeeting(db, meetingId);
  if (meeting.state === "cancelled") throw new MeetingError(say("minutes.minutesCancelled", meeting.id), "invalid");
  const isPublic = options.version === "public";
  const hasPublicVersion = publicMinutes(profile);
  if (isPublic && !hasPublicVersion) throw new MeetingError(say("minutes.MINUTES_NOT_PUBLIC"), "invalid");
  const agenda = [...meeting.agenda].sort((a, b) => a.number - b.number);
  // The public version leaves out what was declared non-public, with all that hangs on it.
  const shown = new Set(agenda.filter((a) => a.public || !isPublic).map((a) => a.id));
  const records = recordsOf(db, meeting.id);
  const known = new Set(agenda.map((a) => a.id));
  const unassigned = <T extends { agendaItemId: string | null }>(r: T) => r.agendaItemId === null || !known.has(r.agendaItemId);
  const log = meeting.session ?? null;
  return {
    version: options.version,
    hasPublicVersion,
    hasNonPublic: agenda.some((a) => !a.public),
    profile,
    bodyName: db.body.name,
    status: minutesStatus(db.minutes.find((m) => m.meetingId === meeting.id)),
    session: { start: meeting.start, end: meeting.end, startedAt: log?.startedAt ?? null, endedAt: log?.endedAt ?? null, location: meeting.location, mode: meeting.mode },
    chair: nameOf(db, db.body.chairId),
    secretariatHead: nameOf(db, db.body.secretariatHeadId),
    attendance: attendanceOf(db, meeting),
    quorum: records.quorum.filter(unassigned).map((q) => quorumFact(q, profile)),
    agenda: agenda.map((a) => entryOf(a, shown)),
    items: agenda.map((a) => itemOf(a, shown, records, db, profile)),
    otherVotes: records.votes.filter(unassigned),
    otherStatements: records.statements.filter(unassigned).map((s) => statementFact(db, s)),
    signers: minutesSigners(profile).map((s) => ({ role: s.role.de, person: nameOf(db, signerId(db, s.person)) })),
  };
}

/**
 * The roster's person for a signature line. A moderator (Oberhausen) is mapped to "chair" in the
 * profile: the roster has no such role, and the chair leads the meetings unless that is handed on.
 */
export function signerId(db: Db, person: "chair" | "secretariat-head"): string {
  return person === "chair" ? db.body.chairId : db.body.secretariatHeadId;
}

interface MeetingRecords {
  votes: Vote[];
  statements: PersonalStatement[];
  quorum: QuorumDeclaration[];
}

/** The meeting's votes, statements and quorum declarations in the order they were recorded. */
function recordsOf(db: Db, meetingId: string): MeetingRecords {
  const byTime = <T>(at: (r: T) => string) => (a: T, b: T) => Date.parse(at(a)) - Date.parse(at(b));
  return {
    votes: db.votes.filter((v) => v.meetingId === meetingId).sort(byTime((v) => v.recordedAt)),
    statements: db.personalStatements.filter((s) => s.meetingId === meetingId).sort(byTime((s) => s.recordedAt)),
    quorum: db.quorumDeclarations.filter((q) => q.meetingId === meetingId).sort(byTime((q) => q.declaredAt)),
  };
}

/** The state of the minutes as their files show it; no record yet is a draft. */
export function minutesStatus(record: Minutes | undefined): MinutesStatusFact {
  const state = record?.state ?? "draft";
  const at = record?.state === "approved" ? record.approvedAt : record?.state === "sent" ? record.sentAt : null;
  return { state, at: at ?? null };
}

function nameOf(db: Db, id: string | null): NameFact {
  if (!id) return { id: null, name: null };
  return { id, name: db.persons.find((p) => p.id === id)?.name ?? null };
}

/**
 * Attendance is recorded per institution (one vote each). Present: whoever checked in, deputies
 * marked with the member they stand in for. Excused: the member declined or sent the deputy and
 * did not come. Every other institution is "nicht vertreten".
 */
function attendanceOf(db: Db, meeting: Meeting): AttendanceFacts {
  const section: AttendanceFacts = { present: [], excused: [], notRepresented: [], represented: 0, votingInstitutions: 0 };
  const records = new Map(db.attendance.filter((a) => a.meetingId === meeting.id).map((a) => [a.institutionId, a]));
  const log = meeting.session ?? null;
  for (const inst of db.institutions) {
    if (inst.voting) section.votingInstitutions++;
    const record = records.get(inst.id);
    // Present: checked in now, or in the Teams meeting for a while (everyone leaves at the end).
    const attendee = record?.present ? record.attendeeId : lastCounted(log, inst, record);
    // Declined or delegated, and not there in person: excused, whether or not the deputy came.
    const excused = !!record && record.status !== "attending" && attendee !== inst.memberId;
    if (attendee) {
      if (inst.voting) section.represented++;
      section.present.push(presentLine(db, meeting, inst, record, attendee, log));
    }
    if (excused) {
      section.excused.push({ institution: inst.name, person: nameOf(db, inst.memberId), representedBy: attendee ? nameOf(db, attendee) : null });
    } else if (!attendee) {
      section.notRepresented.push(inst.name);
    }
  }
  return section;
}

/** Who was in the Teams meeting for the institution and has left: the one counted last, else the first who joined; or null. */
function lastCounted(log: SessionLog | null, inst: Institution, record: Attendance | undefined): string | null {
  const seat = new Set([inst.memberId, inst.deputyId].filter((id): id is string => !!id));
  const joined = (log?.events ?? []).filter((e) => e.kind === "joined" && e.personId && seat.has(e.personId)).map((e) => e.personId!);
  if (record?.attendeeId && joined.includes(record.attendeeId)) return record.attendeeId;
  return joined[0] ?? null;
}

/** Joined and left from the Teams events, else from the check-in; only where Teams followed the session. */
function timesOf(log: SessionLog | null, personId: string, record: Attendance | undefined): { joined: string; left: string | null } | null {
  if (!log) return null;
  const mine = log.events.filter((e) => e.personId === personId);
  const joined = mine.find((e) => e.kind === "joined")?.at ?? (record?.attendeeId === personId ? record.checkedInAt : null);
  const last = mine.at(-1);
  // Still in the call when it ended: until the end.
  const left = last?.kind === "left" ? last.at : log.endedAt;
  return joined ? { joined, left: left ?? null } : null;
}

function presentLine(db: Db, meeting: Meeting, inst: Institution, record: Attendance | undefined, attendeeId: string, log: SessionLog | null): AttendanceFacts["present"][number] {
  const isDeputy = attendeeId === inst.deputyId;
  const line = {
    institution: inst.name,
    person: nameOf(db, attendeeId),
    deputyFor: isDeputy ? nameOf(db, inst.memberId) : null,
    // Worth saying only where people could be in the room or online.
    online: meeting.mode === "hybrid" && (record?.mode === "online" || log?.events.some((e) => e.personId === attendeeId) === true),
    voting: inst.voting,
  };
  const times = timesOf(log, attendeeId, record);
  return times ? { ...line, times } : line;
}

function entryOf(item: AgendaItem, shown: Set<string>): AgendaFact {
  return { number: item.number, title: shown.has(item.id) ? item.title : null, public: item.public };
}

function itemOf(item: AgendaItem, shown: Set<string>, records: MeetingRecords, db: Db, profile: Profile): ItemFacts {
  const entry = entryOf(item, shown);
  const none = { secondConvocation: false, postponed: false, quorum: [], votes: [], statements: [] };
  if (entry.title === null) return { ...entry, ...none };
  const mine = <T extends { agendaItemId: string | null }>(r: T) => r.agendaItemId === item.id;
  return {
    ...entry,
    // § 6 Abs. 5 GO: an item postponed for lack of quorum is called again with a pointer to that rule.
    secondConvocation: item.secondConvocation,
    postponed: item.postponed,
    quorum: records.quorum.filter(mine).map((q) => quorumFact(q, profile)),
    votes: records.votes.filter(mine),
    statements: records.statements.filter(mine).map((s) => statementFact(db, s)),
  };
}

function quorumFact(q: QuorumDeclaration, profile: Profile): QuorumFact {
  // Declared not quorate although the count said quorate (confirmed by the chair): the minutes state both.
  const required = profile.quorum.regulated ? ceilShare(q.votingMembers, profile.quorum.atLeast) : null;
  const againstCount = !q.quorate && required !== null && q.represented >= required ? required : null;
  return { declaredAt: q.declaredAt, quorate: q.quorate, represented: q.represented, votingMembers: q.votingMembers, againstCount };
}

function statementFact(db: Db, s: PersonalStatement): StatementFact {
  return { person: nameOf(db, s.personId), affiliation: affiliationOf(db, s.personId), text: s.text };
}

function affiliationOf(db: Db, personId: string): StatementFact["affiliation"] {
  const inst = db.institutions.find((i) => i.memberId === personId || i.deputyId === personId);
  if (inst) return { institution: inst.name };
  if (personId === db.body.chairId) return "chair";
  if (db.body.secretariatIds.includes(personId)) return "secretariat";
  if (db.body.guestIds.includes(personId)) return "guest";
  return null;
}
