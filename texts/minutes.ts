/**
 * What the minutes commands answer (services/minutes-workflow.ts): draft, send, objections and
 * approval, and their refusals. The words for how minutes become final are texts/minutes-words.ts's;
 * every paragraph cited comes from the caller's profile.
 */
import type { Profile, Texts } from "../domain/profile.ts";
import { minutesSigners } from "../rules/profile.ts";
import { berlinDay, formatDateTime, formatDay, type Day } from "../rules/time.ts";
import type { MinutesSendReport } from "../services/minutes-workflow.ts";
import { withCitation } from "./minutes-document.ts";
import { approvalWords } from "./minutes-words.ts";
import { instantTexts, meetingDay, NONE, paren } from "./bilingual.ts";

// ---- shared -----------------------------------------------------------------------------------

export function minutesCancelled(meetingId: string): Texts {
  return { de: `Die Sitzung ${meetingId} wurde abgesagt; es gibt keine Niederschrift.`, en: `The meeting ${meetingId} was cancelled; there are no minutes.` };
}

export const MINUTES_NOT_PUBLIC: Texts = { de: "Für die Niederschrift dieses Gremiums ist keine öffentliche Fassung vorgesehen.", en: "No public version of this body's minutes is provided for." };

/** `start`: the meeting's start (ISO); the minutes name its day. */
export function noMinutesYet(start: string): Texts {
  const day = meetingDay(start);
  return { de: `Zur Sitzung vom ${day.de} gibt es noch keine Niederschrift.`, en: `There are no minutes of the meeting on ${day.en} yet.` };
}

/** " am Donnerstag, 15.09.2022" for an instant (its Berlin day), or nothing without one. */
function onInstant(instant: string | null): Texts {
  return onDay(instant ? berlinDay(new Date(instant)) : null);
}

/** " am Donnerstag, 15.09.2022" / " on Thursday, 15.09.2022", or nothing without a date. */
export function onDay(day: Day | null): Texts {
  if (!day) return NONE;
  return { de: ` am ${formatDay(day, "de")}`, en: ` on ${formatDay(day, "en")}` };
}


/** Why there is no public version: the profile's reason with its paragraph. */
function noPublicReason(note: Texts, citation: string | null): Texts {
  return { de: withCitation(note.de, citation), en: withCitation(note.en, citation) };
}

/** Why these minutes have no public version: the profile's reason with its paragraph, or that the document has no minutes rule. */
export function noPublicVersion(profile: Profile): Texts {
  const m = profile.minutes;
  if (!m.regulated) return m.note;
  if (m.publicity.public) throw new Error("unreachable: these minutes have a public version");
  return noPublicReason(m.publicity.note, m.publicity.citation);
}

type MinutesCitation = "signaturesCitation" | "distributionCitation" | "approvalCitation";

/** The profile's paragraph for a step of the minutes, or null where the document has no minutes rule. */
export function minutesCitation(profile: Profile, key: MinutesCitation): string | null {
  return profile.minutes.regulated ? profile.minutes[key] : null;
}

/** The answer, plus a sentence naming files that still show the old status. */
function withStaleFiles(text: Texts, stale: string[]): Texts {
  if (stale.length === 0) return text;
  const list = stale.join(", ");
  return {
    de: `${text.de} Diese Dateien zeigen den neuen Stand nicht, weil sie fehlen oder von Hand geändert wurden: ${list}.`,
    en: `${text.en} These files do not show the new status because they are missing or were edited by hand: ${list}.`,
  };
}

// ---- draft ------------------------------------------------------------------------------------

export const DRAFT_FORBIDDEN: Texts = { de: "Die Niederschrift erstellt die Geschäftsstelle (oder der Vorsitz).", en: "The minutes are drawn up by the Geschäftsstelle (or the chair)." };

/** `start`: the meeting's start (ISO), said with day and time. */
export function notBegun(start: string): Texts {
  const at = instantTexts(start);
  return { de: `Die Sitzung am ${at.de} hat noch nicht begonnen; eine Niederschrift gibt es erst danach.`, en: `The meeting on ${at.en} has not begun yet; minutes come afterwards.` };
}

