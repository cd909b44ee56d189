/** Wording of the outbox: what a message is for, how it went, and the notice mail's signature. */
import { closing, salutation, type Salutation } from "./greeting.ts";
import type { Texts } from "../domain/profile.ts";

/** A notice's subject and text, as the commands word them for the deputy, the member or the Geschäftsstelle. */
export interface NoticeTexts {
  subject: Texts;
  text: Texts;
}

export type OutboxPurpose = "invitation" | "update" | "cancel" | "notice" | "minutes" | "announcement";

export const PURPOSE: Record<OutboxPurpose, Texts> = {
  invitation: { de: "Einladung", en: "invitation" },
  update: { de: "geänderte Einladung", en: "updated invitation" },
  cancel: { de: "Absage der Sitzung", en: "cancellation" },
  notice: { de: "Benachrichtigung", en: "notice" },
  minutes: { de: "Niederschrift", en: "minutes" },
  announcement: { de: "Ankündigung im Team-Kanal", en: "announcement in the team channel" },
};

/** A notice that is a reminder (services/reminders.ts) is listed as one. */
export const REMINDER_LABEL: Texts = { de: "Erinnerung", en: "reminder" };

/** `outbox retry` without Teams (the command line): the channel posts stay for the bot. */
export function announcementsWaitForTeams(n: number): Texts {
  return {
    de: `${n} Ankündigung(en) im Team-Kanal warten auf den Bot in Teams; sie werden von dort erneut gesendet („/postausgang erneut“).`,
    en: `${n} announcement(s) in the team channel wait for the bot in Teams; send them again from there ("/postausgang erneut").`,
  };
}

export const STATE: Record<"queued" | "sending" | "accepted" | "filed" | "failed", Texts> = {
  queued: { de: "noch nicht versandt", en: "not sent yet" },
  sending: { de: "wird gerade versandt", en: "being sent" },
  accepted: { de: "zugestellt", en: "delivered" },
  filed: { de: "als .eml-Datei im Postausgang-Ordner abgelegt, NICHT versandt (kein SMTP_URL eingerichtet)", en: "written as an .eml file to the outbox folder, NOT sent (no SMTP_URL configured)" },
  failed: { de: "fehlgeschlagen", en: "failed" },
};

export const VIA: Record<"teams" | "email", Texts> = {
  teams: { de: "Teams", en: "Teams" },
  email: { de: "E-Mail", en: "e-mail" },
};

/**
 * A notice as an e-mail, a letter from the Geschäftsstelle (issue 16.6): the body's name before the
 * subject; a greeting ("Sehr geehrte Frau …" where the roster gives a salutation, else "Guten Tag …"),
 * the text, and the Geschäftsstelle's closing.
 */
export function noticeMail(lang: keyof Texts, letter: { bodyName: string; sender: string; to: { name: string; salutation: Salutation | null } }, notice: NoticeTexts): { subject: string; text: string } {
  return {
    subject: `${letter.bodyName}: ${notice.subject[lang]}`,
    text: [salutation(letter.to.name, letter.to.salutation, lang), notice.text[lang], closing(letter.sender, lang)].join("\n\n"),
  };
}

/**
 * What a failed delivery records when the server gave no reason (stored, so the services take the
 * German; `outboxListing` words an empty reason the same way).
 */
export const UNKNOWN_ERROR = "unbekannter Fehler";
/** The services record these reasons and names worded by the face (`render(...).de`: stored, listed as they are). */
export const UNKNOWN_ERROR_TEXT: Texts = { de: UNKNOWN_ERROR, en: "unknown error" };
/** Who an announcement went to, in `outbox list` and `/postausgang` (the channel's name, as a person's name: one for both languages). */
export const TEAM_CHANNEL_NAME: Texts = { de: "Team-Kanal „Allgemein“", en: "Team-Kanal „Allgemein“" };
/** What a Teams-only message records when the bot has no way to the person in Teams. */
export const NOT_IN_TEAMS: Texts = { de: "in Teams nicht erreichbar", en: "not reachable in Teams" };
/** What a notice to a person no longer on the roster records. */
export const UNKNOWN_PERSON: Texts = { de: "unbekannte Person", en: "unknown person" };

/** For the person whose command caused notices: who was reached other than in Teams. */
/**
 * What a member hears about notices their turn caused that did not arrive (issue 16.7): no mail
 * server, folder or command — the Geschäftsstelle sees those in its outbox and sends again.
 */
