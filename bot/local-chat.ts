/**
 * One turn through the very same teams-ai Application without Teams: botbuilder's TestAdapter
 * carries a message activity in and collects the bot's activities, follow-ups included. Used by
 * the CLI's `chat` and by the conversation tests.
 */
import { ActivityTypes, TestAdapter, type Activity } from "botbuilder";
import type { Services } from "../services/context.ts";
import { createApp } from "./app.ts";
import { LOCAL_SENDER_EMAIL } from "./teams-members.ts";
import { cardToText, type AdaptiveCard } from "./cards.ts";

export interface ChatTurn {
  /**
   * The person's Teams identity; the CLI takes it from the roster. `email`: the roster's, so a
   * person not yet bound to Teams (no aadObjectId) is known too — only here, never from Teams.
   */
  from: { id: string; name: string; aadObjectId: string | null; email?: string | null };
  text?: string;
  /** Card button data, as an Action.Execute invoke would carry it ({ verb, … }). */
  action?: Record<string, unknown>;
  activityId?: string;
}

/** Runs one turn and returns everything the bot sent, in order (replies, then follow-ups). */
export async function chatTurn(services: Services, turn: ChatTurn): Promise<Partial<Activity>[]> {
  const pending: Promise<void>[] = [];
  const followUps: Partial<Activity>[] = [];
  const app = createApp({
    services,
    background: (work) => pending.push(work()),
    onFollowUps: (replies) => followUps.push(...replies.map((r) => ({ type: ActivityTypes.Message, text: r.text }))),
  });
  const adapter = new TestAdapter(async (context) => {
    if (turn.from.email) context.turnState.set(LOCAL_SENDER_EMAIL, turn.from.email);
    await app.run(context);
  });
  const activity: Partial<Activity> = turn.action
    ? { type: ActivityTypes.Invoke, name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: turn.action.verb, data: turn.action } } }
    : { type: ActivityTypes.Message, text: turn.text ?? "" };
  activity.id = turn.activityId ?? `local-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  activity.from = { id: turn.from.id, name: turn.from.name, aadObjectId: turn.from.aadObjectId ?? undefined };
  activity.channelId = "msteams";
  activity.conversation = { id: `local-${turn.from.id}`, isGroup: false, conversationType: "personal", name: "" };
  await adapter.processActivity(activity);
  await Promise.all(pending);
  const sent: Partial<Activity>[] = [];
  while (adapter.activeQueue.length) sent.push(adapter.activeQueue.shift()!);
  return [...sent.filter((a) => a.type === ActivityTypes.Message), ...followUps];
}

/** How a person reads the bot's activities: text, and cards as title, facts and [buttons]. */
export function activitiesToText(activities: Partial<Activity>[]): string {
  return activities
    .map((a) => {
      const cards = (a.attachments ?? []).map((att) => cardToText(att.content as AdaptiveCard));
      return [(a.text ?? "").replace(/\n\n/g, "\n"), ...cards].filter(Boolean).join("\n");
    })
    .join("\n\n");
}
