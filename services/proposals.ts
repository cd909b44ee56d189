/**
 * Agenda proposals (§ 4 Abs. 4 GO): members and deputies propose, late ones are taken but marked,
 * and the Geschäftsstelle accepts them into the agenda or rejects them.
 */
import type { Db, Proposal } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import { proposalTiming } from "../rules/timing.ts";
import { formatDateTime, toBerlinIso } from "../rules/time.ts";
import { profileOf, type Services } from "./context.ts";
import { queueNotices, type Notice } from "./outbox.ts";
import { personById, rolesOf } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import { activeMeeting, nextAgendaNumber } from "./meetings.ts";
import { mayManageMeetings } from "./permissions.ts";
import { proposalTimingText } from "../texts/timing.ts";

export interface ProposalInput {
  title: string;
  description: string;
  presenter: string;
  link: string | null;
}

export interface ProposalOutcome {
  proposal: Proposal | null;
  reply: Texts;
  /** Outbox messages this command recorded for other people, to be sent after the reply. */
  outbox: string[];
}

/** Members, deputies, the chair and the Geschäftsstelle may propose items. */
function mayPropose(db: Db, personId: string): boolean {
  const r = rolesOf(db, personId);
  return Boolean(r.member || r.deputy || r.chair || r.secretariat);
}

export async function propose(services: Services, personId: string, meetingId: string, input: ProposalInput, activityId?: string): Promise<ProposalOutcome> {
  const title = input.title.trim();
  if (!title) throw new ServiceError({ de: "Der Vorschlag braucht einen Titel.", en: "The proposal needs a title." });
  const now = services.clock();
  const result = await services.store.update({ actorId: personId, activityId }, (db, audit) => {
    if (!mayPropose(db, personId)) {
      throw new ServiceError({ de: "Themen zur Tagesordnung melden Mitglieder der Lenkungsgruppe an.", en: "Agenda items are proposed by members of the group." }, "forbidden");
    }
    const meeting = activeMeeting(db, meetingId);
    if (now.getTime() >= new Date(meeting.start).getTime()) {
      throw new ServiceError({ de: "Die Sitzung hat schon begonnen; bitte melden Sie das Thema für die nächste an.", en: "The meeting has begun; please propose the topic for the next one." }, "conflict");
    }
    const timing = proposalTiming(new Date(meeting.start), now, profileOf(db));
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
    return {
      proposal,
      reply: {
        de: `Ihr Vorschlag „${title}“ für die Sitzung am ${when} ist eingegangen. ${proposalTimingText(timing).de}`,
        en: `Your proposal "${title}" for the meeting on ${formatDateTime(new Date(meeting.start), "en")} has been received. ${proposalTimingText(timing).en}`,
      },
      outbox: queueNotices(db, db.body.secretariatIds.map((id) => ({
        personId: id,
        subject: { de: `Neuer TOP-Vorschlag${lateNote}`, en: `New agenda proposal${timing.late ? " (late)" : ""}` },
        text: {
          de: `${by} schlägt für die Sitzung am ${when} vor: „${title}“${lateNote}. Übersicht mit „/tagesordnung“.`,
          en: `${by} proposes for the meeting on ${formatDateTime(new Date(meeting.start), "en")}: "${title}"${timing.late ? " (late)" : ""}. Review with "/tagesordnung".`,
        },
      })), { now, actorId: personId, meetingId }),
    };
  });
  if (result.duplicate) return { proposal: null, reply: { de: "Dieser Vorschlag ist bereits eingegangen.", en: "This proposal has already been received." }, outbox: [] };
  return result.value;
}

/** The Geschäftsstelle takes a proposal onto the agenda (as the next item) or rejects it. */
export async function decideProposal(services: Services, actorId: string, proposalId: string, accept: boolean, activityId?: string): Promise<ProposalOutcome> {
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    if (!mayManageMeetings(db, actorId)) {
      throw new ServiceError({ de: "Über die Tagesordnung entscheiden Vorsitz und Geschäftsstelle.", en: "The chair and the Geschäftsstelle decide the agenda." }, "forbidden");
    }
    const proposal = db.proposals.find((p) => p.id === proposalId);
    if (!proposal) throw new ServiceError({ de: `Einen Vorschlag „${proposalId}“ gibt es nicht.`, en: `There is no proposal "${proposalId}".` }, "not-found");
    if (proposal.status !== "submitted") {
      const was = proposal.status === "accepted" ? { de: "bereits aufgenommen", en: "already accepted" } : { de: "bereits abgelehnt", en: "already rejected" };
      return { proposal, reply: { de: `„${proposal.title}“ ist ${was.de}.`, en: `"${proposal.title}" is ${was.en}.` }, outbox: [] };
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
    return { proposal, reply, outbox: queueNotices(db, notices, { now: services.clock(), actorId, meetingId: meeting.id }) };
  });
  if (result.duplicate) return { proposal: null, reply: { de: "Bereits erledigt.", en: "Already done." }, outbox: [] };
  return result.value;
}
