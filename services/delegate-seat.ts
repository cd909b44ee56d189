/** "Ich kann nicht teilnehmen, bitte an meine Vertretung": the institution's registered deputy takes the seat (Rhein-Sieg § 4 Abs. 6 GO). */
import { z } from "zod";
import type { Texts } from "../domain/profile.ts";
import { delegationFor, type Delegation } from "../rules/representation.ts";
import { toBerlinIso } from "../rules/time.ts";
import { delegationText } from "../texts/representation.ts";
import type { Services } from "./context.ts";
import { personById, rosterInstitutions } from "./directory.ts";
import { latestInvitation } from "./invitation-core.ts";
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
          : secretariatNotices(db, { de: "Vertretung nicht möglich", en: "Delegation not possible" }, {
              de: `${person.name} (${delegation.institution!.name}) wollte die Sitzung am ${w.de} an die Stellvertretung übergeben: ${delegationText(delegation).de}`,
              en: `${person.name} (${delegation.institution!.name}) asked to hand the meeting on ${w.en} to the deputy: ${delegationText(delegation).en}`,
            });
      notify(notices, meetingId);
      return { reply: delegationText(delegation), delegation };
    }
    const { institution, deputy } = delegation;
    const rule = profile.representation.absenceCitation;
    const cite = rule ? ` (${rule})` : "";
    upsert(db, {
      meetingId, institutionId: institution.id, status: "delegated", attendeeId: deputy.id, mode: null,
      present: false, checkedInAt: null, updatedAt: toBerlinIso(now), updatedBy: personId,
    });
    audit("attendance.delegated", { meetingId, institutionId: institution.id, deputyId: deputy.id });
    // Once the invitation is out, the deputy's own invitation says that they stand in: one mail, not two.
    const invited = latestInvitation(db, meetingId) !== null;
    const notices: Notice[] = [
      ...(invited ? [] : [{
        personId: deputy.id,
        subject: { de: `Vertretung in der Sitzung am ${w.de}`, en: `Standing in at the meeting on ${w.en}` },
        text: {
          de: `${person.name} kann an der Sitzung am ${w.de} nicht teilnehmen. Sie vertreten ${institution.name}${cite}. Bitte bestätigen Sie Ihre Teilnahme („Ich nehme teil“).`,
          en: `${person.name} cannot attend the meeting on ${w.en}. You represent ${institution.name}${cite}. Please confirm your attendance ("I'll attend").`,
        },
      }]),
      ...secretariatNotices(db, { de: "Vertretung gemeldet", en: "Deputy notified" }, {
        de: `${person.name} (${institution.name}) ist am ${w.de} verhindert; die Stellvertretung ${deputy.name} wurde benachrichtigt.`,
        en: `${person.name} (${institution.name}) cannot attend on ${w.en}; the deputy ${deputy.name} has been notified.`,
      }),
    ];
    const reply: Texts = {
      de: `Ihre Abwesenheit am ${w.de} ist vermerkt. ${delegationText(delegation).de} ${deputy.name} erhält die Einladung, die Geschäftsstelle ist informiert.`,
      en: `Your absence on ${w.en} is recorded. ${delegationText(delegation).en} ${deputy.name} receives the invitation and the Geschäftsstelle has been told.`,
    };
    notify(notices, meetingId);
    return { reply, delegation };
  },
};

export async function delegate(services: Services, personId: string, meetingId: string, activityId?: string): Promise<DelegationOutcome> {
  const ran = await run(services, delegateSeat, { actorId: personId, activityId, input: { meetingId } });
  if (ran.duplicate) return { ...duplicateOutcome(), delegation: null };
  return { ...ran.value, outbox: ran.outbox, changed: true };
}
