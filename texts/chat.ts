/**
 * Replies of the chat: the member journeys (answer, absence, proposal, deadlines, next meeting,
 * deputy, rules), the conversation around them, and the slash commands of the Geschäftsstelle
 * and the chair.
 */
import type { AgendaItem, Meeting } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import { formatDateTime, formatTime } from "../rules/time.ts";
import { agendaItemLine } from "./agenda.ts";
import { MEETING_MODE } from "./meetings.ts";
import { instantTexts } from "./bilingual.ts";
import { words, type Said, type SentenceCode } from "./catalog.ts";

type Lang = keyof Texts;

/** Warnings and notes under a reply, one per line, in the reply's language. */
export function withNotes(texts: Texts, notes: (Texts | Said<SentenceCode>)[]): Texts {
  const lines = (lang: Lang) => notes.map((n) => `\n${words(n)[lang]}`).join("");
  return { de: `${texts.de}${lines("de")}`, en: `${texts.en}${lines("en")}` };
}

const NOTE: Texts = { de: "Hinweis", en: "Note" };

/** A warning on a line of its own: "Hinweis: …". */
export function noteLine(note: string, lang: Lang): string {
  return `${NOTE[lang]}: ${note}`;
}

// ---------------------------------------------------------------------------------------------
// The conversation

export function unknownUserText(name: string | null | undefined, body: { name: string; secretariatEmail: string }): Texts {
  const hello = name ? `${name}, ` : "";
  return {
    de: `${hello}ich kenne Sie noch nicht als Mitglied der ${body.name}. Bitte wenden Sie sich an die Geschäftsstelle (${body.secretariatEmail}), damit sie Sie eintragen kann.`,
    en: `${hello}I don't know you yet as a member of the ${body.name}. Please ask the Geschäftsstelle (${body.secretariatEmail}) to register you.`,
  };
}

export const CANCELLED: Texts = { de: "Abgebrochen; nichts wurde gespeichert.", en: "Cancelled; nothing was saved." };
export const NOTHING_TO_CANCEL: Texts = { de: "Es läuft gerade nichts, das ich abbrechen könnte.", en: "There is nothing to cancel." };

/** A statement or vote that was recorded before. */
export const ALREADY_RECORDED: Texts = { de: "Bereits vermerkt.", en: "Already recorded." };

export const NO_MINUTES_TO_APPROVE: Texts = { de: "Es gibt keine Niederschrift, die noch genehmigt werden müsste.", en: "There are no minutes awaiting approval." };

export function greetingText(name: string): Texts {
  return {
    de: `Guten Tag, ${name}! Ich bin der Assistent der Geschäftsstelle. „Hilfe“ zeigt, was ich für Sie tun kann.`,
    en: `Hello, ${name}! I am the Geschäftsstelle's assistant. "help" shows what I can do for you.`,
  };
}

export const NOT_UNDERSTOOD: Texts = { de: "Das habe ich nicht verstanden, und ich habe nichts eingetragen. Schreiben Sie z. B. „Ich nehme teil“, „Ich kann nicht teilnehmen, bitte an meine Vertretung“ oder „Hilfe“.", en: "I didn't understand that, and I have recorded nothing. Try e.g. \"I'll attend\", \"I can't attend, send my deputy\" or \"help\"." };

/** Teams' turn failed unexpectedly (bot/app.ts); said in German, before the person's language is known. */
export const TURN_FAILED: Texts = { de: "Entschuldigung, dabei ist ein Fehler aufgetreten; es wurde nichts geändert. Bitte versuchen Sie es erneut oder wenden Sie sich an die Geschäftsstelle.", en: "Sorry, something went wrong; nothing was changed. Please try again or contact the Geschäftsstelle." };

// ---------------------------------------------------------------------------------------------
// The member journeys

export function absenceQuestion(start: string, deputy: string | null): Texts {
  const when = instantTexts(start);
  return deputy
    ? { de: `Sie können am ${when.de} nicht teilnehmen. Soll Ihre Stellvertretung ${deputy} die Einladung erhalten, oder sagen Sie ohne Vertretung ab?`, en: `You cannot attend on ${when.en}. Shall your deputy ${deputy} get the invitation, or do you decline without a deputy?` }
    : { de: `Sie können am ${when.de} nicht teilnehmen. Für Ihre Institution ist keine Stellvertretung hinterlegt; soll ich Ihre Absage vermerken?`, en: `You cannot attend on ${when.en}. No deputy is registered for your institution; shall I record your apology?` };
}

