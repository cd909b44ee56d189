/**
 * What members and deputies do by chatting: hand the seat to the deputy, confirm or decline,
 * check in, propose an agenda item, and ask about deadlines and the next meeting.
 * Handlers only translate between chat and services; the rules live in rules/ and services/.
 */
import type { Meeting } from "../domain/model.ts";
import { meetingDeadlines } from "../rules/deadlines.ts";
import { voteResult } from "../rules/majority.ts";
import { quorumStatus } from "../rules/quorum.ts";
import { formatDateTime } from "../rules/time.ts";
import type { Mode } from "../services/attendance.ts";
import { respond } from "../services/answer-attendance.ts";
import { checkIn } from "../services/check-in.ts";
import { delegate } from "../services/delegate-seat.ts";
import { profileOf } from "../services/context.ts";
import { personById, rolesOf } from "../services/directory.ts";
import { propose } from "../services/propose-item.ts";
import { sortedAgenda } from "../services/agenda-overview.ts";
import { agendaItemLine } from "../texts/agenda.ts";
import { card, type CardButton } from "./cards.ts";
import type { Flow } from "../domain/flow.ts";
import { setFlow } from "../services/conversation-state.ts";
import { isMeeting, meetingFor, refusal, reply, t, type Turn, type TurnResult } from "./turn.ts";
import type { MentionedDate } from "./understand.ts";
import { deadlineText, deadlineWarningText } from "../texts/deadlines.ts";

const MODE_TEXT = { "in-person": { de: "in Präsenz", en: "in person" }, online: { de: "digital", en: "online" }, hybrid: { de: "hybrid", en: "hybrid" } };

/** The buttons a member or deputy answers an invitation with. */
export function attendanceButtons(turn: Turn, meeting: Meeting): CardButton[] {
  const roles = rolesOf(turn.db, turn.person.id);
  const data = { meetingId: meeting.id };
  const buttons: CardButton[] = [
    { title: t(turn, { de: "Ich nehme in Präsenz teil", en: "Attend in person" }), verb: "attend", data: { ...data, mode: "in-person" } },
    { title: t(turn, { de: "Ich nehme digital teil", en: "Attend online" }), verb: "attend", data: { ...data, mode: "online" } },
  ];
  if (roles.member) buttons.push({ title: t(turn, { de: "An meine Vertretung", en: "Send my deputy" }), verb: "delegate", data });
  buttons.push({ title: t(turn, { de: "Absagen", en: "Decline" }), verb: "decline", data });
  return buttons;
}

function meetingFacts(turn: Turn, m: Meeting): [string, string][] {
  const facts: [string, string][] = [
    [t(turn, { de: "Termin", en: "Date" }), formatDateTime(new Date(m.start), turn.lang)],
    [t(turn, { de: "Form", en: "Format" }), t(turn, MODE_TEXT[m.mode])],
  ];
  if (m.location) facts.push([t(turn, { de: "Ort", en: "Place" }), m.location]);
  if (m.onlineUrl) facts.push([t(turn, { de: "Online-Link", en: "Online link" }), m.onlineUrl]);
  return facts;
}

/** Which meeting: a card's or a pending question's meeting id, a date named in the message, or the next. */
export type MeetingRef = MentionedDate | { meetingId: string } | null;

async function withMeeting(turn: Turn, ref: MeetingRef, work: (m: Meeting) => Promise<TurnResult>): Promise<TurnResult> {
  const found = meetingFor(turn, ref);
  if (!isMeeting(found)) return found;
  try {
    return await work(found);
  } catch (e) {
    return refusal(turn, e);
  }
}

export function delegateSeat(turn: Turn, date: MeetingRef): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const out = await delegate(turn.services, turn.person.id, m.id, turn.activityId);
    await setFlow(turn.services, turn.person.id, null);
    const result: TurnResult = { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
    if (out.delegation?.ok) result.deputyInvitation = { meetingId: m.id, memberId: turn.person.id };
    return result;
  });
}

