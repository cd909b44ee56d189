/** "Persönliche Erklärung: … bitte ins Protokoll", "/erklärung <Name>: …": a personal statement for the minutes (Rhein-Sieg § 7 Abs. 1 GO). */
import { z } from "zod";
import { limitedString } from "../domain/limits.ts";
import type { Said } from "../texts/catalog.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Services } from "./context.ts";
import { personById } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import { findMeeting } from "./meetings.ts";
import { anyPerson, chairSession } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { itemOf } from "./session.ts";
import { say } from "./say.ts";
import { rolesOf } from "./directory.ts";
import { inMeeting } from "./meeting-presence.ts";
import type { Db } from "../domain/model.ts";

const Input = z.object({ meetingId: z.string(), text: limitedString("statement"), speakerId: z.string().nullable(), itemNumber: z.number().int().nullable() });
type Input = z.infer<typeof Input>;

/** Anyone for themselves; the chair (or the Geschäftsstelle) on someone's behalf. */
export const recordStatementCommand: Command<Input, Said<"session.statementRecorded">> = {
  input: Input,
  may: anyPerson,
  apply({ db, input: { meetingId, text, speakerId, itemNumber }, actorId, now, audit }) {
    const meeting = findMeeting(db, meetingId);
    const item = itemOf(meeting, itemNumber);
    const speaker = personById(db, speakerId ?? actorId);
    if (speaker.id !== actorId) chairSession.check(db, actorId);
    if (!presentNow(db, meetingId, speaker.id)) throw new ServiceError(say("meeting-events.notPresentForStatement", speaker.name), "conflict");
    const clean = text.trim();
    if (!clean) throw new ServiceError(say("session.EMPTY_STATEMENT"));
    db.personalStatements.push({ id: `e-${db.personalStatements.length + 1}`, meetingId, agendaItemId: item?.id ?? null, personId: speaker.id, text: clean, recordedAt: toBerlinIso(now) });
    audit("statement.recorded", { meetingId, personId: speaker.id, item: item?.number ?? null });
    return say("session.statementRecorded", speaker.name);
  },
};

/** Null when Teams delivered the same message again. */
export async function recordStatement(services: Services, actorId: string, meetingId: string, text: string, speakerId: string | null, itemNumber: number | null, activityId?: string): Promise<Said<"session.statementRecorded"> | null> {
  const ran = await run(services, recordStatementCommand, { actorId, activityId, input: { meetingId, text, speakerId, itemNumber } });
  return ran.duplicate ? null : ran.value;
}

/**
 * Personal statements come only from people present: checked in for their institution, or in the
 * Teams meeting now (a member whose deputy is counted, a guest). The chair and the Geschäftsstelle
 * run the session and are present by their office.
 */
function presentNow(db: Db, meetingId: string, personId: string): boolean {
  const roles = rolesOf(db, personId);
  if (roles.chair || roles.secretariat) return true;
  const seat = roles.member ?? roles.deputy;
  if (seat && db.attendance.some((a) => a.meetingId === meetingId && a.institutionId === seat.id && a.present && a.attendeeId === personId)) return true;
  const log = db.meetings.find((m) => m.id === meetingId)?.session;
  return log ? inMeeting(log).has(personId) : false;
}
