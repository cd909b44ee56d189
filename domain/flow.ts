/**
 * A half-finished conversation (the guided proposal, a pending question), as it is kept in the data
 * file's `botState`, so a restart of the bot does not lose it.
 */
import { z } from "zod";

const ProposalDraft = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  presenter: z.string().optional(),
});

/** When the flow last moved (ISO 8601 with offset); flows stored before this field have none. */
const since = z.string().optional();

export const Flow = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("proposal"),
    meetingId: z.string(),
    step: z.enum(["title", "description", "presenter", "link"]),
    draft: ProposalDraft,
    since,
  }),
  /** Asked "send your deputy or decline without one?" for this meeting. */
  z.object({ kind: z.literal("absence"), meetingId: z.string(), since }),
]);
export type Flow = z.infer<typeof Flow>;

/**
 * A flow nobody answered for this long is over: a message the next day is a new message, not the
 * answer to yesterday's question.
 */
export const FLOW_LIFETIME_MINUTES = 120;

export function flowExpired(flow: Flow, now: Date): boolean {
  if (!flow.since) return false;
  return now.getTime() - new Date(flow.since).getTime() > FLOW_LIFETIME_MINUTES * 60_000;
}
