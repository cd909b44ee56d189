/**
 * Invitations by e-mail with a calendar invitation (Rhein-Sieg § 4 Abs. 5 GO): send, retry, the
 * deputy's own invitation after a delegation, updates after a change, and the cancellation.
 *
 * Every command: validate → authorize → prepare the record and claim its recipients in one store
 * update → send outside the lock → record each server's answer in a second update. The record
 * shows per recipient when the mail server accepted the message: the proof that notice was kept.
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
import { formatMeetingTime } from "../adapters/invitation-mail.ts";
import type { Db, Invitation, Meeting, MeetingMode, Recipient } from "../domain/model.ts";
import type { Audit } from "../adapters/store.ts";
import type { Profile, Texts } from "../domain/profile.ts";
import { formatDay, parseInstant, toBerlinIso } from "../rules/time.ts";
import { invitationPermission } from "../rules/timing.ts";
import { profileOf, type Services } from "./context.ts";
import { personById } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import {
  authorize,
  composer,
  deliver,
  latestInvitation,
  lateWarning,
  meetingOf,
  newRecord,
  openMeeting,
  requireContents,
  statusReport,
  unsent,
} from "./invitation-core.ts";
import { claimRecipients, type Batch } from "./invitation-delivery.ts";
import { currentRecipients, deputyFor, extendRecipients } from "./invitation-recipients.ts";
import type { InvitationReport } from "./invitation-report.ts";
import { checkMeeting, meetingView, type MeetingView } from "./meetings.ts";
import { invitationPermissionText } from "../texts/timing.ts";

export type { InvitationReport, FailedRecipient } from "./invitation-report.ts";
export { bodyGenitive, meetingUid } from "./invitation-core.ts";

export interface InvitationRequest {
  urgent: boolean;
  reason: string | null;
}

/**
 * Sends the meeting's invitation. If one already went out, this sends it to whoever is still
 * missing (failed before, or a deputy added since) and never again to anyone accepted.
 */
export async function sendInvitation(services: Services, actorId: string, meetingId: string, request: InvitationRequest, activityId?: string): Promise<InvitationReport> {
  const now = services.clock();
  const prepared = await services.store.update({ actorId, activityId }, (db, audit) => {
    authorize(db, actorId);
    const meeting = openMeeting(db, meetingId);
    const latest = latestInvitation(db, meeting.id);
    return latest ? continueLatest(db, audit, meeting, latest, now) : startRequest(db, audit, actorId, meeting, request, now);
  });
  if (prepared.duplicate) return statusReport(services, meetingId);
  return deliver(services, actorId, prepared.value);
}

/** Sends the latest invitation, update or cancellation to the recipients it has not reached yet. */
export async function retryInvitation(services: Services, actorId: string, meetingId: string, activityId?: string): Promise<InvitationReport> {
  const now = services.clock();
  const prepared = await services.store.update({ actorId, activityId }, (db, audit) => {
    authorize(db, actorId);
    const meeting = meetingOf(db, meetingId);
    const latest = latestInvitation(db, meeting.id);
    if (!latest) throw notInvitedYet(meeting.id);
    return continueLatest(db, audit, meeting, latest, now);
  });
  if (prepared.duplicate) return statusReport(services, meetingId);
  return deliver(services, actorId, prepared.value);
}

