/** Wording of the outbox: what a message is for, how it went, and the notice mail's signature. */
import type { Texts } from "../domain/profile.ts";

export type OutboxPurpose = "invitation" | "update" | "cancel" | "notice" | "minutes";

export const PURPOSE: Record<OutboxPurpose, Texts> = {
  invitation: { de: "Einladung", en: "invitation" },
  update: { de: "geänderte Einladung", en: "updated invitation" },
  cancel: { de: "Absage der Sitzung", en: "cancellation" },
  notice: { de: "Benachrichtigung", en: "notice" },
  minutes: { de: "Niederschrift", en: "minutes" },
};

export const STATE: Record<"queued" | "sending" | "accepted" | "failed", Texts> = {
  queued: { de: "noch nicht versandt", en: "not sent yet" },
  sending: { de: "wird gerade versandt", en: "being sent" },
  accepted: { de: "zugestellt", en: "delivered" },
  failed: { de: "fehlgeschlagen", en: "failed" },
};

export const VIA: Record<"teams" | "email", Texts> = {
  teams: { de: "Teams", en: "Teams" },
  email: { de: "E-Mail", en: "e-mail" },
};

export function noticeSignature(lang: keyof Texts, bodyName: string): string {
  return `${lang === "de" ? "Assistent der Geschäftsstelle" : "Geschäftsstelle assistant"}, ${bodyName}`;
}

/** For the person whose command caused notices: who was reached other than in Teams. */
export function deliverySummary(lang: keyof Texts, d: { outbox: string[]; byMail: string[]; failed: { name: string; error: string }[] }): string | null {
  const parts: string[] = [];
  if (d.outbox.length) parts.push(lang === "de" ? `In Teams nicht erreichbar; die E-Mail an ${d.outbox.join(", ")} liegt im Postausgang und wurde NICHT versandt (kein SMTP_URL eingerichtet).` : `Not reachable in Teams; the e-mail to ${d.outbox.join(", ")} is in the outbox and was NOT sent (no SMTP_URL configured).`);
  if (d.byMail.length) parts.push(lang === "de" ? `Per E-Mail benachrichtigt (in Teams nicht erreichbar): ${d.byMail.join(", ")}.` : `Notified by e-mail (not reachable in Teams): ${d.byMail.join(", ")}.`);
  const failed = d.failed.map((f) => `${f.name} (${f.error})`).join(", ");
  if (d.failed.length) parts.push(lang === "de" ? `Nicht zustellbar: ${failed}; bitte informieren Sie die Geschäftsstelle.` : `Could not deliver: ${failed}; please tell the Geschäftsstelle.`);
  return parts.length ? parts.join(" ") : null;
}
