/**
 * The draft minutes (Niederschrift, Ergebnisprotokoll) of a meeting as a pure function of the data:
 * § 7 Abs. 1 GO Rhein-Sieg names what they must contain (place, day and time; members present;
 * agenda; personal statements asked to be recorded; resolutions; vote results as declared by the
 * chair), Abs. 2 who signs, Abs. 3/4 distribution and approval, Abs. 5 publicity. The layout
 * follows a real committee Niederschrift (Stadt Voerde, seeds/003). Every paragraph cited comes
 * from the profile; `renderMarkdown` / `renderHtml` (minutes-render.ts) only lay the model out.
 */
import type { AgendaItem, Attendance, Db, Institution, Meeting, Minutes, PersonalStatement, QuorumDeclaration, Vote } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { minutesSigners, publicMinutes } from "../rules/profile.ts";
import { berlinDay, formatDay, formatTime } from "../rules/time.ts";
import { findMeeting, MeetingError } from "./meetings.ts";
import { approvalWords } from "./minutes-words.ts";

export { renderHtml, renderMarkdown } from "./minutes-render.ts";
export { approvalWords, type ApprovalWords } from "./minutes-words.ts";

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
  present: { institution: string; person: string; deputyFor: string | null; online: boolean; voting: boolean }[];
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
    throw new MeetingError({ de: `Die Sitzung ${meeting.id} wurde abgesagt; es gibt keine Niederschrift.`, en: `The meeting ${meeting.id} was cancelled; there are no minutes.` }, "invalid");
  }
  const cite = citations(profile);
  const isPublic = options.version === "public";
  const hasPublicVersion = publicMinutes(profile);
  if (isPublic && !hasPublicVersion) {
    throw new MeetingError({ de: "Für die Niederschrift dieses Gremiums ist keine öffentliche Fassung vorgesehen.", en: "No public version of this body's minutes is provided for." }, "invalid");
  }
  const agenda = [...meeting.agenda].sort((a, b) => a.number - b.number);
  // The public version leaves out what was declared non-public, with all that hangs on it.
  const shown = new Set(agenda.filter((a) => a.public || !isPublic).map((a) => a.id));
  const records = recordsOf(db, meeting.id);
  const known = new Set(agenda.map((a) => a.id));
  const unassigned = <T extends { agendaItemId: string | null }>(r: T) => r.agendaItemId === null || !known.has(r.agendaItemId);
  const versionName = isPublic ? "Öffentliche Fassung" : hasPublicVersion ? "Interne Fassung" : "Fassung für die Mitglieder";
  return {
    version: options.version,
    versionName,
    versionLabel: isPublic ? `${versionName}${paren(cite.publicity)}` : `${versionName}${agenda.some((a) => !a.public) ? " – enthält nicht öffentliche Punkte" : ""}`,
    bodyName: db.body.name,
    status: minutesStatus(db.minutes.find((m) => m.meetingId === meeting.id), profile),
    contentsCitation: cite.contents,
    session: sessionOf(meeting),
    chair: personName(db, db.body.chairId),
    secretariatHead: personName(db, db.body.secretariatHeadId),
    attendance: attendanceOf(db, meeting),
    quorum: records.quorum.filter(unassigned).map((q) => quorumSentence(q, profile)),
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

/** " (§ 7 Abs. 2 GO)" or "" — so a missing citation leaves no empty brackets. */
function paren(citation: string | null): string {
  return citation ? ` (${citation})` : "";
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
  if (record?.state === "approved") return { state: "approved", label: `${approvalWords(profile).approved.de}${onDay(record.approvedAt)}` };
  if (record?.state === "sent") return { state: "sent", label: `versandt${onDay(record.sentAt)}` };
  return { state: "draft", label: "Entwurf" };
}

/** " am 15.09.2022" (Berlin day), or "" when the date was not recorded. */
function onDay(instant: string | null): string {
  if (!instant) return "";
  const [y, m, d] = berlinDay(new Date(instant)).split("-");
  return ` am ${d}.${m}.${y}`;
}

const MODE_LABEL: Record<Meeting["mode"], string> = {
  "in-person": "in Präsenz",
  online: "digital",
  hybrid: "hybrid (in Präsenz und digital)",
};

function sessionOf(meeting: Meeting): MinutesDoc["session"] {
  const start = new Date(meeting.start);
  return {
    day: formatDay(berlinDay(start)),
    start: `${formatTime(start)} Uhr`,
    end: `${formatTime(new Date(meeting.end))} Uhr`,
    // The video link stays out: the minutes may be published (§ 7 Abs. 5 GO).
    location: meeting.location || "Videokonferenz",
    mode: MODE_LABEL[meeting.mode],
  };
}

function personName(db: Db, id: string | null): string {
  if (!id) return "(Name nicht erfasst)";
  return db.persons.find((p) => p.id === id)?.name ?? `(unbekannte Person „${id}“)`;
}

/**
 * Attendance is recorded per institution (one vote each). Present: whoever checked in, deputies
 * marked with the member they stand in for. Excused: the member declined or sent the deputy and
 * did not come. Every other institution is "nicht vertreten".
 */
function attendanceOf(db: Db, meeting: Meeting): AttendanceSection {
  const section: AttendanceSection = { present: [], excused: [], notRepresented: [], represented: 0, votingInstitutions: 0 };
  const records = new Map(db.attendance.filter((a) => a.meetingId === meeting.id).map((a) => [a.institutionId, a]));
  for (const inst of db.institutions) {
    if (inst.voting) section.votingInstitutions++;
    const record = records.get(inst.id);
    const attendee = record?.present ? record.attendeeId : null;
    // Declined or delegated, and not there in person: excused, whether or not the deputy came.
    const excused = !!record && record.status !== "attending" && attendee !== inst.memberId;
    if (record?.present) {
      if (inst.voting) section.represented++;
      section.present.push(presentLine(db, meeting, inst, record));
    }
    if (excused) {
      section.excused.push({ institution: inst.name, person: personName(db, inst.memberId), representedBy: attendee ? personName(db, attendee) : null });
    } else if (!record?.present) {
      section.notRepresented.push(inst.name);
    }
  }
  return section;
}

function presentLine(db: Db, meeting: Meeting, inst: Institution, record: Attendance): AttendanceSection["present"][number] {
  const isDeputy = record.attendeeId !== null && record.attendeeId === inst.deputyId;
  return {
    institution: inst.name,
    person: personName(db, record.attendeeId),
    deputyFor: isDeputy ? personName(db, inst.memberId) : null,
    // Worth saying only where people could be in the room or online.
    online: meeting.mode === "hybrid" && record.mode === "online",
    voting: inst.voting,
  };
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
    notes: [...convocationNotes(item, profile), ...records.quorum.filter(mine).map((q) => quorumSentence(q, profile))],
    votes: records.votes.filter(mine).map((v) => voteBlock(v, profile)),
    statements: records.statements.filter(mine).map((s) => statementBlock(db, s)),
  };
}

