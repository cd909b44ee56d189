/**
 * Where the bot reaches a person in Teams (the conversation reference it last saw them in), as
 * the outbox's Teams channel, and what the sender should hear about messages that did not reach
 * Teams.
 */
import type { Services } from "../services/context.ts";
import { conversationRef } from "../services/conversation-state.ts";
import type { Delivered, TeamsChannel } from "../services/outbox.ts";
import { deliverySummary as summaryText } from "../texts/outbox.ts";

/** Sends a text to a stored Teams conversation; throws when Teams cannot deliver. */
export type TeamsSender = (reference: unknown, text: string) => Promise<void>;

/** The outbox's Teams channel: the person's stored conversation, if the bot has one. */
export function teamsChannel(services: Services, send: TeamsSender): TeamsChannel {
  return async (personId, text) => {
    const ref = await conversationRef(services, personId);
    if (!ref) return false;
    await send(ref, text);
    return true;
  };
}

/** What the sender should know about deliveries that did not reach Teams. */
export function deliverySummary(deliveries: Delivered[], transport: "smtp" | "outbox", lang: "de" | "en"): string | null {
  const names = (list: Delivered[]) => list.map((d) => d.name);
  const byMail = deliveries.filter((d) => d.accepted && d.via === "email");
  return summaryText(lang, {
    outbox: transport === "outbox" ? names(byMail) : [],
    byMail: transport === "smtp" ? names(byMail) : [],
    // A Teams-only message (the invitation's, a channel post) that Teams refused: the e-mail carried it, and the Geschäftsstelle hears why.
    failed: deliveries.filter((d) => !d.accepted && d.via !== "teams").map((d) => ({ name: d.name, error: d.error ?? "" })),
  });
}
