/**
 * Where the bot reaches a person in Teams (the conversation reference it last saw them in), as
 * the outbox's Teams channel, and what the sender should hear about messages that did not reach
 * Teams.
 */
import type { Db } from "../domain/model.ts";
import type { Store } from "../adapters/store.ts";
import type { Delivered, TeamsChannel } from "../services/outbox.ts";
import { deliverySummary as summaryText } from "../texts/outbox.ts";

/** Sends a text to a stored Teams conversation; throws when Teams cannot deliver. */
export type TeamsSender = (reference: unknown, text: string) => Promise<void>;

const refKey = (personId: string) => `ref:${personId}`;

export function conversationRef(db: Db, personId: string): unknown {
  return db.botState[refKey(personId)] ?? null;
}

/**
 * Remembers where a person can be reached in Teams, only when that changed: the reference carries
 * the id of the message just received, which says nothing about where to reach them, and would make
 * every turn rewrite the data file.
 */
export async function rememberConversation(store: Store, db: Db, personId: string, reference: Record<string, unknown>): Promise<void> {
  const { activityId: _messageId, ...where } = reference;
  if (JSON.stringify(db.botState[refKey(personId)] ?? null) === JSON.stringify(where)) return;
  await store.update({ actorId: personId }, (d) => {
    d.botState[refKey(personId)] = where;
  });
}

/** The outbox's Teams channel: the person's stored conversation, if the bot has one. */
export function teamsChannel(store: Store, send: TeamsSender): TeamsChannel {
  return async (personId, text) => {
    const ref = conversationRef(await store.read(), personId);
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
    failed: deliveries.filter((d) => !d.accepted).map((d) => ({ name: d.name, error: d.error ?? "" })),
  });
}
