/**
 * Invitations by e-mail with a calendar invitation (Rhein-Sieg § 4 Abs. 5 GO): send, retry, the
 * deputy's own invitation after a delegation, updates after a change, and the cancellation.
 *
 * Every command is a `MailOut` on the runner (services/runner.ts): its input (zod), who may
 * (`sendInvitations`), the record prepared and its recipients claimed in one store update → sent
 * outside the lock → each server's answer recorded in a second update; then the team channel's
 * post (services/channel-announcements.ts). The record shows per recipient when the mail server
 * accepted the message: the proof that notice was kept.
 *
 * Decisions:
 * - Recipients: see invitation-recipients.ts (members, deputies standing in, the chair).
 * - The notice period is checked when a new invitation is sent; sending the rest of one that
 *   already went out is never refused for it (only once the meeting has begun), but warned about.
 * - An urgent invitation cannot carry a second convocation: its express reference promises that
 *   the group decides the item whatever the attendance, which the profile ties to the full notice
 *   period. Sending it with shortened notice would make that promise void, and the session
 *   service would still treat the item as decidable; so it is refused, not merely warned about.
 * - The meeting counts as "invited" from the first accepted mail; the record is complete (`sentAt`)
 *   when every recipient is accepted.
 */
import type { Db, Invitation, Meeting, MeetingMode } from "../domain/model.ts";
import type { Audit } from "../adapters/store.ts";
import type { Profile } from "../domain/profile.ts";
import { parseInstant, toBerlinIso } from "../rules/time.ts";
import { invitationPermission } from "../rules/timing.ts";
import { z } from "zod";
import { bodyProfile, type Services } from "./context.ts";
import { announce, type Occasion } from "./channel-announcements.ts";
import { sendInvitations } from "./permissions.ts";
import { invitationMailOf } from "./outbox.ts";
import { runMailOut, type MailOut } from "./runner.ts";
import { personById } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import {
  composer,
  deliver,
  latestInvitation,
  lateWarning,
  meetingOf,
  newRecord,
  openMeeting,
  requireContents,
  statusReport,
} from "./invitation-core.ts";
import { claimRecipients, type Batch } from "./invitation-delivery.ts";
import { cancelRecipients, currentRecipients, deputyFor, extendRecipients, pendingRecipient, updateRecipients } from "./invitation-recipients.ts";
import type { InvitationReport } from "./invitation-report.ts";
import { checkMeeting, meetingView, type MeetingView } from "./meetings.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import type { ReportWarning } from "../texts/invitation-report.ts";
import { say } from "./say.ts";

export type { InvitationReport, FailedRecipient } from "./invitation-report.ts";

export interface InvitationRequest {
  urgent: boolean;
  reason: string | null;
}

const MeetingInput = z.object({ meetingId: z.string() });
const RequestInput = MeetingInput.extend({ urgent: z.boolean(), reason: z.string().nullable() });
const UpdateInput = MeetingInput.extend({ note: z.string().nullable() });
type MeetingInput = z.infer<typeof MeetingInput>;

/** The mail-out of one record: sent, then the channel told (`occasion`); a redelivered activity gets the record's state. */
function invitationMailOut<I extends MeetingInput>(occasion: Occasion, apply: MailOut<I, Batch, InvitationReport>["apply"], input: z.ZodType<I, z.ZodTypeDef, unknown>): MailOut<I, Batch, InvitationReport> {
  return {
    input,
    may: sendInvitations,
    apply,
    send: (services, batch, { actorId }) => deliver(services, actorId, batch),
    again: (services, { meetingId }) => statusReport(services, meetingId),
    announce: (services, { actorId, input: { meetingId } }) => announce(services, actorId, meetingId, occasion),
  };
}

/**
 * Sends the meeting's invitation. If one already went out, this sends it to whoever is still
 * missing (failed before, or a deputy added since) and never again to anyone accepted.
 */
export const inviteCommand = invitationMailOut("invitation", ({ db, audit, actorId, now, input, profile }) => {
  const meeting = openMeeting(db, input.meetingId, profile);
  const latest = latestInvitation(db, meeting.id);
  return latest ? continueLatest(db, audit, meeting, latest, now, profile) : startRequest(db, audit, actorId, meeting, input, now, profile);
}, RequestInput);

