/**
 * `/sitzung <Datum> <Zeit> <Ort>` and `meeting create`: a new meeting. Items postponed for lack of
 * quorum in the meeting before go onto its agenda as a second convocation, in the same change, so
 * the invitation carries the express reference (Rhein-Sieg § 6 Abs. 5 GO, by the profile).
 */
import { z } from "zod";
import { limitedString } from "../domain/limits.ts";
import { MeetingMode, type AgendaItem, type Db, type Meeting } from "../domain/model.ts";
import type { Services } from "./context.ts";
import type { Clock } from "../adapters/clock.ts";
import { toBerlinIso } from "../rules/time.ts";
import { alreadyHandled } from "./errors.ts";
import { checkMeeting, newMeetingId, type Checked, type MeetingInput } from "./meetings.ts";
import { manageMeetings } from "./permissions.ts";
import { run, type Command } from "./runner.ts";

export interface CreatedMeeting extends Checked<Meeting> {
  /** Postponed items of the meeting before, now on this agenda as a second convocation. */
  carried: AgendaItem[];
}

const Input = z.object({
  start: z.string(),
  end: z.string().optional(),
  location: limitedString("title").optional(),
  mode: MeetingMode.optional(),
  onlineUrl: limitedString("description").nullable().optional(),
});

export const createMeetingCommand: Command<MeetingInput, CreatedMeeting> = {
  input: Input,
  may: manageMeetings,
  apply({ db, input, now, profile, audit }) {
    const checked = checkMeeting(input, now, profile);
    const meeting: Meeting = { id: newMeetingId(db, new Date(checked.value.start)), ...checked.value, state: "planned", agenda: [], createdAt: toBerlinIso(now) };
    db.meetings.push(meeting);
    audit("meeting.create", { meetingId: meeting.id, start: meeting.start, end: meeting.end, location: meeting.location, mode: meeting.mode });
    const carried = carryPostponedItems(db, meeting);
    if (carried.items.length) audit("agenda.second-convocation", { meetingId: meeting.id, from: carried.from, items: carried.items.map((i) => i.title) });
    return { value: meeting, warnings: checked.warnings, carried: carried.items };
  },
};

export async function createMeeting(services: Pick<Services, "store" | "profiles">, input: MeetingInput, actorId: string, now: Date, activityId?: string): Promise<CreatedMeeting> {
  const clock: Clock = () => now;
  const ran = await run({ ...services, clock }, createMeetingCommand, { actorId, activityId, input });
  if (ran.duplicate) throw alreadyHandled();
  return ran.value;
}

/** Copies the postponed items of the meeting before `meeting` onto its agenda, flagged as a second convocation. */
function carryPostponedItems(db: Db, meeting: Meeting): { from: string | null; items: AgendaItem[] } {
  const previous = db.meetings
    .filter((m) => m.id !== meeting.id && m.state !== "cancelled" && m.start < meeting.start)
    .sort((a, b) => a.start.localeCompare(b.start))
    .at(-1);
  const items: AgendaItem[] = [];
  for (const item of previous?.agenda.filter((i) => i.postponed) ?? []) {
    if (meeting.agenda.some((i) => i.secondConvocation && i.title === item.title)) continue;
    const number = Math.max(0, ...meeting.agenda.map((i) => i.number)) + 1;
    const copy: AgendaItem = { ...item, id: `${meeting.id}-top-${number}`, number, secondConvocation: true, postponed: false };
    meeting.agenda.push(copy);
    items.push(copy);
  }
  return { from: previous?.id ?? null, items };
}
