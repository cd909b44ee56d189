/**
 * Wording of the reminders (services/reminders.ts): each reminder's subject and text, German and
 * English side by side; the answers to "Keine Erinnerungen mehr" / "Erinnerungen wieder an"; and the
 * overview of planned and sent reminders ("/erinnerungen", `reminders list`).
 */
import type { Texts } from "../domain/profile.ts";
import type { ReminderKind } from "../rules/reminders.ts";
import type { MeetingFacts, ReminderFacts } from "../services/reminder-facts.ts";
import type { NoticeTexts } from "./outbox.ts";
import { dayTexts, instantTexts, paren } from "./bilingual.ts";
import { STATE as OUTBOX_STATE, VIA } from "./outbox.ts";
import { MEETING_MODE } from "./meetings.ts";

export const REMINDER_KIND: Record<ReminderKind, Texts> = {
  "agenda-proposals": { de: "Themenanmeldung", en: "agenda proposals" },
  "invitation-due": { de: "Einladung fällig", en: "invitation due" },
  unanswered: { de: "Rückmeldung fehlt", en: "answer missing" },
  "deputy-briefing": { de: "Vertretung", en: "standing in" },
  "chair-briefing": { de: "Sitzungsmorgen", en: "meeting morning" },
  "minutes-draft": { de: "Niederschrift", en: "minutes" },
  "minutes-approval": { de: "Genehmigung der Niederschrift", en: "approval of the minutes" },
};

const OPT_OUT_HINT: Texts = { de: "(Keine Erinnerungen mehr? Schreiben Sie „Keine Erinnerungen mehr“.)", en: "(No more reminders? Write \"no more reminders\".)" };

const list = (items: string[], none: string) => (items.length ? items.join(", ") : none);
/** Ends a sentence whose end is someone's own text (an objection may already end in "."): one stop. */
const stop = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

function both(make: (lang: keyof Texts) => string): Texts {
  return { de: make("de"), en: make("en") };
}

function place(m: MeetingFacts, lang: keyof Texts): string {
  const parts = [MEETING_MODE[m.mode][lang], m.location, m.onlineUrl].filter((x): x is string => Boolean(x));
  return parts.join(", ");
}

function withHint(text: Texts): Texts {
  return both((l) => `${text[l]}\n\n${OPT_OUT_HINT[l]}`);
}

/** The subject and text of one reminder, from its facts. */
export function reminderTexts(f: ReminderFacts): NoticeTexts {
  const when = instantTexts(f.meeting.start);
  const subject = both((l) => `${l === "de" ? "Erinnerung" : "Reminder"}: ${REMINDER_KIND[f.kind][l]} – ${when[l]}`);
  return { subject, text: withHint(body(f)) };
}

