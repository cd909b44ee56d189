/**
 * "/beschlussunfaehig [TOP n]": the chair declares the group not quorate; the item (or the rest of
 * the agenda) is postponed and comes back as a second convocation (Rhein-Sieg § 6 Abs. 5 GO, by the profile).
 */
import { z } from "zod";
import type { Said } from "../texts/catalog.ts";
import { toBerlinIso } from "../rules/time.ts";
import { ServiceError } from "./errors.ts";
import { say } from "./say.ts";
import type { Services } from "./context.ts";
import { findMeeting } from "./meetings.ts";
import { chairSession } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { declaredNotQuorate, itemOf, quorumNow, representedNow, votingMembers } from "./session.ts";

/** `confirmed`: the chair said yes after being told that the count says quorate (the minutes then state both). */
const Input = z.object({ meetingId: z.string(), itemNumber: z.number().int().nullable(), confirmed: z.boolean().default(false) });
type Input = z.infer<typeof Input>;

export const declareNotQuorateCommand: Command<Input, Said<"session.notQuorateText">> = {
  input: Input,
  may: chairSession,
  apply({ db, input: { meetingId, itemNumber, confirmed }, actorId, now, profile, audit }) {
    const meeting = findMeeting(db, meetingId);
    const item = itemOf(meeting, itemNumber);
    // A card button pressed twice, or the command typed again: one declaration.
    if (declaredNotQuorate(db, meetingId, item?.id ?? null)) throw new ServiceError(say("meeting-events.ALREADY_DECLARED"), "conflict");
    const againstCount = quorumNow(db, meetingId, itemNumber, profile).quorate === true;
    if (againstCount && !confirmed) throw new ServiceError(say("meeting-events.CONFIRMATION_NEEDED"), "conflict");
    const represented = representedNow(db, meetingId);
    db.quorumDeclarations.push({
      id: `q-${db.quorumDeclarations.length + 1}`, meetingId, agendaItemId: item?.id ?? null, quorate: false,
      represented, votingMembers: votingMembers(db), declaredAt: toBerlinIso(now), declaredBy: actorId,
    });
    const postponed = item ? [item] : meeting.agenda.filter((i) => !db.votes.some((v) => v.agendaItemId === i.id));
    for (const i of postponed) i.postponed = true;
    audit("quorum.declared-not-quorate", { meetingId, items: postponed.map((i) => i.number), represented, againstCount });
    const second = profile.secondConvocation;
    const hint = second.regulated ? { noticeDays: second.noticeDays, citation: second.citation, bodyKind: profile.bodyKind } : null;
    return say("session.notQuorateText", represented, postponed.map((i) => i.number), hint);
  },
};

/** Null when Teams delivered the same message again. */
export async function declareNotQuorate(services: Services, actorId: string, meetingId: string, itemNumber: number | null, activityId?: string, confirmed = false): Promise<Said<"session.notQuorateText"> | null> {
  const ran = await run(services, declareNotQuorateCommand, { actorId, activityId, input: { meetingId, itemNumber, confirmed } });
  return ran.duplicate ? null : ran.value;
}