function startRequest(db: Db, audit: Audit, actorId: string, meeting: Meeting, request: InvitationRequest, now: Date): Batch {
  const profile = profileOf(db);
  requireContents(meeting, profile);
  const permission = invitationPermission(new Date(meeting.start), now, profile, request);
  if (!permission.allowed) throw new ServiceError(invitationPermissionText(permission), "conflict");
  refuseUrgentSecondConvocation(db, meeting, permission.urgent);
  const invitation = newRecord(
    db,
    meeting,
    { kind: "request", urgent: permission.urgent, reason: permission.urgent ? request.reason?.trim() || null : null, recipients: currentRecipients(db, meeting), createdBy: actorId },
    now,
  );
  audit("invitation.created", {
    invitationId: invitation.id, meetingId: meeting.id, kind: "request", sequence: invitation.sequence, urgent: invitation.urgent, reason: invitation.reason,
    recipients: invitation.recipients.map((r) => r.personId), lastNormalDay: permission.lastNormalDay, lastUrgentDay: permission.lastUrgentDay,
  });
  const warnings: Texts[] = [];
  if (request.urgent && !permission.urgent && permission.lastNormalDay) {
    const day = { de: formatDay(permission.lastNormalDay, "de"), en: formatDay(permission.lastNormalDay, "en") };
    warnings.push({
      de: `Die reguläre Ladungsfrist ist noch gewahrt (Versand bis ${day.de}); die Einladung ging daher als reguläre hinaus, ohne Dringlichkeitsvermerk.`,
      en: `The regular notice period can still be kept (send by ${day.en}); the invitation therefore went out as a regular one, not marked urgent.`,
    });
  }
  return { ...claimRecipients(invitation, now, composer(db, meeting, invitation, now), audit), warnings };
}

/** See the module comment: a second convocation needs the full notice, which "urgent" means is not kept. */
function refuseUrgentSecondConvocation(db: Db, meeting: Meeting, urgent: boolean): void {
  const rule = profileOf(db).secondConvocation;
  const items = meeting.agenda.filter((i) => i.secondConvocation).map((i) => `TOP ${i.number}`);
  if (!urgent || !rule.regulated || items.length === 0) return;
  const tops = items.join(", ");
  throw new ServiceError(
    {
      de: `Eine dringende Einladung kann keine zweite Einberufung tragen: ${tops} wäre nach ${rule.citation} nur mit einer Einladungsfrist von ${rule.noticeDays} Kalendertagen ohne Rücksicht auf die Zahl der Anwesenden beschlussfähig, und diese Frist ist nicht mehr zu wahren. Bitte die Sitzung so legen, dass die reguläre Ladungsfrist gewahrt ist.`,
      en: `An urgent invitation cannot carry a second convocation: under ${rule.citation}, ${tops} can be decided whatever the attendance only with ${rule.noticeDays} calendar days' notice, which can no longer be kept. Please set the meeting so that the regular notice period is kept.`,
    },
    "conflict",
  );
}

/** The latest record again: add whoever is missing now (not for a cancellation), claim the open ones. */
function continueLatest(db: Db, audit: Audit, meeting: Meeting, latest: Invitation, now: Date): Batch {
  if (latest.kind !== "cancel") {
    const added = extendRecipients(latest.recipients, currentRecipients(db, meeting));
    if (added.length > 0) audit("invitation.recipients-added", { invitationId: latest.id, meetingId: meeting.id, recipients: added.map((r) => r.personId) });
  }
  const batch = claimRecipients(latest, now, composer(db, meeting, latest, now), audit);
  const late = latest.kind !== "cancel" && batch.outgoing.length > 0 ? lateWarning(db, meeting, latest, now) : null;
  return { ...batch, warnings: late ? [late] : [] };
}

function notInvitedYet(meetingId: string): ServiceError {
  return new ServiceError(
    { de: `Für die Sitzung ${meetingId} ist noch keine Einladung versandt („/einladen“).`, en: `No invitation has been sent for the meeting ${meetingId} yet ("/einladen").` },
    "conflict",
  );
}

/**
 * § 4 Abs. 6 (Rhein-Sieg): a member who delegates after the invitation went out — the deputy gets
 * a REQUEST of their own (same UID and SEQUENCE, DELEGATED-FROM the member, whose ATTENDEE is
 * DELEGATED), recorded as an extra recipient of the latest record. Called by the system after the
 * delegation was recorded; before the invitation went out, the deputy simply gets it with it.
 */
