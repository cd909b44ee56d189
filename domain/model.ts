/**
 * The group's memory: one zod schema per record, and the schema of the whole data file.
 * The schemas are the types (`z.infer`); every file read is parsed here once.
 * Instants are ISO 8601 strings with offset (stored in Berlin time, see rules/time.ts).
 */
import { z } from "zod";

export const SCHEMA_VERSION = 2;

const id = z.string().min(1);
const instant = z.string().datetime({ offset: true });

export const Person = z.object({
  id,
  name: z.string().min(1),
  email: z.string().email(),
  aadObjectId: z.string().min(1).nullable(),
  /** "Keine Erinnerungen mehr": the person gets no reminders (services/set-reminders.ts); invitations still go out. */
  remindersOff: z.boolean().optional(),
  /** How letters address the person ("Sehr geehrte Frau …"); absent: "Guten Tag …". From the roster's `anrede`. */
  salutation: z.enum(["ms", "mr"]).optional(),
});
export type Person = z.infer<typeof Person>;

/** An institution sends one member and one deputy and has one vote when voting (§ 2, § 6 Abs. 3 GO). */
export const Institution = z.object({
  id,
  name: z.string().min(1),
  voting: z.boolean(),
  memberId: id,
  deputyId: id.nullable(),
});
export type Institution = z.infer<typeof Institution>;

export const Body = z.object({
  name: z.string().min(1),
  profile: z.string().min(1),
  chairId: id,
  secretariatIds: z.array(id).min(1),
  /** Head of the Geschäftsstelle: signs the minutes with the chair. */
  secretariatHeadId: id,
  guestIds: z.array(id),
  /** Sender and ORGANIZER of invitations. */
  secretariatEmail: z.string().email(),
  /** When reminders go out (services/reminders.ts); absent fields take the defaults of rules/reminders.ts. */
  reminders: z.object({
    /** Days before the last day for agenda proposals that members are reminded. */
    agendaProposalsDaysBefore: z.number().int().min(0).max(60).optional(),
    /** The Geschäftsstelle is reminded when the invitation's last day is this many days away or fewer. */
    invitationDaysBefore: z.number().int().min(0).max(60).optional(),
    /** Days before the meeting that members who have not answered are reminded. */
    unansweredDaysBefore: z.number().int().min(0).max(60).optional(),
  }).optional(),
});
export type Body = z.infer<typeof Body>;

export const MeetingMode = z.enum(["in-person", "online", "hybrid"]);
export type MeetingMode = z.infer<typeof MeetingMode>;
export const MeetingState = z.enum(["planned", "invited", "held", "minutes-approved", "cancelled"]);
export type MeetingState = z.infer<typeof MeetingState>;

