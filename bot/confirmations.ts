/**
 * Mass actions wait for a yes (issue 16.3): `/einladen` in every form, `/sitzung absagen <Grund>`
 * and `/niederschrift senden` first show what goes to whom and keep the question
 * (services/pending-confirmation.ts); "ja" or the card's button does it, "nein" drops it, any other
 * message drops it too (and says so), so a later "ja" never answers a question long forgotten.
 * The chair's `/beschlussunfaehig` against a quorate count is one more such question.
 */
import type { Texts } from "../domain/profile.ts";
import { minutesFolderBeside } from "../adapters/minutes-files.ts";
import { cancelMeetingCommand, inviteCommand, retryInvitationCommand, updateCommand } from "../services/invitations.ts";
import { minutesRecipientsWaiting, sendMinutesCommand } from "../services/minutes-workflow.ts";
import { refusalOf, type MailOut } from "../services/runner.ts";
import type { ServiceError } from "../services/errors.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import { declareNotQuorate } from "../services/declare-not-quorate.ts";
import { quorumNow } from "../services/session.ts";
import { latestInvitation } from "../services/invitation-core.ts";
import { findMeeting } from "../services/meetings.ts";
import { bodyProfile } from "../services/context.ts";
import {
  askConfirmation, dropConfirmation, isExpired, pendingOf, previewOf, takeConfirmation, type PendingAction,
} from "../services/pending-confirmation.ts";
import { meetingDay } from "../texts/bilingual.ts";
import { invitationSendingText, WORK_STARTED } from "../texts/chat.ts";
import {
  CANCEL_ONLY_STARTED, cancelPrompt, CONFIRM_BUTTON, CONFIRMATION_DROPPED, CONFIRMATION_TITLE, confirmationExpiredText, invitePrompt, MINUTES_ALL_RECEIVED,
  minutesPrompt, NO_OPEN_QUESTION, NOT_CONFIRMED, NOTHING_OPEN_TO_SEND, retryPrompt, updatePrompt,
} from "../texts/confirmations.ts";
import { ALREADY_DECLARED, CONFIRM_BUTTONS, confirmNotQuorate, NOT_DECLARED, NOT_QUORATE_DROPPED, notQuorateExpiredText } from "../texts/meeting-events.ts";
import { quorumText } from "../texts/quorum.ts";
import { ALREADY_HANDLED } from "../texts/turn.ts";
import { card } from "./cards.ts";
import type { Incoming } from "./conversation.ts";
import { afterReply, mailOut, refusal, reply, t, type Sent, type Turn, type TurnResult } from "./turn.ts";
import { wholeAnswer } from "./yes-no.ts";


type Question = { prompt: Texts; title: Texts; yes: Texts } | { refused: Texts };

/** Shows what the action would do (to whom) and keeps the question; nothing is done yet. */
export async function askFirst(turn: Turn, action: PendingAction): Promise<TurnResult> {
  // A redelivery whose turn did not see its id yet: the question and its refusals would be worded on the new state.
  if (turn.activityId && (await turn.services.store.processed(turn.activityId))) return reply(turn, ALREADY_HANDLED);
  const refused = action.kind === "not-quorate" ? null : await planOf(turn, action).refusal();
  if (refused) return refusal(turn, refused);
  const question = action.kind === "not-quorate" ? notQuorateQuestion(turn, action) : await massQuestion(turn, action);
  if ("refused" in question) return reply(turn, question.refused);
  const pending = await askConfirmation(turn.services, turn.person.id, action, turn.activityId);
  if (!pending) return reply(turn, ALREADY_HANDLED);
  const buttons = [
    { title: t(turn, question.yes), verb: "confirm", data: { confirmationId: pending.id } },
    { title: t(turn, CONFIRM_BUTTON.no), verb: "confirm.no", data: { confirmationId: pending.id } },
  ];
  return { replies: [{ text: t(turn, question.prompt), card: card({ title: t(turn, question.title), buttons }) }], outbox: [] };
}

async function massQuestion(turn: Turn, action: Exclude<PendingAction, { kind: "not-quorate" }>): Promise<Question> {
  const waiting = action.kind === "minutes-send" ? await minutesRecipientsWaiting(turn.services, action.meetingId) : [];
  const preview = previewOf(turn.db, bodyProfile(turn.services, turn.db), action, waiting);
  if (preview.recipients.length === 0 && action.kind === "minutes-send") return { refused: MINUTES_ALL_RECEIVED };
  if (preview.recipients.length === 0 && action.kind !== "cancel") return { refused: NOTHING_OPEN_TO_SEND };
  return { prompt: promptOf(action, preview), title: CONFIRMATION_TITLE, yes: CONFIRM_BUTTON.yes };
}

/** The count as it stands and the question whether to declare the lack of quorum anyway. */
function notQuorateQuestion(turn: Turn, action: Extract<PendingAction, { kind: "not-quorate" }>): Question {
  const count = quorumText(quorumNow(turn.db, action.meetingId, action.itemNumber, bodyProfile(turn.services, turn.db)));
  return { prompt: confirmNotQuorate(count), title: CONFIRM_BUTTONS.question, yes: CONFIRM_BUTTONS.yes };
}

