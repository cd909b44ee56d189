/**
 * The invitation commands' wording: why an invitation may not go out yet (missing contents, the
 * notice period: services/invitation-check.ts), and what sending, the deputy's invitation,
 * changing and cancelling say (services/invitations.ts). The report of a sending run is
 * texts/invitation-report.ts's, the mail's sentences texts/invitation-mail.ts's.
 */
import { invitationPermissionText } from "./timing.ts";
import { dayTexts, instantTexts } from "./bilingual.ts";
import { invitationReportText } from "./invitation-report.ts";
import { meetingStateText } from "./meetings.ts";
import type { Meeting } from "../domain/model.ts";
import type { Profile, Texts } from "../domain/profile.ts";
import type { Day } from "../rules/time.ts";
import type { MissingContents } from "../services/invitation-core.ts";
import type { InvitationCheck } from "../services/invitation-check.ts";
import type { InvitationReport } from "../services/invitation-report.ts";

const MISSING: Record<MissingContents["missing"][number], Texts> = {
  place: { de: "der Ort", en: "the place" },
  "online-link": { de: "der Link zur Videokonferenz", en: "the video conference link" },
  date: { de: "der Termin", en: "the date" },
  agenda: { de: "die Tagesordnung (mindestens ein TOP)", en: "the agenda (at least one item)" },
};
const REQUIRED: Record<MissingContents["required"][number], Texts> = {
  place: { de: "Ort", en: "place" },
  date: { de: "Termin", en: "date" },
  agenda: { de: "Tagesordnung", en: "agenda" },
};

export function missingContentsText({ required, missing, citation }: MissingContents): Texts {
  const list = (texts: Texts[], lang: keyof Texts) => andList(texts.map((x) => x[lang]), lang === "de" ? "und" : "and");
  const [gaps, named] = [missing.map((m) => MISSING[m]), required.map((r) => REQUIRED[r])];
  return {
    de: `Die Einladung kann so nicht versandt werden: Es ${gaps.length > 1 ? "fehlen" : "fehlt"} ${list(gaps, "de")}. Aus der Einladung müssen ${list(named, "de")} hervorgehen (${citation}).`,
    en: `The invitation cannot be sent yet: ${list(gaps, "en")} ${gaps.length > 1 ? "are" : "is"} missing. It must state the ${list(named, "en")} (${citation}).`,
  };
}

/** The refusal of "/einladen", said before anything is sent. */
export function invitationRefusalText(check: Extract<InvitationCheck, { allowed: false }>): Texts {
  return check.code === "missing-contents" ? missingContentsText(check.missing) : invitationPermissionText(check.permission);
}

