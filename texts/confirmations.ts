/**
 * The question before a mass action (invitation, update, cancellation, minutes) and its answers;
 * the syntax of the commands whose extra words are refused rather than ignored.
 */
import type { Texts } from "../domain/profile.ts";
import { instantTexts, NONE, paren } from "./bilingual.ts";

type Lang = keyof Texts;

export interface PromptRecipient {
  name: string;
  role: "member" | "deputy" | "secretariat" | "chair" | "guest";
  institution: string | null;
}

const ROLE: Record<PromptRecipient["role"], Texts> = {
  member: { de: "Mitglied", en: "member" },
  deputy: { de: "Stellvertretung", en: "deputy" },
  secretariat: { de: "Geschäftsstelle", en: "Geschäftsstelle" },
  chair: { de: "Vorsitz", en: "chair" },
  guest: { de: "Gast", en: "guest" },
};

/** "Hans Heinen (Caritas)", "Nina Roth (Stellvertretung, Jugendamt)", "Dr. Vera Brandt (Vorsitz)". */
function who(r: PromptRecipient, lang: Lang): string {
  if (r.role === "member" && r.institution) return `${r.name} (${r.institution})`;
  return `${r.name} (${[ROLE[r.role][lang], r.institution].filter(Boolean).join(", ")})`;
}

function list(recipients: PromptRecipient[], lang: Lang): string {
  return recipients.map((r) => who(r, lang)).join("; ");
}

const ANSWER: Texts = { de: "Soll ich das jetzt tun? Antworten Sie „ja“ oder „nein“ (oder mit den Knöpfen); die Frage gilt 30 Minuten, bis dahin geht nichts hinaus.", en: "Shall I do this now? Answer \"yes\" or \"no\" (or use the buttons); the question stands for 30 minutes, and nothing goes out until then." };

function prompt(head: Texts, recipients: PromptRecipient[], extra: Texts | null = null): Texts {
  const n = recipients.length;
  const line = (lang: Lang) => [
    head[lang],
    n ? (lang === "de" ? `Empfänger (${n}): ${list(recipients, "de")}.` : `Recipients (${n}): ${list(recipients, "en")}.`) : "",
    extra?.[lang] ?? "",
    ANSWER[lang],
  ].filter(Boolean).join("\n");
  return { de: line("de"), en: line("en") };
}

export function invitePrompt(start: string, urgent: { reason: string | null } | null, recipients: PromptRecipient[]): Texts {
  const when = instantTexts(start);
  const de = urgent ? `Dringliche Einladung (verkürzte Frist, Grund: ${urgent.reason ?? "–"})` : "Einladung";
  const en = urgent ? `Urgent invitation (shortened notice, reason: ${urgent.reason ?? "–"})` : "Invitation";
  return prompt({ de: `${de} zur Sitzung am ${when.de}, mit Kalendereinladung per E-Mail.`, en: `${en} to the meeting on ${when.en}, with a calendar invitation by e-mail.` }, recipients);
}

export function retryPrompt(start: string, recipients: PromptRecipient[]): Texts {
  const when = instantTexts(start);
  return prompt({ de: `Die Einladung zur Sitzung am ${when.de} geht an alle, die sie noch nicht erhalten haben.`, en: `The invitation to the meeting on ${when.en} goes to everyone who has not received it yet.` }, recipients);
}

export function updatePrompt(start: string, note: string | null, recipients: PromptRecipient[]): Texts {
  const when = instantTexts(start);
  const said = note ? { de: ` Hinweis in der Mail: „${note}“.`, en: ` Note in the mail: "${note}".` } : { de: "", en: "" };
  return prompt({ de: `Die aktualisierte Einladung zur Sitzung am ${when.de} (Zeit, Ort und Tagesordnung wie jetzt).${said.de}`, en: `The updated invitation to the meeting on ${when.en} (time, place and agenda as they are now).${said.en}` }, recipients);
}

export function cancelPrompt(start: string, reason: string, recipients: PromptRecipient[]): Texts {
  const when = instantTexts(start);
  const none: Texts = { de: "Es ging noch keine Einladung hinaus: die Sitzung wird nur abgesagt, niemand erhält eine Nachricht.", en: "No invitation went out yet: the meeting is only cancelled, nobody gets a message." };
  const invitees: Texts = recipients.length
    ? { de: "; die Eingeladenen erhalten eine Absage, die den Kalendereintrag entfernt.", en: "; the invitees get a cancellation that removes the calendar entry." }
    : { de: ".", en: "." };
  return prompt(
    { de: `Absage der Sitzung am ${when.de}, Grund: „${reason}“${invitees.de}`, en: `Cancelling the meeting on ${when.en}, reason: "${reason}"${invitees.en}` },
    recipients,
    recipients.length ? null : none,
  );
}

/** Said when a cancellation nobody is told of starts: no invitation had gone out. */
export const CANCEL_ONLY_STARTED: Texts = { de: "Ich sage die Sitzung ab.", en: "I am cancelling the meeting." };

/**
 * The one question before the minutes go out (§ 7 Abs. 2, 3 GO): as the final version, signed by
 * the signers the profile names; "ja" confirms the signatures. Nothing more is asked afterwards.
 */
