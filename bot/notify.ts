/**
 * Where the bot reaches a person in Teams (the conversation reference it last saw them in), as
 * the outbox's Teams channel, and what the sender should hear about messages that did not reach
 * Teams.
 */
import type { Services } from "../services/context.ts";
import { conversationRef } from "../services/conversation-state.ts";
import type { Delivered, TeamsChannel } from "../services/outbox.ts";
import { deliverySummary as summaryText, memberDeliverySummary } from "../texts/outbox.ts";
import { manageMeetings } from "../services/permissions.ts";

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

/**
 * What the sender should hear about the notices of their turn: the Geschäftsstelle and the chair
 * the technical state (mail server, outbox folder), anyone else only a failure, plainly (issue 16.7).
 */
export async function deliverySummaryFor(services: Services, personId: string, deliveries: Delivered[], lang: "de" | "en"): Promise<string | null> {
  if (manageMeetings.allows(await services.store.read(), personId)) return deliverySummary(deliveries, services.mailer.kind, lang);
  const byMail = deliveries.filter((d) => d.accepted && d.via === "email").map((d) => d.name);
  const outbox = services.mailer.kind === "outbox";
  return memberDeliverySummary(lang, { outbox: outbox ? byMail : [], byMail: outbox ? [] : byMail, failed: deliveries.filter((d) => !d.accepted).map((d) => d.name) });
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