/** Sends the latest invitation, update or cancellation to the recipients it has not reached yet. */
export const retryInvitationCommand = invitationMailOut("invitation", ({ db, audit, now, input, profile }) => {
  const meeting = meetingOf(db, input.meetingId);
  const latest = latestInvitation(db, meeting.id);
  if (!latest) throw notInvitedYet(meeting.start);
  return continueLatest(db, audit, meeting, latest, now, profile);
}, MeetingInput);

export async function sendInvitation(services: Services, actorId: string, meetingId: string, request: InvitationRequest, activityId?: string): Promise<InvitationReport> {
  return (await runMailOut(services, inviteCommand, { actorId, activityId, input: { meetingId, ...request } })).value;
}

export async function retryInvitation(services: Services, actorId: string, meetingId: string, activityId?: string): Promise<InvitationReport> {
  return (await runMailOut(services, retryInvitationCommand, { actorId, activityId, input: { meetingId } })).value;
}

function startRequest(db: Db, audit: Audit, actorId: string, meeting: Meeting, request: InvitationRequest, now: Date, profile: Profile): Batch {
  requireContents(meeting, profile);
  const permission = invitationPermission(new Date(meeting.start), now, profile, request);
  if (!permission.allowed) throw new ServiceError(say("timing.invitationPermissionText", permission), "conflict");
  refuseUrgentSecondConvocation(meeting, permission.urgent, profile);
  const invitation = newRecord(
    db,
    meeting,
    { kind: "request", urgent: permission.urgent, reason: permission.urgent ? request.reason?.trim() || null : null, recipients: currentRecipients(db, meeting), createdBy: actorId },
    now,
  );
  invitation.contents = invitationContents(meeting);
  audit("invitation.created", {
    invitationId: invitation.id, meetingId: meeting.id, kind: "request", sequence: invitation.sequence, urgent: invitation.urgent, reason: invitation.reason,
    recipients: invitation.recipients.map((r) => r.personId), lastNormalDay: permission.lastNormalDay, lastUrgentDay: permission.lastUrgentDay,
  });
  const warnings: ReportWarning[] = [];
  if (request.urgent && !permission.urgent && permission.lastNormalDay) warnings.push({ kind: "regular-instead-of-urgent", lastNormalDay: permission.lastNormalDay });
  return { ...claimRecipients(invitation, now, composer(db, meeting, invitation, now, profile), audit), warnings };
}

/** See the module comment: a second convocation needs the full notice, which "urgent" means is not kept. */
function refuseUrgentSecondConvocation(meeting: Meeting, urgent: boolean, profile: Profile): void {
  const rule = profile.secondConvocation;
  const items = meeting.agenda.filter((i) => i.secondConvocation).map((i) => i.number);
  if (!urgent || !rule.regulated || items.length === 0) return;
  throw new ServiceError(say("invitation.urgentSecondConvocationText", items, rule), "conflict");
}

/** The latest record again: add whoever is missing now (not for a cancellation), claim the open ones. */
function continueLatest(db: Db, audit: Audit, meeting: Meeting, latest: Invitation, now: Date, profile: Profile): Batch {
  if (latest.kind !== "cancel") {
    const added = extendRecipients(latest.recipients, currentRecipients(db, meeting));
    if (added.length > 0) audit("invitation.recipients-added", { invitationId: latest.id, meetingId: meeting.id, recipients: added.map((r) => r.personId) });
  }
  const batch = claimRecipients(latest, now, composer(db, meeting, latest, now, profile), audit);
  const late = latest.kind !== "cancel" && batch.outgoing.length > 0 ? lateWarning(db, meeting, latest, now, profile) : null;
  return { ...batch, warnings: late ? [late] : [] };
}

function notInvitedYet(start: string): ServiceError {
  return new ServiceError(say("invitation.notInvitedYetText", start), "conflict");
}

/**
 * § 4 Abs. 6 (Rhein-Sieg): a member who delegates after the invitation went out — the deputy gets
 * a REQUEST of their own (same UID and SEQUENCE, DELEGATED-FROM the member, whose ATTENDEE is
 * DELEGATED), recorded as an extra recipient of the latest record by the delegation itself
 * (delegate-seat.ts), whose outbox names it; this is the outbox's claim → send → record for it
 * (`sendRecordedInvitations`). Before the invitation went out, the deputy simply gets it with it.
 */
