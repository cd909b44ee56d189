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

export function flowOf(db: Db, personId: string): Flow | null {
  const parsed = Flow.safeParse(db.botState[key(personId)]);
  return parsed.success ? parsed.data : null;
}

/** `activityId`: a flow step is the turn's change, so a redelivered answer is not taken twice. */
export async function setFlow(store: Store, personId: string, flow: Flow | null, activityId?: string): Promise<void> {
  await store.update({ actorId: personId, activityId }, (db) => {
    if (flow) db.botState[key(personId)] = flow;
    else delete db.botState[key(personId)];
  });
}

