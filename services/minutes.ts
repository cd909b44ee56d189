/**
 * The draft minutes (Niederschrift, Ergebnisprotokoll) of a meeting as a pure function of the data:
 * § 7 Abs. 1 GO Rhein-Sieg names what they must contain (place, day and time; members present;
 * agenda; personal statements asked to be recorded; resolutions; vote results as declared by the
 * chair), Abs. 2 who signs, Abs. 3/4 distribution and approval, Abs. 5 publicity. The layout
 * follows a real committee Niederschrift (Stadt Voerde, seeds/003). Every paragraph cited comes
 * from the profile; `renderMarkdown` / `renderHtml` (adapters/minutes-render.ts, handed to the
 * services as part of the MinutesFolder) only lay the model out.
 */
import type { AgendaItem, Attendance, Db, Institution, Meeting, Minutes, PersonalStatement, QuorumDeclaration, SessionLog, Vote } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { minutesSigners, publicMinutes } from "../rules/profile.ts";
import { berlinDay, formatDay, formatTime } from "../rules/time.ts";
import {
  AFFILIATION, internalVersionLabel, majorityRule, MODE_LABEL, NAME_NOT_RECORDED, objectionsNote, postponedNote, publicityNote,
  publicVersionLabel, quorumSentence, secondConvocationNote, secretariatProcedure, statusLabel, unknownPerson, VERSION_NAME, VIDEO_CONFERENCE,
  voteLabel, withCitation, presenceTimes, sessionTime,
} from "../texts/minutes-document.ts";
import { ceilShare } from "../rules/profile.ts";
import { MINUTES_NOT_PUBLIC, minutesCancelled } from "../texts/minutes.ts";
import { approvalWords } from "../texts/minutes-words.ts";
import { findMeeting, MeetingError } from "./meetings.ts";

export type MinutesVersion = "internal" | "public";

export interface MinutesDoc {
  version: MinutesVersion;
  /** "Öffentliche Fassung", "Interne Fassung", or "Fassung für die Mitglieder" where there is no public one. */
  versionName: string;
  /** The name with what else to know: "Öffentliche Fassung (§ 7 Abs. 5 GO)", "Interne Fassung – enthält nicht öffentliche Punkte". */
  versionLabel: string;
  bodyName: string;
  /** "Entwurf", "versandt am 20.05.2022", "genehmigt am 15.09.2022" (Oberhausen: "bestätigt am …"). */
  status: MinutesStatus;
  /** The paragraph naming the required contents (§ 7 Abs. 1 GO); null without one. */
  contentsCitation: string | null;
  session: { day: string; start: string; end: string; location: string; mode: string };
  chair: string;
  secretariatHead: string;
  attendance: AttendanceSection;
  /** Quorum declared for the whole meeting (items carry their own). */
  quorum: string[];
  agenda: AgendaEntry[];
  items: ItemSection[];
  /** Votes and statements not tied to an agenda item. */
  otherVotes: VoteBlock[];
  otherStatements: StatementBlock[];
  /** Distribution, approval and publicity, each with its paragraph (or said to be the secretariat's practice). */
  notes: string[];
  signatures: { citation: string | null; signers: { role: string; name: string }[] };
}

export interface MinutesStatus {
  state: Minutes["state"];
  label: string;
}

export interface AttendanceSection {
  /** `times`: "10:05–11:40 Uhr", only where the bot followed the Teams meeting. */
  present: { institution: string; person: string; deputyFor: string | null; online: boolean; voting: boolean; times?: string }[];
  excused: { institution: string; person: string; representedBy: string | null }[];
  notRepresented: string[];
  represented: number;
  votingInstitutions: number;
}

export interface AgendaEntry {
  number: number;
  /** null: a non-public item withheld from the public version. */
  title: string | null;
  public: boolean;
}