export async function sendDelegatedInvitation(services: Services, meetingId: string, memberId: string): Promise<{ sent: boolean; text: Said<SentenceCode> }> {
  const now = services.clock();
  const result = await services.store.update({ actorId: "system" }, (db, audit): DeputyStep => {
    const meeting = meetingOf(db, meetingId);
    const institution = db.institutions.find((i) => i.memberId === memberId);
    if (!institution) throw new ServiceError(say("invitation.notAMemberText", personById(db, memberId).name), "invalid");
    const deputy = deputyFor(db, meeting.id, institution);
    const member = personById(db, memberId);
    if (!deputy) return { skip: say("invitation.notDelegatedText", member.name) };
    const latest = latestInvitation(db, meeting.id);
    if (meeting.state === "cancelled" || latest?.kind === "cancel") return { skip: say("invitation.CANCELLED_NO_INVITATION") };
    if (!latest) return { skip: say("invitation.deputyWithInvitationText", deputy.name) };
    // The delegation records the deputy (delegate-seat.ts); a delegation from an older version may not have.
    const added = extendRecipients(latest.recipients, [pendingRecipient(deputy, "deputy")]);
    if (added.length > 0) audit("invitation.deputy-added", { invitationId: latest.id, meetingId: meeting.id, memberId, deputyId: deputy.id });
    const batch = claimRecipients(latest, now, composer(db, meeting, latest, now, bodyProfile(services, db)), audit, new Set([deputy.id]));
    return { batch: { ...batch, warnings: [] }, deputy: deputy.name, member: member.name };
  });
  if (result.duplicate) throw new Error("unreachable: no activity id given");
  const value = result.value;
  if ("skip" in value) return { sent: false, text: value.skip };
  const report = await deliver(services, "system", value.batch);
  const { sentNow, transport, failed, inProgress } = report;
  return { sent: sentNow === 1, text: say("invitation.deputyInvitationText", { sentNow, transport, failed, inProgress }, value.deputy, value.member) };
}

/** A released deputy's calendar cancellation, or their REQUEST when delegated again (invitation-release.ts): claimed, sent, recorded; what the member is told. */
async function sendRelease(services: Services, invitationId: string, deputyId: string): Promise<Said<SentenceCode>> {
  const now = services.clock();
  const result = await services.store.update({ actorId: "system" }, (db, audit) => {
    const record = db.invitations.find((i) => i.id === invitationId)!;
    const meeting = meetingOf(db, record.meetingId);
    return { ...claimRecipients(record, now, composer(db, meeting, record, now, bodyProfile(services, db)), audit, new Set([deputyId])), warnings: [] };
  });
  if (result.duplicate) throw new Error("unreachable: no activity id given");
  const { sentNow, transport, failed, inProgress } = await deliver(services, "system", result.value);
  const db = await services.store.read();
  const report = { sentNow, transport, failed, inProgress };
  const record = db.invitations.find((i) => i.id === invitationId)!;
  if (record.kind === "cancel") return say("invitation.releaseText", report, personById(db, deputyId).name);
  const member = db.institutions.find((i) => i.deputyId === deputyId);
  return say("invitation.deputyInvitationText", report, personById(db, deputyId).name, member ? personById(db, member.memberId).name : "");
}

type DeputyStep = { skip: Said<SentenceCode> } | { batch: Batch; deputy: string; member: string };

/**
 * The invitation mails a command recorded without sending them (outbox ids `<invitation>/<person>`:
 * the deputy a delegation added), sent by the face right after its reply; returns what the sender
 * is told of each one that went out.
 */
export async function sendRecordedInvitations(services: Services, ids: string[]): Promise<Said<SentenceCode>[]> {
  const told: Said<SentenceCode>[] = [];
  for (const mail of ids.map(invitationMailOf)) {
    if (!mail) continue;
    const db = await services.store.read();
    const invitation = db.invitations.find((i) => i.id === mail.invitationId);
    const institution = db.institutions.find((i) => i.deputyId === mail.personId);
    if (invitation?.attendeeOnly) {
      told.push(await sendRelease(services, invitation.id, mail.personId));
      continue;
    }
    // Only a deputy's own invitation (or release) is recorded this way; anything else waits for `invite retry`.
    if (!invitation || !institution) continue;
    const sent = await sendDelegatedInvitation(services, invitation.meetingId, institution.memberId);
    if (sent.sent) told.push(sent.text);
  }
  return told;
}

/**
 * Sends the changed invitation (same UID, SEQUENCE + 1, METHOD:REQUEST) to everyone the meeting's
 * invitation went to, and anyone added since — e.g. after agenda items were added. `note` says what changed.
 */
export const updateCommand = invitationMailOut("changed", ({ db, audit, actorId, now, input, profile }) => prepareUpdate(db, audit, actorId, openMeeting(db, input.meetingId, profile), input.note, now, profile), UpdateInput);

