/**
 * "Keine Erinnerungen mehr" / "Erinnerungen wieder an" (and English): a person switches their own
 * reminders off or on. Recognised here, apart from bot/understand.ts, and answered through the
 * runner command services/set-reminders.ts.
 */
import { setReminders } from "../services/set-reminders.ts";
import { refusal, reply, type Turn, type TurnResult } from "./turn.ts";
import { normalize, type Lang } from "./understand.ts";

// Whole messages only (a polite word around them allowed), so "Erinnerungen an die Frist?" is no switch.
const OFF_DE = /^(?:(?:bitte|ich moechte|ich will|danke) )*(?:keine (?:weiteren )?erinnerungen(?: mehr)?|erinnerungen (?:bitte )?(?:aus|ausschalten|abschalten|abbestellen|stoppen|beenden))(?: bitte| danke)?$/;
const ON_DE = /^(?:(?:bitte|ich moechte|danke) )*(?:erinnerungen (?:bitte )?(?:wieder )?(?:an|ein|einschalten|anschalten)|wieder erinnerungen)(?: bitte| danke)?$/;
const OFF_EN = /^(?:(?:please|i want|i'd like|i would like|thanks) )*(?:no (?:more |further )?reminders|reminders off|stop (?:the |sending )?reminders|turn (?:the )?reminders off|turn off (?:the )?reminders|unsubscribe from reminders)(?: please| thanks)?$/;
const ON_EN = /^(?:(?:please|i want|i'd like|i would like|thanks) )*(?:reminders (?:back )?on|turn (?:the )?reminders (?:back )?on|turn on (?:the )?reminders|resume (?:the )?reminders|start (?:the )?reminders again)(?: please| thanks)?$/;

export interface ReminderSwitch {
  on: boolean;
  lang: Lang;
}

/** The switch a message asks for, or null when it is about something else. */
export function reminderSwitch(text: string): ReminderSwitch | null {
  const n = normalize(text).replace(/[.,!?:;]/g, " ").replace(/\s+/g, " ").trim();
  if (ON_DE.test(n)) return { on: true, lang: "de" };
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