/** "Ort, Termin und Tagesordnung" */
function andList(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

// ── The invitation commands (services/invitations.ts, services/invitation-core.ts) ──

export const INVITATIONS_FORBIDDEN: Texts = { de: "Einladungen versendet die Geschäftsstelle (oder der Vorsitz).", en: "Invitations are sent by the Geschäftsstelle (or the chair)." };

/** A cancelled or held meeting, its state as meetingStateText words it. */
export function meetingClosedText(meetingId: string, state: Meeting["state"], profile: Profile): Texts {
  const words = meetingStateText(state, profile);
  return { de: `Die Sitzung ${meetingId} ist ${words.de}.`, en: `The meeting ${meetingId} is ${words.en}.` };
}

export const ALREADY_HANDLED: Texts = { de: "Diese Anfrage wurde bereits bearbeitet.", en: "This request was already handled." };
/** The same, as a remark after the state of the invitation. */
export const ALREADY_HANDLED_NOTE: Texts = { de: `(${ALREADY_HANDLED.de})`, en: `(${ALREADY_HANDLED.en})` };

/** More of an invitation goes out after the last day for one in time (an update, a retry, a late recipient). */
export function lateWarningText(update: boolean, day: Day, citation: string): Texts {
  const last = dayTexts(day);
  return update
    ? {
        de: `Hinweis: Die Änderung geht nach dem letzten Versandtag für eine fristgerechte Einladung hinaus (${last.de}, ${citation}); ein verlegter Termin oder neue Tagesordnungspunkte sind damit nicht fristgerecht angekündigt.`,
        en: `Note: the change goes out after the last day for an invitation in time (${last.en}, ${citation}); a moved date or new agenda items are therefore not announced in time.`,
      }
    : {
        de: `Hinweis: Der letzte Versandtag für eine fristgerechte Einladung war ${last.de}, ${citation}; wer sie erst jetzt erhält, ist nicht fristgerecht geladen.`,
        en: `Note: the last day to send the invitation in time was ${last.en}, ${citation}; whoever receives it only now was not invited in time.`,
      };
}

/** Asked for as urgent, but the regular notice could still be kept. */
export function regularInsteadOfUrgentText(lastNormalDay: Day): Texts {
  const day = dayTexts(lastNormalDay);
  return {
    de: `Die reguläre Ladungsfrist ist noch gewahrt (Versand bis ${day.de}); die Einladung ging daher als reguläre hinaus, ohne Dringlichkeitsvermerk.`,
    en: `The regular notice period can still be kept (send by ${day.en}); the invitation therefore went out as a regular one, not marked urgent.`,
  };
}

/** An urgent invitation refused because it would carry a second convocation (`items`: their numbers). */
export function urgentSecondConvocationText(items: number[], rule: { citation: string; noticeDays: number }): Texts {
  const tops = items.map((n) => `TOP ${n}`).join(", ");
  return {
    de: `Eine dringende Einladung kann keine zweite Einberufung tragen: ${tops} wäre nach ${rule.citation} nur mit einer Einladungsfrist von ${rule.noticeDays} Kalendertagen ohne Rücksicht auf die Zahl der Anwesenden beschlussfähig, und diese Frist ist nicht mehr zu wahren. Bitte die Sitzung so legen, dass die reguläre Ladungsfrist gewahrt ist.`,
    en: `An urgent invitation cannot carry a second convocation: under ${rule.citation}, ${tops} can be decided whatever the attendance only with ${rule.noticeDays} calendar days' notice, which can no longer be kept. Please set the meeting so that the regular notice period is kept.`,
  };
}

/** `start`: the meeting's start (ISO). */
export function notInvitedYetText(start: string): Texts {
  const at = instantTexts(start);
  return { de: `Für die Sitzung am ${at.de} ist noch keine Einladung versandt; erst die Einladung, dann ihre Wiederholung oder Aktualisierung.`, en: `No invitation has been sent yet for the meeting on ${at.en}; first the invitation, then its retry or update.` };
}

// ── The deputy's own invitation after a delegation ──

export function notAMemberText(name: string): Texts {
  return { de: `${name} ist kein Mitglied einer Institution.`, en: `${name} is no institution's member.` };
}

export function notDelegatedText(member: string): Texts {
  return { de: `${member} hat die Sitzung nicht an eine Stellvertretung übergeben.`, en: `${member} has not handed the meeting to a deputy.` };
}

export const CANCELLED_NO_INVITATION: Texts = { de: "Die Sitzung ist abgesagt; es geht keine Einladung mehr hinaus.", en: "The meeting is cancelled; no invitation goes out any more." };

export function deputyWithInvitationText(deputy: string): Texts {
  return { de: `Die Einladung ist noch nicht versandt; ${deputy} erhält sie mit dem Versand.`, en: `The invitation has not been sent yet; ${deputy} will receive it then.` };
}

/**
 * How the deputy's invitation went, said to the member who delegated: no mail server, folder or
 * command (issue 16.7) — the Geschäftsstelle sees those in its outbox and sends again from there.
 */
export function deputyInvitationText(report: Pick<InvitationReport, "sentNow" | "transport" | "failed" | "inProgress">, deputy: string, member: string): Texts {
  if (report.sentNow === 1 && report.transport === "outbox") {
    return { de: `Die Einladung für ${deputy} (Vertretung für ${member}) ist vorbereitet; die Geschäftsstelle versendet sie.`, en: `The invitation for ${deputy} (standing in for ${member}) is prepared; the Geschäftsstelle sends it.` };
  }
  if (report.sentNow === 1) return { de: `${deputy} (Vertretung für ${member}) hat die Einladung per E-Mail erhalten.`, en: `${deputy} (standing in for ${member}) has been sent the invitation by e-mail.` };
  if (report.failed[0]) {
    return { de: `Die Einladung an ${deputy} konnte noch nicht zugestellt werden; die Geschäftsstelle sendet sie erneut.`, en: `The invitation to ${deputy} could not be delivered yet; the Geschäftsstelle will send it again.` };
  }
  if (report.inProgress > 0) return { de: `Die Einladung an ${deputy} wird gerade versandt.`, en: `The invitation to ${deputy} is being sent right now.` };
  return { de: `${deputy} hat die Einladung bereits erhalten.`, en: `${deputy} has already received the invitation.` };
}

/** How a released deputy's calendar cancellation went, said to the member who attends after all. */
export function releaseText(report: Pick<InvitationReport, "sentNow" | "transport" | "failed" | "inProgress">, deputy: string): Texts {
  if (report.sentNow === 1 && report.transport === "outbox") {
    return { de: `Die Absage des Kalendereintrags für ${deputy} ist vorbereitet; die Geschäftsstelle versendet sie.`, en: `The calendar cancellation for ${deputy} is prepared; the Geschäftsstelle sends it.` };
  }
  if (report.sentNow === 1) return { de: `${deputy} wird nicht mehr als Vertretung gebraucht und hat die Absage des Kalendereintrags per E-Mail erhalten.`, en: `${deputy} is no longer needed as deputy and has been sent the calendar cancellation by e-mail.` };
  if (report.failed[0]) return { de: `Die Nachricht an ${deputy} konnte noch nicht zugestellt werden; die Geschäftsstelle sendet sie erneut.`, en: `The message to ${deputy} could not be delivered yet; the Geschäftsstelle will send it again.` };
  return { de: `${deputy} wird nicht mehr als Vertretung gebraucht.`, en: `${deputy} is no longer needed as deputy.` };
}

// ── Changing and cancelling a meeting ──

export const NO_CHANGE: Texts = { de: "Es ist keine Änderung angegeben.", en: "No change was given." };
export const NOTHING_TO_UPDATE: Texts = { de: "Seit der letzten Einladung hat sich weder an Zeit, Ort noch Tagesordnung etwas geändert; ich habe nichts versandt.", en: "Nothing has changed in time, place or agenda since the last invitation; I have sent nothing." };
export const CHANGE_ALREADY_HANDLED: Texts = { de: "Diese Änderung wurde bereits bearbeitet.", en: "This change was already handled." };

/** What a sending run's report says: the facts of invitationReportText. */
type Report = Parameters<typeof invitationReportText>;

/** The meeting was changed; `report` is the report of the update it sent, null before the invitation. */
export function meetingChangedText(report: Report | null): Texts {
  const update = report && invitationReportText(...report);
  return update
    ? { de: `Die Sitzung ist geändert. ${update.de}`, en: `The meeting has been changed. ${update.en}` }
    : { de: "Die Sitzung ist geändert. Eine Einladung ist noch nicht versandt; sie enthält dann die neuen Angaben.", en: "The meeting has been changed. No invitation has gone out yet; it will carry the new details." };
}

export function meetingOverText(meetingId: string): Texts {
  return { de: `Die Sitzung ${meetingId} ist bereits vorbei.`, en: `The meeting ${meetingId} is already over.` };
}

export const CANCEL_ALREADY_HANDLED: Texts = { de: "Diese Absage wurde bereits bearbeitet.", en: "This cancellation was already handled." };

/** The meeting is cancelled; `sent` is the report of the cancellation mails, null when no invitation had gone out. */
export function meetingCancelledText(meetingId: string, sent: Report | null): Texts {
  const report = sent && invitationReportText(...sent);
  return report
    ? { de: `Die Sitzung ${meetingId} ist abgesagt. ${report.de}`, en: `The meeting ${meetingId} is cancelled. ${report.en}` }
    : { de: `Die Sitzung ${meetingId} ist abgesagt. Es war noch keine Einladung versandt, daher geht keine Absage hinaus.`, en: `The meeting ${meetingId} is cancelled. No invitation had been sent, so no cancellation goes out.` };
}