/** An absence without a word about the deputy: ask before recording anything. */
export function askAbsence(turn: Turn, date: MentionedDate | null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const roles = rolesOf(turn.db, turn.person.id);
    if (!roles.member) return decline(turn, m.id);
    const deputy = roles.member.deputyId ? personById(turn.db, roles.member.deputyId).name : null;
    await setFlow(turn.services, turn.person.id, { kind: "absence", meetingId: m.id });
    const when = formatDateTime(new Date(m.start), turn.lang);
    const question = deputy
      ? { de: `Sie können am ${when} nicht teilnehmen. Soll Ihre Stellvertretung ${deputy} die Einladung erhalten, oder sagen Sie ohne Vertretung ab?`, en: `You cannot attend on ${when}. Shall your deputy ${deputy} get the invitation, or do you decline without a deputy?` }
      : { de: `Sie können am ${when} nicht teilnehmen. Für Ihre Institution ist keine Stellvertretung hinterlegt; soll ich Ihre Absage vermerken?`, en: `You cannot attend on ${when}. No deputy is registered for your institution; shall I record your apology?` };
    const buttons: CardButton[] = [];
    if (deputy) buttons.push({ title: t(turn, { de: `Ja, an ${deputy}`, en: `Yes, send ${deputy}` }), verb: "delegate", data: { meetingId: m.id } });
    buttons.push({ title: t(turn, { de: "Absagen ohne Vertretung", en: "Decline without deputy" }), verb: "decline", data: { meetingId: m.id } });
    return reply(turn, question, card({ title: t(turn, { de: "Abwesenheit", en: "Absence" }), text: t(turn, question), buttons }));
  });
}

/** "Vielleicht …": a question, never an action. */
export function askUnsure(turn: Turn, date: MentionedDate | null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const text = {
      de: `Ich habe nichts eingetragen. Sobald Sie es wissen, sagen Sie mir bitte, ob Sie teilnehmen, absagen oder Ihre Vertretung schicken – für die Sitzung am ${formatDateTime(new Date(m.start))}.`,
      en: `I have recorded nothing. When you know, please tell me whether you attend, decline or send your deputy – for the meeting on ${formatDateTime(new Date(m.start), "en")}.`,
    };
    return reply(turn, text, card({ title: t(turn, { de: "Ihre Rückmeldung", en: "Your answer" }), facts: meetingFacts(turn, m), buttons: attendanceButtons(turn, m) }));
  });
}

export function attend(turn: Turn, date: MeetingRef, mode: Mode | null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const out = await respond(turn.services, turn.person.id, m.id, { status: "attending", mode }, turn.activityId);
    const ask = mode === null && out.changed
      ? card({
          title: t(turn, { de: "In Präsenz oder digital?", en: "In person or online?" }),
          buttons: attendanceButtons(turn, m).filter((b) => b.verb === "attend"),
        })
      : undefined;
    return { replies: [{ text: t(turn, out.reply), card: ask }], outbox: out.outbox };
  });
}

export async function decline(turn: Turn, meetingId: string): Promise<TurnResult> {
  try {
    const out = await respond(turn.services, turn.person.id, meetingId, { status: "declined", mode: null }, turn.activityId);
    await setFlow(turn.services, turn.person.id, null);
    return { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
  } catch (e) {
    return refusal(turn, e);
  }
}

export function selfCheckIn(turn: Turn): Promise<TurnResult> {
  return withMeeting(turn, null, async (m) => {
    const out = await checkIn(turn.services, turn.person.id, m.id, turn.activityId);
    return { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
  });
}

/** "Ich möchte einen TOP vorschlagen: …" — everything in one message, or a short guided flow. */
export function startProposal(turn: Turn, text: string, date: MentionedDate | null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const parts = text.split(/\s*[|;]\s*|\n/).map((s) => s.trim()).filter(Boolean);
    if (parts.length >= 3) {
      const [title, description, presenter, link] = parts as [string, string, string, string | undefined];
      return submitProposal(turn, m.id, { title, description, presenter, link: link ?? null });
    }
    const deadline = meetingDeadlines(new Date(m.start), profileOf(turn.db)).agendaProposals;
    const draft = parts[0] ? { title: parts[0], description: parts[1] } : {};
    const step = !draft.title ? "title" : !draft.description ? "description" : "presenter";
    await setFlow(turn.services, turn.person.id, { kind: "proposal", meetingId: m.id, step, draft }, turn.activityId);
    return reply(turn, {
      de: `Gern – ein Vorschlag für die Sitzung am ${formatDateTime(new Date(m.start))}. ${deadlineText(deadline).de} ${PROMPT[step].de} (Abbrechen mit „abbrechen“.)`,
      en: `Sure – a proposal for the meeting on ${formatDateTime(new Date(m.start), "en")}. ${deadlineText(deadline).en} ${PROMPT[step].en} (Say "cancel" to stop.)`,
    });
  });
}

