/**
 * The minutes after the session (Rhein-Sieg § 7 GO): draft them as files to print and sign, send
 * them to every member, take objections, and declare them approved at the start of the next
 * session. Each command: validate → authorize → apply → audit; paragraphs come from the profile.
 *
 * Decisions:
 * - Drafting and sending are for the Geschäftsstelle and the chair (as `mayManageMeetings`, which
 *   also admits the command line, "cli"). Objections may come from members, deputies, the chair
 *   and the Geschäftsstelle.
 * - A draft can be made from the start of the meeting on and made again as often as needed (more
 *   votes, a correction): the files are overwritten. Once anyone has received the minutes, their
 *   text is fixed — a new draft is refused, changes go through § 7 Abs. 4 (objections at the next
 *   session), so that every member approves the same text.
 * - Recipients: the member of every institution (§ 7 Abs. 3: "jedem Mitglied"), not deputies — a
 *   deputy who stood in reads the minutes through the member, as for every other paper; and not
 *   the chair, who signs them before they go out (§ 7 Abs. 2).
 * - The mail carries the minutes as Markdown in its body (so they always arrive "per E-Mail"), the
 *   internal and the public HTML version as attachments; above `maxAttachmentBytes` it carries
 *   download links instead (§ 7 Abs. 3 "Bei größeren Anhängen …").
 * - A public version is written and sent only where the profile makes the minutes public
 *   (Rhein-Sieg § 7 Abs. 5). Elsewhere there is one version, for the members, and the draft says why.
 * - Who signs comes from the profile (`minutes.signers`).
 * - `Minutes` has no field for recipients, so who received them is read from the audit log
 *   (`minutes.delivered`); a second call sends only to the members missing there. The record turns
 *   "sent" (with `sentAt`) once every member has them.
 * - Approval (§ 7 Abs. 4): at or after the start of the following meeting, only after sending and
 *   without open objections. An objection is resolved by the chair or the Geschäftsstelle with a
 *   note: objections and note go to the audit log, and the list on the record is emptied. How the
 *   approval is worded (declared approved, or confirmed as in Oberhausen) follows the profile.
 * - When the minutes turn "sent" and "approved", the files on disk get the new status in their
 *   header and footer; nothing else in them changes, since that text is the one members received
 *   (and perhaps corrected by hand before sending). They are not rendered again from the data.
 */
import { cleanText } from "../domain/sanitize.ts";
import { z } from "zod";
import type { Mailer, MailMessage } from "../adapters/mail-transport.ts";
import { minutesComposer, minutesMailSubject, type MinutesMailInput } from "../adapters/minutes-mail.ts";
import type { MinutesFile, MinutesFiles, MinutesFolder } from "../adapters/minutes-files.ts";
import type { Db, Meeting, Minutes, OutboxMessage, Person } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import { minutesSigners, publicMinutes } from "../rules/profile.ts";
import { toBerlinIso } from "../rules/time.ts";
import { bodyProfile, type Services } from "./context.ts";
import { personById, personName as nameOf, rolesOf } from "./directory.ts";
import { alreadyHandled, ServiceError } from "./errors.ts";
import { sendAll } from "./invitation-delivery.ts";
import { claim, deliveryStatus, queueMessage, recordResult } from "./outbox.ts";
import { findMeeting, followingMeeting } from "./meetings.ts";
import { approveTheMinutes, draftTheMinutes, resolveMinutesObjections, sendTheMinutes } from "./permissions.ts";
import { runMailOut, type MailOut } from "./runner.ts";
import { announce } from "./channel-announcements.ts";
import { buildMinutes } from "../adapters/minutes-document.ts";
import { minutesStatus, signerId, type MinutesStatusFact } from "./minutes.ts";
import { say } from "./say.ts";


/** § 7 Abs. 3 GO "größere Anhänge": above this the mail carries download links instead. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** The most recent meeting (not cancelled) that began before `now`, or null. */
export function lastHeldMeeting(db: Db, now: Date): Meeting | null {
  const started = db.meetings.filter((m) => m.state !== "cancelled" && Date.parse(m.start) < now.getTime());
  return started.sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0] ?? null;
}