/** "Vielleicht …": nothing recorded, the person is asked to answer later. */
export function unsureText(start: string): Texts {
  const when = instantTexts(start);
  return {
    de: `Ich habe nichts eingetragen. Sobald Sie es wissen, sagen Sie mir bitte, ob Sie teilnehmen, absagen oder Ihre Vertretung schicken – für die Sitzung am ${when.de}.`,
    en: `I have recorded nothing. When you know, please tell me whether you attend, decline or send your deputy – for the meeting on ${when.en}.`,
  };
}

/** The questions of the guided proposal flow, one per step. */
export const PROPOSAL_PROMPT = {
  title: { de: "Wie lautet der Titel des Tagesordnungspunkts?", en: "What is the item's title?" },
  description: { de: "Bitte beschreiben Sie das Thema kurz (ein, zwei Sätze).", en: "Please describe the topic briefly (a sentence or two)." },
  presenter: { de: "Wer trägt vor?", en: "Who presents it?" },
  link: { de: "Gibt es Unterlagen? Bitte einen Link senden oder „nein“.", en: "Any documents? Please send a link or \"no\"." },
} satisfies Record<string, Texts>;

/** The start of the guided proposal flow: for which meeting, its deadline, the first question. */
export function proposalStartText(start: string, deadline: Texts, prompt: Texts): Texts {
  const when = instantTexts(start);
  return {
    de: `Gern – ein Vorschlag für die Sitzung am ${when.de}. ${deadline.de} ${prompt.de} (Abbrechen mit „abbrechen“.)`,
    en: `Sure – a proposal for the meeting on ${when.en}. ${deadline.en} ${prompt.en} (Say "cancel" to stop.)`,
  };
}

/** The deadlines of a meeting, one per line, and the warnings about them. */
export function deadlinesAnswerText(start: string, deadlines: Texts[], warnings: Texts[]): Texts {
  const when = instantTexts(start);
  return {
    de: [`Für die Sitzung am ${when.de}:`, ...deadlines.map((l) => l.de), ...warnings.map((w) => noteLine(w.de, "de"))].join("\n"),
    en: [`For the meeting on ${when.en}:`, ...deadlines.map((l) => l.en), ...warnings.map((w) => noteLine(w.en, "en"))].join("\n"),
  };
}

export function nextMeetingText(m: Pick<Meeting, "start" | "mode" | "location" | "onlineUrl">, agenda: Pick<AgendaItem, "number" | "title" | "public">[], lang: Lang): Texts {
  const when = instantTexts(m.start);
  const place = m.location ? `, ${m.location}` : "";
  // The agenda lines in the person's language, as they have always read.
  const items = agenda.map((i) => agendaItemLine(i, lang)).join("\n");
  return {
    de: `Die nächste Sitzung ist am ${when.de}, ${MEETING_MODE[m.mode].de}${place}${m.onlineUrl ? ` (Link: ${m.onlineUrl})` : ""}.${agenda.length ? `\nTagesordnung bisher:\n${items}` : " Die Tagesordnung steht noch nicht."}`,
    en: `The next meeting is on ${when.en}, ${MEETING_MODE[m.mode].en}${place}${m.onlineUrl ? ` (link: ${m.onlineUrl})` : ""}.${agenda.length ? `\nAgenda so far:\n${items}` : " The agenda is not set yet."}`,
  };
}

/** "Wer ist meine Vertretung?" for a member: the deputy, or that none is registered. */
export function memberDeputyText(institution: string, deputy: { name: string; email: string } | null): Texts {
  return deputy
    ? { de: `Ihre Stellvertretung für ${institution} ist ${deputy.name} (${deputy.email}).`, en: `Your deputy for ${institution} is ${deputy.name} (${deputy.email}).` }
    : { de: `Für ${institution} ist keine Stellvertretung hinterlegt; bitte benennen Sie sie der Geschäftsstelle.`, en: `No deputy is registered for ${institution}; please name one to the Geschäftsstelle.` };
}

