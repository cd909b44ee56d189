/** "/anwesend <Name>", "/abwesend <Name>": the chair or the Geschäftsstelle marks a member, deputy or institution present or absent. */
import { z } from "zod";
import { limitedString } from "../domain/limits.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import type { Services } from "./context.ts";
import { personById } from "./directory.ts";
import { activeMeeting } from "./meetings.ts";
import { recordAttendance } from "./permissions.ts";
import { say } from "./say.ts";
import { run, type Command } from "./runner.ts";
import { current, duplicateOutcome, setPresent, target, type Outcome } from "./attendance.ts";

const Input = z.object({ meetingId: z.string(), query: limitedString("name"), present: z.boolean() });
type Input = z.infer<typeof Input>;

export const markPresenceCommand: Command<Input, { reply: Said<SentenceCode> }> = {
  input: Input,
  may: recordAttendance,
  apply({ db, input: { meetingId, query, present }, actorId, now, audit }) {
    const meeting = activeMeeting(db, meetingId);
    const { person, institution } = target(db, query);
    const before = current(db, meetingId, institution.id);
    const attendee = person ?? personById(db, before?.attendeeId ?? institution.memberId);
    setPresent(db, meetingId, institution.id, attendee.id, present, now, actorId, before);
    audit(present ? "attendance.marked-present" : "attendance.marked-absent", { meetingId, institutionId: institution.id, personId: attendee.id });
    return { reply: present ? say("attendance.markedPresent", attendee.name, institution.name, meeting.start) : say("attendance.markedAbsent", attendee.name, institution.name) };
  },
};

export async function markPresence(services: Services, actorId: string, meetingId: string, query: string, present: boolean, activityId?: string): Promise<Outcome> {
  const ran = await run(services, markPresenceCommand, { actorId, activityId, input: { meetingId, query, present } });
  return ran.duplicate ? duplicateOutcome() : { ...ran.value, outbox: ran.outbox, changed: true };
}
