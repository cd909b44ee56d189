/**
 * One turn of the conversation, without Teams: who is writing, what they mean, which journey or
 * command answers. bot/app.ts (Teams) and the CLI's `chat` both call `converse`.
 */
import type { Db } from "../domain/model.ts";
import { personById, rolesOf } from "../services/directory.ts";
import type { Services } from "../services/context.ts";
import { quorum, runCommand, whoIsHere } from "./commands.ts";
import { LIMITS, type LimitKind } from "../domain/limits.ts";
import { notSavedText, tooLongText } from "../texts/limits.ts";
import { cleanText } from "../domain/sanitize.ts";
import { withConfirmation } from "./confirmations.ts";
import { flowOf, setFlow } from "../services/conversation-state.ts";
import { PRESENCE_CHOICE } from "./presence-names.ts";
import { asksInFlow, greetInFlow, leaveFlow, leavesFlow, openFlow, thenAskAgain, withNote } from "./flows.ts";
import { lastLang, rememberLang } from "../services/directory.ts";
import {
  askAbsence, askUnsure, attend, continueProposal, deadlinesAnswer, decline, delegateSeat, majorityRuleAnswer,
  myDeputyAnswer, nextMeetingAnswer, quorumRuleAnswer, selfCheckIn, startProposal, whoComesForMember,
} from "./member-journeys.ts";
import { mayManageMeetings } from "../services/permissions.ts";
import { YOU_ARE_WELCOME } from "../texts/answers-members.ts";
import { decideProposal } from "../services/decide-proposal.ts";
import { recordStatement } from "../services/record-statement.ts";
import { minutesAwaitingApproval, recordObjection } from "../services/minutes-workflow.ts";
import { isMeeting, meetingFor, refusal, reply, t, type Turn, type TurnResult } from "./turn.ts";
import { understand, type Lang, type Understood } from "./understand.ts";
import { identify } from "../services/directory.ts";
import { ALREADY_HANDLED } from "../texts/turn.ts";
import { ALREADY_RECORDED, CANCELLED, greetingText, NO_MINUTES_TO_APPROVE, NOT_UNDERSTOOD, NOTHING_TO_CANCEL, unknownUserText } from "../texts/chat.ts";
import { helpText } from "../texts/help.ts";
import { NOT_UNDERSTOOD_MANAGER, NOT_UNDERSTOOD_SESSION } from "../texts/role-hints.ts";
import { sessionToday } from "../services/session.ts";
import { reminderSwitchTurn } from "./reminder-phrases.ts";
import { absenceAnswer } from "./understand-absence.ts";

export interface Incoming {
  activityId?: string;
  user: { aadObjectId?: string | null; email?: string | null; name?: string | null };
  text: string;
  /** Data of a card button (Action.Execute or Action.Submit): `{ verb, … }`. */
  value?: Record<string, unknown> | null;
  /** Teams added the person to the conversation (conversationUpdate): a welcome, never a flow's answer. */
  welcome?: boolean;
}

const PROPOSAL_STEP_LIMIT = { title: "title", description: "description", presenter: "name", link: "description" } as const satisfies Record<string, LimitKind>;

/** "Titel; Beschreibung; wer trägt vor; Link" in one message (as startProposal splits it): the first part over its limit. */
function overLimitPart(text: string): LimitKind | null {
  const parts = text.split(/\s*[|;]\s*|\n/);
  const kinds: LimitKind[] = ["title", "description", "name", "description"];
  return kinds.find((kind, i) => (parts[i]?.trim().length ?? 0) > LIMITS[kind]) ?? null;
}

export async function converse(services: Services, given: Incoming): Promise<TurnResult> {
  const raw = given.text ?? "";
  // Before anything is looked up or recorded: an oversized message changes nothing.
  if (raw.length > LIMITS.messageText) return reply({ lang: understand(raw.slice(0, 2000)).lang }, tooLongText("messageText"));
  // No control characters or direction overrides go on into titles, statements, mails or the minutes.
  const incoming = { ...given, text: cleanText(raw) };
  const understood = understand(incoming.text);
  const db = await services.store.read();
  const person = identify(db, incoming.user);
  if (!person) return unknownUser(db, understood.lang, incoming.user.name);
  // A slash command is German by its name: only English words in it say the person now writes English.
  const decisive = incoming.text.trim() && !(understood.intent.kind === "command" && understood.lang === "de");
  const lang: Lang = decisive ? understood.lang : lastLang(db, person.id);
  if (incoming.text.trim() && lastLang(db, person.id) !== lang) {
    await services.store.update({ actorId: person.id }, (d) => rememberLang(d, person.id, lang));
  }
  const turn: Turn = { services, db, person, lang, now: services.clock(), activityId: incoming.activityId };
  if (incoming.welcome) return greet(turn);
  // Teams delivered this message again after it was applied: answer, change nothing.
  if (incoming.activityId && db.processedActivities.some((a) => a.id === incoming.activityId)) return reply(turn, ALREADY_HANDLED);
  try {
    // A mass action's question open (bot/confirmations.ts): this turn answers it or drops it.
    return await withConfirmation(turn, incoming, async () =>
      incoming.value && typeof incoming.value.verb === "string"
        ? afterCard(turn, await cardAction(turn, incoming.value))
        : await (reminderSwitchTurn(turn, incoming.text) ?? message(turn, understood, incoming.text)));
  } catch (e) {
    return unsaved(turn, e);
  }
}