export function deputyOfText(member: string, institution: string): Texts {
  return { de: `Sie sind selbst Stellvertretung von ${member} für ${institution}.`, en: `You are the deputy of ${member} for ${institution}.` };
}

export const NO_DEPUTY_WITHOUT_INSTITUTION: Texts = { de: "Sie vertreten keine Institution und haben daher keine Stellvertretung.", en: "You represent no institution, so you have no deputy." };

export function quorumRuleText(r: { bodyKind: string; required: number | null; votingMembers: number; citation: string }): Texts {
  return {
    de: `Beschlussfähig ist die ${r.bodyKind}, wenn mindestens ${r.required} der ${r.votingMembers} stimmberechtigten Institutionen vertreten sind – durch Mitglied oder Stellvertretung, in Präsenz oder digital (${r.citation}). Sie gilt als beschlussfähig, bis der Vorsitz die Beschlussunfähigkeit feststellt.`,
    en: `The body is quorate when at least ${r.required} of the ${r.votingMembers} voting institutions are represented – by member or deputy, in person or online (${r.citation}). It counts as quorate until the chair declares otherwise.`,
  };
}

export function consensusRuleText(citation: string): Texts {
  return { de: `Entscheidungen fallen im Konsens; Enthaltungen sind zulässig, ein Widerspruch verhindert den Beschluss (${citation}).`, en: `Decisions are taken by consensus; abstentions are allowed, one objection stops a decision (${citation}).` };
}

export function majorityRuleText(share: { numerator: number; denominator: number }, citation: string, example: { present: number; required: number | null }): Texts {
  const fraction = `${share.numerator}/${share.denominator}`;
  return {
    de: `Beschlüsse brauchen ${fraction} der anwesenden Institutionen als Ja-Stimmen; jede Institution hat eine Stimme, Enthaltungen zählen nicht als Ja (${citation}). Beispiel: bei ${example.present} Anwesenden sind ${example.required} Ja-Stimmen nötig.`,
    en: `Resolutions need ${fraction} of the institutions present voting yes; each institution has one vote and abstentions are not yes (${citation}). Example: with ${example.present} present, ${example.required} yes votes are needed.`,
  };
}

// ---------------------------------------------------------------------------------------------
// The slash commands

export function unknownCommandText(name: string): Texts {
  return { de: `Den Befehl „/${name}“ kenne ich nicht; „Hilfe“ zeigt, was Sie tun können.`, en: `I don't know the command "/${name}"; "help" shows what you can do.` };
}

/** How a refused command names the person's role. */
export const ROLE_NAME = {
  member: { de: "Mitglied", en: "a member" },
  deputy: { de: "Stellvertretung", en: "a deputy" },
  guest: { de: "Gast", en: "a guest" },
} satisfies Record<string, Texts>;

export function reservedCommandText(name: string, role: Texts): Texts {
  return {
    de: `„/${name}“ ist der Geschäftsstelle und dem Vorsitz vorbehalten; als ${role.de} können Sie das nicht.`,
    en: `"/${name}" is reserved for the Geschäftsstelle and the chair; as ${role.en} you cannot use it.`,
  };
}

export const SCHEDULE_USAGE: Texts = { de: "Bitte so: „/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg“ (für digital: Link statt Ort; für hybrid: Ort und Link).", en: "Please write: \"/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg\" (online: a link instead of a place; hybrid: place and link)." };

/** Items postponed in a session that was not quorate, back on the new meeting's agenda. */
export function carriedItemsNote(items: Pick<AgendaItem, "number" | "title">[], citation: string): Texts {
  const list = items.map((i) => `TOP ${i.number} ${i.title}`).join(", ");
  return {
    de: `Zurückgestellt und erneut auf der Tagesordnung (zweite Einberufung, ${citation}; die Einladung weist ausdrücklich darauf hin): ${list}.`,
    en: `Postponed and back on the agenda (second convocation, ${citation}; the invitation expressly points this out): ${list}.`,
  };
}

