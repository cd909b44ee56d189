/**
 * What members and deputies do by chatting: hand the seat to the deputy, confirm or decline,
 * check in, propose an agenda item, and ask about deadlines and the next meeting.
 * Handlers only translate between chat and services; the rules live in rules/ and services/.
 */
import type { Meeting } from "../domain/model.ts";
import { meetingDeadlines } from "../rules/deadlines.ts";
import { voteResult } from "../rules/majority.ts";
import { quorumStatus } from "../rules/quorum.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Mode } from "../services/attendance.ts";
import { respond } from "../services/answer-attendance.ts";
import { checkIn } from "../services/check-in.ts";
import { delegate } from "../services/delegate-seat.ts";
import { bodyProfile } from "../services/context.ts";
import { personById, rolesOf } from "../services/directory.ts";
import { propose } from "../services/propose-item.ts";
import { NO_MEETING_AFTER_RUNNING, proposalForNextText } from "../texts/proposals.ts";
import { withNote } from "./flows.ts";
import { sortedAgenda } from "../services/agenda-overview.ts";
import { followingMeeting, nextMeeting } from "../services/meetings.ts";
import { votingMembers as countVotingMembers } from "../services/session.ts";
import { meetingOnDayText } from "../texts/role-hints.ts";
import { whoHasAnswered } from "../services/answers.ts";
import { whoComesForMemberText } from "../texts/answers-members.ts";
import { answerButtons, card, type CardButton } from "./cards.ts";
import { presenterOf, saysNoDocuments } from "./understand-proposal.ts";
import type { Flow } from "../domain/flow.ts";
import { setFlow } from "../services/conversation-state.ts";
import { isMeeting, meetingFor, refusal, reply, t, type Turn, type TurnResult } from "./turn.ts";
import type { MentionedDate } from "./understand.ts";
import { deadlineText, deadlineWarningText } from "../texts/deadlines.ts";
import { CARD_TITLE, DECLINE_WITHOUT_DEPUTY, delegateToButton, meetingFacts } from "../texts/cards.ts";
import {
  absenceQuestion, consensusRuleText, deadlinesAnswerText, deputyOfText, majorityRuleText, memberDeputyText, nextMeetingText,
  NO_DEPUTY_WITHOUT_INSTITUTION, PROPOSAL_PROMPT, proposalStartText, quorumRuleText, unsureText,
} from "../texts/chat.ts";

/** The buttons a member or deputy answers an invitation with. */
export function attendanceButtons(turn: Turn, meeting: Meeting): CardButton[] {
  return answerButtons(turn.lang, meeting.id, Boolean(rolesOf(turn.db, turn.person.id).member), meeting.mode);
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
    // The outbox carries the deputy's own invitation mail, recorded with the delegation.
    return { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
  });
}

/** An absence without a word about the deputy: ask before recording anything. */
export function askAbsence(turn: Turn, date: MeetingRef): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const roles = rolesOf(turn.db, turn.person.id);
    if (!roles.member) return decline(turn, m.id);
    const deputy = roles.member.deputyId ? personById(turn.db, roles.member.deputyId).name : null;
    await setFlow(turn.services, turn.person.id, { kind: "absence", meetingId: m.id, since: toBerlinIso(turn.now) });
    const question = absenceQuestion(m.start, deputy);
    const buttons: CardButton[] = [];
    if (deputy) buttons.push({ title: t(turn, delegateToButton(deputy)), verb: "delegate", data: { meetingId: m.id } });
    buttons.push({ title: t(turn, DECLINE_WITHOUT_DEPUTY), verb: "decline", data: { meetingId: m.id } });
    return reply(turn, question, card({ title: t(turn, CARD_TITLE.absence), text: t(turn, question), buttons }));
  });
}

/** "Vielleicht …": a question, never an action. */
export function askUnsure(turn: Turn, date: MentionedDate | null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    return reply(turn, unsureText(m.start), card({ title: t(turn, CARD_TITLE.yourAnswer), facts: meetingFacts(m, turn.lang), buttons: attendanceButtons(turn, m) }));
  });
}