/** `approvedAt`: when the minutes were approved (ISO), or null when not recorded. */
export function approvedNoRedraft(profile: Profile, approvedAt: string | null): Texts {
  const [approved, on] = [approvalWords(profile).approved, onInstant(approvedAt)];
  return { de: `Die Niederschrift wurde bereits${on.de} ${approved.de}; sie wird nicht neu erstellt.`, en: `The minutes are already ${approved.en}${on.en}; they are not drawn up again.` };
}

export function sentTextFixed(received: number, total: number, profile: Profile, citation: string | null): Texts {
  const approval = paren(citation);
  const objectionsDue = approvalWords(profile).objectionsDue;
  return {
    de: `Die Niederschrift ist bereits an ${received} von ${total} Mitgliedern versandt; ihr Text bleibt daher, wie er ist. Änderungswünsche werden ${objectionsDue.de} eingebracht${approval}.`,
    en: `The minutes have already been sent to ${received} of ${total} members, so their text stays as it is. Changes are brought in ${objectionsDue.en}${approval}.`,
  };
}

/**
 * The draft is written: `start` the meeting's start (ISO), `publicHtml` the public version's file
 * (null where the profile has none), `signerNames` who signs, in the order of the profile's signers.
 */
export function drafted(start: string, redraft: boolean, internalHtml: string, publicHtml: string | null, profile: Profile, signerNames: string[]): Texts {
  return draftText({
    day: meetingDay(start),
    redraft,
    internalHtml,
    publicVersion: publicHtml ? { file: publicHtml } : { reason: noPublicVersion(profile) },
    signers: minutesSigners(profile).map((s, i) => ({ role: s.role, name: signerNames[i]! })),
    signaturesCitation: minutesCitation(profile, "signaturesCitation"),
  });
}

interface DraftFacts {
  day: Texts;
  redraft: boolean;
  internalHtml: string;
  /** The public version's file, or why there is none. */
  publicVersion: { file: string } | { reason: Texts };
  signers: { role: Texts; name: string }[];
  signaturesCitation: string | null;
}

function draftText(f: DraftFacts): Texts {
  const verb = f.redraft ? { de: "neu erstellt", en: "drawn up again" } : { de: "erstellt", en: "drawn up" };
  const p = f.publicVersion;
  const written: Texts = "file" in p
    ? { de: `interne Fassung ${f.internalHtml}, öffentliche Fassung ${p.file} (je auch als .md).`, en: `internal version ${f.internalHtml}, public version ${p.file} (each also as .md).` }
    : { de: `${f.internalHtml} (auch als .md). Eine öffentliche Fassung wird nicht erstellt: ${p.reason.de}`, en: `${f.internalHtml} (also as .md). No public version is written: ${p.reason.en}` };
  const signing = (lang: keyof Texts) => `${f.signers.map((s) => `${s.role[lang]}: ${s.name}`).join(", ")}${paren(f.signaturesCitation)}`;
  return {
    de: `Entwurf der Niederschrift zur Sitzung vom ${f.day.de} ${verb.de}: ${written.de} Vor dem Versand bitte unterschreiben lassen – ${signing("de")}; dann geht sie an alle Mitglieder („/niederschrift senden“ im Chat, „minutes send“ auf der Befehlszeile).`,
    en: `Draft minutes of the meeting on ${f.day.en} ${verb.en}: ${written.en} Before sending, have them signed – ${signing("en")}; then they go to every member ("/niederschrift senden" in the chat, "minutes send" on the command line).`,
  };
}

// ---- send -------------------------------------------------------------------------------------

export const SEND_FORBIDDEN: Texts = { de: "Die Niederschrift versendet die Geschäftsstelle (oder der Vorsitz).", en: "The minutes are sent by the Geschäftsstelle (or the chair)." };

export function noDraft(start: string): Texts {
  const day = meetingDay(start);
  return { de: `Für die Sitzung vom ${day.de} gibt es noch keinen Entwurf der Niederschrift; bitte zuerst „minutes draft“.`, en: `There are no draft minutes for the meeting on ${day.en} yet; please run "minutes draft" first.` };
}