function body(f: ReminderFacts): Texts {
  const when = instantTexts(f.meeting.start);
  switch (f.kind) {
    case "agenda-proposals": {
      const last = dayTexts(f.lastDay);
      return {
        de: `Themen für die Sitzung am ${when.de} können Sie bis ${last.de} anmelden${paren(f.citation)}. Schreiben Sie mir dazu „Ich möchte einen TOP vorschlagen: <Titel>“; ich frage dann nach Beschreibung, Vortragenden und Unterlagen.${f.lateAccepted ? " Spätere Vorschläge nehme ich an, sie werden aber als verspätet markiert." : ""}${f.currentTopicsAnytime ? " Aktuelle Themen können jederzeit eingebracht werden." : ""}`,
        en: `You can propose topics for the meeting on ${when.en} until ${last.en}${paren(f.citation)}. Write to me "I would like to propose an agenda item: <title>"; I will then ask for a description, the presenter and documents.${f.lateAccepted ? " Later proposals are taken but marked late." : ""}${f.currentTopicsAnytime ? " Current topics can be brought in at any time." : ""}`,
      };
    }
    case "invitation-due": return invitationDue(f);
    case "unanswered":
      return {
        de: `Für die Sitzung am ${when.de} (${place(f.meeting, "de")}) liegt von Ihnen noch keine Rückmeldung vor. Bitte schreiben Sie dem Bot der Geschäftsstelle in Teams „Ich nehme teil“, „Ich nehme digital teil“ oder „Ich kann nicht teilnehmen“.`,
        en: `We have no answer from you yet for the meeting on ${when.en} (${place(f.meeting, "en")}). Please write to the Geschäftsstelle's bot in Teams "I'll attend", "I'll attend online" or "I can't attend".`,
      };
    case "deputy-briefing":
      return {
        de: `Sie vertreten ${f.member} (${f.institution}) in der Sitzung am ${when.de}${paren(f.citation)}. Ort: ${place(f.meeting, "de")}.`,
        en: `You stand in for ${f.member} (${f.institution}) at the meeting on ${when.en}${paren(f.citation)}. Place: ${place(f.meeting, "en")}.`,
      };
    case "chair-briefing": return chairBriefing(f);
    case "minutes-draft": {
      const due = dayTexts(f.dueDay);
      const cites = f.citations.length ? ` (${f.citations.join(", ")})` : "";
      return {
        de: `Die Sitzung am ${when.de} ist vorbei: Der Entwurf der Niederschrift ist heute fällig (${due.de}); danach unterschreiben ${list(f.signers, "die Unterzeichnenden")}, und die Niederschrift geht an die Mitglieder${cites}. „/niederschrift“ erstellt den Entwurf, „/niederschrift senden“ versendet sie.`,
        en: `The meeting on ${when.en} is over: the draft minutes are due today (${due.en}); then ${list(f.signers, "the signatories")} sign, and the minutes go to the members${cites}. "/niederschrift" drafts them, "/niederschrift senden" sends them.`,
      };
    }
    case "minutes-approval": {
      const prev = instantTexts(f.previous.start);
      const objections = f.objections.map((o) => `${o.name}: ${o.text}`);
      const deemed = f.approval === "deemed";
      return {
        de: `Zu Beginn der heutigen Sitzung (${when.de}) steht die Niederschrift der Sitzung vom ${prev.de} an${paren(f.citation)}. Einwände: ${stop(list(objections, "keine"))} ${deemed ? "Ohne Einwände wird sie als genehmigt festgestellt" : "Die Sitzung bestätigt sie"}; danach „/niederschrift genehmigen“.`,
        en: `At the start of today's meeting (${when.en}) the minutes of the meeting on ${prev.en} are due${paren(f.citation)}. Objections: ${stop(list(objections, "none"))} ${deemed ? "Without objections they are declared approved" : "The meeting confirms them"}; then "/niederschrift genehmigen".`,
      };
    }
  }
}

function invitationDue(f: Extract<ReminderFacts, { kind: "invitation-due" }>): Texts {
  const when = instantTexts(f.meeting.start);
  const last = dayTexts(f.lastDay);
  const urgent = f.urgent && { day: dayTexts(f.urgent.lastDay), ...f.urgent };
  const waiting = f.waitingProposals.map((t) => `„${t}“`);
  return {
    de: [
      `Die Einladung zur Sitzung am ${when.de} ist noch nicht versandt. Letzter Tag: ${last.de}${paren(f.citation)}.`,
      urgent ? `Danach nur noch als dringliche Einladung mit ${urgent.noticeDays} Tagen Frist bis ${urgent.day.de}${urgent.reasonRequired ? ", mit Angabe des Grundes" : ""}${paren(urgent.citation)}.` : "",
      f.agendaEmpty ? "Die Tagesordnung ist noch leer." : "",
      waiting.length ? `Auf Ihre Entscheidung warten: ${waiting.join(", ")} („/tagesordnung“).` : "",
      "„/einladen“ versendet die Einladung.",
    ].filter(Boolean).join(" "),
    en: [
      `The invitation to the meeting on ${when.en} has not gone out yet. Last day: ${last.en}${paren(f.citation)}.`,
      urgent ? `After that only as an urgent invitation with ${urgent.noticeDays} days' notice until ${urgent.day.en}${urgent.reasonRequired ? ", stating the reason" : ""}${paren(urgent.citation)}.` : "",
      f.agendaEmpty ? "The agenda is still empty." : "",
      waiting.length ? `Waiting for your decision: ${f.waitingProposals.map((t) => `"${t}"`).join(", ")} ("/tagesordnung").` : "",
      "\"/einladen\" sends the invitation.",
    ].filter(Boolean).join(" "),
  };
}

