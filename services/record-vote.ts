/** "/abstimmung TOP 2: 9 ja, 2 nein, 1 enthaltung": a vote with its result by the profile's majority rule (Rhein-Sieg § 6 Abs. 2, 3 GO). */
import { z } from "zod";
import { limitedString } from "../domain/limits.ts";
import { unanimousCounts, voteResult, type VoteResult } from "../rules/majority.ts";
import { RuleInputError } from "../rules/errors.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Db, Vote } from "../domain/model.ts";
import type { Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { say } from "./say.ts";
import { findMeeting } from "./meetings.ts";
import { chairSession } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { itemOf, representedNow } from "./session.ts";

const Input = z.object({
  meetingId: z.string(),
  vote: z.object({ itemNumber: z.number().int().nullable(), yes: z.number().int(), no: z.number().int(), abstain: z.number().int(), resolution: limitedString("description").nullable(),
    /** "einstimmig angenommen / abgelehnt": yes and no are counted from who is present, not taken from the input. */
    unanimous: z.enum(["yes", "no"]).nullable().optional() }),
});
type Input = z.infer<typeof Input>;
export type VoteCommand = Input["vote"];

/** The counts a corrected vote had before; null for a first vote. */
export type Tally = Pick<Vote, "yes" | "no" | "abstain">;
export type RecordedVote = VoteResult & { corrected: Tally | null };

/**
 * The item's vote the new one corrects: the chair declares one result per item (§ 7 minutes: "vote results
 * as declared by the chair"); only a vote on a different resolution text is a further vote on the item.
 */
function correctedVote(db: Db, meetingId: string, itemId: string | null, resolution: string | null): Vote | null {
  if (itemId === null) return null;
  const same = (v: Vote) => v.meetingId === meetingId && v.agendaItemId === itemId && (resolution === null || v.resolution === null || v.resolution === resolution);
  return db.votes.filter(same).at(-1) ?? null;
}

/**
 * More votes than institutions present is refused; a unanimous vote counts the institutions present.
 * A second result for the same item replaces the first, audited as a correction with the old counts.
 */
export const recordVoteCommand: Command<Input, RecordedVote> = {
  input: Input,
  may: chairSession,
  apply({ db, input: { meetingId, vote }, actorId, now, profile, audit }) {
    const meeting = findMeeting(db, meetingId);
    const item = itemOf(meeting, vote.itemNumber);
    const present = representedNow(db, meetingId);
    const counts = vote.unanimous ? unanimousCounts(present, vote.abstain, vote.unanimous) : vote;
    let outcome: VoteResult;
    try {
      outcome = voteResult({ yes: counts.yes, no: counts.no, abstain: counts.abstain, present }, profile);
    } catch (e) {
      if (e instanceof RuleInputError) throw new ServiceError(say("errors.ruleInputText", e.problem), "invalid");
      throw e;
    }
    const old = correctedVote(db, meetingId, item?.id ?? null, vote.resolution);
    const record: Vote = {
      id: old?.id ?? `v-${db.votes.length + 1}`, meetingId, agendaItemId: item?.id ?? null,
      yes: counts.yes, no: counts.no, abstain: counts.abstain, present, required: outcome.required,
      passed: outcome.passed ?? false, resolution: vote.resolution ?? old?.resolution ?? null, recordedAt: toBerlinIso(now), recordedBy: actorId,
    };
    const facts = { meetingId, item: item?.number ?? null, yes: counts.yes, no: counts.no, abstain: counts.abstain, present, unanimous: vote.unanimous ?? null, passed: outcome.passed };
    if (!old) {
      db.votes.push(record);
      audit("vote.recorded", facts);
      return { ...outcome, corrected: null };
    }
    db.votes[db.votes.indexOf(old)] = record;
    const before = { yes: old.yes, no: old.no, abstain: old.abstain };
    audit("vote.corrected", { ...facts, before: { ...before, present: old.present, passed: old.passed, recordedAt: old.recordedAt, recordedBy: old.recordedBy } });
    return { ...outcome, corrected: before };
  },
};

/** Null when Teams delivered the same message again. */
export async function recordVote(services: Services, actorId: string, meetingId: string, vote: VoteCommand, activityId?: string): Promise<RecordedVote | null> {
  const ran = await run(services, recordVoteCommand, { actorId, activityId, input: { meetingId, vote } });
  return ran.duplicate ? null : ran.value;
}