/** `mb`: the size as German writes it ("2,4"). */
/** `bytes`: the size of the minutes' files, said in MB as German writes it ("2,4"). */
export function tooLargeText(bytes: number, names: string[], citation: string | null): Texts {
  const rule = paren(citation);
  const mb = (bytes / 1024 / 1024).toLocaleString("de-DE", { maximumFractionDigits: 1 });
  return {
    de: `Die Niederschrift ist mit ${mb} MB zu groß für einen Anhang: bitte ${names.join(" und ")} in der Cloud ablegen und den Link zum Ordner angeben${rule}.`,
    en: `At ${mb} MB the minutes are too large to attach: please put ${names.join(" and ")} in the cloud and give the folder's link${rule}.`,
  };
}

/** The drafted file no longer is what the data say: what goes out is made from the data, so the draft must be made again. */
export function changedSinceDraft(file: string): Texts {
  return {
    de: `Die Niederschrift ist nicht mehr auf dem Stand des Entwurfs (${file}: seither Neues erfasst oder von Hand geändert); nichts versandt. Versandt wird, was die Daten ergeben: bitte den Entwurf neu erstellen, prüfen und unterschreiben lassen, dann senden.`,
    en: `The minutes are no longer as drafted (${file}: something recorded since, or edited by hand); nothing was sent. What goes out is made from the data: please draw up the draft again, check it and have it signed, then send.`,
  };
}

export function draftFileMissing(file: string): Texts {
  return { de: `Die Datei ${file} fehlt; bitte den Entwurf neu erstellen („minutes draft“).`, en: `The file ${file} is missing; please draw up the draft again ("minutes draft").` };
}

/** What a mail-out did: `start` the meeting's start (ISO), `target` where the outbox transport writes its files, `stale` files that kept the old status. */
export function minutesSent(r: Omit<MinutesSendReport, "text">, start: string, target: string, stale: string[]): Texts {
  return withStaleFiles(sendText(r, meetingDay(start), target), stale);
}

function sendText(r: Omit<MinutesSendReport, "text">, d: Texts, target: string): Texts {
  const parts: Texts[] = [{ de: `Niederschrift der Sitzung vom ${d.de}: `, en: `Minutes of the meeting on ${d.en}: ` }];
  if (r.sentNow === 0 && r.failed.length === 0) parts.push(nothingSent(r));
  else parts.push(...sentNow(r, target));
  if (r.accepted < r.total) parts.push({ de: " Ein erneuter Versand („/niederschrift senden“ bzw. „minutes send“) geht nur an die fehlenden Mitglieder.", en: ' Sending again ("/niederschrift senden" or "minutes send") reaches only the missing members.' });
  return { de: parts.map((p) => p.de).join(""), en: parts.map((p) => p.en).join("") };
}

function nothingSent(r: Omit<MinutesSendReport, "text">): Texts {
  if (r.accepted !== r.total) return { de: `${r.accepted} von ${r.total} versandt; in diesem Vorgang wurde nichts gesendet.`, en: `${r.accepted} of ${r.total} sent; nothing was sent in this run.` };
  const since = (lang: keyof Texts) => (r.sentAt ? ` (${lang === "de" ? "seit" : "since"} ${formatDateTime(new Date(r.sentAt), lang)})` : "");
  return { de: `bereits an alle ${r.total} Mitglieder versandt${since("de")}; nichts wurde erneut gesendet.`, en: `already sent to all ${r.total} members${since("en")}; nothing was sent again.` };
}