export function memberDeliverySummary(lang: keyof Texts, d: { outbox: string[]; byMail: string[]; failed: string[] }): string | null {
  const parts: string[] = [];
  if (d.outbox.length) parts.push(lang === "de" ? `In Teams nicht erreichbar; die Geschäftsstelle benachrichtigt ${d.outbox.join(", ")} per E-Mail.` : `Not reachable in Teams; the Geschäftsstelle notifies ${d.outbox.join(", ")} by e-mail.`);
  if (d.byMail.length) parts.push(lang === "de" ? `Per E-Mail benachrichtigt (in Teams nicht erreichbar): ${d.byMail.join(", ")}.` : `Notified by e-mail (not reachable in Teams): ${d.byMail.join(", ")}.`);
  if (d.failed.length) parts.push(lang === "de" ? `Die Nachricht an ${d.failed.join(", ")} konnte noch nicht zugestellt werden; die Geschäftsstelle sendet sie erneut.` : `The message to ${d.failed.join(", ")} could not be delivered yet; the Geschäftsstelle will send it again.`);
  return parts.length ? parts.join(" ") : null;
}

export function deliverySummary(lang: keyof Texts, d: { outbox: string[]; byMail: string[]; failed: { name: string; error: string }[] }): string | null {
  const parts: string[] = [];
  if (d.outbox.length) parts.push(lang === "de" ? `In Teams nicht erreichbar; die E-Mail an ${d.outbox.join(", ")} liegt im Postausgang und wurde NICHT versandt (kein SMTP_URL eingerichtet).` : `Not reachable in Teams; the e-mail to ${d.outbox.join(", ")} is in the outbox and was NOT sent (no SMTP_URL configured).`);
  if (d.byMail.length) parts.push(lang === "de" ? `Per E-Mail benachrichtigt (in Teams nicht erreichbar): ${d.byMail.join(", ")}.` : `Notified by e-mail (not reachable in Teams): ${d.byMail.join(", ")}.`);
  const failed = d.failed.map((f) => `${f.name} (${f.error})`).join(", ");
  if (d.failed.length) parts.push(lang === "de" ? `Nicht zustellbar: ${failed}; bitte informieren Sie die Geschäftsstelle.` : `Could not deliver: ${failed}; please tell the Geschäftsstelle.`);
  return parts.length ? parts.join(" ") : null;
}

export const OUTBOX_FORBIDDEN: Texts = { de: "Den Postausgang sehen und erneut senden können die Geschäftsstelle und der Vorsitz.", en: "The outbox is for the Geschäftsstelle and the chair." };

export interface OutboxLine {
  name: string;
  purpose: OutboxPurpose;
  /** A reminder, listed as "Erinnerung" rather than "Benachrichtigung". */
  reminder?: boolean;
  state: keyof typeof STATE;
  via: keyof typeof VIA | null;
  createdAt: string;
  error: string | null;
}

/** "/postausgang" and `outbox list`: one line per message, newest last. */
export function outboxListing(lang: keyof Texts, rows: OutboxLine[], when: (iso: string) => string): string {
  if (rows.length === 0) return lang === "de" ? "Der Postausgang ist leer: Es wurde noch nichts versandt." : "The outbox is empty: nothing has been sent yet.";
  const open = rows.filter((r) => r.state !== "accepted" && r.state !== "filed").length;
  const filed = rows.filter((r) => r.state === "filed").length;
  const filedDe = filed === 0 ? "" : ` und ${filed} nur als Datei im Postausgang-Ordner abgelegt (nicht versandt)`;
  const filedEn = filed === 0 ? "" : ` and ${filed} only written as files to the outbox folder (not sent)`;
  const head = lang === "de" ? `Postausgang: ${rows.length} Nachrichten, davon ${open} nicht zugestellt${filedDe}.` : `Outbox: ${rows.length} messages, ${open} of them not delivered${filedEn}.`;
  const lines = rows.map((r) => {
    const via = r.via && r.state !== "filed" ? ` (${VIA[r.via][lang]})` : "";
    const error = r.state === "failed" ? `: ${r.error || UNKNOWN_ERROR}` : "";
    const label = r.reminder ? REMINDER_LABEL : PURPOSE[r.purpose];
    return `– ${when(r.createdAt)} ${label[lang]} ${lang === "de" ? "an" : "to"} ${r.name}: ${STATE[r.state][lang]}${via}${error}`;
  });
  const hint = open > 0 ? [lang === "de" ? "„/postausgang erneut“ sendet, was nicht zugestellt wurde." : "\"/postausgang erneut\" sends what was not delivered."] : [];
  return [head, ...lines, ...hint].join("\n");
}

/** What a retry did. */
export function retryText(lang: keyof Texts, r: { sent: number; failed: number; messages: OutboxLine[]; refused: Texts[] }, when: (iso: string) => string): string {
  if (r.messages.length === 0) return [lang === "de" ? "Im Postausgang wartet nichts auf einen erneuten Versand." : "Nothing in the outbox is waiting to be sent again.", ...r.refused.map((t) => t[lang])].join("\n");
  const head = lang === "de" ? `Erneut versandt: ${r.sent} zugestellt, ${r.failed} fehlgeschlagen.` : `Sent again: ${r.sent} delivered, ${r.failed} failed.`;
  return [head, outboxListing(lang, r.messages, when), ...r.refused.map((t) => t[lang])].join("\n");
}