export function attend(turn: Turn, date: MeetingRef, mode: Mode | null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const out = await respond(turn.services, turn.person.id, m.id, { status: "attending", mode }, turn.activityId);
    const ask = mode === null && out.changed
      ? card({
          title: t(turn, CARD_TITLE.inPersonOrOnline),
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
  return withMeeting(turn, date, async (found) => {
    // The meeting has begun: the proposal is for the next one, said at the start, not after every step.
    const begun = turn.now.getTime() >= new Date(found.start).getTime();
    const m = begun ? followingMeeting(turn.db, found) : found;
    if (!m) return reply(turn, NO_MEETING_AFTER_RUNNING);
    const note = begun ? { text: t(turn, proposalForNextText(found.start, m.start)) } : null;
    return withNote(note, await proposalFor(turn, m, text));
  });
}

async function proposalFor(turn: Turn, m: Meeting, text: string): Promise<TurnResult> {
  const parts = text.split(/\s*[|;]\s*|\n/).map((s) => s.trim()).filter(Boolean);
  if (parts.length >= 3) {
    const [title, description, presenter, link] = parts as [string, string, string, string | undefined];
    return submitProposal(turn, m.id, { title, description, presenter, link: link ?? null });
  }
  const deadline = meetingDeadlines(new Date(m.start), bodyProfile(turn.services, turn.db)).agendaProposals;
  const draft = parts[0] ? { title: parts[0], description: parts[1] } : {};
  const step = !draft.title ? "title" : !draft.description ? "description" : "presenter";
  await setFlow(turn.services, turn.person.id, { kind: "proposal", meetingId: m.id, step, draft, since: toBerlinIso(turn.now) }, turn.activityId);
  return reply(turn, proposalStartText(m.start, deadlineText(deadline), PROPOSAL_PROMPT[step]));
}

/** The next answer in the guided proposal flow. */
export async function continueProposal(turn: Turn, flow: Extract<Flow, { kind: "proposal" }>, text: string): Promise<TurnResult> {
  const answer = text.trim();
  const draft = { ...flow.draft };
  if (flow.step === "link") {
    const link = saysNoDocuments(answer) ? null : answer;
    try {
      return await submitProposal(turn, flow.meetingId, { title: draft.title!, description: draft.description ?? "", presenter: draft.presenter ?? "", link });
    } catch (e) {
      return refusal(turn, e);
    }
  }
  draft[flow.step] = flow.step === "presenter" ? presenterOf(answer, turn.person.name) : answer;
  const step = flow.step === "title" ? "description" : flow.step === "description" ? "presenter" : "link";
  await setFlow(turn.services, turn.person.id, { ...flow, step, draft, since: toBerlinIso(turn.now) }, turn.activityId);
  return reply(turn, PROPOSAL_PROMPT[step]);
}

async function submitProposal(turn: Turn, meetingId: string, input: { title: string; description: string; presenter: string; link: string | null }): Promise<TurnResult> {
  const out = await propose(turn.services, turn.person.id, meetingId, input, turn.activityId);
  await setFlow(turn.services, turn.person.id, null);
  return { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
}

export function deadlinesAnswer(turn: Turn, which: "proposal" | "invitation" | "all", date: MentionedDate | null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const d = meetingDeadlines(new Date(m.start), bodyProfile(turn.services, turn.db));
    const lines = which === "proposal" ? [d.agendaProposals] : which === "invitation" ? [d.invitation, d.urgentInvitation] : [d.agendaProposals, d.invitation, d.urgentInvitation];
    const warnings = d.warnings.filter((w) => lines.some((l) => l.kind === w.kind));
    return reply(turn, deadlinesAnswerText(m.start, lines.map(deadlineText), warnings.map(deadlineWarningText)));
  });
}

/** The next meeting, or the one on the day the message names ("Was wird am 9.6. besprochen?"). */
export function nextMeetingAnswer(turn: Turn, date: MentionedDate | null = null): Promise<TurnResult> {
  return withMeeting(turn, date, async (m) => {
    const next = nextMeeting(turn.db, turn.now)?.id === m.id;
    const text = (next ? nextMeetingText : meetingOnDayText)(m, sortedAgenda(m), turn.lang);
    const roles = rolesOf(turn.db, turn.person.id);
    const buttons = roles.member || roles.deputy ? attendanceButtons(turn, m) : [];
    return reply(turn, text, buttons.length ? card({ title: t(turn, CARD_TITLE.nextMeeting), facts: meetingFacts(m, turn.lang), buttons }) : undefined);
  });
}

export function myDeputyAnswer(turn: Turn): TurnResult {
  const roles = rolesOf(turn.db, turn.person.id);
  if (roles.member) {
    const deputy = roles.member.deputyId ? personById(turn.db, roles.member.deputyId) : null;
    return reply(turn, memberDeputyText(roles.member.name, deputy));
  }
  if (roles.deputy) {
    const member = personById(turn.db, roles.deputy.memberId);
    return reply(turn, deputyOfText(member.name, roles.deputy.name));
  }
  return reply(turn, NO_DEPUTY_WITHOUT_INSTITUTION);
}

export function quorumRuleAnswer(turn: Turn): TurnResult {
  const votingMembers = countVotingMembers(turn.db);
  const status = quorumStatus({ represented: 0, votingMembers }, bodyProfile(turn.services, turn.db));
  const rule = bodyProfile(turn.services, turn.db).quorum;
  if (!rule.regulated) return reply(turn, rule.note);
  return reply(turn, quorumRuleText({ bodyKind: bodyProfile(turn.services, turn.db).bodyKind, required: status.required, votingMembers, citation: rule.citation }));
}

export function majorityRuleAnswer(turn: Turn): TurnResult {
  const profile = bodyProfile(turn.services, turn.db);
  const rule = profile.majority;
  if (rule.kind === "not-regulated") return reply(turn, rule.note);
  if (rule.kind === "consensus") {
    return reply(turn, consensusRuleText(rule.citation));
  }
  const example = voteResult({ yes: 8, no: 2, abstain: 2 }, profile);
  return reply(turn, majorityRuleText(rule.share, rule.citation, example));
}

/** "Wer kommt denn alles?" from a member or deputy: who sees the answers, and their own institution's answer. */
export function whoComesForMember(turn: Turn, date: MentionedDate | null): TurnResult {
  const found = meetingFor(turn, date);
  if (!isMeeting(found)) return found;
  const roles = rolesOf(turn.db, turn.person.id);
  const seat = roles.member ?? roles.deputy;
  const own = seat ? whoHasAnswered(turn.db, found.id).answers.find((a) => a.institutionId === seat.id) ?? null : null;
  return reply(turn, whoComesForMemberText(own, found.start));
}
