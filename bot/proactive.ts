/**
 * Teams as the outbox's channel in a tenant: a person is reached in the 1:1 chat they started, or,
 * when they never wrote, in a 1:1 chat the bot opens itself as a member of their team (Bot
 * Connector "create conversation" with the user's id and the tenant; the new conversation is kept
 * like one they started). Announcements go to the team's General channel.
 *
 * When Teams refuses (403: the app is not available to that user) the outbox falls back to e-mail;
 * the person hears nothing about it, the Geschäftsstelle is told once why (services/team-sync.ts).
 */
import { CardFactory, TurnContext, type Activity, type ConversationParameters, type ConversationReference } from "botbuilder";
import type { TeamsAdapter } from "./teams-ai.ts";
import type { Services } from "../services/context.ts";
import { conversationRef, storeConversationRef } from "../services/conversation-state.ts";
import { rolesOf } from "../services/directory.ts";
import { TEAM_CHANNEL, type TeamsChannel, type TeamsExtras } from "../services/outbox.ts";
import { CARD_TITLE } from "../texts/cards.ts";
import { answerButtons, card } from "./cards.ts";
import { installation, oneToOneTarget, reportUnreachable } from "../services/team-sync.ts";
import { teamMembers } from "./teams-members.ts";

export interface ProactiveDeps {
  services: Services;
  adapter: TeamsAdapter;
  botAppId: string;
  /** Which connectors this channel may talk to (the command line without credentials: only this machine); absent: every one. */
  reaches?: (serviceUrl: string) => boolean;
}

/** Where a message to a person (or the team's channel) goes in Teams: a conversation that exists, or a 1:1 chat to open. */
type Destination =
  | { serviceUrl: string; reference: Partial<ConversationReference> }
  | { serviceUrl: string; open: { serviceUrl: string; tenantId: string; userId: string; botId: string } };

/** The team's General channel, else the person's stored 1:1 chat, else one the bot may open as a member of their team; null: not in Teams. */
async function destinationOf(services: Services, db: Parameters<typeof installation>[0], personId: string): Promise<Destination | null> {
  const team = installation(db);
  if (personId === TEAM_CHANNEL) {
    if (!team) return null;
    const channel = { id: team.generalChannelId, isGroup: true, conversationType: "channel", tenantId: team.tenantId, name: "" };
    return { serviceUrl: team.serviceUrl, reference: { channelId: "msteams", serviceUrl: team.serviceUrl, bot: { id: team.botId, name: "" }, conversation: channel } };
  }
  const stored = (await conversationRef(services, personId)) as Partial<ConversationReference> | null;
  if (stored) return { serviceUrl: stored.serviceUrl ?? "", reference: stored };
  const target = oneToOneTarget(db, personId);
  return team && target ? { serviceUrl: target.serviceUrl, open: { ...target, botId: team.botId } } : null;
}

/** The connector's answer, as the Geschäftsstelle reads it: status and Teams' own code and message. */
function reasonOf(e: unknown): string {
  const err = e as { statusCode?: number; code?: string; message?: string };
  const said = [err.statusCode, err.code !== String(err.statusCode) ? err.code : null, err.message].filter(Boolean).join(" ") || String(e);
  return said.replace(/[.\s]+$/, "");
}

/**
 * Runs `work` in a turn on `reference` and throws when it failed: the adapter would hand a failure
 * inside the callback to its turn-error handler instead, and the caller would think it was delivered.
 */
export async function continueWith(deps: Pick<ProactiveDeps, "adapter" | "botAppId">, reference: Partial<ConversationReference>, work: (ctx: TurnContext) => Promise<void>): Promise<void> {
  let failure: unknown = null;
  await deps.adapter.continueConversationAsync(deps.botAppId, reference, async (ctx) => {
    try {
      await work(ctx);
    } catch (e) {
      failure = e;
    }
  });
  if (failure) throw failure;
}

/** Opens a 1:1 chat with the user, sends the text, and returns where the chat is. */
async function openChat(deps: ProactiveDeps, target: { serviceUrl: string; tenantId: string; userId: string; botId: string }, text: string | Partial<Activity>): Promise<Record<string, unknown>> {
  const parameters = {
    isGroup: false,
    bot: { id: target.botId, name: "" },
    members: [{ id: target.userId, name: "" }],
    tenantId: target.tenantId,
    channelData: { tenant: { id: target.tenantId } },
  } as ConversationParameters;
  let reference: Partial<ConversationReference> | null = null;
  let failure: unknown = null;
  await deps.adapter.createConversationAsync(deps.botAppId, "msteams", target.serviceUrl, undefined as unknown as string, parameters, async (ctx) => {
    try {
      reference = TurnContext.getConversationReference(ctx.activity);
      await ctx.sendActivity(text);
    } catch (e) {
      failure = e;
    }
  });
  if (failure) throw failure;
  const { activityId: _none, ...where } = reference! as Record<string, unknown>;
  return { ...where, conversation: { ...(where.conversation as object), conversationType: "personal" } };
}

/** A reminder to answer carries the meeting's answer buttons (the same verbs as the invitation's card). */
function withButtons(db: Parameters<typeof rolesOf>[0], personId: string, text: string, extras?: TeamsExtras): string | Partial<Activity> {
  if (!extras?.answerButtons) return text;
  const { meetingId, lang } = extras.answerButtons;
  const buttons = answerButtons(lang, meetingId, Boolean(rolesOf(db, personId).member), db.meetings.find((m) => m.id === meetingId)?.mode);
  return { text, attachments: [CardFactory.adaptiveCard(card({ title: CARD_TITLE.yourAnswer[lang], buttons }))] };
}

/** `deps.services` carry the face's renderer (the Geschäftsstelle's notice of a refusal is worded with it). */
export function proactiveChannel(deps: ProactiveDeps): TeamsChannel {
  const { services } = deps;
  const told: string[] = [];
  // 403: Teams will not let the bot talk to this person (the app is not available to them). Anything
  // else (a network error, a throttled request) may pass: e-mail carries this message, nobody is marked.
  const refused = async (personId: string, e: unknown): Promise<never> => {
    if ((e as { statusCode?: number }).statusCode === 403) told.push(...(await reportUnreachable(services, personId, reasonOf(e))));
    throw e;
  };
  const send = async (personId: string, plain: string, extras?: TeamsExtras): Promise<boolean> => {
    const db = await services.store.read();
    const to = await destinationOf(services, db, personId);
    if (!to || (deps.reaches && !deps.reaches(to.serviceUrl))) return false;
    const text = withButtons(db, personId, plain, extras);
    if ("reference" in to) {
      // A refusal in the team's channel is not the person's: it is not reported as their being unreachable.
      const sent = continueWith(deps, to.reference, async (ctx) => void (await ctx.sendActivity(text)));
      await (personId === TEAM_CHANNEL ? sent : sent.catch((e) => refused(personId, e)));
      return true;
    }
    const opened = await openChat(deps, to.open, text).catch((e) => refused(personId, e));
    await storeConversationRef(services, personId, opened);
    return true;
  };
  const readTeam = async (team: { teamId: string; serviceUrl: string }) => {
    let members: unknown[] = [];
    const reference = { channelId: "msteams", serviceUrl: team.serviceUrl, conversation: { id: team.teamId, isGroup: true, conversationType: "channel", name: "" } };
    await continueWith(deps, reference, async (ctx) => {
      members = await teamMembers(ctx, team.teamId);
    });
    return members;
  };
  return Object.assign(send, { drain: () => told.splice(0), readTeam });
}