/** The most recent meeting whose minutes exist and are not approved yet, or null. */
export function minutesAwaitingApproval(db: Db): Meeting | null {
  const open = new Set(db.minutes.filter((m) => m.state !== "approved").map((m) => m.meetingId));
  return db.meetings.filter((m) => open.has(m.id)).sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0] ?? null;
}

// ---- draft ------------------------------------------------------------------------------------

export interface DraftResult {
  meetingId: string;
  state: Minutes["state"];
  files: MinutesFiles;
  /** The internal version. */
  markdown: string;
  text: Said<SentenceCode>;
}

/** Where the minutes are, from the face that runs the command; and the Teams activity that asked. */
export interface MinutesRunOptions {
  folder: MinutesFolder;
  activityId?: string;
}

export async function draftMinutes(services: Services, actorId: string, meetingId: string, options: MinutesRunOptions): Promise<DraftResult> {
  const now = services.clock();
  const before = await receivedBefore(services, meetingId);
  const result = await services.store.update({ actorId, activityId: options.activityId }, (db, audit) => {
    const got = received(db, meetingId, before);
    draftTheMinutes.check(db, actorId);
    const meeting = meetingOf(db, meetingId);
    if (Date.parse(meeting.start) > now.getTime()) throw new ServiceError(say("minutes.notBegun", meeting.start), "conflict");
    const profile = bodyProfile(services, db);
    let record = db.minutes.find((m) => m.meetingId === meeting.id);
    if (record?.state === "approved" || record?.state === "sent" || got.size > 0) throw textFixed(db, record, got.size, profile);
    const redraft = record !== undefined;
    if (!record) {
      record = { meetingId: meeting.id, state: "draft", createdAt: toBerlinIso(now), sentAt: null, objections: [], approvedAt: null };
      db.minutes.push(record);
    }
    if (meeting.state === "planned" || meeting.state === "invited") meeting.state = "held";
    const internal = buildMinutes(db, meeting.id, profile, { version: "internal" });
    const open = publicMinutes(profile) ? buildMinutes(db, meeting.id, profile, { version: "public" }) : null;
    audit(redraft ? "minutes.redraft" : "minutes.draft", { meetingId: meeting.id, outDir: options.folder.dir });
    return {
      start: meeting.start,
      profile,
      signers: minutesSigners(profile).map((s) => nameOf(db, signerId(db, s.person))),
      docs: { internal, open },
      redraft,
    };
  });
  if (result.duplicate) throw alreadyHandled();
  const { docs, redraft, signers, profile } = result.value;
  const { folder } = options;
  const contents: MinutesFiles = {
    internalMd: folder.markdown(docs.internal),
    internalHtml: folder.html(docs.internal),
    publicMd: docs.open && folder.markdown(docs.open),
    publicHtml: docs.open && folder.html(docs.open),
  };
  const files = folder.files(meetingId, profile);
  await options.folder.write(files, contents);
  return {
    meetingId,
    state: "draft",
    files,
    markdown: contents.internalMd,
    text: say("minutes.drafted", result.value.start, redraft, files.internalHtml, files.publicHtml, profile, signers),
  };
}

function textFixed(db: Db, record: Minutes | undefined, received: number, profile: Profile): ServiceError {
  if (record?.state === "approved") return new ServiceError(say("minutes.approvedNoRedraft", profile, record.approvedAt), "conflict");
  return new ServiceError(say("minutes.sentTextFixed", received, membersOf(db).length, profile, citation(profile, "approvalCitation")), "conflict");
}

// ---- send -------------------------------------------------------------------------------------

export interface SendMinutesOptions extends MinutesRunOptions {
  /** Where the Geschäftsstelle put the files for download; needed only above `maxAttachmentBytes`. */
  downloadUrlBase?: string | null;
  maxAttachmentBytes?: number;
}

export interface FailedMember {
  personId: string;
  name: string;
  email: string;
  error: string;
}

