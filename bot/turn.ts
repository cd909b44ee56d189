/**
 * The shapes one conversation turn works with, shared by the journeys and the command handlers.
 * Nothing here knows Teams: bot/app.ts translates between these and Bot Framework activities.
 */
import type { Db, Meeting, Person } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import type { Services } from "../services/context.ts";
import { ServiceError } from "../services/errors.ts";
import { runMailOut, type MailOut } from "../services/runner.ts";
import { withChatHint } from "../texts/hints.ts";
import { words, type Said, type SentenceCode } from "../texts/catalog.ts";
import { meetingForRef } from "../services/meeting-lookup.ts";
import { meetingMissText } from "../texts/meetings.ts";
import { manageMeetings } from "../services/permissions.ts";
import type { AdaptiveCard } from "./cards.ts";
import type { Lang, MentionedDate } from "./understand.ts";

export interface Reply {
  text: string;
  card?: AdaptiveCard;
}

export interface TurnResult {
  replies: Reply[];
  /**
   * Outbox messages the turn recorded for other people (notices, the deputy's invitation mail,
   * the team channel's posts), sent right after the reply.
   */
  outbox: string[];
  /** Long work (the mail fan-out) that runs after the reply; its result goes to the same person, its outbox is sent with the turn's. */
  later?: () => Promise<{ replies: Reply[]; outbox: string[] }>;
}

/** What a mail-out run after the reply answers: its report, and the outbox messages it recorded (the team channel's post). */
export interface Sent {
  text: Texts;
  outbox: string[];
}

export interface Turn {
  services: Services;
  db: Db;
  person: Person;
  lang: Lang;
  now: Date;
  activityId?: string;
}

/** A sentence in the person's language, worded here when a service said it as a code. */
export function t(turn: { lang: Lang }, texts: Texts | Said<SentenceCode>): string {
  return words(texts)[turn.lang];
}

export function reply(turn: { lang: Lang }, texts: Texts | Said<SentenceCode>, card?: AdaptiveCard): TurnResult {
  return { replies: [{ text: t(turn, texts), card }], outbox: [] };
}

/** Turns a service's refusal into one clear sentence; anything else is a real error. */
export function refusal(turn: { lang: Lang }, e: unknown): TurnResult {
  if (e instanceof ServiceError) return reply(turn, withChatHint(words(e.said), e.field));
  throw e;
}

/** The meeting a message is about: a card's by id, the one on the mentioned date, else the next one. */
export function meetingFor(turn: Turn, ref: MentionedDate | { meetingId: string } | null): Meeting | TurnResult {
  const lookup = meetingForRef(turn.db, ref, turn.now);
  return lookup.found ? lookup.meeting : reply(turn, meetingMissText(lookup, manageMeetings.allows(turn.db, turn.person.id)));
}

export function isMeeting(x: Meeting | TurnResult): x is Meeting {
  return "agenda" in x;
}

/**
 * Says at once that work has started; the work's result follows as a second message. What the work
 * recorded for others (the team's channel, each member's Teams chat) goes out with the turn's outbox.
 */
export function afterReply(turn: { lang: Lang }, now: Texts, work: () => Promise<Texts | Sent>): TurnResult {
  const result = reply(turn, now);
  result.later = async () => {
    try {
      const done = await work();
      const sent = "outbox" in done ? done : { text: done, outbox: [] };
      return { replies: [{ text: t(turn, sent.text) }], outbox: sent.outbox };
    } catch (e) {
      return refusal(turn, e);
    }
  };
  return result;
}

/** Runs a mail-out as the person (services/runner.ts): its report in words, and what it recorded for others. */
export async function mailOut<I, R, S extends { text: Texts | Said<SentenceCode> }, B>(
  turn: Pick<Turn, "services" | "person">,
  command: MailOut<I, R, S, B>,
  input: I,
  options: { activityId?: string | undefined; words?: (sent: S) => Texts } = {},
): Promise<Sent> {
  const ran = await runMailOut(turn.services, command, { actorId: turn.person.id, activityId: options.activityId, input });
  return { text: options.words ? options.words(ran.value) : words(ran.value.text), outbox: ran.outbox };
}