export async function sendDelegatedInvitation(services: Services, meetingId: string, memberId: string): Promise<{ sent: boolean; text: Texts }> {
  const now = services.clock();
  const result = await services.store.update({ actorId: "system" }, (db, audit): DeputyStep => {
    const meeting = meetingOf(db, meetingId);
    const institution = db.institutions.find((i) => i.memberId === memberId);
    if (!institution) throw new ServiceError({ de: `${personById(db, memberId).name} ist kein Mitglied einer Institution.`, en: `${personById(db, memberId).name} is no institution's member.` }, "invalid");
    const deputy = deputyFor(db, meeting.id, institution);
    const member = personById(db, memberId);
    if (!deputy) return { skip: { de: `${member.name} hat die Sitzung nicht an eine Stellvertretung übergeben.`, en: `${member.name} has not handed the meeting to a deputy.` } };
    const latest = latestInvitation(db, meeting.id);
    if (meeting.state === "cancelled" || latest?.kind === "cancel") return { skip: { de: "Die Sitzung ist abgesagt; es geht keine Einladung mehr hinaus.", en: "The meeting is cancelled; no invitation goes out any more." } };
    if (!latest) {
      return { skip: { de: `Die Einladung ist noch nicht versandt; ${deputy.name} erhält sie mit dem Versand.`, en: `The invitation has not been sent yet; ${deputy.name} will receive it then.` } };
    }
    const added = extendRecipients(latest.recipients, [{ personId: deputy.id, email: deputy.email, role: "deputy", acceptedAt: null, error: null, attempts: 0, claimedAt: null }]);
    if (added.length > 0) audit("invitation.deputy-added", { invitationId: latest.id, meetingId: meeting.id, memberId, deputyId: deputy.id });
    const batch = claimRecipients(latest, now, composer(db, meeting, latest, now), audit, new Set([deputy.id]));
    return { batch: { ...batch, warnings: [] }, deputy: deputy.name, member: member.name };
  });
  if (result.duplicate) throw new Error("unreachable: no activity id given");
  const value = result.value;
  if ("skip" in value) return { sent: false, text: value.skip };
  const report = await deliver(services, "system", value.batch);
  return { sent: report.sentNow === 1, text: deputyText(report, value.deputy, value.member) };
}

type DeputyStep = { skip: Texts } | { batch: Batch; deputy: string; member: string };

function deputyText(report: InvitationReport, deputy: string, member: string): Texts {
  if (report.sentNow === 1 && report.transport === "outbox") {
    return {
      de: `Die Einladung für ${deputy} (Vertretung für ${member}) liegt als .eml-Datei im Ausgangsordner; sie wurde NICHT versandt (kein SMTP_URL eingerichtet).`,
      en: `The invitation for ${deputy} (standing in for ${member}) is in the outbox folder as an .eml file; it was NOT sent (no SMTP_URL configured).`,
    };
  }
  if (report.sentNow === 1) return { de: `${deputy} (Vertretung für ${member}) hat die Einladung per E-Mail erhalten.`, en: `${deputy} (standing in for ${member}) has been sent the invitation by e-mail.` };
  if (report.failed[0]) {
    const error = report.failed[0].error;
    return { de: `Die Einladung an ${deputy} konnte nicht versandt werden: ${error}. Ein erneuter Versand („/einladen“) holt es nach.`, en: `The invitation to ${deputy} could not be sent: ${error}. Sending again ("/einladen") will catch up.` };
  }
  if (report.inProgress > 0) return { de: `Die Einladung an ${deputy} wird gerade versandt.`, en: `The invitation to ${deputy} is being sent right now.` };
  return { de: `${deputy} hat die Einladung bereits erhalten.`, en: `${deputy} has already received the invitation.` };
}

/**
 * Sends the changed invitation (same UID, SEQUENCE + 1, METHOD:REQUEST) to everyone the meeting's
 * invitation went to, and anyone added since — e.g. after agenda items were added. `note` says what changed.
 */
