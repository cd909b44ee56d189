/**
 * "Keine Erinnerungen mehr" / "Erinnerungen wieder an": a person switches their own reminders off
 * or on, kept on the person. Invitations are not reminders and always go out.
 */
import { z } from "zod";
import type { Said } from "../texts/catalog.ts";
import type { Services } from "./context.ts";
import { personById } from "./directory.ts";
import { anyPerson } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { say } from "./say.ts";

const Input = z.object({ on: z.boolean() });
type Input = z.infer<typeof Input>;

/** Each person for themselves only: the person is the actor. */
export const setRemindersCommand: Command<Input, Said<"reminders.remindersSwitchedText">> = {
  input: Input,
  may: anyPerson,
  apply({ db, input: { on }, actorId, audit }) {
    const person = personById(db, actorId);
    if (on) delete person.remindersOff;
    else person.remindersOff = true;
    audit(on ? "reminders.on" : "reminders.off", { personId: person.id });
    return say("reminders.remindersSwitchedText", on);
  },
};

/** The answer for the person; the same answer when Teams delivered the message again. */
export async function setReminders(services: Services, personId: string, on: boolean, activityId?: string): Promise<Said<"reminders.remindersSwitchedText">> {
  await run(services, setRemindersCommand, { actorId: personId, activityId, input: { on } });
  return say("reminders.remindersSwitchedText", on);
}
