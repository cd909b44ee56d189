/**
 * The minutes document (Niederschrift, § 7 GO) worded from its facts (services/minutes.ts), in
 * German: the Niederschrift is written and signed in German. Every paragraph cited comes from the
 * profile; adapters/minutes-render.ts and minutes-pdf.ts lay the worded document out.
 */
import type { Db, Minutes, Vote } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { berlinDay, formatDay, formatTime } from "../rules/time.ts";
import {
  AFFILIATION, internalVersionLabel, majorityRule, MODE_LABEL, NAME_NOT_RECORDED, objectionsNote, postponedNote, publicityNote,
  publicVersionLabel, quorumSentence, secondConvocationNote, secretariatProcedure, statusLabel, unknownPerson, VERSION_NAME, VIDEO_CONFERENCE,
  voteLabel, withCitation, presenceTimes, sessionTime,
} from "../texts/minutes-document.ts";
import { approvalWords } from "../texts/minutes-words.ts";
import {
  minutesFacts, type ItemFacts, type MinutesFacts, type MinutesOptions, type MinutesStatusFact, type MinutesVersion,
  type NameFact, type QuorumFact, type StatementFact,
} from "../services/minutes.ts";

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

/** The worded minutes of a meeting: its facts, composed. */
export function buildMinutes(db: Db, meetingId: string, profile: Profile, options: MinutesOptions): MinutesDoc {
  return composeMinutes(minutesFacts(db, meetingId, profile, options));
}

export function composeMinutes(f: MinutesFacts): MinutesDoc {
  const cite = citations(f.profile);
  const isPublic = f.version === "public";
  const versionName = isPublic ? VERSION_NAME.public : f.hasPublicVersion ? VERSION_NAME.internal : VERSION_NAME.members;
  return {
    version: f.version,
    versionName,
    versionLabel: isPublic ? publicVersionLabel(versionName, cite.publicity) : internalVersionLabel(versionName, f.hasNonPublic),
    bodyName: f.bodyName,
    status: statusOf(f.status, f.profile),
    contentsCitation: cite.contents,
    session: sessionOf(f.session),
    chair: personName(f.chair),
    secretariatHead: personName(f.secretariatHead),
    attendance: {
      ...f.attendance,
      present: f.attendance.present.map(({ times, ...p }) => {
        const line = { ...p, person: personName(p.person), deputyFor: p.deputyFor && personName(p.deputyFor) };
        return times ? { ...line, times: presenceTimes(formatTime(new Date(times.joined)), times.left ? formatTime(new Date(times.left)) : null) } : line;
      }),
      excused: f.attendance.excused.map((e) => ({ ...e, person: personName(e.person), representedBy: e.representedBy && personName(e.representedBy) })),
    },
    quorum: f.quorum.map((q) => quorumNote(q, f.profile)),
    agenda: f.agenda.map((a) => ({ number: a.number, title: a.title, public: a.public })),
    items: f.items.map((i) => itemOf(i, f.profile)),
    otherVotes: f.otherVotes.map((v) => voteBlock(v, f.profile)),
    otherStatements: f.otherStatements.map(statementBlock),
    notes: notesOf(f.profile, cite, isPublic, f.hasNonPublic),
    signatures: { citation: cite.signatures, signers: f.signers.map((s) => ({ role: s.role, name: personName(s.person) })) },
  };
}

interface Citations {
  contents: string | null;
  signatures: string | null;
  distribution: string | null;
  approval: string | null;
  publicity: string | null;
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

/** The state of the minutes as their files show it ("versandt am 20.05.2022"). */
export function statusOf(s: MinutesStatusFact, profile: Profile): MinutesStatus {
  return { state: s.state, label: statusLabel(s, profile) };
}

/** The times as Teams reported the session's start and end where the bot followed it, else as invited. */
function sessionOf(s: MinutesFacts["session"]): MinutesDoc["session"] {
  const start = new Date(s.start);
  const actual = (at: string | null) => (at ? formatTime(new Date(at)) : null);
  return {
    day: formatDay(berlinDay(start)),
    start: sessionTime(actual(s.startedAt), formatTime(start)),
    end: sessionTime(actual(s.endedAt), formatTime(new Date(s.end))),
    // The video link stays out: the minutes may be published (§ 7 Abs. 5 GO).
    location: s.location || VIDEO_CONFERENCE,
    mode: MODE_LABEL[s.mode],
  };
}

function personName(p: NameFact): string {
  if (!p.id) return NAME_NOT_RECORDED;
  return p.name ?? unknownPerson(p.id);
}

function itemOf(item: ItemFacts, profile: Profile): ItemSection {
  const entry = { number: item.number, title: item.title, public: item.public };
  if (entry.title === null) return { ...entry, notes: [], votes: [], statements: [] };
  return {
    ...entry,
    notes: [...convocationNotes(item, profile), ...item.quorum.map((q) => quorumNote(q, profile))],
    votes: item.votes.map((v) => voteBlock(v, profile)),
    statements: item.statements.map(statementBlock),
  };
}

/** § 6 Abs. 5 GO: an item postponed for lack of quorum is called again with a pointer to that rule. */
function convocationNotes(item: ItemFacts, profile: Profile): string[] {
  const rule = profile.secondConvocation.regulated ? profile.secondConvocation.citation : null;
  const notes: string[] = [];
  if (item.secondConvocation) notes.push(secondConvocationNote(rule));
  if (item.postponed) notes.push(postponedNote(rule));
  return notes;
}

function quorumNote(q: QuorumFact, profile: Profile): string {
  const citation = profile.quorum.regulated ? profile.quorum.citation : null;
  return quorumSentence({ time: formatTime(new Date(q.declaredAt)), quorate: q.quorate, represented: q.represented, votingMembers: q.votingMembers, citation, againstCount: q.againstCount });
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

function statementBlock(s: StatementFact): StatementBlock {
  const a = s.affiliation;
  return { person: personName(s.person), affiliation: a === null ? null : typeof a === "string" ? AFFILIATION[a] : a.institution, text: s.text };
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
