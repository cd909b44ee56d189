/**
 * "/anwesend Fuchs, Jäger, vom Jugendamt": the chair or the Geschäftsstelle names one or several
 * people or institutions; a name that fits more than one is asked back with a button per choice,
 * and nothing is recorded for it until one is pressed.
 */
import type { Meeting } from "../domain/model.ts";
import { matchNames, rolesOf } from "../services/directory.ts";
import { markPresence } from "../services/mark-presence.ts";
import { AMBIGUOUS_TITLE, ambiguousName, nameChoiceLabel } from "../texts/directory.ts";
import { card, type CardButton } from "./cards.ts";
import { refusal, reply, t, type Turn, type TurnResult } from "./turn.ts";

/** The card verb of a choice; its data carry the chosen id and whether present. */
export const PRESENCE_CHOICE = "presence.choose";
const MAX_CHOICES = 6;

export async function markNames(turn: Turn, meeting: Meeting, args: string, present: boolean): Promise<TurnResult> {
  const results: TurnResult[] = [];
  for (const [i, query] of namesIn(turn, args).entries()) {
    // One activity, several commands: the first keeps the id (a redelivery is recognised), the rest get their own.
    const activityId = turn.activityId && i > 0 ? `${turn.activityId}#${i}` : turn.activityId;
    results.push(await markOne({ ...turn, activityId }, meeting, query, present));
  }
  return { replies: results.flatMap((r) => r.replies), outbox: results.flatMap((r) => r.outbox) };
}

/** The whole text when it names one entry (names may hold commas and "und"), else its parts. */
function namesIn(turn: Turn, args: string): string[] {
  const parts = args.split(/\s*[,;]\s*|\s+(?:und|and|sowie)\s+/).map((s) => s.trim()).filter(Boolean);
  if (parts.length < 2) return [args.trim()];
  const whole = matchNames(turn.db, args);
  return whole.persons.length + whole.institutions.length > 0 ? [args.trim()] : parts;
}

async function markOne(turn: Turn, meeting: Meeting, query: string, present: boolean): Promise<TurnResult> {
  const m = matchNames(turn.db, query);
  const choices = [...m.persons.map((p) => ({ id: p.id, label: personLabel(turn, p.id, p.name) })), ...m.institutions.map((i) => ({ id: i.id, label: nameChoiceLabel(i.name, null) }))];
  if (choices.length > 1) {
    const buttons: CardButton[] = choices.slice(0, MAX_CHOICES).map((c) => ({ title: t(turn, c.label), verb: PRESENCE_CHOICE, data: { query: c.id, present, meetingId: meeting.id } }));
    const question = ambiguousName(query, choices.length, buttons.length);
    return reply(turn, question, card({ title: t(turn, AMBIGUOUS_TITLE), text: t(turn, question), buttons }));
  }
  try {
    const out = await markPresence(turn.services, turn.person.id, meeting.id, query, present, turn.activityId);
    return { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
  } catch (e) {
    return refusal(turn, e);
  }
}

function personLabel(turn: Turn, personId: string, name: string) {
  const roles = rolesOf(turn.db, personId);
  return nameChoiceLabel(name, (roles.member ?? roles.deputy)?.name ?? null);
}
