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
