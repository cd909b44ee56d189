/** "Ich bin anwesend": self check-in during the session, on the meeting's day (the counting is presence.ts's). */
import { z } from "zod";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import type { Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { say } from "./say.ts";
import { activeMeeting } from "./meetings.ts";
import { anyPerson } from "./permissions.ts";
import { checkInPerson } from "./presence.ts";
import { run, type Command } from "./runner.ts";
import { duplicateOutcome, sessionDay, type Outcome } from "./attendance.ts";

const Input = z.object({ meetingId: z.string() });
type Input = z.infer<typeof Input>;

export const checkInCommand: Command<Input, { reply: Said<SentenceCode> }> = {
  input: Input,
  may: anyPerson,
  apply({ db, input: { meetingId }, actorId: personId, now, audit }) {
    const meeting = activeMeeting(db, meetingId);
    sessionDay(meeting, now);
    const done = checkInPerson(db, meetingId, personId, now, personId, null);
    if (done.kind === "no-seat") throw new ServiceError(say("attendance.NO_SEAT"), "forbidden");
    if (done.kind === "already") return { reply: say("meeting-events.alreadyCheckedIn", done.institution.name) };
    if (done.kind === "represented-by") return { reply: say("meeting-events.institutionAlreadyRepresented", done.institution.name, done.by?.name ?? "–") };
    audit("attendance.checked-in", { meetingId, institutionId: done.institution.id, personId, role: done.role, handedOver: done.handedOver });
    if (done.standsInFor) return { reply: say("meeting-events.deputyCheckedIn", done.institution.name, done.standsInFor.name, meeting.start, done.handedOver) };
    return { reply: say("attendance.checkedIn", done.institution.name, meeting.start) };
  },
};

export async function checkIn(services: Services, personId: string, meetingId: string, activityId?: string): Promise<Outcome> {
  const ran = await run(services, checkInCommand, { actorId: personId, activityId, input: { meetingId } });
  return ran.duplicate ? duplicateOutcome() : { ...ran.value, outbox: ran.outbox, changed: true };
}
