/** "Ich bin anwesend": self check-in during the session, on the meeting's day. */
import { z } from "zod";
import type { Texts } from "../domain/profile.ts";
import { checkedIn, memberAttends } from "../texts/attendance.ts";
import type { Services } from "./context.ts";
import { activeMeeting } from "./meetings.ts";
import { anyPerson } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { duplicateOutcome, seatAndAnswer, sessionDay, setPresent, when, type Outcome } from "./attendance.ts";

const Input = z.object({ meetingId: z.string() });
type Input = z.infer<typeof Input>;

export const checkInCommand: Command<Input, { reply: Texts }> = {
  input: Input,
  may: anyPerson,
  apply({ db, input: { meetingId }, actorId: personId, now, audit }) {
    const meeting = activeMeeting(db, meetingId);
    sessionDay(meeting, now);
    const { institution, before } = seatAndAnswer(db, personId, meetingId, (inst) => memberAttends(inst.name));
    setPresent(db, meetingId, institution.id, personId, true, now, personId, before);
    audit("attendance.checked-in", { meetingId, institutionId: institution.id, personId });
    return { reply: checkedIn(institution.name, when(meeting)) };
  },
};

export async function checkIn(services: Services, personId: string, meetingId: string, activityId?: string): Promise<Outcome> {
  const ran = await run(services, checkInCommand, { actorId: personId, activityId, input: { meetingId } });
  return ran.duplicate ? duplicateOutcome() : { ...ran.value, outbox: ran.outbox, changed: true };
}