function sentNow(r: Omit<MinutesSendReport, "text">, target: string): Texts[] {
  const list = r.failed.map((f) => `${f.name} <${f.email}> – ${f.error}`).join("; ");
  const failed = r.failed.length ? { de: `, ${r.failed.length} fehlgeschlagen: ${list}`, en: `, ${r.failed.length} failed: ${list}` } : NONE;
  const parts: Texts[] = [
    r.transport === "outbox"
      ? { de: `${r.accepted} von ${r.total} als .eml-Datei im Ausgangsordner ${target} abgelegt${failed.de}. Diese E-Mails wurden NICHT versandt (kein SMTP_URL eingerichtet).`, en: `${r.accepted} of ${r.total} written as .eml files to the outbox folder ${target}${failed.en}. These e-mails were NOT sent (no SMTP_URL configured).` }
      : { de: `${r.accepted} von ${r.total} versandt${failed.de}.`, en: `${r.accepted} of ${r.total} sent${failed.en}.` },
  ];
  if (r.delivery === "link") parts.push({ de: ` Statt Anhängen enthält die E-Mail die Download-Links ${r.links.join(", ")}; dort müssen die Dateien liegen.`, en: ` Instead of attachments the e-mail carries the download links ${r.links.join(", ")}; the files must be there.` });
  return parts;
}

// ---- objections -------------------------------------------------------------------------------

export const OBJECTION_EMPTY: Texts = { de: "Bitte den Änderungswunsch zur Niederschrift angeben.", en: "Please state the change to the minutes." };

export const OBJECTION_FORBIDDEN: Texts = { de: "Änderungswünsche zur Niederschrift bringen Mitglieder, Stellvertretungen, der Vorsitz oder die Geschäftsstelle ein.", en: "Changes to the minutes are brought in by members, deputies, the chair or the Geschäftsstelle." };

export function objectionsClosed(profile: Profile, approvedAt: string | null, citation: string | null): Texts {
  const approval = paren(citation);
  const [approved, on] = [approvalWords(profile).approved, onInstant(approvedAt)];
  return {
    de: `Die Niederschrift wurde bereits${on.de} ${approved.de}; Änderungswünsche sind nicht mehr möglich${approval}.`,
    en: `The minutes were already ${approved.en}${on.en}; changes can no longer be brought in${approval}.`,
  };
}

/** `start`: the meeting's start (ISO); `next`: the following meeting's start, when one is planned. */
export function objectionNoted(start: string, next: string | null, profile: Profile): Texts {
  return objectionRecorded(meetingDay(start), approvalWords(profile).approvedAt, next === null ? null : meetingDay(next), minutesCitation(profile, "approvalCitation"));
}

/** `at`: when the minutes become final; `next`: the following meeting's day, when one is planned. */
function objectionRecorded(day: Texts, at: Texts, next: Texts | null, citation: string | null): Texts {
  const approval = paren(citation);
  return {
    de: `Ihr Änderungswunsch zur Niederschrift der Sitzung vom ${day.de} ist vermerkt; er wird ${at.de}${next ? ` am ${next.de}` : ""} behandelt${approval}.`,
    en: `Your change to the minutes of the meeting on ${day.en} is recorded; it will be dealt with ${at.en}${next ? ` on ${next.en}` : ""}${approval}.`,
  };
}

export const RESOLUTION_EMPTY: Texts = { de: "Bitte angeben, wie die Änderungswünsche erledigt wurden.", en: "Please state how the changes were settled." };

export const RESOLVE_FORBIDDEN: Texts = { de: "Über Änderungswünsche zur Niederschrift entscheidet der Vorsitz; die Geschäftsstelle vermerkt es.", en: "The chair decides on changes to the minutes; the Geschäftsstelle records it." };

export const NO_OPEN_OBJECTIONS: Texts = { de: "Zu dieser Niederschrift gibt es keine offenen Änderungswünsche.", en: "There are no open changes to these minutes." };

/** `n` objections settled with the note `resolution`. */
export function objectionsResolved(n: number, resolution: string, profile: Profile): Texts {
  return objectionsSettled(n, resolution, approvalWords(profile).declared);
}

function objectionsSettled(n: number, resolution: string, declared: Texts): Texts {
  return {
    de: `${n === 1 ? "Ein Änderungswunsch ist" : `${n} Änderungswünsche sind`} als erledigt vermerkt: ${resolution}. Die Niederschrift kann jetzt ${declared.de} werden.`,
    en: `${n === 1 ? "One change is" : `${n} changes are`} recorded as settled: ${resolution}. The minutes can now be ${declared.en}.`,
  };
}