function promptOf(action: Exclude<PendingAction, { kind: "not-quorate" }>, preview: ReturnType<typeof previewOf>): Texts {
  const { start } = preview.meeting;
  switch (action.kind) {
    case "invite": return invitePrompt(start, action.urgent ? { reason: action.reason } : null, preview.recipients);
    case "invite-retry": return retryPrompt(start, preview.recipients);
    case "invite-update": return updatePrompt(start, action.note, preview.recipients);
    case "cancel": return cancelPrompt(start, action.reason, preview.recipients);
    case "minutes-send": return minutesPrompt(meetingDay(start), preview.signers, preview.signaturesCitation, preview.recipients);
  }
}

/**
 * The turn when the person has a question open: the answer to it, or — for any other message —
 * that message's own answer after the note that the question was dropped. `next` is that answer.
 */
export async function withConfirmation(turn: Turn, incoming: Incoming, next: () => Promise<TurnResult>): Promise<TurnResult> {
  const verb = typeof incoming.value?.verb === "string" ? incoming.value.verb : null;
  if (verb === "confirm" || verb === "confirm.no") return answerButton(turn, verb === "confirm", incoming.value!.confirmationId);
  const pending = pendingOf(turn.db, turn.person.id);
  if (!pending) return next();
  const yes = wholeAnswer(incoming.text ?? "");
  if (yes !== null) return answer(turn, yes, undefined);
  await dropConfirmation(turn.services, turn.person.id);
  const result = await next();
  if (isExpired(pending, turn.now)) return result;
  const dropped = pending.action.kind === "not-quorate" ? NOT_QUORATE_DROPPED : CONFIRMATION_DROPPED;
  return { ...result, replies: [{ text: t(turn, dropped) }, ...result.replies] };
}

function answerButton(turn: Turn, yes: boolean, id: unknown): Promise<TurnResult> {
  return answer(turn, yes, typeof id === "string" ? id : "-");
}

async function answer(turn: Turn, yes: boolean, id: string | undefined): Promise<TurnResult> {
  const taken = await takeConfirmation(turn.services, turn.person.id, { id, activityId: turn.activityId });
  if ("none" in taken) return reply(turn, yes ? NO_OPEN_QUESTION : NOT_CONFIRMED);
  const declaration = ("expired" in taken ? taken.expired : taken.taken).action.kind === "not-quorate";
  if ("expired" in taken) return reply(turn, (declaration ? notQuorateExpiredText : confirmationExpiredText)(taken.expired.askedAt));
  if (!yes) return reply(turn, declaration ? NOT_DECLARED : NOT_CONFIRMED);
  return act(turn, taken.taken.action);
}

/**
 * Runs the confirmed action after the reply. The activity id was spent on taking the answer, so the
 * service runs without one: the question is gone, a second "ja" finds nothing to do.
 */
function act(turn: Turn, action: PendingAction): TurnResult | Promise<TurnResult> {
  if (action.kind === "not-quorate") return declareAgainstCount(turn, action);
  const planned = planOf(turn, action);
  return afterReply(turn, planned.started, planned.run);
}

/** A mass action's mail-out: what is said when it starts, its run, and the refusal it would give now. */
interface Planned {
  started: Texts;
  run: () => Promise<Sent>;
  refusal: () => Promise<ServiceError | null>;
}

function planned<I, R, S extends { text: Texts | Said<SentenceCode> }>(turn: Turn, command: MailOut<I, R, S, undefined>, input: I, started: Texts): Planned {
  return { started, run: () => mailOut(turn, command, input), refusal: () => refusalOf(turn.services, command, { actorId: turn.person.id, activityId: turn.activityId, input }) };
}

// Each service records the team channel's post itself; it goes out with the turn's outbox.
function planOf(turn: Turn, action: Exclude<PendingAction, { kind: "not-quorate" }>): Planned {
  const meetingId = action.meetingId;
  switch (action.kind) {
    case "invite": {
      const { start } = findMeeting(turn.db, meetingId);
      return planned(turn, inviteCommand, { meetingId, urgent: action.urgent, reason: action.reason }, invitationSendingText(start));
    }
    case "invite-retry": return planned(turn, retryInvitationCommand, { meetingId }, WORK_STARTED.inviteAgain);
    case "invite-update": return planned(turn, updateCommand, { meetingId, note: action.note }, WORK_STARTED.inviteAgain);
    case "cancel": {
      const told = latestInvitation(turn.db, meetingId) !== null;
      return planned(turn, cancelMeetingCommand, { meetingId, reason: action.reason }, told ? WORK_STARTED.cancel : CANCEL_ONLY_STARTED);
    }
    case "minutes-send": {
      const folder = minutesFolderBeside(turn.services.store.location);
      // Its refusals (no draft, everyone has it) are asked before the question, from the draft's files.
      return { started: WORK_STARTED.sendMinutes, run: () => mailOut(turn, sendMinutesCommand, { meetingId, folder }), refusal: async () => null };
    }
  }
}

/** Recorded at once (one store update, no mail): the reply is the declaration itself. */
async function declareAgainstCount(turn: Turn, action: Extract<PendingAction, { kind: "not-quorate" }>): Promise<TurnResult> {
  try {
    const text = await declareNotQuorate(turn.services, turn.person.id, action.meetingId, action.itemNumber, undefined, true);
    return reply(turn, text ?? ALREADY_DECLARED);
  } catch (e) {
    return refusal(turn, e);
  }
}