function chairBriefing(f: Extract<ReminderFacts, { kind: "chair-briefing" }>): Texts {
  const when = instantTexts(f.meeting.start);
  const deputies = f.deputies.map((d) => `${d.institution}: ${d.deputy}`);
  const q = f.quorum;
  return {
    de: [
      `Heute, ${when.de}, findet die Sitzung statt (${place(f.meeting, "de")}).`,
      `In Präsenz: ${list(f.inPerson, "niemand")}. Digital: ${list(f.online, "niemand")}.${f.unsaid.length ? ` Ohne Angabe der Form: ${f.unsaid.join(", ")}.` : ""}`,
      `Vertretungen: ${list(deputies, "keine")}. Abgesagt: ${list(f.declined, "niemand")}. Ohne Rückmeldung: ${list(f.notAnswered, "niemand")}.`,
      q ? `Nach den Zusagen sind ${q.represented} von ${q.votingMembers} stimmberechtigten Institutionen vertreten; ${q.required} sind für die Beschlussfähigkeit nötig – ${q.represented >= q.required ? "das reicht" : "das reicht nach den Zusagen nicht"}${paren(q.citation)}.` : "Eine Beschlussfähigkeit regelt die Geschäftsordnung nicht.",
    ].join(" "),
    en: [
      `Today, ${when.en}, the group meets (${place(f.meeting, "en")}).`,
      `In person: ${list(f.inPerson, "nobody")}. Online: ${list(f.online, "nobody")}.${f.unsaid.length ? ` Format not given: ${f.unsaid.join(", ")}.` : ""}`,
      `Deputies: ${list(deputies, "none")}. Declined: ${list(f.declined, "nobody")}. No answer: ${list(f.notAnswered, "nobody")}.`,
      q ? `By the answers, ${q.represented} of ${q.votingMembers} voting institutions are represented; ${q.required} are needed for a quorum – ${q.represented >= q.required ? "that is enough" : "by the answers that is not enough"}${paren(q.citation)}.` : "The rules of procedure set no quorum.",
    ].join(" "),
  };
}

/** The answer to "Keine Erinnerungen mehr" / "Erinnerungen wieder an". */
export function remindersSwitchedText(on: boolean): Texts {
  return on
    ? { de: "Gern: Sie erhalten wieder Erinnerungen vor Fristen und Sitzungen.", en: "Done: you will get reminders before deadlines and meetings again." }
    : {
        de: "Verstanden: Sie erhalten keine Erinnerungen mehr. Einladungen und Nachrichten zu Ihren Anliegen kommen weiterhin. „Erinnerungen wieder an“ schaltet sie wieder ein.",
        en: "Understood: you will get no more reminders. Invitations and messages about your requests still come. \"Reminders on\" switches them back on.",
      };
}

export interface ReminderLine {
  kind: ReminderKind;
  name: string;
  dueAt: string;
  state: "planned" | "sent" | "sending" | "failed";
  via: "teams" | "email" | null;
}

const STATE: Record<ReminderLine["state"], Texts> = {
  planned: { de: "geplant", en: "planned" },
  sent: { de: "versandt", en: "sent" },
  sending: { de: "wird versandt", en: "being sent" },
  failed: { de: "fehlgeschlagen", en: "failed" },
};

/** "/erinnerungen" and `reminders list`: one line per reminder, in the order they fall due. */
export function remindersListing(lang: keyof Texts, lines: ReminderLine[], when: (iso: string) => string): string {
  if (lines.length === 0) return lang === "de" ? "Es sind keine Erinnerungen geplant oder versandt." : "No reminders are planned or sent.";
  const planned = lines.filter((l) => l.state === "planned").length;
  const head = lang === "de" ? `Erinnerungen: ${planned} geplant, ${lines.length - planned} versandt oder versucht.` : `Reminders: ${planned} planned, ${lines.length - planned} sent or tried.`;
  const rows = lines.map((l) => `– ${when(l.dueAt)} ${REMINDER_KIND[l.kind][lang]} ${lang === "de" ? "an" : "to"} ${l.name}: ${STATE[l.state][lang]}${l.via ? ` (${l.via === "teams" ? "Teams" : lang === "de" ? "E-Mail" : "e-mail"})` : ""}`);
  return [head, ...rows].join("\n");
}

/** `reminders run` without --json. */
export function remindersRunText(lang: keyof Texts, sent: { name: string; kind: ReminderKind; via: "teams" | "email" | null; accepted: boolean; filed?: boolean }[]): string {
  if (sent.length === 0) return lang === "de" ? "Jetzt ist keine Erinnerung fällig." : "No reminder is due now.";
  const outcome = (s: (typeof sent)[number]) => (s.filed ? OUTBOX_STATE.filed[lang] : s.accepted ? STATE.sent[lang] : STATE.failed[lang]);
  const rows = sent.map((s) => `– ${REMINDER_KIND[s.kind][lang]} ${lang === "de" ? "an" : "to"} ${s.name}: ${outcome(s)}${s.via && !s.filed ? ` (${VIA[s.via][lang]})` : ""}`);
  return [lang === "de" ? `${sent.length} Erinnerungen:` : `${sent.length} reminders:`, ...rows].join("\n");
}

export const REMINDERS_FORBIDDEN: Texts = { de: "Die Übersicht der Erinnerungen ist für die Geschäftsstelle und den Vorsitz.", en: "The overview of reminders is for the Geschäftsstelle and the chair." };
