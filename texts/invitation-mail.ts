/**
 * The invitation e-mail's sentences (adapters/invitation-mail.ts), German only: the invitation goes
 * to every member in German. Every paragraph cited comes from the caller's profile.
 */
import type { InvitationKind } from "../adapters/invitation-mail.ts";
import type { Meeting } from "../domain/model.ts";
import { berlinDay, formatDateTime, formatDay, formatTime } from "../rules/time.ts";
import { MEETING_MODE } from "./meetings.ts";

export { minutesClosing as mailClosing, minutesGreeting as mailGreeting } from "./minutes-mail.ts";

/**
 * "der Lenkungsgruppe KIM im Rhein-Sieg-Kreis", "des Lenkungskreises KIM Oberhausen": the body's
 * name in the genitive, for "Sitzung …" and "Geschäftsstelle …". Feminine kinds (-gruppe, -runde,
 * -konferenz, -ung) take "der"; the others "des" and the genitive -(e)s.
 */
export function bodyGenitive(name: string, kind: string): string {
  if (!name.startsWith(kind)) return `des Gremiums „${name}“`;
  if (/(e|ung|schaft|konferenz)$/i.test(kind)) return `der ${name}`;
  return `des ${kind}${/(s|ß|x|z)$/i.test(kind) ? "es" : "s"}${name.slice(kind.length)}`;
}

/** "Sitzung der Lenkungsgruppe KIM": subject, calendar title and "Einladung zur …". */
export function meetingTitle(genitive: string): string {
  return `Sitzung ${genitive}`;
}

/** "Geschäftsstelle der Lenkungsgruppe KIM": the sender's name, which also signs the mail. */
export function secretariatName(genitive: string): string {
  return `Geschäftsstelle ${genitive}`;
}

/** "Einladung: Sitzung der Lenkungsgruppe KIM am Donnerstag, 12.05.2022" */
export function subjectText(kind: InvitationKind, urgent: boolean, title: string, start: Date, released = false): string {
  const prefix = released ? "Vertretung nicht mehr nötig" : kind === "cancel" ? "Abgesagt" : kind === "update" ? "Geänderte Einladung" : urgent ? "Dringende Einladung" : "Einladung";
  return `${prefix}: ${title} am ${formatDay(berlinDay(start))}`;
}

/** "Donnerstag, 12.05.2022, 10:00–12:00 Uhr" (both ends written out if it runs past midnight). */
export function formatMeetingTime(start: Date, end: Date): string {
  if (berlinDay(start) !== berlinDay(end)) return `${formatDateTime(start)} bis ${formatDateTime(end)}`;
  return `${formatDay(berlinDay(start))}, ${formatTime(start)}–${formatTime(end)} Uhr`;
}

export function openingSentence(kind: InvitationKind, title: string): string {
  return kind === "update"
    ? `die Einladung zur ${title} wurde geändert. Es gilt diese Fassung; der Kalendereintrag wird aktualisiert.`
    : `hiermit lädt die Geschäftsstelle Sie zur ${title} ein.`;
}

export function cancelSentence(title: string, when: string): string {
  return `die ${title} am ${when} wird abgesagt. Der Termin wird mit dieser E-Mail aus Ihrem Kalender entfernt.`;
}

/** To a deputy no longer needed: the meeting takes place, only their calendar entry goes. */
export function releaseSentence(member: string, title: string, when: string): string {
  return `${member} nimmt an der ${title} am ${when} nun selbst teil; Ihre Vertretung ist nicht mehr nötig. Der Termin wird mit dieser E-Mail aus Ihrem Kalender entfernt.`;
}

/** For a deputy standing in. */
export function representsSentence(name: string, institution: string): string {
  return `Sie vertreten ${name} (${institution}).`;
}

export function urgentSentence(reason: string): string {
  return `Die Ladungsfrist ist wegen Dringlichkeit verkürzt. Grund: ${reason}`;
}

/** The labels of place and time, and the agenda's heading. */
export const LABEL = { date: "Termin", place: "Ort", online: "Online teilnehmen", agenda: "Tagesordnung" } as const;

/** "TOP 2: Haushalt (nicht öffentlich)" */
export function agendaLine(item: { number: number; title: string; public: boolean }): string {
  return `TOP ${item.number}: ${item.title}${item.public ? "" : " (nicht öffentlich)"}`;
}

/** The express reference a second convocation needs to take effect. */
export function secondConvocationSentence(item: { number: number; title: string }, citation: string): string {
  return (
    `Hinweis nach ${citation} zu TOP ${item.number} („${item.title}“): Diese Angelegenheit wurde wegen Beschlussunfähigkeit zurückgestellt. ` +
    `Mit dieser zweiten Einberufung ist das Gremium für diesen Tagesordnungspunkt ohne Rücksicht auf die Zahl der Anwesenden beschlussfähig.`
  );
}

/** Why a mail with a second convocation cannot be composed: the profile lacks the rule. */
export function secondConvocationWithoutRule(number: number): string {
  return `TOP ${number} ist eine zweite Einberufung, aber die Regel dazu fehlt im Profil.`;
}

export function nonPublicSentence(citation: string, online: boolean): string {
  const digital = online
    ? " Wer digital teilnimmt, stellt in seinem Verantwortungsbereich sicher, dass die Nicht-Öffentlichkeit während der ganzen Sitzung gewahrt ist."
    : "";
  return `Die Sitzung ist nicht öffentlich (${citation}).${digital}`;
}

/** The member who delegated is not asked again (issue 16.6): the deputy has an invitation of their own. */
export function delegatedNote(deputy: string): string {
  return `Sie haben Ihre Stellvertretung ${deputy} geschickt; sie erhält eine eigene Einladung. Sie müssen nichts weiter tun. Möchten Sie doch selbst teilnehmen, sagen Sie es uns bitte im Teams-Chat oder als Antwort auf diese E-Mail.`;
}

/** A deputy cannot pass the invitation on; only a member can send the deputy. */
export function howToAnswer(isDeputy: boolean): string {
  const choices = isDeputy ? "ob Sie teilnehmen (in Präsenz oder digital)" : "ob Sie teilnehmen (in Präsenz oder digital) oder Ihre Vertretung schicken";
  return `Bitte teilen Sie uns mit, ${choices}: im Teams-Chat mit unserem Bot oder als Antwort auf diese E-Mail. Die Kalendereinladung können Sie auch direkt in Ihrem Kalender annehmen.`;
}

type Fields = Pick<Meeting, "start" | "end" | "location" | "mode" | "onlineUrl">;

/** "Geändert: Termin (bisher …), Ort (bisher …)." followed by the Geschäftsstelle's own note; German, for the mail. */
export function changeNote(before: Fields, after: Fields, changed: (keyof Fields)[], note: string | null): string {
  const parts: string[] = [];
  if (changed.includes("start") || changed.includes("end")) parts.push(`Termin (bisher ${formatMeetingTime(new Date(before.start), new Date(before.end))})`);
  if (changed.includes("location")) parts.push(`Ort (bisher ${before.location || "keiner"})`);
  if (changed.includes("mode")) parts.push(`Art der Sitzung (bisher ${MEETING_MODE[before.mode].de}, jetzt ${MEETING_MODE[after.mode].de})`);
  if (changed.includes("onlineUrl")) parts.push("Link zur Videokonferenz");
  const own = note?.trim() ? ` ${note.trim()}` : "";
  return `Geändert: ${parts.join(", ")}.${own}`;
}
