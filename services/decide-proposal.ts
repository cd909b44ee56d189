/** "/tagesordnung annehmen p-3" and the card buttons: the Geschäftsstelle takes a proposal onto the agenda (as the next item) or rejects it. */
import { z } from "zod";
import type { Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { say } from "./say.ts";
import { activeMeeting, nextAgendaNumber } from "./meetings.ts";
import type { Notice } from "./outbox.ts";
import { decideAgenda } from "./permissions.ts";
import { type ProposalOutcome } from "./proposals.ts";
import { meetingToDecideFor } from "./agenda-overview.ts";
import { run, type Command } from "./runner.ts";

const Input = z.object({ proposalId: z.string(), accept: z.boolean() });
type Input = z.infer<typeof Input>;

export const decideProposalCommand: Command<Input, Omit<ProposalOutcome, "outbox">> = {
  input: Input,
  may: decideAgenda,
  apply({ db, input: { proposalId, accept }, audit, notify, render, now }) {
    const proposal = db.proposals.find((p) => p.id === proposalId);
    if (!proposal) throw new ServiceError(say("proposals.noSuchProposal", proposalId), "not-found");
    if (proposal.status !== "submitted") return { proposal, reply: say("proposals.alreadyDecided", proposal.title, proposal.status === "accepted") };
    // A proposal carried over from a meeting that passed is decided for the next one.
    const meeting = activeMeeting(db, meetingToDecideFor(db, proposal, now).id);
    proposal.meetingId = meeting.id;
    proposal.status = accept ? "accepted" : "rejected";
    let number = 0;
    if (accept) {
      number = nextAgendaNumber(meeting);
      meeting.agenda.push({ id: `${meeting.id}-top-${number}`, number, title: proposal.title, public: true, proposalId, secondConvocation: false, postponed: false });
    }
    audit(accept ? "proposal.accepted" : "proposal.rejected", { proposalId, meetingId: meeting.id, number: accept ? number : null });
    const taken = accept ? number : null;
    const notices: Notice[] = [{ personId: proposal.byPersonId, ...render(say("proposals.decisionNotice", proposal.title, taken)) }];
    notify(notices, meeting.id);
    return { proposal, reply: say("proposals.decisionReply", proposal.title, taken) };
  },
};

export async function decideProposal(services: Services, actorId: string, proposalId: string, accept: boolean, activityId?: string): Promise<ProposalOutcome> {
  const ran = await run(services, decideProposalCommand, { actorId, activityId, input: { proposalId, accept } });
  if (ran.duplicate) return { proposal: null, reply: say("proposals.ALREADY_DECIDED"), outbox: [] };
  return { ...ran.value, outbox: ran.outbox };
}