export interface MinutesSendReport {
  meetingId: string;
  /** Members who are to receive the minutes. */
  total: number;
  /** Of those, accepted by the mail server (outbox: written as a file) — in this run or before. */
  accepted: number;
  sentNow: number;
  /** Refused in this run; another run sends to exactly these. */
  failed: FailedMember[];
  /** How the HTML files travelled in this run: attached, or as links (§ 7 Abs. 3). */
  delivery: "attachment" | "link";
  links: string[];
  transport: Mailer["kind"];
  state: Minutes["state"];
  sentAt: string | null;
  text: Said<SentenceCode>;
}

const SendInput = z.object({
  meetingId: z.string(),
  folder: z.custom<MinutesFolder>((v) => typeof v === "object" && v !== null),
  downloadUrlBase: z.string().nullable().optional(),
  maxAttachmentBytes: z.number().nonnegative().optional(),
});
type SendInput = z.infer<typeof SendInput>;

/** What the mail-out needs, read before the update: the members, who has the minutes, each member's mail. */
interface Mailing {
  meeting: Meeting;
  members: Person[];
  before: Set<string>;
  compose: ((p: Person) => MailMessage) | null;
  links: string[];
}

/**
 * Sends the minutes to every member who has not received them, through the outbox: one message per
 * member, claimed under the lock before anything is sent, so two runs at once (bot and command
 * line) never mail a member twice; each server's answer is recorded on the member's message.
 */
export const sendMinutesCommand: MailOut<SendInput, { outgoing: Person[]; mailing: Mailing }, MinutesSendReport, Mailing> = {
  input: SendInput,
  may: sendTheMinutes,
  async before(services, { db, input }) {
    const meeting = meetingOf(db, input.meetingId);
    const record = db.minutes.find((m) => m.meetingId === meeting.id);
    if (!record) throw new ServiceError(say("minutes.noDraft", meeting.start), "conflict");
    const members = membersOf(db);
    const before = await receivedBefore(services, meeting.id);
    const waiting = members.filter((p) => !received(db, meeting.id, before).has(p.id));
    // Built before anything is claimed: a draft too large or missing is refused with nothing recorded.
    const firstRun = waiting.length === members.length;
    const { compose, links } = waiting.length > 0 ? await prepareMail(db, meeting, input, services.clock(), firstRun, bodyProfile(services, db)) : { compose: null, links: [] };
    return { meeting, members, before, compose, links };
  },
  apply({ db, now, actorId, profile, before: mailing }) {
    const { meeting, members, before } = mailing;
    const have = received(db, meeting.id, before);
    const outgoing: Person[] = [];
    for (const person of members.filter((p) => !have.has(p.id))) {
      const message = minutesMessage(db, meeting.id, person.id) ?? queueMessage(db, { personId: person.id, purpose: "minutes", meetingId: meeting.id, subject: { de: subjectOf(db, meeting, profile), en: subjectOf(db, meeting, profile) }, text: null }, { now, actorId });
      if (deliveryStatus(message, now) !== "open") continue;
      claim(message, now);
      outgoing.push(person);
    }
    return { outgoing, mailing };
  },
  send: (services, { outgoing, mailing }, { actorId, input }) => deliverMinutes(services, actorId, input.folder, outgoing, mailing),
  again: () => Promise.reject(alreadyHandled()),
  announce: (services, { actorId, input: { meetingId } }) => announce(services, actorId, meetingId, "minutes"),
};

export async function sendMinutes(services: Services, actorId: string, meetingId: string, options: SendMinutesOptions): Promise<MinutesSendReport> {
  const { activityId, ...rest } = options;
  return (await runMailOut(services, sendMinutesCommand, { actorId, activityId, input: { meetingId, ...rest } })).value;
}

