/**
 * Where the bot reaches a person in Teams (the conversation reference it last saw them in), as
 * the outbox's Teams channel, and what the sender should hear about messages that did not reach
 * Teams.
 */
import { CardFactory, type Activity, type ConversationReference } from "botbuilder";
import type { Services } from "../services/context.ts";
import { conversationRef } from "../services/conversation-state.ts";
import { rolesOf } from "../services/directory.ts";
import type { Delivered, TeamsChannel, TeamsExtras } from "../services/outbox.ts";
import { deliverySummary as summaryText } from "../texts/outbox.ts";
import { ATTENDANCE_BUTTON, CARD_TITLE } from "../texts/cards.ts";
import { card, type CardButton } from "./cards.ts";
import type { TeamsAdapter } from "./teams-ai.ts";

/** Sends a text (or a message with a card) to a stored Teams conversation; throws when Teams cannot deliver. */
export type TeamsSender = (reference: unknown, message: string | Partial<Activity>) => Promise<void>;

/** The outbox's Teams channel: the person's stored conversation, if the bot has one. */
export function teamsChannel(services: Services, send: TeamsSender): TeamsChannel {
  return async (personId, text, extras) => {
    const ref = await conversationRef(services, personId);
    if (!ref) return false;
    const buttons = extras?.answerButtons ? await answerButtons(services, personId, extras.answerButtons) : null;
    await send(ref, buttons ? { text, attachments: [CardFactory.adaptiveCard(card({ title: CARD_TITLE.yourAnswer[extras!.answerButtons!.lang], buttons }))] } : text);
    return true;
  };
}

/** The buttons a member or deputy answers with (the same verbs as the invitation's card). */
async function answerButtons(services: Services, personId: string, { meetingId, lang }: NonNullable<TeamsExtras["answerButtons"]>): Promise<CardButton[]> {
  const member = Boolean(rolesOf(await services.store.read(), personId).member);
  const data = { meetingId };
  return [
    { title: ATTENDANCE_BUTTON.inPerson[lang], verb: "attend", data: { ...data, mode: "in-person" } },
    { title: ATTENDANCE_BUTTON.online[lang], verb: "attend", data: { ...data, mode: "online" } },
    ...(member ? [{ title: ATTENDANCE_BUTTON.delegate[lang], verb: "delegate", data }] : []),
    { title: ATTENDANCE_BUTTON.decline[lang], verb: "decline", data },
  ];
}

/**
 * A sender for work outside a turn (the reminder timer): continues the stored conversation and
 * throws when Teams refuses (the adapter would otherwise hand the failure to its error handler).
 */
export function proactiveSender(adapter: TeamsAdapter, botAppId: string): TeamsSender {
  return async (reference, message) => {
    let failure: unknown = null;
    await adapter.continueConversationAsync(botAppId, reference as Partial<ConversationReference>, async (ctx) => {
      try {
        await ctx.sendActivity(message);
      } catch (e) {
        failure = e;
      }
    });
    if (failure) throw failure;
  };
}

/** What the sender should know about deliveries that did not reach Teams. */
export function deliverySummary(deliveries: Delivered[], transport: "smtp" | "outbox", lang: "de" | "en"): string | null {
  const names = (list: Delivered[]) => list.map((d) => d.name);
  const byMail = deliveries.filter((d) => d.accepted && d.via === "email");
  return summaryText(lang, {
    outbox: transport === "outbox" ? names(byMail) : [],
    byMail: transport === "smtp" ? names(byMail) : [],
    failed: deliveries.filter((d) => !d.accepted).map((d) => ({ name: d.name, error: d.error ?? "" })),
  });
}
