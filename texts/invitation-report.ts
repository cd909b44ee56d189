/**
 * What the Geschäftsstelle is told after an invitation's sending run (services/invitation-report.ts):
 * how many went out, who failed and why, and — in outbox mode — plainly that nothing was sent yet.
 */
import type { Invitation } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import { formatDateTime, type Day } from "../rules/time.ts";
import type { InvitationReport } from "../services/invitation-report.ts";
import { dayTexts, NONE } from "./bilingual.ts";
import { ALREADY_HANDLED_NOTE, lateWarningText, regularInsteadOfUrgentText } from "./invitation.ts";

type Facts = Omit<InvitationReport, "text">;

/** What a command adds to its report, as data: a late send, a regular instead of an urgent one, a redelivered request. */
export type ReportWarning =
  | { kind: "late"; update: boolean; day: Day; citation: string }
  | { kind: "regular-instead-of-urgent"; lastNormalDay: Day }
  | { kind: "already-handled" };

function warningText(w: ReportWarning): Texts {
  if (w.kind === "late") return lateWarningText(w.update, w.day, w.citation);
  return w.kind === "regular-instead-of-urgent" ? regularInsteadOfUrgentText(w.lastNormalDay) : ALREADY_HANDLED_NOTE;
}

/** How a mail that could not be composed is recorded: our own failure, not the mail server's answer. */
export const NOT_COMPOSED = "Die Nachricht konnte nicht erstellt werden: ";


const WHAT: Record<Invitation["kind"], Texts> = {
  request: { de: "Einladung zur Sitzung", en: "Invitation to the meeting" },
  update: { de: "Geänderte Einladung zur Sitzung", en: "Updated invitation to the meeting" },
  cancel: { de: "Absage der Sitzung", en: "Cancellation of the meeting" },
};

/** The report: what, on which day, how far it got, and the warnings the command gathered. */
export function invitationReportText(r: Facts, meetingDay: Day, target: string, warnings: ReportWarning[]): Texts {
  const day = dayTexts(meetingDay);
  const head = { de: `${WHAT[r.kind].de} am ${day.de}: `, en: `${WHAT[r.kind].en} on ${day.en}: ` };
  const parts: Texts[] = [head, summary(r, target), ...remarks(r)];
  for (const w of warnings.map(warningText)) parts.push({ de: ` ${w.de}`, en: ` ${w.en}` });
  return { de: parts.map((p) => p.de).join(""), en: parts.map((p) => p.en).join("") };
}

function remarks(r: Facts): Texts[] {
  const parts: Texts[] = [];
  if (r.urgent && r.kind === "request" && r.sentNow > 0) {
    // The reason as typed may end with its own full stop: one is enough.
    const reason = (r.reason ?? "").replace(/[.!]+$/, "");
    parts.push({ de: ` Dringende Einladung mit verkürzter Ladungsfrist; Grund (vermerkt): ${reason}.`, en: ` Urgent invitation with shortened notice; reason (recorded): ${reason}.` });
  }
  if (r.skippedAlreadyAccepted > 0 && (r.sentNow > 0 || r.failed.length > 0)) {
    parts.push({
      de: ` ${r.skippedAlreadyAccepted} Empfänger hatten sie schon und erhalten sie nicht noch einmal.`,
      en: ` ${r.skippedAlreadyAccepted} recipients already had it and do not get it again.`,
    });
  }
  if (r.inProgress > 0) {
    parts.push({
      de: ` ${r.inProgress} werden gerade von einem anderen Vorgang versandt; bitte dessen Ergebnis abwarten.`,
      en: ` ${r.inProgress} are being sent by another run right now; please wait for its result.`,
    });
  }
  if (r.failed.length > 0) {
    parts.push({
      de: " Ein erneuter Versand („/einladen“, auf der Befehlszeile „invite retry“) geht nur an die fehlenden Empfänger.",
      en: ' Sending again ("/einladen", on the command line "invite retry") reaches only the missing recipients.',
    });
  }
  return parts;
}

function summary(r: Facts, target: string): Texts {
  if (r.sentNow === 0 && r.failed.length === 0) return nothingSent(r);
  const errors = new Set(r.failed.map((f) => f.error));
  if (r.sentNow === 0 && errors.size === 1) return allFailed(r, [...errors][0]!, target);
  const list = r.failed.map((f) => `${f.name} <${f.email}> – ${f.error}`).join("; ");
  const failed = r.failed.length > 0 ? { de: `, ${r.failed.length} fehlgeschlagen: ${list}`, en: `, ${r.failed.length} failed: ${list}` } : NONE;
  if (r.transport === "outbox") {
    return {
      de: `${r.accepted} von ${r.total} als .eml-Datei im Ausgangsordner ${target} abgelegt${failed.de}. Diese E-Mails wurden NICHT versandt (kein SMTP_URL eingerichtet): bitte die Dateien z. B. in Outlook öffnen und senden, oder SMTP_URL setzen.`,
      en: `${r.accepted} of ${r.total} written as .eml files to the outbox folder ${target}${failed.en}. These e-mails were NOT sent (no SMTP_URL configured): open and send the files, e.g. in Outlook, or set SMTP_URL.`,
    };
  }
  return { de: `${r.accepted} von ${r.total} versandt${failed.de}.`, en: `${r.accepted} of ${r.total} sent${failed.en}.` };
}

/** Nothing went out in this run, and nothing failed. */
function nothingSent(r: Facts): Texts {
  if (r.accepted !== r.total) return { de: `${r.accepted} von ${r.total} versandt; in diesem Vorgang wurde nichts gesendet.`, en: `${r.accepted} of ${r.total} sent; nothing was sent in this run.` };
  const since = r.sentAt ? { de: ` (vollständig seit ${formatDateTime(new Date(r.sentAt), "de")})`, en: ` (complete since ${formatDateTime(new Date(r.sentAt), "en")})` } : NONE;
  return r.transport === "outbox"
    ? { de: `bereits für alle ${r.total} Empfänger erstellt${since.de}; nichts wurde erneut erzeugt.`, en: `already made for all ${r.total} recipients${since.en}; nothing was made again.` }
    : { de: `bereits an alle ${r.total} Empfänger versandt${since.de}; nichts wurde erneut gesendet.`, en: `already sent to all ${r.total} recipients${since.en}; nothing was sent again.` };
}

/** Every mail of this run failed for the one same reason: ours (not composed) or the server's. */
function allFailed(r: Facts, error: string, target: string): Texts {
  if (error.startsWith(NOT_COMPOSED)) {
    const reason = error.slice(NOT_COMPOSED.length);
    return {
      de: `nichts versandt – die Nachrichten konnten nicht erstellt werden (${reason}); das ist ein Fehler des Bots, nicht des Mailservers. Keine Nachricht ist als versandt vermerkt (${r.accepted} von ${r.total}); bitte melden Sie ihn.`,
      en: `nothing sent – the messages could not be composed (${reason}); this is a fault of the bot, not of the mail server. No message is recorded as sent (${r.accepted} of ${r.total}); please report it.`,
    };
  }
  return {
    de: `nichts versandt – ${target} meldet: ${error}. Keine Nachricht ist als versandt vermerkt (${r.accepted} von ${r.total}).`,
    en: `nothing sent – ${target} says: ${error}. No message is recorded as sent (${r.accepted} of ${r.total}).`,
  };
}