const PROMPT = {
  title: { de: "Wie lautet der Titel des Tagesordnungspunkts?", en: "What is the item's title?" },
  description: { de: "Bitte beschreiben Sie das Thema kurz (ein, zwei Sätze).", en: "Please describe the topic briefly (a sentence or two)." },
  presenter: { de: "Wer trägt vor?", en: "Who presents it?" },
  link: { de: "Gibt es Unterlagen? Bitte einen Link senden oder „nein“.", en: "Any documents? Please send a link or \"no\"." },
} as const;

/** The next answer in the guided proposal flow. */
export async function continueProposal(turn: Turn, flow: Extract<Flow, { kind: "proposal" }>, text: string): Promise<TurnResult> {
  const answer = text.trim();
  const draft = { ...flow.draft };
  if (flow.step === "link") {
    const link = /^(nein|no|keine|none|-)$/i.test(answer) ? null : answer;
    try {
      return await submitProposal(turn, flow.meetingId, { title: draft.title!, description: draft.description ?? "", presenter: draft.presenter ?? "", link });
    } catch (e) {
      return refusal(turn, e);
    }
  }
  draft[flow.step] = answer;
  const step = flow.step === "title" ? "description" : flow.step === "description" ? "presenter" : "link";
  await setFlow(turn.services, turn.person.id, { ...flow, step, draft }, turn.activityId);
  return reply(turn, PROMPT[step]);
}

async function submitProposal(turn: Turn, meetingId: string, input: { title: string; description: string; presenter: string; link: string | null }): Promise<TurnResult> {
  const out = await propose(turn.services, turn.person.id, meetingId, input, turn.activityId);
  await setFlow(turn.services, turn.person.id, null);
  return { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
}

export function deadlinesAnswer(turn: Turn, which: "proposal" | "invitation" | "all", date: MentionedDate | null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const d = meetingDeadlines(new Date(m.start), profileOf(turn.db));
    const head = { de: `Für die Sitzung am ${formatDateTime(new Date(m.start))}:`, en: `For the meeting on ${formatDateTime(new Date(m.start), "en")}:` };
    const lines = which === "proposal" ? [d.agendaProposals] : which === "invitation" ? [d.invitation, d.urgentInvitation] : [d.agendaProposals, d.invitation, d.urgentInvitation];
    const warnings = d.warnings.filter((w) => lines.some((l) => l.kind === w.kind));
    return reply(turn, {
      de: [head.de, ...lines.map((l) => deadlineText(l).de), ...warnings.map((w) => `Hinweis: ${deadlineWarningText(w).de}`)].join("\n"),
      en: [head.en, ...lines.map((l) => deadlineText(l).en), ...warnings.map((w) => `Note: ${deadlineWarningText(w).en}`)].join("\n"),
    });
  });
}

export function nextMeetingAnswer(turn: Turn): Promise<TurnResult> {
  return withMeeting(turn, null, async (m) => {
    const agenda = sortedAgenda(m).map((i) => agendaItemLine(i, turn.lang));
    const text = {
      de: `Die nächste Sitzung ist am ${formatDateTime(new Date(m.start))}, ${MODE_TEXT[m.mode].de}${m.location ? `, ${m.location}` : ""}${m.onlineUrl ? ` (Link: ${m.onlineUrl})` : ""}.${agenda.length ? `\nTagesordnung bisher:\n${agenda.join("\n")}` : " Die Tagesordnung steht noch nicht."}`,
      en: `The next meeting is on ${formatDateTime(new Date(m.start), "en")}, ${MODE_TEXT[m.mode].en}${m.location ? `, ${m.location}` : ""}${m.onlineUrl ? ` (link: ${m.onlineUrl})` : ""}.${agenda.length ? `\nAgenda so far:\n${agenda.join("\n")}` : " The agenda is not set yet."}`,
    };
    const roles = rolesOf(turn.db, turn.person.id);
    const buttons = roles.member || roles.deputy ? attendanceButtons(turn, m) : [];
    return reply(turn, text, buttons.length ? card({ title: t(turn, { de: "Nächste Sitzung", en: "Next meeting" }), facts: meetingFacts(turn, m), buttons }) : undefined);
  });
}