// ---- approval ---------------------------------------------------------------------------------

export const APPROVE_FORBIDDEN: Texts = { de: "Die Genehmigung der Niederschrift stellen der Vorsitz oder die Geschäftsstelle fest.", en: "The approval of the minutes is declared by the chair or the Geschäftsstelle." };

export function notSentToAll(start: string, profile: Profile, citation: string | null): Texts {
  const rule = paren(citation);
  const [day, approved] = [meetingDay(start), approvalWords(profile).approved];
  return {
    de: `Die Niederschrift der Sitzung vom ${day.de} ist noch nicht an alle Mitglieder versandt; ${approved.de} werden kann sie erst danach${rule}.`,
    en: `The minutes of the meeting on ${day.en} have not been sent to every member yet; they can be ${approved.en} only afterwards${rule}.`,
  };
}

/** `at`: the following meeting's start, or null where none is planned. */
/** `next`: the start of the following meeting (ISO), or null when none is planned. */
export function notBeforeNextMeeting(profile: Profile, citation: string | null, next: string | null): Texts {
  const rule = paren(citation);
  const [words, at] = [approvalWords(profile), next ? instantTexts(next) : null];
  return {
    de: `Die Niederschrift wird ${words.approvedAt.de} ${words.declared.de}${rule}${at ? `, also frühestens am ${at.de}` : "; es ist noch keine geplant"}.`,
    en: `The minutes are ${words.declared.en} ${words.approvedAt.en}${rule}${at ? `, so not before ${at.en}` : "; none is planned yet"}.`,
  };
}

export function objectionsOpen(start: string, objections: { name: string; text: string }[], profile: Profile, citation: string | null): Texts {
  const rule = paren(citation);
  const [day, declared] = [meetingDay(start), approvalWords(profile).declared];
  const list = objections.map((o) => `${o.name}: „${o.text}“`).join("; ");
  const n = objections.length;
  return {
    de: `Zur Niederschrift der Sitzung vom ${day.de} ${n === 1 ? "liegt ein Änderungswunsch" : `liegen ${n} Änderungswünsche`} vor – ${list}. Der Vorsitz muss sie erst erledigen („/niederschrift einwand erledigt <Vermerk>“ im Chat, „minutes resolve“ auf der Befehlszeile), dann kann sie ${declared.de} werden${rule}.`,
    en: `There ${n === 1 ? "is one open change" : `are ${n} open changes`} to the minutes of the meeting on ${day.en} – ${list}. The chair must settle them first ("/niederschrift einwand erledigt <note>" in the chat, "minutes resolve" on the command line); then they can be ${declared.en}${rule}.`,
  };
}

/** `start`: the meeting's start (ISO); `approvedAt`: when (ISO, or null); `stale`: files that kept the old status. */
export function approvedNow(start: string, approvedAt: string | null, profile: Profile, stale: string[]): Texts {
  const text = minutesApproved(meetingDay(start), approvalWords(profile).approved, minutesCitation(profile, "approvalCitation"), onInstant(approvedAt));
  return withStaleFiles(text, stale);
}

/** Asked again after the approval: `start` the meeting's start, `approvedAt` when they were approved (ISO, or null). */
export function approvedBefore(start: string, approvedAt: string | null, profile: Profile): Texts {
  return alreadyApproved(meetingDay(start), approvalWords(profile).approved, onInstant(approvedAt));
}

function minutesApproved(day: Texts, approved: Texts, citation: string | null, on: Texts): Texts {
  const rule = paren(citation);
  return { de: `Die Niederschrift der Sitzung vom ${day.de} ist ${approved.de}${rule}; festgestellt${on.de}.`, en: `The minutes of the meeting on ${day.en} are ${approved.en}${rule}; declared${on.en}.` };
}

function alreadyApproved(day: Texts, approved: Texts, on: Texts): Texts {
  return { de: `Die Niederschrift der Sitzung vom ${day.de} wurde bereits${on.de} ${approved.de}.`, en: `The minutes of the meeting on ${day.en} were already ${approved.en}${on.en}.` };
}
