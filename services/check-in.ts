/** "Ich bin anwesend": self check-in during the session, on the meeting's day (the counting is presence.ts's). */
import { z } from "zod";
import type { Texts } from "../domain/profile.ts";
import { checkedIn, NO_SEAT } from "../texts/attendance.ts";
import { alreadyCheckedIn, deputyCheckedIn, institutionAlreadyRepresented } from "../texts/meeting-events.ts";
import type { Services } from "./context.ts";
import { ServiceError } from "./errors.ts";
import { activeMeeting } from "./meetings.ts";
import { anyPerson } from "./permissions.ts";
import { checkInPerson } from "./presence.ts";
import { run, type Command } from "./runner.ts";
import { duplicateOutcome, sessionDay, when, type Outcome } from "./attendance.ts";

const Input = z.object({ meetingId: z.string() });
type Input = z.infer<typeof Input>;

export const checkInCommand: Command<Input, { reply: Texts }> = {
  input: Input,
  may: anyPerson,
  apply({ db, input: { meetingId }, actorId: personId, now, audit }) {
    const meeting = activeMeeting(db, meetingId);
    sessionDay(meeting, now);
    const done = checkInPerson(db, meetingId, personId, now, personId, null);
    if (done.kind === "no-seat") throw new ServiceError(NO_SEAT, "forbidden");
    if (done.kind === "already") return { reply: alreadyCheckedIn(done.institution.name) };
    if (done.kind === "represented-by") return { reply: institutionAlreadyRepresented(done.institution.name, done.by?.name ?? "–") };
    audit("attendance.checked-in", { meetingId, institutionId: done.institution.id, personId, role: done.role, handedOver: done.handedOver });
    if (done.standsInFor) return { reply: deputyCheckedIn(done.institution.name, done.standsInFor.name, when(meeting), done.handedOver) };
    return { reply: checkedIn(done.institution.name, when(meeting)) };
  },
};

export async function checkIn(services: Services, personId: string, meetingId: string, activityId?: string): Promise<Outcome> {
  const ran = await run(services, checkInCommand, { actorId: personId, activityId, input: { meetingId } });
  return ran.duplicate ? duplicateOutcome() : { ...ran.value, outbox: ran.outbox, changed: true };
}
