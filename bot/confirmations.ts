/**
 * Mass actions wait for a yes (issue 16.3): `/einladen` in every form, `/sitzung absagen <Grund>`
 * and `/niederschrift senden` first show what goes to whom and keep the question
 * (services/pending-confirmation.ts); "ja" or the card's button does it, "nein" drops it, any other
 * message drops it too (and says so), so a later "ja" never answers a question long forgotten.
 */
import type { Texts } from "../domain/profile.ts";
import { minutesFolderBeside } from "../adapters/minutes-files.ts";
import { cancelMeeting, retryInvitation, sendInvitation, sendUpdate } from "../services/invitations.ts";
import { minutesRecipientsWaiting, sendMinutes } from "../services/minutes-workflow.ts";
import { announce } from "../services/channel-announcements.ts";
import {
  askConfirmation, dropConfirmation, isExpired, pendingOf, previewOf, takeConfirmation, type PendingAction,
} from "../services/pending-confirmation.ts";
import { dayTexts } from "../texts/bilingual.ts";
import { berlinDay } from "../rules/time.ts";
import { invitationSendingText, WORK_STARTED } from "../texts/chat.ts";
import {
  cancelPrompt, CONFIRM_BUTTON, CONFIRMATION_DROPPED, CONFIRMATION_TITLE, confirmationExpiredText, invitePrompt, MINUTES_ALL_RECEIVED,
  minutesPrompt, NO_OPEN_QUESTION, NOT_CONFIRMED, NOTHING_OPEN_TO_SEND, retryPrompt, updatePrompt,
} from "../texts/confirmations.ts";
import { card } from "./cards.ts";
import type { Incoming } from "./conversation.ts";
import { afterReply, reply, t, type Turn, type TurnResult } from "./turn.ts";

const YES = /^(ja|yes|jawohl|ok|okay|jep|ja bitte|yes please|ja,? (senden|versenden|absagen|ausführen)|senden|versenden|go ahead)[.!]*$/i;
const NO = /^(nein|no|nee|nö|abbrechen|cancel|stopp|stop|nicht senden|doch nicht)[.!]*$/i;

/** Shows what the action would do to whom and keeps the question; nothing goes out yet. */
export async function askFirst(turn: Turn, action: PendingAction): Promise<TurnResult> {
  const waiting = action.kind === "minutes-send" ? await minutesRecipientsWaiting(turn.services, action.meetingId) : [];
  const preview = previewOf(turn.db, action, waiting);
  if (preview.recipients.length === 0 && action.kind === "minutes-send") return reply(turn, MINUTES_ALL_RECEIVED);
  if (preview.recipients.length === 0 && action.kind !== "cancel") return reply(turn, NOTHING_OPEN_TO_SEND);
  const pending = await askConfirmation(turn.services, turn.person.id, action, turn.activityId);
  const question = promptOf(action, preview);
  const buttons = [
    { title: t(turn, CONFIRM_BUTTON.yes), verb: "confirm", data: { confirmationId: pending.id } },
    { title: t(turn, CONFIRM_BUTTON.no), verb: "confirm.no", data: { confirmationId: pending.id } },
  ];
  return { replies: [{ text: t(turn, question), card: card({ title: t(turn, CONFIRMATION_TITLE), buttons }) }], outbox: [] };
}

function promptOf(action: PendingAction, preview: ReturnType<typeof previewOf>): Texts {
  const { start } = preview.meeting;
  switch (action.kind) {
    case "invite": return invitePrompt(start, action.urgent ? { reason: action.reason } : null, preview.recipients);
    case "invite-retry": return retryPrompt(start, preview.recipients);
    case "invite-update": return updatePrompt(start, action.note, preview.recipients);
    case "cancel": return cancelPrompt(start, action.reason, preview.recipients);
    case "minutes-send": return minutesPrompt(dayTexts(berlinDay(new Date(start))), preview.signers, preview.signaturesCitation, preview.recipients);
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
  const text = (incoming.text ?? "").trim();
  if (YES.test(text) || NO.test(text)) return answer(turn, YES.test(text), undefined);
  await dropConfirmation(turn.services, turn.person.id);
  const result = await next();
  if (isExpired(pending, turn.now)) return result;
  return { ...result, replies: [{ text: t(turn, CONFIRMATION_DROPPED) }, ...result.replies] };
}

function answerButton(turn: Turn, yes: boolean, id: unknown): Promise<TurnResult> {
  return answer(turn, yes, typeof id === "string" ? id : "-");
}

async function answer(turn: Turn, yes: boolean, id: string | undefined): Promise<TurnResult> {
  const taken = await takeConfirmation(turn.services, turn.person.id, { id, activityId: turn.activityId });
  if ("none" in taken) return reply(turn, yes ? NO_OPEN_QUESTION : NOT_CONFIRMED);
  if ("expired" in taken) return reply(turn, confirmationExpiredText(taken.expired.askedAt));
  if (!yes) return reply(turn, NOT_CONFIRMED);
  return act(turn, taken.taken.action);
}

/**
 * Runs the confirmed action after the reply. The activity id was spent on taking the answer, so the
 * service runs without one: the question is gone, a second "ja" finds nothing to do.
 */
function act(turn: Turn, action: PendingAction): TurnResult {
  const { services, person } = turn;
  const id = action.meetingId;
  const then = (occasion: Parameters<typeof announce>[3]) => () => announce(services, person.id, id, occasion);
  switch (action.kind) {
    case "invite": {
      const start = turn.db.meetings.find((m) => m.id === id)!.start;
      return afterReply(turn, invitationSendingText(start), async () => (await sendInvitation(services, person.id, id, { urgent: action.urgent, reason: action.reason })).text, then("invitation"));
    }
    case "invite-retry": return afterReply(turn, WORK_STARTED.inviteAgain, async () => (await retryInvitation(services, person.id, id)).text, then("invitation"));
    case "invite-update": return afterReply(turn, WORK_STARTED.inviteAgain, async () => (await sendUpdate(services, person.id, id, action.note)).text, then("changed"));
    case "cancel": return afterReply(turn, WORK_STARTED.cancel, async () => (await cancelMeeting(services, person.id, id, action.reason)).text, then("cancelled"));
    case "minutes-send": {
      const folder = minutesFolderBeside(services.store.location);
      return afterReply(turn, WORK_STARTED.sendMinutes, async () => (await sendMinutes(services, person.id, id, { folder })).text, then("minutes"));
    }
  }
}