/** Steps 3 and 4: all handed to the pooled transport at once (as invitations), the answers recorded, the files restamped once all have them. */
async function deliverMinutes(services: Services, actorId: string, folder: MinutesFolder, missing: Person[], mailing: Mailing): Promise<MinutesSendReport> {
  const { meeting, members, before, compose, links } = mailing;
  const sent = await sendAll(services, missing.map((p) => ({ personId: p.id, compose: () => compose!(p) })));
  const deliveries = sent.map((d, i) => ({
    person: missing[i]!,
    accepted: d.accepted,
    error: d.accepted ? null : d.error,
    messageId: d.messageId,
    at: d.at,
  }));

  const outcome = await services.store.update({ actorId }, (db, audit) => {
    const current = db.minutes.find((m) => m.meetingId === meeting.id)!;
    for (const d of deliveries) {
      const message = minutesMessage(db, meeting.id, d.person.id)!;
      recordResult(message, { accepted: d.accepted, error: d.error ?? undefined, at: d.at, filed: services.mailer.kind === "outbox" });
      message.via = "email";
    }
    const have = received(db, meeting.id, before);
    if (deliveries.length > 0) {
      audit("minutes.delivered", {
        meetingId: meeting.id,
        transport: services.mailer.kind,
        delivery: links.length ? "link" : "attachment",
        accepted: deliveries.filter((d) => d.accepted).map((d) => ({ personId: d.person.id, email: d.person.email, at: toBerlinIso(d.at), messageId: d.messageId })),
        failed: deliveries.filter((d) => !d.accepted).map((d) => ({ personId: d.person.id, email: d.person.email, error: d.error })),
      });
    }
    const turnsSent = current.state === "draft" && members.every((p) => have.has(p.id));
    if (turnsSent) {
      current.state = "sent";
      current.sentAt = toBerlinIso(services.clock());
      audit("minutes.sent", { meetingId: meeting.id, recipients: members.length });
    }
    const restamp = turnsSent ? minutesStatus(current) : null;
    return { state: current.state, sentAt: current.sentAt, accepted: members.filter((p) => have.has(p.id)).length, restamp, profile: bodyProfile(services, db) };
  });
  if (outcome.duplicate) throw new Error("unreachable: no activity id given");
  const stale = outcome.value.restamp ? await restampFiles(folder, meeting.id, outcome.value.profile, outcome.value.restamp) : [];
  const report: Omit<MinutesSendReport, "text"> = {
    meetingId: meeting.id,
    total: members.length,
    accepted: outcome.value.accepted,
    sentNow: deliveries.filter((d) => d.accepted).length,
    failed: deliveries.filter((d) => !d.accepted).map((d) => ({ personId: d.person.id, name: d.person.name, email: d.person.email, error: d.error! })),
    delivery: links.length ? "link" : "attachment",
    links,
    transport: services.mailer.kind,
    state: outcome.value.state,
    sentAt: outcome.value.sentAt,
  };
  return { ...report, text: say("minutes.minutesSent", report, meeting.start, services.mailer.target, stale) };
}

function subjectOf(db: Db, meeting: Meeting, profile: Profile): string {
  return minutesMailSubject(db.body.name, profile.bodyKind, meeting.start);
}

function minutesMessage(db: Db, meetingId: string, personId: string): OutboxMessage | undefined {
  return db.outbox.find((m) => m.purpose === "minutes" && m.meetingId === meetingId && m.personId === personId);
}

/** Members who have the minutes: accepted outbox messages, and deliveries an older version logged. */
function received(db: Db, meetingId: string, before: Set<string>): Set<string> {
  const accepted = db.outbox.filter((m) => m.purpose === "minutes" && m.meetingId === meetingId && m.acceptedAt).map((m) => m.personId);
  return new Set([...before, ...accepted]);
}

/** The members still to receive the minutes (whom `sendMinutes` would claim), for the question before it. */
export async function minutesRecipientsWaiting(services: Services, meetingId: string): Promise<string[]> {
  const db = await services.store.read();
  const have = received(db, meetingId, await receivedBefore(services, meetingId));
  return membersOf(db).filter((p) => !have.has(p.id)).map((p) => p.id);
}

/**
 * The mail for each member (issue 16.6): the formatted minutes as its HTML (the print page), the
 * PDFs attached — or, above the size limit, linked — and the status of the final version
 * ("versandt am …"), never "Entwurf". The first run checks that the drafted files are still what
 * the data say (nothing recorded since, nothing edited by hand), renders the PDFs from the data
 * and keeps them beside the files; a later run (to members the first one missed) sends those very
 * PDFs, so every member receives the same document.
 */