export interface ItemSection extends AgendaEntry {
  /** Postponement, second convocation and quorum declarations, as sentences. */
  notes: string[];
  votes: VoteBlock[];
  statements: StatementBlock[];
}

export interface VoteBlock {
  /** "Beschluss" when passed, "Beschlussvorschlag (abgelehnt)" otherwise. */
  label: string;
  resolution: string | null;
  yes: number;
  no: number;
  abstain: number;
  present: number;
  required: number | null;
  passed: boolean;
  /** "Zwei-Drittel-Mehrheit der Anwesenden, § 6 Abs. 2, 3 GO"; null where the profile has no rule. */
  rule: string | null;
}

export interface StatementBlock {
  person: string;
  /** The institution, or "Vorsitz", "Geschäftsstelle", "Gast". */
  affiliation: string | null;
  text: string;
}

export interface MinutesOptions {
  version: MinutesVersion;
}

export function buildMinutes(db: Db, meetingId: string, profile: Profile, options: MinutesOptions): MinutesDoc {
  const meeting = findMeeting(db, meetingId);
  if (meeting.state === "cancelled") {
    throw new MeetingError(minutesCancelled(meeting.id), "invalid");
  }
  const cite = citations(profile);
  const isPublic = options.version === "public";
  const hasPublicVersion = publicMinutes(profile);
  if (isPublic && !hasPublicVersion) {
    throw new MeetingError(MINUTES_NOT_PUBLIC, "invalid");
  }
  const agenda = [...meeting.agenda].sort((a, b) => a.number - b.number);
  // The public version leaves out what was declared non-public, with all that hangs on it.
  const shown = new Set(agenda.filter((a) => a.public || !isPublic).map((a) => a.id));
  const records = recordsOf(db, meeting.id);
  const known = new Set(agenda.map((a) => a.id));
  const unassigned = <T extends { agendaItemId: string | null }>(r: T) => r.agendaItemId === null || !known.has(r.agendaItemId);
  const versionName = isPublic ? VERSION_NAME.public : hasPublicVersion ? VERSION_NAME.internal : VERSION_NAME.members;
  return {
    version: options.version,
    versionName,
    versionLabel: isPublic ? publicVersionLabel(versionName, cite.publicity) : internalVersionLabel(versionName, agenda.some((a) => !a.public)),
    bodyName: db.body.name,
    status: minutesStatus(db.minutes.find((m) => m.meetingId === meeting.id), profile),
    contentsCitation: cite.contents,
    session: sessionOf(meeting, meeting.session ?? null),
    chair: personName(db, db.body.chairId),
    secretariatHead: personName(db, db.body.secretariatHeadId),
    attendance: attendanceOf(db, meeting),
    quorum: records.quorum.filter(unassigned).map((q) => quorumNote(q, profile)),
    agenda: agenda.map((a) => entryOf(a, shown)),
    items: agenda.map((a) => itemOf(a, shown, records, db, profile)),
    otherVotes: records.votes.filter(unassigned).map((v) => voteBlock(v, profile)),
    otherStatements: records.statements.filter(unassigned).map((s) => statementBlock(db, s)),
    notes: notesOf(profile, cite, isPublic, agenda.some((a) => !a.public)),
    signatures: {
      citation: cite.signatures,
      signers: minutesSigners(profile).map((s) => ({ role: s.role.de, name: personName(db, signerId(db, s.person)) })),
    },
  };
}

interface Citations {
  contents: string | null;
  signatures: string | null;
  distribution: string | null;
  approval: string | null;
  publicity: string | null;
}

/**
 * The roster's person for a signature line. A moderator (Oberhausen) is mapped to "chair" in the
 * profile: the roster has no such role, and the chair leads the meetings unless that is handed on.
 */
export function signerId(db: Db, person: "chair" | "secretariat-head"): string {
  return person === "chair" ? db.body.chairId : db.body.secretariatHeadId;
}