export async function sendUpdate(services: Services, actorId: string, meetingId: string, note: string | null, activityId?: string): Promise<InvitationReport> {
  return (await runMailOut(services, updateCommand, { actorId, activityId, input: { meetingId, note } })).value;
}

function prepareUpdate(db: Db, audit: Audit, actorId: string, meeting: Meeting, note: string | null, now: Date, profile: Profile): Batch {
  const latest = latestInvitation(db, meeting.id);
  if (!latest) throw notInvitedYet(meeting.start);
  if (!updateNeeded(db, meeting.id)) throw new ServiceError(say("invitation.NOTHING_TO_UPDATE"), "conflict");
  requireContents(meeting, profile);
  const recipients = updateRecipients(db, meeting, latest);
  // The notice stays as it was given; `reason` of an update record is what changed.
  const invitation = newRecord(db, meeting, { kind: "update", urgent: latest.urgent, reason: note?.trim() || null, recipients, createdBy: actorId }, now);
  invitation.contents = invitationContents(meeting);
  audit("invitation.created", { invitationId: invitation.id, meetingId: meeting.id, kind: "update", sequence: invitation.sequence, note: invitation.reason, recipients: recipients.map((r) => r.personId) });
  const batch = claimRecipients(invitation, now, composer(db, meeting, invitation, now, profile), audit);
  const late = lateWarning(db, meeting, invitation, now, profile);
  return { ...batch, warnings: late ? [late] : [] };
}

/** What a calendar invitation carries of the meeting; compared to decide whether an update has anything to say. */
function invitationContents(meeting: Meeting): string {
  const agenda = [...meeting.agenda].sort((a, b) => a.number - b.number).map((a) => [a.number, a.title, a.public, a.secondConvocation]);
  return JSON.stringify([Date.parse(meeting.start), Date.parse(meeting.end), meeting.location, meeting.mode, meeting.onlineUrl, agenda]);
}

/**
 * Whether an update would tell the invitees anything: the meeting or its agenda differ from what
 * the latest invitation or update said. A record without contents (older version) cannot tell: yes.
 */
export function updateNeeded(db: Db, meetingId: string): boolean {
  const meeting = meetingOf(db, meetingId);
  const said = db.invitations.filter((i) => i.meetingId === meeting.id && i.kind !== "cancel").sort((a, b) => b.sequence - a.sequence)[0];
  return !said?.contents || said.contents !== invitationContents(meeting);
}

export interface MeetingChanges {
  /** ISO 8601; without offset read as Berlin time. A new start without a new end keeps the length. */
  start?: string;
  end?: string;
  location?: string;
  mode?: MeetingMode;
  onlineUrl?: string | null;
}

export interface ChangeOutcome {
  meeting: MeetingView;
  /** Allowed, but worth saying (longer than the profile's meeting length). */
  warnings: ReturnType<typeof checkMeeting>["warnings"];
  /** The update sent because the meeting had been invited to; null otherwise. */
  update: InvitationReport | null;
  text: Said<SentenceCode>;
}

const ChangeInput = MeetingInput.extend({ changes: z.custom<MeetingChanges>((v) => typeof v === "object" && v !== null), note: z.string().nullable() });
type ChangeInput = z.infer<typeof ChangeInput>;

/** Changes date, place or mode; once invited, the change goes out as an update in the same step. */
export const changeMeetingCommand: MailOut<ChangeInput, { batch: Batch | null; warnings: ChangeOutcome["warnings"] }, ChangeOutcome> = {
  input: ChangeInput,
  may: sendInvitations,
  apply({ db, audit, actorId, now, profile, render, input: { meetingId, changes, note } }) {
    const meeting = openMeeting(db, meetingId, profile);
    const before = { start: meeting.start, end: meeting.end, location: meeting.location, mode: meeting.mode, onlineUrl: meeting.onlineUrl };
    const checked = checkedFields(before, changes, now, profile);
    const changed = changedFields(before, checked.value);
    if (changed.length === 0) throw new ServiceError(say("invitation.NO_CHANGE"), "invalid");
    Object.assign(meeting, checked.value);
    audit("meeting.change", { meetingId: meeting.id, changed, before, after: checked.value });
    const invited = latestInvitation(db, meeting.id) !== null;
    const batch = invited ? prepareUpdate(db, audit, actorId, meeting, render(say("stored.changeNote", before, meeting, changed, note)).de, now, profile) : null;
    return { batch, warnings: checked.warnings };
  },
  async send(services, { batch, warnings }, { actorId, input: { meetingId } }) {
    const update = batch ? await deliver(services, actorId, batch) : null;
    const db = await services.store.read();
    return { meeting: meetingView(db, meetingOf(db, meetingId)), warnings, update, text: say("invitation.meetingChangedText", update?.text.facts ?? null) };
  },
  async again(services, { meetingId }) {
    const db = await services.store.read();
    return { meeting: meetingView(db, meetingOf(db, meetingId)), warnings: [], update: null, text: say("invitation.CHANGE_ALREADY_HANDLED") };
  },
  announce: (services, { actorId, input: { meetingId } }) => announce(services, actorId, meetingId, "changed"),
};