async function prepareMail(db: Db, meeting: Meeting, options: Omit<SendMinutesOptions, "activityId">, now: Date, firstRun: boolean, profile: Profile): Promise<{ compose: (p: Person) => MailMessage; links: string[] }> {
  const files = options.folder.files(meeting.id, profile);
  const status = finalStatus(db, meeting, now);
  const versions = ([["internal", files.internalMd, files.internalHtml], ["public", files.publicMd, files.publicHtml]] as const)
    .filter((v): v is readonly ["internal" | "public", string, string] => v[1] !== null && v[2] !== null);
  const drafted = await Promise.all(versions.map(async ([version, md, html]) => ({ version, md: await readDraft(options.folder, md), html: await readDraft(options.folder, html), pdf: options.folder.pdfFile(md) })));
  if (firstRun) {
    for (const d of drafted) {
      const doc = buildMinutes(db, meeting.id, profile, { version: d.version });
      const changed = options.folder.markdown(doc) !== d.md.text ? d.md.name : options.folder.html(doc) !== d.html.text ? d.html.name : null;
      if (changed) throw new ServiceError(say("minutes.changedSinceDraft", changed), "conflict");
      await options.folder.writeBytes(d.pdf, await options.folder.pdf(doc, status, profile, { signed: true }));
    }
  }
  const pdfs = await Promise.all(drafted.map(async (d) => ({ name: fileName(d.pdf), content: await readPdf(options.folder, d.pdf) })));
  const size = pdfs.reduce((sum, p) => sum + p.content.byteLength, 0);
  const tooBig = size > (options.maxAttachmentBytes ?? MAX_ATTACHMENT_BYTES);
  const base = options.downloadUrlBase?.trim().replace(/\/+$/, "");
  const names = pdfs.map((p) => p.name);
  if (tooBig && !base) throw tooLargeToAttach(size, names, profile);
  const links = tooBig ? names.map((n) => `${base}/${encodeURIComponent(n)}`) : [];
  const internal = drafted[0]!;
  const mail = minutesComposer({
    ...mailFacts(db, meeting, now, profile),
    markdown: options.folder.withStatus(internal.md.text, "md", status, profile) ?? internal.md.text,
    page: options.folder.withStatus(internal.html.text, "html", status, profile) ?? internal.html.text,
    attachments: tooBig ? [] : pdfs.map((p) => ({ filename: p.name, content: p.content })),
    links,
  });
  return { compose: (p) => mail({ name: p.name, address: p.email, salutation: p.salutation ?? null }), links };
}

/** "versandt am …": the day the first member received them, or today for the first run. */
function finalStatus(db: Db, meeting: Meeting, now: Date): MinutesStatusFact {
  const first = db.outbox.filter((m) => m.purpose === "minutes" && m.meetingId === meeting.id && m.acceptedAt).map((m) => Date.parse(m.acceptedAt!)).sort((a, b) => a - b)[0];
  const record = db.minutes.find((m) => m.meetingId === meeting.id)!;
  return minutesStatus({ ...record, state: "sent", sentAt: toBerlinIso(first ? new Date(first) : now) });
}

/** The name without its folder, as an attachment and a link carry it. */
function fileName(path: string): string {
  return path.replace(/^.*[\\/]/, "");
}

async function readPdf(folder: MinutesFolder, file: string): Promise<Buffer> {
  const found = await folder.readBytes(file);
  if (found) return found;
  throw new ServiceError(say("minutes.draftFileMissing", fileName(file)), "conflict");
}

function tooLargeToAttach(size: number, names: string[], profile: Profile): ServiceError {
  return new ServiceError(say("minutes.tooLargeText", size, names, citation(profile, "distributionCitation")), "invalid", "downloadUrl");
}

async function readDraft(folder: MinutesFolder, file: string): Promise<MinutesFile> {
  const found = await folder.read(file);
  if (found) return found;
  throw new ServiceError(say("minutes.draftFileMissing", file), "conflict");
}