/** § 6 Abs. 5 GO: an item postponed for lack of quorum is called again with a pointer to that rule. */
function convocationNotes(item: AgendaItem, profile: Profile): string[] {
  const rule = profile.secondConvocation.regulated ? profile.secondConvocation.citation : null;
  const notes: string[] = [];
  if (item.secondConvocation) {
    notes.push(`Erneut einberufen nach Zurückstellung wegen Beschlussunfähigkeit${rule ? ` (${rule}): beschlussfähig ohne Rücksicht auf die Zahl der Anwesenden` : ""}.`);
  }
  if (item.postponed) {
    notes.push(`Zurückgestellt wegen Beschlussunfähigkeit${rule ? ` – erneute Einberufung nach ${rule}` : ""}.`);
  }
  return notes;
}

function quorumSentence(q: QuorumDeclaration, profile: Profile): string {
  const rule = profile.quorum.regulated ? profile.quorum.citation : null;
  const verdict = q.quorate ? "Beschlussfähigkeit" : "Beschlussunfähigkeit";
  return `Der Vorsitz stellt um ${formatTime(new Date(q.declaredAt))} Uhr die ${verdict} fest: ${q.represented} von ${q.votingMembers} stimmberechtigten Institutionen vertreten${paren(rule)}.`;
}

/** The result as recorded when the chair declared it (§ 7 Abs. 1 GO), not recomputed. */
function voteBlock(v: Vote, profile: Profile): VoteBlock {
  return {
    label: v.passed ? "Beschluss" : "Beschlussvorschlag (abgelehnt)",
    resolution: v.resolution,
    yes: v.yes,
    no: v.no,
    abstain: v.abstain,
    present: v.present,
    required: v.required,
    passed: v.passed,
    rule: majorityRule(profile),
  };
}

function majorityRule(profile: Profile): string | null {
  const m = profile.majority;
  if (m.kind === "not-regulated") return null;
  if (m.kind === "consensus") return `Konsens, kein Widerspruch, ${m.citation}`;
  const share = `${m.share.numerator}/${m.share.denominator}`;
  return `${share === "2/3" ? "Zwei-Drittel-Mehrheit" : `${share}-Mehrheit`} der Anwesenden, ${m.citation}`;
}

function statementBlock(db: Db, s: PersonalStatement): StatementBlock {
  return { person: personName(db, s.personId), affiliation: affiliationOf(db, s.personId), text: s.text };
}

function affiliationOf(db: Db, personId: string): string | null {
  const inst = db.institutions.find((i) => i.memberId === personId || i.deputyId === personId);
  if (inst) return inst.name;
  if (personId === db.body.chairId) return "Vorsitz";
  if (db.body.secretariatIds.includes(personId)) return "Geschäftsstelle";
  if (db.body.guestIds.includes(personId)) return "Gast";
  return null;
}

function notesOf(profile: Profile, cite: Citations, isPublic: boolean, hasNonPublic: boolean): string[] {
  const words = approvalWords(profile);
  const m = profile.minutes;
  if (!m.regulated) {
    // Nothing to cite: the document's silence is said, and what the Geschäftsstelle does is given as its practice, not as a rule.
    return [
      m.note.de,
      `Verfahren der Geschäftsstelle: Die Niederschrift geht jedem Mitglied per E-Mail zu; Änderungswünsche zum Inhalt bitte ${words.objectionsDue.de} einbringen, ${words.outcome.de}.`,
    ];
  }
  const publicity = !m.publicity.public
    ? withCitation(m.publicity.note.de, cite.publicity)
    : isPublic
      ? `Die Niederschrift ist öffentlich; als nicht öffentlich bestimmte Punkte sind in dieser Fassung nicht enthalten${paren(cite.publicity)}.`
      : hasNonPublic
        ? `Diese Fassung enthält nicht öffentliche Punkte und ist nur für die Mitglieder bestimmt; zur Weitergabe dient die öffentliche Fassung${paren(cite.publicity)}.`
        : null;
  return [
    withCitation(m.distribution.de, cite.distribution),
    `Änderungswünsche zum Inhalt sind ${words.objectionsDue.de} einzubringen; ${words.outcome.de}${paren(cite.approval)}.`,
    ...(publicity ? [publicity] : []),
  ];
}

/** A sentence from the profile with its paragraph before the full stop: "… bestimmt (Nr. 4.2 GO)." */
export function withCitation(sentence: string, citation: string | null): string {
  return `${sentence.replace(/\.$/, "")}${paren(citation)}.`;
}
