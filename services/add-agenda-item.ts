/** `/top [nicht-öffentlich] <Titel>` and `agenda add`: an item at the end of a meeting's agenda. */
import { z } from "zod";
import { limitedString } from "../domain/limits.ts";
import type { AgendaItem } from "../domain/model.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import type { Services } from "./context.ts";
import { alreadyHandled } from "./errors.ts";
import { findMeeting, MeetingError, nextAgendaNumber, type Checked } from "./meetings.ts";
import { manageMeetings } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { say } from "./say.ts";

const Input = z.object({ meetingId: z.string(), title: limitedString("title"), public: z.boolean() });
type Input = z.infer<typeof Input>;

export const addAgendaItemCommand: Command<Input, { item: AgendaItem; warnings: Said<SentenceCode>[] }> = {
  input: Input,
  may: manageMeetings,
  apply({ db, input, profile, audit }) {
    const title = input.title.trim();
    if (title === "") throw new MeetingError(say("meetings.NO_TITLE"), "invalid");
    const meeting = findMeeting(db, input.meetingId);
    if (meeting.state !== "planned" && meeting.state !== "invited") throw new MeetingError(say("meetings.AGENDA_CLOSED", meeting.id, meeting.state, profile), "invalid");
    const number = nextAgendaNumber(meeting);
    const ids = new Set(meeting.agenda.map((a) => a.id));
    let id = `${meeting.id}-top-${number}`;
    for (let n = 2; ids.has(id); n++) id = `${meeting.id}-top-${number}-${n}`;
    const item: AgendaItem = { id, number, title, public: input.public, proposalId: null, secondConvocation: false, postponed: false };
    meeting.agenda.push(item);
    audit("agenda.add", { meetingId: meeting.id, agendaItemId: id, number, title, public: input.public });
    // The invitation must show the agenda, so a change after it went out needs an update.
    const rule = profile.invitation;
    const warnings = meeting.state === "invited" ? [say("meetings.AGENDA_NEEDS_UPDATE", rule.regulated ? rule.citation : null)] : [];
    return { item, warnings };
  },
};

export async function addAgendaItem(services: Pick<Services, "store" | "profiles">, meetingId: string, title: string, isPublic: boolean, actorId: string, activityId?: string): Promise<Checked<AgendaItem>> {
  if (title.trim() === "") throw new MeetingError(say("meetings.NO_TITLE"), "invalid");
  const ran = await run({ ...services, clock: () => new Date() }, addAgendaItemCommand, { actorId, activityId, input: { meetingId, title, public: isPublic } });
  if (ran.duplicate) throw alreadyHandled();
  return { value: ran.value.item, warnings: ran.value.warnings };
}