export async function sendUpdate(services: Services, actorId: string, meetingId: string, note: string | null, activityId?: string): Promise<InvitationReport> {
  const now = services.clock();
  const prepared = await services.store.update({ actorId, activityId }, (db, audit) => {
    authorize(db, actorId);
    return prepareUpdate(db, audit, actorId, openMeeting(db, meetingId), note, now);
  });
  if (prepared.duplicate) return statusReport(services, meetingId);
  return deliver(services, actorId, prepared.value);
}

function prepareUpdate(db: Db, audit: Audit, actorId: string, meeting: Meeting, note: string | null, now: Date): Batch {
  const latest = latestInvitation(db, meeting.id);
  if (!latest) throw notInvitedYet(meeting.id);
  requireContents(meeting, profileOf(db));
  const recipients = unsent(latest.recipients);
  extendRecipients(recipients, currentRecipients(db, meeting));
  // The notice stays as it was given; `reason` of an update record is what changed.
  const invitation = newRecord(db, meeting, { kind: "update", urgent: latest.urgent, reason: note?.trim() || null, recipients, createdBy: actorId }, now);
  audit("invitation.created", { invitationId: invitation.id, meetingId: meeting.id, kind: "update", sequence: invitation.sequence, note: invitation.reason, recipients: recipients.map((r) => r.personId) });
  const batch = claimRecipients(invitation, now, composer(db, meeting, invitation, now), audit);
  const late = lateWarning(db, meeting, invitation, now);
  return { ...batch, warnings: late ? [late] : [] };
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
  /** Allowed, but worth saying (a start in the past, longer than the profile's meeting length). */
  warnings: Texts[];
  /** The update sent because the meeting had been invited to; null otherwise. */
  update: InvitationReport | null;
  text: Texts;
}

/** Changes date, place or mode; once invited, the change goes out as an update in the same step. */
export async function changeMeeting(services: Services, actorId: string, meetingId: string, changes: MeetingChanges, note: string | null, activityId?: string): Promise<ChangeOutcome> {
  const now = services.clock();
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    authorize(db, actorId);
    const meeting = openMeeting(db, meetingId);
    const before = { start: meeting.start, end: meeting.end, location: meeting.location, mode: meeting.mode, onlineUrl: meeting.onlineUrl };
    const checked = checkedFields(before, changes, now, profileOf(db));
    const changed = changedFields(before, checked.value);
    if (changed.length === 0) throw new ServiceError({ de: "Es ist keine Änderung angegeben.", en: "No change was given." }, "invalid");
    Object.assign(meeting, checked.value);
    audit("meeting.change", { meetingId: meeting.id, changed, before, after: checked.value });
    const invited = latestInvitation(db, meeting.id) !== null;
    const batch = invited ? prepareUpdate(db, audit, actorId, meeting, changeNote(before, meeting, changed, note), now) : null;
    return { batch, warnings: checked.warnings };
  });
  if (result.duplicate) {
    const db = await services.store.read();
    const view = meetingView(db, meetingOf(db, meetingId));
    return { meeting: view, warnings: [], update: null, text: { de: "Diese Änderung wurde bereits bearbeitet.", en: "This change was already handled." } };
  }
  const { batch, warnings } = result.value;
  const update = batch ? await deliver(services, actorId, batch) : null;
  const db = await services.store.read();
  const text: Texts = update
    ? { de: `Die Sitzung ist geändert. ${update.text.de}`, en: `The meeting has been changed. ${update.text.en}` }
    : { de: "Die Sitzung ist geändert. Eine Einladung ist noch nicht versandt; sie enthält dann die neuen Angaben.", en: "The meeting has been changed. No invitation has gone out yet; it will carry the new details." };
  return { meeting: meetingView(db, meetingOf(db, meetingId)), warnings, update, text };
}

type Fields = Pick<Meeting, "start" | "end" | "location" | "mode" | "onlineUrl">;

