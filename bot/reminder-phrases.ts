/**
 * "Keine Erinnerungen mehr" / "Erinnerungen wieder an" (and English): a person switches their own
 * reminders off or on. Recognised here, apart from bot/understand.ts, and answered through the
 * runner command services/set-reminders.ts.
 */
import { setReminders } from "../services/set-reminders.ts";
import { refusal, reply, type Turn, type TurnResult } from "./turn.ts";
import { normalize, type Lang } from "./understand.ts";

/** Whole messages only (with a polite word around them), so "Erinnerungen an die Frist?" is not a switch. */
const POLITE_DE = "(?:(?:bitte|ich moechte|ich will|ich brauche|danke) )*";
const POLITE_EN = "(?:(?:please|i want|i'd like|i would like|thanks) )*";
const whole = (polite: string, core: string) => new RegExp(`^${polite}(?:${core})(?: (?:bitte|please|danke|thanks))?$`);
const OFF_DE = whole(POLITE_DE, "keine (?:weiteren )?erinnerungen(?: mehr)?|erinnerungen (?:bitte )?(?:aus|ausschalten|abschalten|abbestellen|stoppen|beenden)");
const ON_DE = whole(POLITE_DE, "erinnerungen (?:bitte )?(?:wieder )?(?:an|ein|einschalten|anschalten)|wieder erinnerungen");
const OFF_EN = whole(POLITE_EN, "no (?:more |further )?reminders|reminders off|stop (?:the |sending )?reminders|turn (?:the )?reminders off|turn off (?:the )?reminders|unsubscribe from reminders");
const ON_EN = whole(POLITE_EN, "reminders (?:back )?on|turn (?:the )?reminders (?:back )?on|turn on (?:the )?reminders|resume (?:the )?reminders|start (?:the )?reminders again");

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
