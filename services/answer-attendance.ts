/** "Ich nehme teil (digital)", "Zusage", "Absage" and the card buttons: the institution's answer for a meeting. */
import { z } from "zod";
import type { Attendance } from "../domain/model.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Services } from "./context.ts";
import { personById } from "./directory.ts";
import { activeMeeting } from "./meetings.ts";
import type { Notice } from "./outbox.ts";
import { anyPerson } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { say } from "./say.ts";
import { releaseDeputy } from "./invitation-release.ts";
import { answerText, duplicateOutcome, notStarted, seatAndAnswer, secretariatNotices, upsert, type Mode, type Outcome } from "./attendance.ts";

const Input = z.object({ meetingId: z.string(), status: z.enum(["attending", "declined"]), mode: z.enum(["in-person", "online"]).nullable() });
type Input = z.infer<typeof Input>;

/** Confirm (in person / online) or decline, for the person's institution; a deputy only once the seat was handed over. */
export const answerAttendance: Command<Input, Pick<Outcome, "reply">> = {
  input: Input,
  may: anyPerson,
  apply({ db, input: { meetingId, ...answer }, actorId: personId, now, audit, notify, mail, render }) {
    const meeting = activeMeeting(db, meetingId);
    notStarted(meeting, now);
    // An online meeting has no room: an answer "in person" is recorded online, and the reply says so.
    const onlineOnly = meeting.mode === "online" && answer.mode === "in-person";
    if (onlineOnly) answer.mode = "online";
    const { institution, role, before } = seatAndAnswer(db, personId, meetingId, (inst) => say("attendance.notHandedOver", personById(db, inst.memberId).name, inst.name));
    const record: Attendance = {
      meetingId, institutionId: institution.id,
      status: role === "deputy" ? (answer.status === "attending" ? "delegated" : "declined") : answer.status,
      attendeeId: answer.status === "attending" ? personId : null,
      mode: answer.status === "attending" ? answer.mode : null,
      present: before?.present ?? false,
      checkedInAt: before?.checkedInAt ?? null,
      updatedAt: toBerlinIso(now), updatedBy: personId,
    };
    upsert(db, record);
    audit(`attendance.${answer.status}`, { meetingId, institutionId: institution.id, mode: answer.mode, by: role });
    const notices: Notice[] = [];
    const name = personById(db, personId).name;
    const w = meeting.start;
    const released = before?.status === "delegated" && before.attendeeId && before.attendeeId !== personId ? before.attendeeId : null;
    // The calendar cancellation says it to the deputy: one mail, not two (as the deputy's own invitation).
    const cancellation = released ? releaseDeputy(db, meeting, released, personId, now, audit) : null;
    if (cancellation) mail(cancellation, released!);
    else if (released && role === "member" && answer.status === "attending") {
      notices.push({ personId: released, ...render(say("attendance.deputyNotNeeded", name, w)) });
    }
    if (role === "deputy" && answer.status === "declined") {
      notices.push(
        ...secretariatNotices(db, render(say("attendance.deputyDeclinesToSecretariat", name, institution.name, w))),
        { personId: institution.memberId, ...render(say("attendance.deputyDeclinesToMember", name, w)) },
      );
    }
    notify(notices, meetingId);
    return { reply: onlineOnly ? say("attendance.onlineOnlyText", institution.name, meeting.start) : answerText(record, meeting, institution) };
  },
};

export async function respond(
  services: Services,
  personId: string,
  meetingId: string,
  answer: { status: "attending" | "declined"; mode: Mode | null },
  activityId?: string,
): Promise<Outcome> {
  const ran = await run(services, answerAttendance, { actorId: personId, activityId, input: { meetingId, ...answer } });
  return ran.duplicate ? duplicateOutcome() : { ...ran.value, outbox: ran.outbox, changed: true };
}