function checkedFields(before: Fields, changes: MeetingChanges, now: Date, profile: Profile) {
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as MeetingChanges;
  let end = given.end;
  const newStart = given.start === undefined ? null : parseInstant(given.start);
  if (end === undefined && newStart) {
    end = toBerlinIso(new Date(newStart.getTime() + Date.parse(before.end) - Date.parse(before.start)));
  }
  return checkMeeting({ ...before, ...given, end: end ?? before.end }, now, profile);
}

function changedFields(before: Fields, after: Fields): (keyof Fields)[] {
  const same = (k: keyof Fields) => (k === "start" || k === "end" ? Date.parse(before[k]) === Date.parse(after[k]) : before[k] === after[k]);
  return (["start", "end", "location", "mode", "onlineUrl"] as const).filter((k) => !same(k));
}

/** "Geändert: Termin (bisher …), Ort (bisher …)." followed by the Geschäftsstelle's own note. */
function changeNote(before: Fields, after: Fields, changed: (keyof Fields)[], note: string | null): string {
  const parts: string[] = [];
  if (changed.includes("start") || changed.includes("end")) parts.push(`Termin (bisher ${formatMeetingTime(new Date(before.start), new Date(before.end))})`);
  if (changed.includes("location")) parts.push(`Ort (bisher ${before.location || "keiner"})`);
  if (changed.includes("mode")) parts.push(`Art der Sitzung (bisher ${MODE[before.mode]}, jetzt ${MODE[after.mode]})`);
  if (changed.includes("onlineUrl")) parts.push("Link zur Videokonferenz");
  const own = note?.trim() ? ` ${note.trim()}` : "";
  return `Geändert: ${parts.join(", ")}.${own}`;
}

const MODE: Record<MeetingMode, string> = { "in-person": "in Präsenz", online: "digital", hybrid: "hybrid" };

export interface CancelOutcome {
  /** The METHOD:CANCEL mails, when the meeting had been invited to; null otherwise. */
  report: InvitationReport | null;
  text: Texts;
}

/** Cancels the meeting; everyone any invitation went to gets METHOD:CANCEL, removing the calendar entry. */
export async function cancelMeeting(services: Services, actorId: string, meetingId: string, reason: string | null, activityId?: string): Promise<CancelOutcome> {
  const now = services.clock();
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    authorize(db, actorId);
    const meeting = openMeeting(db, meetingId);
    if (now.getTime() >= Date.parse(meeting.end)) {
      throw new ServiceError({ de: `Die Sitzung ${meeting.id} ist bereits vorbei.`, en: `The meeting ${meeting.id} is already over.` }, "conflict");
    }
    const invited = db.invitations.filter((i) => i.meetingId === meeting.id);
    meeting.state = "cancelled";
    audit("meeting.cancel", { meetingId: meeting.id, reason });
    if (invited.length === 0) return null;
    const recipients: Recipient[] = [];
    for (const record of invited) extendRecipients(recipients, unsent(record.recipients));
    const invitation = newRecord(db, meeting, { kind: "cancel", urgent: false, reason: reason?.trim() || null, recipients, createdBy: actorId }, now);
    audit("invitation.created", { invitationId: invitation.id, meetingId: meeting.id, kind: "cancel", sequence: invitation.sequence, recipients: recipients.map((r) => r.personId) });
    return { ...claimRecipients(invitation, now, composer(db, meeting, invitation, now), audit), warnings: [] };
  });
  if (result.duplicate) return { report: null, text: { de: "Diese Absage wurde bereits bearbeitet.", en: "This cancellation was already handled." } };
  if (!result.value) {
    return { report: null, text: { de: `Die Sitzung ${meetingId} ist abgesagt. Es war noch keine Einladung versandt, daher geht keine Absage hinaus.`, en: `The meeting ${meetingId} is cancelled. No invitation had been sent, so no cancellation goes out.` } };
  }
  const report = await deliver(services, actorId, result.value);
  return { report, text: { de: `Die Sitzung ${meetingId} ist abgesagt. ${report.text.de}`, en: `The meeting ${meetingId} is cancelled. ${report.text.en}` } };
}