export async function changeMeeting(services: Services, actorId: string, meetingId: string, changes: MeetingChanges, note: string | null, activityId?: string): Promise<ChangeOutcome> {
  return (await runMailOut(services, changeMeetingCommand, { actorId, activityId, input: { meetingId, changes, note } })).value;
}

type Fields = Pick<Meeting, "start" | "end" | "location" | "mode" | "onlineUrl">;

function checkedFields(before: Fields, changes: MeetingChanges, now: Date, profile: Profile) {
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as MeetingChanges;
  let end = given.end;
  const newStart = given.start === undefined ? null : parseInstant(given.start);
  if (end === undefined && newStart) {
    end = toBerlinIso(new Date(newStart.getTime() + Date.parse(before.end) - Date.parse(before.start)));
  }
  const startIsNew = newStart !== null && newStart.getTime() !== Date.parse(before.start);
  return checkMeeting({ ...before, ...given, end: end ?? before.end }, now, profile, { startIsNew });
}

function changedFields(before: Fields, after: Fields): (keyof Fields)[] {
  const same = (k: keyof Fields) => (k === "start" || k === "end" ? Date.parse(before[k]) === Date.parse(after[k]) : before[k] === after[k]);
  return (["start", "end", "location", "mode", "onlineUrl"] as const).filter((k) => !same(k));
}

export interface CancelOutcome {
  /** The METHOD:CANCEL mails, when the meeting had been invited to; null otherwise. */
  report: InvitationReport | null;
  text: Said<SentenceCode>;
}

const CancelInput = MeetingInput.extend({ reason: z.string().nullable() });
type CancelInput = z.infer<typeof CancelInput>;

/** Cancels the meeting; everyone any invitation went to gets METHOD:CANCEL, removing the calendar entry. */
export const cancelMeetingCommand: MailOut<CancelInput, Batch | null, CancelOutcome> = {
  input: CancelInput,
  may: sendInvitations,
  apply({ db, audit, actorId, now, profile, input: { meetingId, reason } }) {
    const meeting = openMeeting(db, meetingId, profile);
    if (now.getTime() >= Date.parse(meeting.end)) {
      throw new ServiceError(say("invitation.meetingOverText", meeting.id), "conflict");
    }
    const invited = db.invitations.filter((i) => i.meetingId === meeting.id);
    meeting.state = "cancelled";
    audit("meeting.cancel", { meetingId: meeting.id, reason });
    if (invited.length === 0) return null;
    const recipients = cancelRecipients(db, meeting);
    const invitation = newRecord(db, meeting, { kind: "cancel", urgent: false, reason: reason?.trim() || null, recipients, createdBy: actorId }, now);
    audit("invitation.created", { invitationId: invitation.id, meetingId: meeting.id, kind: "cancel", sequence: invitation.sequence, recipients: recipients.map((r) => r.personId) });
    return { ...claimRecipients(invitation, now, composer(db, meeting, invitation, now, profile), audit), warnings: [] };
  },
  async send(services, batch, { actorId, input: { meetingId } }) {
    if (!batch) return { report: null, text: say("invitation.meetingCancelledText", meetingId, null) };
    const report = await deliver(services, actorId, batch);
    return { report, text: say("invitation.meetingCancelledText", meetingId, report.text.facts) };
  },
  again: async () => ({ report: null, text: say("invitation.CANCEL_ALREADY_HANDLED") }),
  announce: (services, { actorId, input: { meetingId } }) => announce(services, actorId, meetingId, "cancelled"),
};

export async function cancelMeeting(services: Services, actorId: string, meetingId: string, reason: string | null, activityId?: string): Promise<CancelOutcome> {
  return (await runMailOut(services, cancelMeetingCommand, { actorId, activityId, input: { meetingId, reason } })).value;
}