/** What the mail says besides the minutes, as facts from the data and the profile (adapters/minutes-mail.ts words it). */
function mailFacts(db: Db, meeting: Meeting, now: Date, profile: Profile): Omit<MinutesMailInput, "markdown" | "page" | "attachments" | "links"> {
  const next = followingMeeting(db, meeting);
  return {
    body: { name: db.body.name, secretariatEmail: db.body.secretariatEmail },
    profile,
    meeting: { start: meeting.start, nextStart: next ? next.start : null, hasNonPublicItems: meeting.agenda.some((a) => !a.public) },
    date: now,
  };
}

/** § 7 Abs. 3 GO "jedem Mitglied": the member of every institution (see the module comment). */
function membersOf(db: Db): Person[] {
  const ids = [...new Set(db.institutions.map((i) => i.memberId))];
  return ids.map((id) => personById(db, id));
}

const Delivered = z.object({ meetingId: z.string(), accepted: z.array(z.object({ personId: z.string() })) });

/**
 * Who received the minutes from a version before the outbox: that version logged its deliveries
 * only in the audit log (the `Minutes` record has no recipients).
 */
async function receivedBefore(services: Services, meetingId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const entry of await services.store.auditLog()) {
    if (entry.action !== "minutes.delivered") continue;
    const parsed = Delivered.safeParse(entry.details);
    if (parsed.success && parsed.data.meetingId === meetingId) for (const a of parsed.data.accepted) ids.add(a.personId);
  }
  return ids;
}

// ---- objections and approval ---------------------------------------------------------------------

export interface ObjectionResult {
  /** Open objections on the minutes after this one. */
  open: number;
  text: Said<SentenceCode>;
}

/** § 7 Abs. 4 GO: a change to the content, brought in (at the latest) at the start of the next session. */
export async function recordObjection(services: Services, personId: string, meetingId: string, text: string, activityId?: string): Promise<ObjectionResult> {
  const now = services.clock();
  // Whatever face it came from (a CLI argument, too): no control character goes into the minutes.
  const wording = cleanText(text);
  if (!wording) throw new ServiceError(say("minutes.OBJECTION_EMPTY"), "invalid");
  const result = await services.store.update({ actorId: personId, activityId }, (db, audit) => {
    const roles = rolesOf(db, personId);
    if (!roles.member && !roles.deputy && !roles.chair && !roles.secretariat) throw new ServiceError(say("minutes.OBJECTION_FORBIDDEN"), "forbidden");
    const meeting = meetingOf(db, meetingId);
    const record = recordOf(db, meeting);
    const profile = bodyProfile(services, db);
    const approval = citation(profile, "approvalCitation");
    if (record.state === "approved") throw new ServiceError(say("minutes.objectionsClosed", profile, record.approvedAt, approval), "conflict");
    record.objections.push({ personId, text: wording, at: toBerlinIso(now) });
    audit("minutes.objection", { meetingId: meeting.id, text: wording });
    const next = followingMeeting(db, meeting);
    return { open: record.objections.length, start: meeting.start, next: next ? next.start : null, profile };
  });
  if (result.duplicate) throw alreadyHandled();
  const { open, start, next, profile } = result.value;
  return { open, text: say("minutes.objectionNoted", start, next, profile) };
}

/** The chair (or the Geschäftsstelle) records how the objections were settled; the list is emptied. */
export async function resolveObjections(services: Services, actorId: string, meetingId: string, note: string): Promise<ObjectionResult> {
  const resolution = cleanText(note);
  if (!resolution) throw new ServiceError(say("minutes.RESOLUTION_EMPTY"), "invalid");
  const result = await services.store.update({ actorId }, (db, audit) => {
    resolveMinutesObjections.check(db, actorId);
    const meeting = meetingOf(db, meetingId);
    const record = recordOf(db, meeting);
    if (record.state === "approved" || record.objections.length === 0) throw new ServiceError(say("minutes.NO_OPEN_OBJECTIONS"), "conflict");
    const resolved = record.objections;
    audit("minutes.objections-resolved", { meetingId: meeting.id, objections: resolved, note: resolution });
    record.objections = [];
    return { n: resolved.length, profile: bodyProfile(services, db) };
  });
  if (result.duplicate) throw new Error("unreachable: no activity id given");
  const { n, profile } = result.value;
  return { open: 0, text: say("minutes.objectionsResolved", n, resolution, profile) };
}

