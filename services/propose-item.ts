/** "Ich möchte einen TOP vorschlagen: …": an agenda proposal (Rhein-Sieg § 4 Abs. 4 GO); a late one is taken but marked. */
import { z } from "zod";
import type { Proposal } from "../domain/model.ts";
import { proposalTiming } from "../rules/timing.ts";
import { formatDateTime, toBerlinIso } from "../rules/time.ts";
import { proposalTimingText } from "../texts/timing.ts";
import type { Services } from "./context.ts";
import { personById } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import { activeMeeting } from "./meetings.ts";
import { proposeItems } from "./permissions.ts";
import { PROPOSAL_RECEIVED, type ProposalInput, type ProposalOutcome } from "./proposals.ts";
import { run, type Command } from "./runner.ts";

const Input = z.object({ meetingId: z.string(), title: z.string(), description: z.string(), presenter: z.string(), link: z.string().nullable() });
type Input = z.infer<typeof Input>;

export const proposeItem: Command<Input, Omit<ProposalOutcome, "outbox">> = {
  input: Input,
  may: proposeItems,
  apply({ db, input, actorId: personId, now, profile, audit, notify }) {
    const { meetingId } = input;
    const title = requireTitle(input.title);
    const meeting = activeMeeting(db, meetingId);
    if (now.getTime() >= new Date(meeting.start).getTime()) {
      throw new ServiceError({ de: "Die Sitzung hat schon begonnen; bitte melden Sie das Thema für die nächste an.", en: "The meeting has begun; please propose the topic for the next one." }, "conflict");
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
    const when = formatDateTime(new Date(meeting.start));
    const lateNote = timing.late ? " (verspätet)" : "";
    notify(db.body.secretariatIds.map((id) => ({
      personId: id,
      subject: { de: `Neuer TOP-Vorschlag${lateNote}`, en: `New agenda proposal${timing.late ? " (late)" : ""}` },
      text: {
        de: `${by} schlägt für die Sitzung am ${when} vor: „${title}“${lateNote}. Übersicht mit „/tagesordnung“.`,
        en: `${by} proposes for the meeting on ${formatDateTime(new Date(meeting.start), "en")}: "${title}"${timing.late ? " (late)" : ""}. Review with "/tagesordnung".`,
      },
    })), meetingId);
    return {
      proposal,
      reply: {
        de: `Ihr Vorschlag „${title}“ für die Sitzung am ${when} ist eingegangen. ${proposalTimingText(timing).de}`,
        en: `Your proposal "${title}" for the meeting on ${formatDateTime(new Date(meeting.start), "en")} has been received. ${proposalTimingText(timing).en}`,
      },
    };
  },
};

function requireTitle(text: string): string {
  const title = text.trim();
  if (!title) throw new ServiceError({ de: "Der Vorschlag braucht einen Titel.", en: "The proposal needs a title." });
  return title;
}

export async function propose(services: Services, personId: string, meetingId: string, input: ProposalInput, activityId?: string): Promise<ProposalOutcome> {
  requireTitle(input.title);
  const ran = await run(services, proposeItem, { actorId: personId, activityId, input: { meetingId, ...input } });
  if (ran.duplicate) return { proposal: null, reply: PROPOSAL_RECEIVED, outbox: [] };
  return { ...ran.value, outbox: ran.outbox };
}