/** Without a minutes rule in the profile the minutes are still written, just without citations. */
function citations(profile: Profile): Citations {
  const m = profile.minutes;
  if (!m.regulated) return { contents: null, signatures: null, distribution: null, approval: null, publicity: null };
  return {
    contents: m.contentsCitation,
    signatures: m.signaturesCitation,
    distribution: m.distributionCitation,
    approval: m.approvalCitation,
    publicity: m.publicity.citation,
  };
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
export function minutesStatus(record: Minutes | undefined, profile: Profile): MinutesStatus {
  const state = record?.state ?? "draft";
  const date = record?.state === "approved" ? record.approvedAt : record?.state === "sent" ? record.sentAt : null;
  return { state, label: statusLabel(state, approvalWords(profile).approved.de, numericDate(date)) };
}

/** "15.09.2022" (Berlin day), or null when the date was not recorded. */
function numericDate(instant: string | null): string | null {
  if (!instant) return null;
  const [y, m, d] = berlinDay(new Date(instant)).split("-");
  return `${d}.${m}.${y}`;
}

/** The times as Teams reported the session's start and end where the bot followed it, else as invited. */
function sessionOf(meeting: Meeting, log: SessionLog | null): MinutesDoc["session"] {
  const start = new Date(meeting.start);
  const actual = (at: string | null | undefined) => (at ? formatTime(new Date(at)) : null);
  return {
    day: formatDay(berlinDay(start)),
    start: sessionTime(actual(log?.startedAt), formatTime(start)),
    end: sessionTime(actual(log?.endedAt), formatTime(new Date(meeting.end))),
    // The video link stays out: the minutes may be published (§ 7 Abs. 5 GO).
    location: meeting.location || VIDEO_CONFERENCE,
    mode: MODE_LABEL[meeting.mode],
  };
}

function personName(db: Db, id: string | null): string {
  if (!id) return NAME_NOT_RECORDED;
  return db.persons.find((p) => p.id === id)?.name ?? unknownPerson(id);
}

/**
 * Attendance is recorded per institution (one vote each). Present: whoever checked in, deputies
 * marked with the member they stand in for. Excused: the member declined or sent the deputy and
 * did not come. Every other institution is "nicht vertreten".
 */
function attendanceOf(db: Db, meeting: Meeting): AttendanceSection {
  const section: AttendanceSection = { present: [], excused: [], notRepresented: [], represented: 0, votingInstitutions: 0 };
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
      section.excused.push({ institution: inst.name, person: personName(db, inst.memberId), representedBy: attendee ? personName(db, attendee) : null });
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

/** "10:05–11:40 Uhr" from the Teams events, else from the check-in; only where Teams followed the session. */
function timesOf(log: SessionLog | null, personId: string, record: Attendance | undefined): string | null {
  if (!log) return null;
  const mine = log.events.filter((e) => e.personId === personId);
  const joined = mine.find((e) => e.kind === "joined")?.at ?? (record?.attendeeId === personId ? record.checkedInAt : null);
  const last = mine.at(-1);
  // Still in the call when it ended: until the end.
  const left = last?.kind === "left" ? last.at : log.endedAt;
  return joined ? presenceTimes(formatTime(new Date(joined)), left ? formatTime(new Date(left)) : null) : null;
}

function presentLine(db: Db, meeting: Meeting, inst: Institution, record: Attendance | undefined, attendeeId: string, log: SessionLog | null): AttendanceSection["present"][number] {
  const isDeputy = attendeeId === inst.deputyId;
  const line = {
    institution: inst.name,
    person: personName(db, attendeeId),
    deputyFor: isDeputy ? personName(db, inst.memberId) : null,
    // Worth saying only where people could be in the room or online.
    online: meeting.mode === "hybrid" && (record?.mode === "online" || log?.events.some((e) => e.personId === attendeeId) === true),
    voting: inst.voting,
  };
  const times = timesOf(log, attendeeId, record);
  return times ? { ...line, times } : line;
}

function entryOf(item: AgendaItem, shown: Set<string>): AgendaEntry {
  return { number: item.number, title: shown.has(item.id) ? item.title : null, public: item.public };
}

function itemOf(item: AgendaItem, shown: Set<string>, records: MeetingRecords, db: Db, profile: Profile): ItemSection {
  const entry = entryOf(item, shown);
  if (entry.title === null) return { ...entry, notes: [], votes: [], statements: [] };
  const mine = <T extends { agendaItemId: string | null }>(r: T) => r.agendaItemId === item.id;
  return {
    ...entry,
    notes: [...convocationNotes(item, profile), ...records.quorum.filter(mine).map((q) => quorumNote(q, profile))],
    votes: records.votes.filter(mine).map((v) => voteBlock(v, profile)),
    statements: records.statements.filter(mine).map((s) => statementBlock(db, s)),
  };
}

/** § 6 Abs. 5 GO: an item postponed for lack of quorum is called again with a pointer to that rule. */
function convocationNotes(item: AgendaItem, profile: Profile): string[] {
  const rule = profile.secondConvocation.regulated ? profile.secondConvocation.citation : null;
  const notes: string[] = [];
  if (item.secondConvocation) notes.push(secondConvocationNote(rule));
  if (item.postponed) notes.push(postponedNote(rule));
  return notes;
}

function quorumNote(q: QuorumDeclaration, profile: Profile): string {
  const citation = profile.quorum.regulated ? profile.quorum.citation : null;
  // Declared not quorate although the count said quorate (confirmed by the chair): the minutes state both.
  const required = profile.quorum.regulated ? ceilShare(q.votingMembers, profile.quorum.atLeast) : null;
  const againstCount = !q.quorate && required !== null && q.represented >= required ? required : null;
  return quorumSentence({ time: formatTime(new Date(q.declaredAt)), quorate: q.quorate, represented: q.represented, votingMembers: q.votingMembers, citation, againstCount });
}

/** The result as recorded when the chair declared it (§ 7 Abs. 1 GO), not recomputed. */
function voteBlock(v: Vote, profile: Profile): VoteBlock {
  return {
    label: voteLabel(v.passed),
    resolution: v.resolution,
    yes: v.yes,
    no: v.no,
    abstain: v.abstain,
    present: v.present,
    required: v.required,
    passed: v.passed,
    rule: majorityRule(profile.majority),
  };
}

function statementBlock(db: Db, s: PersonalStatement): StatementBlock {
  return { person: personName(db, s.personId), affiliation: affiliationOf(db, s.personId), text: s.text };
}

function affiliationOf(db: Db, personId: string): string | null {
  const inst = db.institutions.find((i) => i.memberId === personId || i.deputyId === personId);
  if (inst) return inst.name;
  if (personId === db.body.chairId) return AFFILIATION.chair;
  if (db.body.secretariatIds.includes(personId)) return AFFILIATION.secretariat;
  if (db.body.guestIds.includes(personId)) return AFFILIATION.guest;
  return null;
}

function notesOf(profile: Profile, cite: Citations, isPublic: boolean, hasNonPublic: boolean): string[] {
  const words = approvalWords(profile);
  const m = profile.minutes;
  if (!m.regulated) {
    // Nothing to cite: the document's silence is said, and what the Geschäftsstelle does is given as its practice, not as a rule.
    return [m.note.de, secretariatProcedure(words.objectionsDue.de, words.outcome.de)];
  }
  const publicity = !m.publicity.public
    ? withCitation(m.publicity.note.de, cite.publicity)
    : isPublic
      ? publicityNote("public", cite.publicity)
      : hasNonPublic
        ? publicityNote("internal", cite.publicity)
        : null;
  return [
    withCitation(m.distribution.de, cite.distribution),
    objectionsNote(words.objectionsDue.de, words.outcome.de, cite.approval),
    ...(publicity ? [publicity] : []),
  ];
}
