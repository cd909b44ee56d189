/** "/tagesordnung annehmen p-3" and the card buttons: the Geschäftsstelle takes a proposal onto the agenda (as the next item) or rejects it. */
import { z } from "zod";
import type { Texts } from "../domain/profile.ts";
import type { Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { activeMeeting, nextAgendaNumber } from "./meetings.ts";
import type { Notice } from "./outbox.ts";
import { decideAgenda } from "./permissions.ts";
import { ALREADY_DECIDED, type ProposalOutcome } from "./proposals.ts";
import { run, type Command } from "./runner.ts";

const Input = z.object({ proposalId: z.string(), accept: z.boolean() });
type Input = z.infer<typeof Input>;

export const decideProposalCommand: Command<Input, Omit<ProposalOutcome, "outbox">> = {
  input: Input,
  may: decideAgenda,
  apply({ db, input: { proposalId, accept }, audit, notify }) {
    const proposal = db.proposals.find((p) => p.id === proposalId);
    if (!proposal) throw new ServiceError({ de: `Einen Vorschlag „${proposalId}“ gibt es nicht.`, en: `There is no proposal "${proposalId}".` }, "not-found");
    if (proposal.status !== "submitted") {
      const was = proposal.status === "accepted" ? { de: "bereits aufgenommen", en: "already accepted" } : { de: "bereits abgelehnt", en: "already rejected" };
      return { proposal, reply: { de: `„${proposal.title}“ ist ${was.de}.`, en: `"${proposal.title}" is ${was.en}.` } };
    }
    const meeting = activeMeeting(db, proposal.meetingId);
    proposal.status = accept ? "accepted" : "rejected";
    let number = 0;
    if (accept) {
      number = nextAgendaNumber(meeting);
      meeting.agenda.push({ id: `${meeting.id}-top-${number}`, number, title: proposal.title, public: true, proposalId, secondConvocation: false, postponed: false });
    }
    audit(accept ? "proposal.accepted" : "proposal.rejected", { proposalId, meetingId: meeting.id, number: accept ? number : null });
    const reply: Texts = accept
      ? { de: `„${proposal.title}“ ist als TOP ${number} auf der Tagesordnung.`, en: `"${proposal.title}" is on the agenda as item ${number}.` }
      : { de: `„${proposal.title}“ wurde nicht aufgenommen.`, en: `"${proposal.title}" was not taken onto the agenda.` };
    const notices: Notice[] = [{
      personId: proposal.byPersonId,
      subject: { de: "Ihr TOP-Vorschlag", en: "Your agenda proposal" },
      text: accept
        ? { de: `Ihr Vorschlag „${proposal.title}“ steht als TOP ${number} auf der Tagesordnung.`, en: `Your proposal "${proposal.title}" is on the agenda as item ${number}.` }
        : { de: `Ihr Vorschlag „${proposal.title}“ wurde für diese Sitzung nicht aufgenommen; bei Fragen wenden Sie sich an die Geschäftsstelle.`, en: `Your proposal "${proposal.title}" was not taken onto this agenda; please ask the Geschäftsstelle if you have questions.` },
    }];
    notify(notices, meeting.id);
    return { proposal, reply };
  },
};

export async function decideProposal(services: Services, actorId: string, proposalId: string, accept: boolean, activityId?: string): Promise<ProposalOutcome> {
  const ran = await run(services, decideProposalCommand, { actorId, activityId, input: { proposalId, accept } });
  if (ran.duplicate) return { proposal: null, reply: ALREADY_DECIDED, outbox: [] };
  return { ...ran.value, outbox: ran.outbox };
}