/** The store refused to write (a read-only data folder): say so in a sentence; anything else is a real error. */
function unsaved(turn: Turn, e: unknown): TurnResult {
  if (!(e instanceof Error) || e.name !== "StoreError") throw e;
  const roles = rolesOf(turn.db, turn.person.id);
  return reply(turn, notSavedText(roles.secretariat || roles.chair ? e.message : null));
}

function unknownUser(db: Db, lang: Lang, name?: string | null): TurnResult {
  return reply({ lang }, unknownUserText(name, db.body));
}

async function message(turn: Turn, u: Understood, text: string): Promise<TurnResult> {
  const { flow, note } = await openFlow(turn);
  const { intent } = u;
  if (intent.kind === "cancel") {
    await setFlow(turn.services, turn.person.id, null);
    return reply(turn, flow ? CANCELLED : NOTHING_TO_CANCEL);
  }
  const greeted = flow && greetInFlow(turn, flow, intent, text);
  if (greeted) return greeted;
  if (flow?.kind === "proposal" && asksInFlow(intent)) return thenAskAgain(turn, flow, await route(turn, u, text));
  if (flow?.kind === "proposal" && !leavesFlow(intent)) {
    // Each answer is kept in the flow until the proposal is filed: its limit applies now, not at the end.
    const kind = PROPOSAL_STEP_LIMIT[flow.step];
    return text.length > LIMITS[kind] ? reply(turn, tooLongText(kind)) : continueProposal(turn, flow, text);
  }
  // "Danke" while the absence question is open: acknowledged, and the question asked again.
  if (flow?.kind === "absence" && intent.kind === "thanks") return thanksThen(turn, await askAbsence(turn, { meetingId: flow.meetingId }));
  if (flow?.kind === "absence") {
    // "Ja" answers the question "send your deputy?" unless the message says something else ("Ja, ich komme doch").
    const answers = !leavesFlow(intent) || intent.kind === "absent";
    const said = absenceAnswer(text, deputyNameOf(turn), answers);
    if (said === "delegate" || intent.kind === "delegate") return delegateSeat(turn, { meetingId: flow.meetingId });
    if (said === "decline") return decline(turn, flow.meetingId);
  }
  const left = flow && leavesFlow(intent) ? await leaveFlow(turn, flow) : null;
  return withNote(note ?? left, await route(turn, u, text));
}

/** The member's registered deputy, whose name answers the absence question. */
function deputyNameOf(turn: Turn): string | null {
  const deputyId = rolesOf(turn.db, turn.person.id).member?.deputyId;
  return deputyId ? personById(turn.db, deputyId).name : null;
}

function thanksThen(turn: Turn, result: TurnResult): TurnResult {
  return { ...result, replies: [{ text: t(turn, YOU_ARE_WELCOME) }, ...result.replies] };
}

/** The message as what it means, once no flow takes it. */
async function route(turn: Turn, u: Understood, text: string): Promise<TurnResult> {
  const { intent } = u;
  switch (intent.kind) {
    case "delegate": return delegateSeat(turn, u.date);
    case "absent": return /ohne|without|no deputy/i.test(text) ? declineFor(turn, u) : askAbsence(turn, u.date);
    case "unsure": return askUnsure(turn, u.date);
    case "attend": return attend(turn, u.date, intent.mode);
    case "check-in": return selfCheckIn(turn);
    case "propose": {
      const long = overLimitPart(intent.text ?? "");
      return long ? reply(turn, tooLongText(long)) : startProposal(turn, intent.text, u.date);
    }
    case "ask-proposal-deadline": return deadlinesAnswer(turn, "proposal", u.date);
    case "ask-invitation-deadline": return deadlinesAnswer(turn, "invitation", u.date);
    case "ask-deadlines": return deadlinesAnswer(turn, "all", u.date);
    case "ask-next-meeting": return nextMeetingAnswer(turn, u.date);
    case "ask-my-deputy": return myDeputyAnswer(turn);
    case "ask-quorum-rule": return quorumRuleAnswer(turn);
    case "ask-majority-rule": return majorityRuleAnswer(turn);
    case "quorum-now": return quorum(turn, intent.item ? String(intent.item) : "");
    case "who-is-present": return whoIsHere(turn);
    // Through the command table, so a member gets the role refusal, not a failed turn.
    case "vote": return runCommand(turn, "abstimmung", text.replace(/^\/?abstimmung/i, ""));
    case "statement": return statement(turn, intent.text);
    case "objection": return objection(turn, intent.text);
    case "command": return asksWhoComes(turn, intent.name, text) ? whoComesForMember(turn, u.date) : runCommand(turn, intent.name, intent.args);
    case "help": return help(turn);
    case "greeting": return greet(turn);
    case "thanks": return reply(turn, YOU_ARE_WELCOME);
    default: return notUnderstood(turn);
  }
}

