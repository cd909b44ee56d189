/**
 * Half-finished conversations (the guided proposal, a pending question) live in the store, so a
 * restart of the bot does not lose them.
 */
import { z } from "zod";
import type { Db } from "../domain/model.ts";
import type { Store } from "../adapters/store.ts";

const ProposalDraft = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  presenter: z.string().optional(),
});

export const Flow = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("proposal"),
    meetingId: z.string(),
    step: z.enum(["title", "description", "presenter", "link"]),
    draft: ProposalDraft,
  }),
  /** Asked "send your deputy or decline without one?" for this meeting. */
  z.object({ kind: z.literal("absence"), meetingId: z.string() }),
]);
export type Flow = z.infer<typeof Flow>;

const key = (personId: string) => `flow:${personId}`;
const langKey = (personId: string) => `lang:${personId}`;

export function flowOf(db: Db, personId: string): Flow | null {
  const parsed = Flow.safeParse(db.botState[key(personId)]);
  return parsed.success ? parsed.data : null;
}

export async function setFlow(store: Store, personId: string, flow: Flow | null): Promise<void> {
  await store.update({ actorId: personId }, (db) => {
    if (flow) db.botState[key(personId)] = flow;
    else delete db.botState[key(personId)];
  });
}

/** The language this person last wrote in, for replies to card clicks (which carry no text). */
export function lastLang(db: Db, personId: string): "de" | "en" {
  return db.botState[langKey(personId)] === "en" ? "en" : "de";
}

export function rememberLang(db: Db, personId: string, lang: "de" | "en"): void {
  db.botState[langKey(personId)] = lang;
}