export function myDeputyAnswer(turn: Turn): TurnResult {
  const roles = rolesOf(turn.db, turn.person.id);
  if (roles.member) {
    const deputy = roles.member.deputyId ? personById(turn.db, roles.member.deputyId) : null;
    return reply(turn, deputy
      ? { de: `Ihre Stellvertretung für ${roles.member.name} ist ${deputy.name} (${deputy.email}).`, en: `Your deputy for ${roles.member.name} is ${deputy.name} (${deputy.email}).` }
      : { de: `Für ${roles.member.name} ist keine Stellvertretung hinterlegt; bitte benennen Sie sie der Geschäftsstelle.`, en: `No deputy is registered for ${roles.member.name}; please name one to the Geschäftsstelle.` });
  }
  if (roles.deputy) {
    const member = personById(turn.db, roles.deputy.memberId);
    return reply(turn, { de: `Sie sind selbst Stellvertretung von ${member.name} für ${roles.deputy.name}.`, en: `You are the deputy of ${member.name} for ${roles.deputy.name}.` });
  }
  return reply(turn, { de: "Sie vertreten keine Institution und haben daher keine Stellvertretung.", en: "You represent no institution, so you have no deputy." });
}

export function quorumRuleAnswer(turn: Turn): TurnResult {
  const votingMembers = turn.db.institutions.filter((i) => i.voting).length;
  const status = quorumStatus({ represented: 0, votingMembers }, profileOf(turn.db));
  const rule = profileOf(turn.db).quorum;
  if (!rule.regulated) return reply(turn, rule.note);
  return reply(turn, {
    de: `Beschlussfähig ist die ${profileOf(turn.db).bodyKind}, wenn mindestens ${status.required} der ${votingMembers} stimmberechtigten Institutionen vertreten sind – durch Mitglied oder Stellvertretung, in Präsenz oder digital (${rule.citation}). Sie gilt als beschlussfähig, bis der Vorsitz die Beschlussunfähigkeit feststellt.`,
    en: `The body is quorate when at least ${status.required} of the ${votingMembers} voting institutions are represented – by member or deputy, in person or online (${rule.citation}). It counts as quorate until the chair declares otherwise.`,
  });
}

export function majorityRuleAnswer(turn: Turn): TurnResult {
  const profile = profileOf(turn.db);
  const rule = profile.majority;
  if (rule.kind === "not-regulated") return reply(turn, rule.note);
  if (rule.kind === "consensus") {
    return reply(turn, { de: `Entscheidungen fallen im Konsens; Enthaltungen sind zulässig, ein Widerspruch verhindert den Beschluss (${rule.citation}).`, en: `Decisions are taken by consensus; abstentions are allowed, one objection stops a decision (${rule.citation}).` });
  }
  const example = voteResult({ yes: 8, no: 2, abstain: 2 }, profile);
  return reply(turn, {
    de: `Beschlüsse brauchen ${rule.share.numerator}/${rule.share.denominator} der anwesenden Institutionen als Ja-Stimmen; jede Institution hat eine Stimme, Enthaltungen zählen nicht als Ja (${rule.citation}). Beispiel: bei ${example.present} Anwesenden sind ${example.required} Ja-Stimmen nötig.`,
    en: `Resolutions need ${rule.share.numerator}/${rule.share.denominator} of the institutions present voting yes; each institution has one vote and abstentions are not yes (${rule.citation}). Example: with ${example.present} present, ${example.required} yes votes are needed.`,
  });
}