export function meetingCreatedText(m: Pick<Meeting, "id" | "start" | "end" | "location" | "onlineUrl">, notes: (Texts | Said<SentenceCode>)[]): Texts {
  const where = `${m.location ? `, ${m.location}` : ""}${m.onlineUrl ? `, ${m.onlineUrl}` : ""}`;
  const end = formatTime(new Date(m.end));
  return withNotes({
    de: `Sitzung angelegt: ${formatDateTime(new Date(m.start))} bis ${end} Uhr${where} (${m.id}). Fristen mit „Fristen“, Tagesordnung mit „/top …“.`,
    en: `Meeting created: ${formatDateTime(new Date(m.start), "en")} to ${end}${where} (${m.id}). Deadlines with "deadlines", agenda with "/top …".`,
  }, notes);
}

export const CHANGE_USAGE: Texts = { de: "Bitte so: „/sitzung ändern 13.05.2022 14:00-16:00“ oder „/sitzung ändern Ort: Kreishaus, Raum 2“.", en: "Please write: \"/sitzung ändern 13.05.2022 14:00-16:00\" or \"/sitzung ändern Ort: Kreishaus, Raum 2\"." };

/** What is said at once while long work (mail to everyone) runs; its result follows. */
export const WORK_STARTED = {
  change: { de: "Ich ändere die Sitzung und benachrichtige die Eingeladenen.", en: "I am changing the meeting and notifying the invitees." },
  changeOnly: { de: "Ich ändere die Sitzung.", en: "I am changing the meeting." },
  cancel: { de: "Ich sage die Sitzung ab und benachrichtige die Eingeladenen.", en: "I am cancelling the meeting and notifying the invitees." },
  sendMinutes: { de: "Ich versende die Niederschrift an alle Mitglieder.", en: "Sending the minutes to every member." },
  inviteAgain: { de: "Ich versende erneut; das Ergebnis folgt.", en: "Sending again; the result follows." },
  outboxRetry: { de: "Ich sende erneut, was nicht zugestellt wurde; das Ergebnis folgt.", en: "Sending again what was not delivered; the result follows." },
} satisfies Record<string, Texts>;

export function invitationSendingText(start: string): Texts {
  const when = instantTexts(start);
  return {
    de: `Die Einladung zur Sitzung am ${when.de} wird versandt; ich melde mich gleich mit dem Ergebnis.`,
    en: `The invitation to the meeting on ${when.en} is being sent; I will report the result shortly.`,
  };
}

export const NO_MINUTES_TO_SEND: Texts = { de: "Es gibt keine Niederschrift, die noch zu versenden wäre; erst „/niederschrift“.", en: "There are no minutes to send; draft them first with \"/niederschrift\"." };
export const NO_MINUTES_AWAITING: Texts = { de: "Es gibt keine Niederschrift, die auf Genehmigung wartet.", en: "No minutes are waiting for approval." };
export const NO_MEETING_HELD: Texts = { de: "Es hat noch keine Sitzung stattgefunden, für die eine Niederschrift zu schreiben wäre.", en: "No meeting has taken place yet to write minutes for." };

export const VOTE_ALREADY_RECORDED: Texts = { de: "Diese Abstimmung ist bereits vermerkt.", en: "This vote is already recorded." };

/** A recorded vote's result, after the item it was on ("TOP 2: …"). */
export function itemVoteText(item: number | null, vote: Texts): Texts {
  const prefix = item ? `TOP ${item}: ` : "";
  return { de: `${prefix}${vote.de}`, en: `${prefix}${vote.en}` };
}

export const STATEMENT_USAGE: Texts = { de: "Bitte so: „/erklärung <Name>: <Wortlaut>“.", en: "Please write: \"/erklärung <name>: <wording>\"." };

/** A message meant something else in the middle of a guided proposal (bot/flows.ts): the proposal was left. */
export const PROPOSAL_LEFT: Texts = { de: "Ihren angefangenen Themenvorschlag habe ich beendet, ohne ihn einzureichen; Sie können jederzeit neu beginnen.", en: "I have left your unfinished agenda proposal without submitting it; you can start again at any time." };

/** A guided proposal nobody answered for a while has ended. */
export const PROPOSAL_EXPIRED: Texts = { de: "Ihr angefangener Themenvorschlag ist abgelaufen und wurde nicht eingereicht.", en: "Your unfinished agenda proposal has expired and was not submitted." };