/** "Wer kommt denn alles?" in words (not "/rueckmeldungen") from someone who does not see the overview. */
function asksWhoComes(turn: Turn, command: string, text: string): boolean {
  return command === "rueckmeldungen" && !text.trim().startsWith("/") && !mayManageMeetings(turn.db, turn.person.id);
}

async function declineFor(turn: Turn, u: Understood): Promise<TurnResult> {
  const found = meetingFor(turn, u.date);
  return isMeeting(found) ? decline(turn, found.id) : found;
}

async function statement(turn: Turn, text: string): Promise<TurnResult> {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const wording = text.replace(/,?\s*bitte (ins|in das|zu) protokoll\.?/i, "").replace(/^(von|of)\s+/i, "").trim();
  try {
    const out = await recordStatement(turn.services, turn.person.id, found.id, wording, null, null, turn.activityId);
    return reply(turn, out ?? ALREADY_RECORDED);
  } catch (e) {
    return refusal(turn, e);
  }
}

/** § 7 Abs. 4 GO: objections to the minutes, brought in at the start of the next session. */
async function objection(turn: Turn, text: string): Promise<TurnResult> {
  const meeting = minutesAwaitingApproval(turn.db);
  if (!meeting) return reply(turn, NO_MINUTES_TO_APPROVE);
  try {
    return reply(turn, (await recordObjection(turn.services, turn.person.id, meeting.id, text, turn.activityId)).text);
  } catch (e) {
    return refusal(turn, e);
  }
}

/** A button pressed during a guided proposal leaves it; said last, as Teams shows the first line on the card. */
async function afterCard(turn: Turn, result: TurnResult): Promise<TurnResult> {
  const flow = flowOf(turn.db, turn.person.id);
  const note = flow?.kind === "proposal" ? await leaveFlow(turn, flow) : null;
  return note ? { ...result, replies: [...result.replies, note] } : result;
}

/** A card button: the verb says what, the data which meeting or proposal. */
async function cardAction(turn: Turn, value: Record<string, unknown>): Promise<TurnResult> {
  const meetingId = typeof value.meetingId === "string" ? value.meetingId : null;
  const proposalId = typeof value.proposalId === "string" ? value.proposalId : "";
  switch (value.verb) {
    case "attend": return attend(turn, meetingId ? { meetingId } : null, value.mode === "online" ? "online" : "in-person");
    case "decline": return meetingId ? decline(turn, meetingId) : notUnderstood(turn);
    case "delegate": return delegateSeat(turn, meetingId ? { meetingId } : null);
    case "checkin": return selfCheckIn(turn);
    case PRESENCE_CHOICE: return runCommand(turn, value.present === false ? "abwesend" : "anwesend", typeof value.query === "string" ? value.query : "");
    case "proposal.accept":
    case "proposal.reject":
      return decideProposalAction(turn, proposalId, value.verb === "proposal.accept");
    default: return notUnderstood(turn);
  }
}

async function decideProposalAction(turn: Turn, proposalId: string, accept: boolean): Promise<TurnResult> {
  try {
    const out = await decideProposal(turn.services, turn.person.id, proposalId, accept, turn.activityId);
    return { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
  } catch (e) {
    return refusal(turn, e);
  }
}

function greet(turn: Turn): TurnResult {
  return reply(turn, greetingText(turn.person.name));
}

/** One sentence naming what this person typically does: the chair on a session day hears the session's phrases. */
function notUnderstood(turn: Turn): TurnResult {
  const roles = rolesOf(turn.db, turn.person.id);
  if (roles.chair && sessionToday(turn.db, turn.now)) return reply(turn, NOT_UNDERSTOOD_SESSION);
  return reply(turn, mayManageMeetings(turn.db, turn.person.id) ? NOT_UNDERSTOOD_MANAGER : NOT_UNDERSTOOD);
}

/** What this person can do, by role. */
export function help(turn: Turn): TurnResult {
  const roles = rolesOf(turn.db, turn.person.id);
  const manager = Boolean(roles.secretariat || roles.chair);
  return reply(turn, helpText(turn.person.name, { attendee: Boolean(roles.member || roles.deputy), member: Boolean(roles.member), manager }));
}