export interface ApprovalResult {
  meetingId: string;
  state: Minutes["state"];
  approvedAt: string | null;
  /** False when they were approved before. */
  changed: boolean;
  text: Said<SentenceCode>;
}

/**
 * § 7 Abs. 4 GO: at the start of the following meeting, without open objections, the minutes count
 * as approved (Oberhausen: confirmed in that meeting). The files in the minutes folder then say so.
 */
export async function approveMinutes(services: Services, actorId: string, meetingId: string, options: MinutesRunOptions): Promise<ApprovalResult> {
  const now = services.clock();
  const result = await services.store.update({ actorId, activityId: options.activityId }, (db, audit) => {
    approveTheMinutes.check(db, actorId);
    const meeting = meetingOf(db, meetingId);
    const record = recordOf(db, meeting);
    const profile = bodyProfile(services, db);
    const rule = citation(profile, "approvalCitation");
    const done = (changed: boolean) => ({ record: structuredClone(record), changed, start: meeting.start, profile, status: minutesStatus(record) });
    if (record.state === "approved") return done(false);
    if (record.state !== "sent") throw new ServiceError(say("minutes.notSentToAll", meeting.start, profile, rule), "conflict");
    const next = followingMeeting(db, meeting);
    if (!next || now.getTime() < Date.parse(next.start)) throw new ServiceError(say("minutes.notBeforeNextMeeting", profile, rule, next ? next.start : null), "conflict");
    if (record.objections.length > 0) {
      const objections = record.objections.map((o) => ({ name: nameOf(db, o.personId), text: o.text }));
      throw new ServiceError(say("minutes.objectionsOpen", meeting.start, objections, profile, rule), "conflict");
    }
    record.state = "approved";
    record.approvedAt = toBerlinIso(now);
    meeting.state = "minutes-approved";
    audit("minutes.approve", { meetingId: meeting.id, followingMeetingId: next.id });
    return done(true);
  });
  if (result.duplicate) throw alreadyHandled();
  const { record, changed, start, profile, status } = result.value;
  const stale = changed ? await restampFiles(options.folder, meetingId, profile, status) : [];
  return {
    meetingId,
    state: record.state,
    approvedAt: record.approvedAt,
    changed,
    text: changed ? say("minutes.approvedNow", start, record.approvedAt, profile, stale) : say("minutes.approvedBefore", start, record.approvedAt, profile),
  };
}

/**
 * Puts the new status ("versandt am …", "genehmigt am …") into the four files, leaving the rest as
 * sent. Returns the names of the files it could not update (gone, or the status edited away by hand).
 */
function restampFiles(folder: MinutesFolder, meetingId: string, profile: Profile, status: MinutesStatusFact): Promise<string[]> {
  return folder.restamp(folder.files(meetingId, profile), (text, kind) => folder.withStatus(text, kind, status, profile));
}

// ---- shared ------------------------------------------------------------------------------------

function meetingOf(db: Db, meetingId: string): Meeting {
  const meeting = findMeeting(db, meetingId);
  if (meeting.state === "cancelled") throw new ServiceError(say("minutes.minutesCancelled", meeting.id), "conflict");
  return meeting;
}

function recordOf(db: Db, meeting: Meeting): Minutes {
  const record = db.minutes.find((m) => m.meetingId === meeting.id);
  if (!record) throw new ServiceError(say("minutes.noMinutesYet", meeting.start), "not-found");
  return record;
}


type MinutesCitation = "signaturesCitation" | "distributionCitation" | "approvalCitation";

function citation(profile: Profile, key: MinutesCitation): string | null {
  return profile.minutes.regulated ? profile.minutes[key] : null;
}
