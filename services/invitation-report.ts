/**
 * What the Geschäftsstelle is told after a sending run: exactly how many went out, who failed and
 * why, and — in outbox mode — plainly that nothing was sent yet.
 */
import type { Db, Invitation } from "../domain/model.ts";
import type { Mailer } from "../adapters/mail-transport.ts";
import type { Texts } from "../domain/profile.ts";
import { berlinDay, formatDateTime, formatDay } from "../rules/time.ts";
import { NOT_COMPOSED, type Batch, type Delivery } from "./invitation-delivery.ts";
import { nameOf } from "./invitation-recipients.ts";

export interface FailedRecipient {
  personId: string;
  name: string;
  email: string;
  error: string;
}

export interface InvitationReport {
  invitationId: string;
  meetingId: string;
  kind: Invitation["kind"];
  sequence: number;
  /** Recipients on the invitation record. */
  total: number;
  /** Of those, accepted by the mail server (outbox: written as a file) — in this run or before. */
  accepted: number;
  /** Accepted in this run. */
  sentNow: number;
  /** Refused or not reachable in this run; a retry sends to exactly these (and any still open). */
  failed: FailedRecipient[];
  /** Accepted before this run and therefore not sent again. */
  skippedAlreadyAccepted: number;
  /** Being sent by another run at this very moment. */
  inProgress: number;
  urgent: boolean;
  /** Urgent invitation: the reason; update: what changed; cancellation: why. */
  reason: string | null;
  /** Set once every recipient was accepted. */
  sentAt: string | null;
  transport: Mailer["kind"];
  text: Texts;
}

const WHAT: Record<Invitation["kind"], { de: string; en: string }> = {
  request: { de: "Einladung zur Sitzung", en: "Invitation to the meeting" },
  update: { de: "Geänderte Einladung zur Sitzung", en: "Updated invitation to the meeting" },
  cancel: { de: "Absage der Sitzung", en: "Cancellation of the meeting" },
};

export function buildReport(db: Db, invitation: Invitation, batch: Batch, deliveries: Delivery[], mailer: Pick<Mailer, "kind" | "target">): InvitationReport {
  const failed = deliveries
    .filter((d) => !d.accepted)
    .map((d) => {
      const r = invitation.recipients.find((x) => x.personId === d.personId)!;
      return { personId: d.personId, name: nameOf(db, r), email: r.email, error: d.error ?? "unbekannter Fehler" };
    });
  const report: Omit<InvitationReport, "text"> = {
    invitationId: invitation.id,
    meetingId: invitation.meetingId,
    kind: invitation.kind,
    sequence: invitation.sequence,
    total: invitation.recipients.length,
    accepted: invitation.recipients.filter((r) => r.acceptedAt).length,
    sentNow: deliveries.filter((d) => d.accepted).length,
    failed,
    skippedAlreadyAccepted: batch.alreadyAccepted,
    inProgress: batch.inProgress,
    urgent: invitation.urgent,
    reason: invitation.reason,
    sentAt: invitation.sentAt,
    transport: mailer.kind,
  };
  const meeting = db.meetings.find((m) => m.id === invitation.meetingId)!;
  return { ...report, text: reportText(report, new Date(meeting.start), mailer.target, batch.warnings) };
}

function reportText(r: Omit<InvitationReport, "text">, meetingStart: Date, target: string, warnings: Texts[]): Texts {
  const day = { de: formatDay(berlinDay(meetingStart), "de"), en: formatDay(berlinDay(meetingStart), "en") };
  const head = { de: `${WHAT[r.kind].de} am ${day.de}: `, en: `${WHAT[r.kind].en} on ${day.en}: ` };
  const parts: Texts[] = [head, summary(r, target)];
  if (r.urgent && r.kind === "request" && r.sentNow > 0) {
    parts.push({ de: ` Dringende Einladung mit verkürzter Ladungsfrist; Grund (vermerkt): ${r.reason}.`, en: ` Urgent invitation with shortened notice; reason (recorded): ${r.reason}.` });
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
  for (const w of warnings) parts.push({ de: ` ${w.de}`, en: ` ${w.en}` });
  return { de: parts.map((p) => p.de).join(""), en: parts.map((p) => p.en).join("") };
}

function summary(r: Omit<InvitationReport, "text">, target: string): Texts {
  if (r.sentNow === 0 && r.failed.length === 0) {
    if (r.accepted === r.total) {
      const since = r.sentAt ? { de: ` (vollständig seit ${formatDateTime(new Date(r.sentAt), "de")})`, en: ` (complete since ${formatDateTime(new Date(r.sentAt), "en")})` } : { de: "", en: "" };
      return r.transport === "outbox"
        ? { de: `bereits für alle ${r.total} Empfänger erstellt${since.de}; nichts wurde erneut erzeugt.`, en: `already made for all ${r.total} recipients${since.en}; nothing was made again.` }
        : { de: `bereits an alle ${r.total} Empfänger versandt${since.de}; nichts wurde erneut gesendet.`, en: `already sent to all ${r.total} recipients${since.en}; nothing was sent again.` };
    }
    return { de: `${r.accepted} von ${r.total} versandt; in diesem Vorgang wurde nichts gesendet.`, en: `${r.accepted} of ${r.total} sent; nothing was sent in this run.` };
  }
  const errors = new Set(r.failed.map((f) => f.error));
  if (r.sentNow === 0 && errors.size === 1) {
    const error = [...errors][0]!;
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
  const list = r.failed.map((f) => `${f.name} <${f.email}> – ${f.error}`).join("; ");
  const failed = r.failed.length > 0 ? { de: `, ${r.failed.length} fehlgeschlagen: ${list}`, en: `, ${r.failed.length} failed: ${list}` } : { de: "", en: "" };
  if (r.transport === "outbox") {
    return {
      de: `${r.accepted} von ${r.total} als .eml-Datei im Ausgangsordner ${target} abgelegt${failed.de}. Diese E-Mails wurden NICHT versandt (kein SMTP_URL eingerichtet): bitte die Dateien z. B. in Outlook öffnen und senden, oder SMTP_URL setzen.`,
      en: `${r.accepted} of ${r.total} written as .eml files to the outbox folder ${target}${failed.en}. These e-mails were NOT sent (no SMTP_URL configured): open and send the files, e.g. in Outlook, or set SMTP_URL.`,
    };
  }
  return { de: `${r.accepted} von ${r.total} versandt${failed.de}.`, en: `${r.accepted} of ${r.total} sent${failed.en}.` };
}