export function minutesPrompt(day: Texts, signers: { role: Texts; name: string }[], citation: string | null, recipients: PromptRecipient[]): Texts {
  const names = (lang: Lang) => signers.map((s) => `${s.role[lang]} (${s.name})`).join(lang === "de" ? " und " : " and ");
  return prompt(
    { de: `Die Niederschrift der Sitzung vom ${day.de} geht als endgültige Fassung (PDF und im Text der E-Mail) an jedes Mitglied.`, en: `The minutes of the meeting on ${day.en} go to every member as the final version (PDF and in the e-mail's text).` },
    recipients,
    { de: `Mit „ja“ bestätigen Sie, dass ${names("de")} die Niederschrift unterschrieben haben${paren(citation)}.`, en: `By answering "yes" you confirm that ${names("en")} have signed the minutes${paren(citation)}.` },
  );
}

export const CONFIRM_BUTTON = {
  yes: { de: "Ja, ausführen", en: "Yes, go ahead" },
  no: { de: "Nein", en: "No" },
} satisfies Record<string, Texts>;

export const CONFIRMATION_TITLE: Texts = { de: "Bitte bestätigen", en: "Please confirm" };

export const NOT_CONFIRMED: Texts = { de: "Gut, nicht ausgeführt; es ist nichts hinausgegangen.", en: "All right, not done; nothing went out." };

/** A question (this one, or the chair's in texts/meeting-events.ts) expired: what that left undone, and what to send again. */
export function questionExpiredText(askedAt: string, outcome: Texts, resend: Texts): Texts {
  const when = instantTexts(askedAt);
  return {
    de: `Die Rückfrage vom ${when.de} ist abgelaufen; ${outcome.de}. Bitte senden Sie ${resend.de} noch einmal.`,
    en: `The question of ${when.en} has expired; ${outcome.en}. Please send ${resend.en} again.`,
  };
}

export const confirmationExpiredText = (askedAt: string): Texts => questionExpiredText(askedAt, { de: "ich habe nichts versandt", en: "I have sent nothing" }, { de: "den Befehl", en: "the command" });

export const NO_OPEN_QUESTION: Texts = { de: "Diese Rückfrage ist nicht mehr offen (beantwortet, verworfen oder abgelaufen); ich habe nichts versandt.", en: "This question is no longer open (answered, dropped or expired); I have sent nothing." };

/**
 * Another message came instead of the answer: the question (this one, or the chair's: `about`) is
 * dropped, said before that message's reply, with what that left undone.
 */
export function questionDroppedText(about: Texts, outcome: Texts): Texts {
  return { de: `Die offene Rückfrage${about.de} habe ich verworfen; ${outcome.de}.`, en: `I have dropped the open question${about.en}; ${outcome.en}.` };
}

export const CONFIRMATION_DROPPED: Texts = questionDroppedText(NONE, { de: "es ist nichts hinausgegangen", en: "nothing went out" });

export const NOTHING_OPEN_TO_SEND: Texts = { de: "Alle Empfänger haben die Einladung bereits erhalten; es gibt nichts zu senden.", en: "Every recipient already has the invitation; there is nothing to send." };

export const MINUTES_ALL_RECEIVED: Texts = { de: "Alle Mitglieder haben die Niederschrift bereits erhalten; es gibt nichts zu senden.", en: "Every member already has the minutes; there is nothing to send." };

// ---- the syntax of commands whose extra words are refused --------------------------------------

export const INVITE_USAGE: Texts = { de: "Das verstehe ich bei „/einladen“ nicht und habe nichts versandt. Möglich sind: „/einladen“, „/einladen dringend <Grund>“, „/einladen erneut“, „/einladen aktualisieren [Hinweis]“.", en: "I don't understand that after \"/einladen\" and have sent nothing. Possible: \"/einladen\", \"/einladen dringend <reason>\", \"/einladen erneut\", \"/einladen aktualisieren [note]\"." };

export const CANCEL_USAGE: Texts = { de: "Eine Absage braucht einen Grund, den die Eingeladenen lesen: „/sitzung absagen <Grund>“. Ich habe nichts abgesagt.", en: "A cancellation needs a reason for the invitees: \"/sitzung absagen <reason>\". I have cancelled nothing." };

export const MINUTES_USAGE: Texts = { de: "Das verstehe ich bei „/niederschrift“ nicht. Möglich sind: „/niederschrift“ (Entwurf), „/niederschrift senden“, „/niederschrift genehmigen“, „/niederschrift einwand erledigt <Vermerk>“.", en: "I don't understand that after \"/niederschrift\". Possible: \"/niederschrift\" (draft), \"/niederschrift senden\", \"/niederschrift genehmigen\", \"/niederschrift einwand erledigt <note>\"." };

export function noArgumentsText(command: string): Texts {
  return { de: `„/${command}“ steht für sich, ohne weiteren Text; ich habe nichts ausgeführt. Bitte nur „/${command}“.`, en: `"/${command}" takes no further text; I have done nothing. Please send just "/${command}".` };
}

export const OUTBOX_USAGE: Texts = { de: "Das verstehe ich bei „/postausgang“ nicht. Möglich sind: „/postausgang“ und „/postausgang erneut“.", en: "I don't understand that after \"/postausgang\". Possible: \"/postausgang\" and \"/postausgang erneut\"." };

export const AGENDA_USAGE: Texts = { de: "Das verstehe ich bei „/tagesordnung“ nicht. Möglich sind: „/tagesordnung“, „/tagesordnung annehmen <Nr.>“, „/tagesordnung ablehnen <Nr.>“.", en: "I don't understand that after \"/tagesordnung\". Possible: \"/tagesordnung\", \"/tagesordnung annehmen <no.>\", \"/tagesordnung ablehnen <no.>\"." };
