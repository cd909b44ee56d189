/**
 * "Keine Erinnerungen mehr" / "Erinnerungen wieder an" (and English): a person switches their own
 * reminders off or on. Recognised here, apart from bot/understand.ts, and answered through the
 * runner command services/set-reminders.ts.
 */
import { setReminders } from "../services/set-reminders.ts";
import { refusal, reply, type Turn, type TurnResult } from "./turn.ts";
import { normalize, type Lang } from "./understand.ts";

const OFF_DE = /\b(keine (weiteren )?erinnerungen|erinnerungen (bitte )?(aus|ausschalten|abschalten|abbestellen|stoppen|beenden))\b/;
const ON_DE = /\berinnerungen (bitte )?(wieder )?(an|ein|einschalten|anschalten)\b/;
const OFF_EN = /\b(no (more |further )?reminders|stop (the )?reminders|reminders off|turn off (the )?reminders|unsubscribe from reminders)\b/;
const ON_EN = /\b(reminders (back )?on|turn on (the )?reminders|resume (the )?reminders|start (the )?reminders again)\b/;

export interface ReminderSwitch {
  on: boolean;
  lang: Lang;
}

/** The switch a message asks for, or null when it is about something else. */
export function reminderSwitch(text: string): ReminderSwitch | null {
  const n = normalize(text).replace(/[.!?]+$/, "");
  if (n.startsWith("/") || n.split(" ").length > 8) return null;
  if (ON_DE.test(n) && !/\bkeine\b/.test(n)) return { on: true, lang: "de" };
  if (OFF_DE.test(n)) return { on: false, lang: "de" };
  if (ON_EN.test(n)) return { on: true, lang: "en" };
  if (OFF_EN.test(n)) return { on: false, lang: "en" };
  return null;
}

/** The turn for such a message, or null to let the conversation go on as usual. */
export function reminderSwitchTurn(turn: Turn, text: string | undefined): Promise<TurnResult> | null {
  const wanted = text ? reminderSwitch(text) : null;
  if (!wanted) return null;
  return setReminders(turn.services, turn.person.id, wanted.on, turn.activityId)
    .then((answer) => reply({ lang: wanted.lang }, answer))
    .catch((e: unknown) => refusal({ lang: wanted.lang }, e));
}
