/** "Ich möchte einen TOP vorschlagen: …": an agenda proposal (Rhein-Sieg § 4 Abs. 4 GO); a late one is taken but marked. */
import { z } from "zod";
import { limitedString } from "../domain/limits.ts";
import type { Proposal } from "../domain/model.ts";
import { proposalTiming } from "../rules/timing.ts";
import { toBerlinIso } from "../rules/time.ts";
import { secretariatNotices } from "./attendance.ts";
import { say } from "./say.ts";
import type { Services } from "./context.ts";
import { personById } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import { activeMeeting } from "./meetings.ts";
import { proposeItems } from "./permissions.ts";
import { type ProposalInput, type ProposalOutcome } from "./proposals.ts";
import { run, type Command } from "./runner.ts";

const Input = z.object({ meetingId: z.string(), title: limitedString("title"), description: limitedString("description"), presenter: limitedString("name"), link: limitedString("description").nullable() });
type Input = z.infer<typeof Input>;

export const proposeItem: Command<Input, Omit<ProposalOutcome, "outbox">> = {
  input: Input,
  may: proposeItems,
  apply({ db, input, actorId: personId, now, profile, audit, notify, render }) {
    const { meetingId } = input;
    const title = requireTitle(input.title);
    const meeting = activeMeeting(db, meetingId);
    if (now.getTime() >= new Date(meeting.start).getTime()) {
      throw new ServiceError(say("proposals.MEETING_BEGUN"), "conflict");
    }
    const timing = proposalTiming(new Date(meeting.start), now, profile);
    const proposal: Proposal = {
      id: `p-${db.proposals.length + 1}`, meetingId, title,
      description: input.description.trim(), presenter: input.presenter.trim(), link: input.link?.trim() || null,
      byPersonId: personId, submittedAt: toBerlinIso(now), late: timing.late, status: "submitted",
    };
    db.proposals.push(proposal);
    audit("proposal.submitted", { meetingId, proposalId: proposal.id, late: timing.late });
    const by = personById(db, personId).name;
    notify(secretariatNotices(db, render(say("proposals.newProposal", by, title, meeting.start, timing.late))), meetingId);
    return { proposal, reply: say("proposals.proposalReceived", title, meeting.start, timing) };
  },
};

function requireTitle(text: string): string {
  const title = text.trim();
  if (!title) throw new ServiceError(say("proposals.NO_TITLE"));
  return title;
}

export async function propose(services: Services, personId: string, meetingId: string, input: ProposalInput, activityId?: string): Promise<ProposalOutcome> {
  requireTitle(input.title);
  const ran = await run(services, proposeItem, { actorId: personId, activityId, input: { meetingId, ...input } });
  if (ran.duplicate) return { proposal: null, reply: say("proposals.PROPOSAL_RECEIVED"), outbox: [] };
  return { ...ran.value, outbox: ran.outbox };
}