export const AgendaItem = z.object({
  id,
  number: z.number().int().positive(),
  title: z.string().min(1),
  public: z.boolean(),
  proposalId: id.nullable(),
  /** Postponed for lack of quorum and called again under § 6 Abs. 5 GO. */
  secondConvocation: z.boolean(),
  postponed: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/**
 * One person's arrival or departure in the Teams meeting, as its participant events reported it.
 * Guests and people outside the roster are recorded too (`personId` null for the latter), never counted.
 */
export const SessionEvent = z.object({
  personId: id.nullable(),
  name: z.string(),
  kind: z.enum(["joined", "left"]),
  at: instant,
});
export type SessionEvent = z.infer<typeof SessionEvent>;

/**
 * What the bot, added to the Teams meeting, saw of a session: which Teams meeting and chat it is,
 * when it really began and ended (the minutes' "Uhrzeit", Rhein-Sieg § 7 Abs. 1 GO), who came
 * when, and whether the chair was already told that the count fell below the quorum.
 */
export const SessionLog = z.object({
  teamsMeetingId: z.string().nullable(),
  chatId: z.string().nullable(),
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  belowQuorumNoticeAt: instant.nullable(),
  events: z.array(SessionEvent),
});
export type SessionLog = z.infer<typeof SessionLog>;

export const Meeting = z.object({
  id,
  start: instant,
  end: instant,
  location: z.string(),
  mode: MeetingMode,
  onlineUrl: z.string().url().nullable(),
  state: MeetingState,
  agenda: z.array(AgendaItem),
  createdAt: instant,
  /** What Teams reported of the session, once the bot was in the meeting (services/meeting-presence.ts). */
  session: SessionLog.optional(),
});
export type Meeting = z.infer<typeof Meeting>;

export const Proposal = z.object({
  id,
  meetingId: id,
  title: z.string().min(1),
  description: z.string(),
  presenter: z.string(),
  link: z.string().nullable(),
  byPersonId: id,
  submittedAt: instant,
  /** Submitted after the last day for proposals (§ 4 Abs. 4 GO): taken, but marked. */
  late: z.boolean(),
  status: z.enum(["submitted", "accepted", "rejected"]),
});
export type Proposal = z.infer<typeof Proposal>;

export const AttendanceStatus = z.enum(["attending", "declined", "delegated"]);
export const Attendance = z.object({
  meetingId: id,
  institutionId: id,
  status: AttendanceStatus,
  /** The person who comes for the institution: its member or deputy. */
  attendeeId: id.nullable(),
  mode: z.enum(["in-person", "online"]).nullable(),
  present: z.boolean(),
  checkedInAt: instant.nullable(),
  updatedAt: instant,
  updatedBy: id,
});
export type Attendance = z.infer<typeof Attendance>;

// Before `claimedAt` existed, a claim was written into `error` as "in Zustellung seit <instant>": a marker old
// data files carry, matched here and never shown, so it stays with the model (not wording to edit).
const LEGACY_CLAIM = "in Zustellung seit ";

/** A file from before `claimedAt`: its claim moves out of `error` into its own field. */
function withClaimField(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || "claimedAt" in raw) return raw;
  const r = raw as { error?: unknown };
  if (typeof r.error !== "string" || !r.error.startsWith(LEGACY_CLAIM)) return raw;
  return { ...r, error: null, claimedAt: r.error.slice(LEGACY_CLAIM.length) };
}

/**
 * How far one message to one person got: the fields of the claim → send → record protocol that
 * every message the bot sends follows (services/outbox.ts).
 */
const deliveryState = {
  /** When the mail server (or Teams) accepted the message; null until then. */
  acceptedAt: instant.nullable(),
  /** The last failure as the server or the file system said it; null once accepted. */
  error: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  /**
   * When a sending run claimed this message, until it records the server's answer: another run
   * leaves a claimed message alone. Files written before this field read as "not claimed".
   */
  claimedAt: instant.nullable().default(null),
  /** Accepted only by the outbox folder (no SMTP_URL): written as an .eml file, nobody has received it. */
  filed: z.boolean().optional(),
};
export type DeliveryState = { acceptedAt: string | null; error: string | null; attempts: number; claimedAt: string | null; filed?: boolean | undefined };

export const Recipient = z.preprocess(withClaimField, z.object({
  personId: id,
  email: z.string().email(),
  role: z.enum(["member", "deputy", "secretariat", "chair", "guest"]),
  ...deliveryState,
}));
export type Recipient = z.infer<typeof Recipient>;

const bilingual = z.object({ de: z.string().min(1), en: z.string().min(1) });

/**
 * One message of the outbox other than an invitation mail (those are the recipients of their
 * invitation record, the proof of notice): a notice to a person, or the minutes to a member.
 * Recorded in the same store update as the command that caused it, before anything is sent.
 */
export const OutboxMessage = z.object({
  id,
  personId: id,
  /** "announcement": a post in the team's General channel (Teams only; personId is TEAM_CHANNEL). */
  purpose: z.enum(["notice", "minutes", "announcement"]),
  meetingId: id.nullable(),
  /** The subject, fixed when it was recorded (the minutes mail is German only: both the same). */
  subject: bilingual,
  /** A notice's wording; it goes out in the person's language. Null for the minutes, composed from their files. */
  text: bilingual.nullable(),
  createdAt: instant,
  createdBy: z.string(),
  /** How it reached the person (or was last tried): a Teams message, or e-mail. */
  via: z.enum(["teams", "email"]).nullable(),
  /**
   * Set when the message is a reminder (services/reminders.ts): its kind and its unique key; a run
   * that finds the key already in the outbox records nothing, so each reminder goes out once.
   */
  reminder: z.object({
    kind: z.string().min(1),
    key: z.string().min(1),
    dueAt: instant,
    /** In Teams the message carries the meeting's answer buttons (the reminder to answer). */
    answerButtons: z.boolean(),
  }).nullable().default(null),
  /** A Teams message whose content an e-mail already carries (the invitation's): never sent by mail. */
  teamsOnly: z.boolean().default(false),
  ...deliveryState,
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const Invitation = z.object({
  id,
  meetingId: id,
  kind: z.enum(["request", "update", "cancel"]),
  /** iCalendar SEQUENCE of the meeting when this went out. */
  sequence: z.number().int().nonnegative(),
  urgent: z.boolean(),
  reason: z.string().nullable(),
  createdAt: instant,
  createdBy: id,
  /** Set once every recipient was accepted: the proof that the notice period was kept. */
  sentAt: instant.nullable(),
  recipients: z.array(Recipient),
  /** What the calendar invitation said (time, place, mode, agenda) as JSON: an update with nothing new is refused. Absent on older records. */
  contents: z.string().optional(),
  /** A cancellation for its recipients only (a deputy released), not of the meeting. Absent: the meeting's own record. */
  attendeeOnly: z.boolean().optional(),
});
export type Invitation = z.infer<typeof Invitation>;

/** What a record made during a meeting starts with: its id, the meeting and the agenda item (null: the meeting as a whole). */
const duringMeeting = { id, meetingId: id, agendaItemId: id.nullable() };

export const QuorumDeclaration = z.object({
  ...duringMeeting,
  quorate: z.boolean(),
  represented: z.number().int().nonnegative(),
  votingMembers: z.number().int().nonnegative(),
  declaredAt: instant,
  declaredBy: id,
});
export type QuorumDeclaration = z.infer<typeof QuorumDeclaration>;

export const Vote = z.object({
  ...duringMeeting,
  yes: z.number().int().nonnegative(),
  no: z.number().int().nonnegative(),
  abstain: z.number().int().nonnegative(),
  present: z.number().int().nonnegative(),
  required: z.number().int().nonnegative().nullable(),
  passed: z.boolean(),
  resolution: z.string().nullable(),
  recordedAt: instant,
  recordedBy: id,
});
export type Vote = z.infer<typeof Vote>;

export const PersonalStatement = z.object({
  ...duringMeeting,
  personId: id,
  text: z.string().min(1),
  recordedAt: instant,
});
export type PersonalStatement = z.infer<typeof PersonalStatement>;

export const Minutes = z.object({
  meetingId: id,
  state: z.enum(["draft", "sent", "approved"]),
  createdAt: instant,
  sentAt: instant.nullable(),
  objections: z.array(z.object({ personId: id, text: z.string(), at: instant })),
  approvedAt: instant.nullable(),
});
export type Minutes = z.infer<typeof Minutes>;

/** One line of the append-only audit log: who changed what, when. */
export const AuditEntry = z.object({
  at: instant,
  actorId: z.string(),
  action: z.string(),
  details: z.record(z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * An audit line as stored: with the `auditSeq` of the data change it belongs to, so that lines
 * written ahead of a change that never reached the data file can be told apart (older logs: none).
 */
export const StoredAuditEntry = AuditEntry.extend({ seq: z.number().int().nonnegative().optional() });
export type StoredAuditEntry = z.infer<typeof StoredAuditEntry>;

/**
 * The team the bot is installed in (Teams): where it opens 1:1 chats with members who never wrote
 * and posts announcements. Kept from the installation event and every `/abgleich`.
 */
export const TeamsInstallation = z.object({
  teamId: id,
  name: z.string().nullable().default(null),
  tenantId: id,
  serviceUrl: z.string().url(),
  generalChannelId: id,
  /** The bot's own account in Teams (28:…), as the installation named it. */
  botId: id,
  syncedAt: instant,
  /** False while the team's member list could not be read yet (the next installation event or `/abgleich` reads it). */
  membersRead: z.boolean().default(true),
  /** Teams user ids (29:…) by person id, as the team roster gave them: a 1:1 chat is opened with these. */
  userIds: z.record(z.string()).default({}),
});
export type TeamsInstallation = z.infer<typeof TeamsInstallation>;

export const Db = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  body: Body,
  persons: z.array(Person),
  institutions: z.array(Institution),
  meetings: z.array(Meeting),
  proposals: z.array(Proposal),
  attendance: z.array(Attendance),
  invitations: z.array(Invitation),
  quorumDeclarations: z.array(QuorumDeclaration),
  votes: z.array(Vote),
  personalStatements: z.array(PersonalStatement),
  minutes: z.array(Minutes),
  /** Activity ids already handled, newest last, so a redelivered Teams message changes nothing. */
  processedActivities: z.array(z.object({ id, at: instant })),
  /** Notices and minutes mails, each recorded before it is sent (services/outbox.ts). */
  outbox: z.array(OutboxMessage).default([]),
  /** Bot conversation state (half-finished flows) and conversation references, by key. */
  botState: z.record(z.unknown()),
  /** The team the bot is installed in; null until then (the JSON store writes every top-level field). */
  teams: TeamsInstallation.nullable().default(null),
  /**
   * Counts the changes that wrote audit lines: a change's lines carry the next number and are
   * appended before the data file is written; lines numbered above this were never committed.
   */
  auditSeq: z.number().int().nonnegative().default(0),
});
export type Db = z.infer<typeof Db>;
