/** "Ich kann nicht teilnehmen, bitte an meine Vertretung": the institution's registered deputy takes the seat (Rhein-Sieg § 4 Abs. 6 GO). */
import { z } from "zod";
import type { Texts } from "../domain/profile.ts";
import { delegationFor, type Delegation } from "../rules/representation.ts";
import { toBerlinIso } from "../rules/time.ts";
import { delegatedReply, delegationRefused, deputyNotified, standIn } from "../texts/attendance.ts";
import { delegationText } from "../texts/representation.ts";
import type { Services } from "./context.ts";
import { personById, rosterInstitutions } from "./directory.ts";
import { latestInvitation } from "./invitation-core.ts";
import { extendRecipients, pendingRecipient } from "./invitation-recipients.ts";
import { activeMeeting } from "./meetings.ts";
import type { Notice } from "./outbox.ts";
import { anyPerson } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { duplicateOutcome, notStarted, secretariatNotices, upsert, when, type Outcome } from "./attendance.ts";

export interface DelegationOutcome extends Outcome {
  /** Null when the same message came twice and nothing was done. */
  delegation: Delegation | null;
}

const Input = z.object({ meetingId: z.string() });
type Input = z.infer<typeof Input>;

export const delegateSeat: Command<Input, { reply: Texts; delegation: Delegation }> = {
  input: Input,
  may: anyPerson,
  apply({ db, input: { meetingId }, actorId: personId, now, profile, audit, notify }) {
    const meeting = activeMeeting(db, meetingId);
    notStarted(meeting, now);
    const delegation = delegationFor(personId, rosterInstitutions(db), profile);
    const person = personById(db, personId);
    const w = when(meeting);
    if (!delegation.ok) {
      audit("attendance.delegation-refused", { meetingId, code: delegation.code });
      const notices =
        delegation.code === "not-a-member"
          ? []
          : secretariatNotices(db, delegationRefused(person.name, delegation.institution!.name, w, delegationText(delegation)));
      notify(notices, meetingId);
      return { reply: delegationText(delegation), delegation };
    }
    const { institution, deputy } = delegation;
    upsert(db, {
      meetingId, institutionId: institution.id, status: "delegated", attendeeId: deputy.id, mode: null,
      present: false, checkedInAt: null, updatedAt: toBerlinIso(now), updatedBy: personId,
    });
    audit("attendance.delegated", { meetingId, institutionId: institution.id, deputyId: deputy.id });
    // Once the invitation is out, the deputy's own invitation says that they stand in: one mail, not
    // two. It is recorded here, with the delegation, so a crash before it is sent leaves it open for a retry.
    const latest = latestInvitation(db, meetingId);
    const invited = latest !== null;
    if (latest && latest.kind !== "cancel" && extendRecipients(latest.recipients, [pendingRecipient(personById(db, deputy.id), "deputy")]).length > 0) {
      audit("invitation.deputy-added", { invitationId: latest.id, meetingId, memberId: personId, deputyId: deputy.id });
    }
    const notices: Notice[] = [
      ...(invited ? [] : [{ personId: deputy.id, ...standIn(person.name, institution.name, w, profile.representation.absenceCitation) }]),
      ...secretariatNotices(db, deputyNotified(person.name, institution.name, deputy.name, w)),
    ];
    notify(notices, meetingId);
    return { reply: delegatedReply(deputy.name, w, delegationText(delegation)), delegation };
  },
};

export async function delegate(services: Services, personId: string, meetingId: string, activityId?: string): Promise<DelegationOutcome> {
  const ran = await run(services, delegateSeat, { actorId: personId, activityId, input: { meetingId } });
  if (ran.duplicate) return { ...duplicateOutcome(), delegation: null };
  return { ...ran.value, outbox: ran.outbox, changed: true };
}
