/** "Ich kann nicht teilnehmen, bitte an meine Vertretung": the institution's registered deputy takes the seat (Rhein-Sieg § 4 Abs. 6 GO). */
import { z } from "zod";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import { delegationFor, type Delegation } from "../rules/representation.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Services } from "./context.ts";
import { personById, rosterInstitutions } from "./directory.ts";
import { latestInvitation } from "./invitation-core.ts";
import { reinviteDeputy } from "./invitation-release.ts";
import { extendRecipients, pendingRecipient } from "./invitation-recipients.ts";
import { activeMeeting } from "./meetings.ts";
import type { Notice } from "./outbox.ts";
import { anyPerson } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { say } from "./say.ts";
import { current, duplicateOutcome, notStarted, secretariatNotices, upsert, type Outcome } from "./attendance.ts";

export interface DelegationOutcome extends Outcome {
  /** Null when the same message came twice and nothing was done. */
  delegation: Delegation | null;
}

const Input = z.object({ meetingId: z.string() });
type Input = z.infer<typeof Input>;

export const delegateSeat: Command<Input, { reply: Said<SentenceCode>; delegation: Delegation }> = {
  input: Input,
  may: anyPerson,
  apply({ db, input: { meetingId }, actorId: personId, now, profile, audit, notify, mail, render }) {
    const meeting = activeMeeting(db, meetingId);
    notStarted(meeting, now);
    const delegation = delegationFor(personId, rosterInstitutions(db), profile);
    const person = personById(db, personId);
    const w = meeting.start;
    if (!delegation.ok) {
      audit("attendance.delegation-refused", { meetingId, code: delegation.code });
      const notices =
        delegation.code === "not-a-member"
          ? []
          : secretariatNotices(db, render(say("attendance.delegationRefused", person.name, delegation.institution!.name, w, delegation)));
      notify(notices, meetingId);
      return { reply: say("representation.delegationText", delegation), delegation };
    }
    const { institution, deputy } = delegation;
    const before = current(db, meetingId, institution.id);
    if (before?.status === "delegated" && before.attendeeId === deputy.id) return { reply: say("attendance.alreadyDelegated", deputy.name, w), delegation };
    upsert(db, {
      meetingId, institutionId: institution.id, status: "delegated", attendeeId: deputy.id, mode: null,
      present: false, checkedInAt: null, updatedAt: toBerlinIso(now), updatedBy: personId,
    });
    audit("attendance.delegated", { meetingId, institutionId: institution.id, deputyId: deputy.id });
    // Once the invitation is out, the deputy's own invitation says that they stand in: one mail, not
    // two. It is recorded here, with the delegation, so a crash before it is sent leaves it open for a retry.
    const latest = latestInvitation(db, meetingId);
    const invited = latest !== null;
    const again = reinviteDeputy(db, meeting, deputy.id, personId, now, audit);
    if (again) mail(again, deputy.id);
    else if (latest && latest.kind !== "cancel" && extendRecipients(latest.recipients, [pendingRecipient(personById(db, deputy.id), "deputy")]).length > 0) {
      audit("invitation.deputy-added", { invitationId: latest.id, meetingId, memberId: personId, deputyId: deputy.id });
      mail(latest.id, deputy.id);
    }
    const notices: Notice[] = [
      ...(invited ? [] : [{ personId: deputy.id, ...render(say("attendance.standIn", person.name, institution.name, w, profile.representation.absenceCitation)) }]),
      ...secretariatNotices(db, render(say("attendance.deputyNotified", person.name, institution.name, deputy.name, w))),
    ];
    notify(notices, meetingId);
    return { reply: say("attendance.delegatedReply", deputy.name, w, delegation), delegation };
  },
};

export async function delegate(services: Services, personId: string, meetingId: string, activityId?: string): Promise<DelegationOutcome> {
  const ran = await run(services, delegateSeat, { actorId: personId, activityId, input: { meetingId } });
  if (ran.duplicate) return { ...duplicateOutcome(), delegation: null };
  return { ...ran.value, outbox: ran.outbox, changed: true };
}
