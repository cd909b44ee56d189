/**
 * The Teams edge: a @microsoft/teams-ai Application that turns Bot Framework activities into
 * `converse` calls and the results back into messages and cards. Nothing outside bot/ imports
 * teams-ai, so the rules, storage and mail code stay framework-free.
 */
import { Application, TeamsAdapter } from "./teams-ai.ts";
import { ActivityTypes, CardFactory, TurnContext, type ConversationReference } from "botbuilder";
import type { Services } from "../services/context.ts";
import { sendDelegatedInvitation } from "../services/invitations.ts";
import { card, type AdaptiveCard } from "./cards.ts";
import { converse, type Incoming } from "./conversation.ts";
import { deliverySummaryFor, teamsChannel, type TeamsSender } from "./notify.ts";
import { dispatchNotices } from "../services/outbox.ts";
import type { Reply, TurnResult } from "./turn.ts";
import { rememberConversation } from "../services/conversation-state.ts";
import { ANSWERED_FALLBACK } from "../texts/cards.ts";
import { TURN_FAILED } from "../texts/chat.ts";

export interface AppDeps {
  services: Services;
  /** Omit for tests and the CLI, which drive `app.run` through their own adapter. */
  adapter?: TeamsAdapter;
  botAppId?: string;
  /** Runs work after the reply; tests and the CLI pass one that they can await. */
  background: (work: () => Promise<void>) => void;
  log?: (message: string, error?: unknown) => void;
  /** Without a Teams adapter (CLI, tests), follow-up messages are handed here instead. */
  onFollowUps?: (replies: Reply[]) => void;
  /**
   * Whether notices may go to other people's stored Teams conversations. Off in the Playground,
   * where every user shares one emulated chat, so a notice for the Geschäftsstelle would land in
   * the member's window; they go by e-mail there.
   */
  proactiveToOthers?: boolean;
}

export function createApp(given: AppDeps): Application {
  const deps = withTeamsChannel(given);
  const app = new Application({
    adapter: deps.adapter,
    botAppId: deps.botAppId ?? "",
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const activity = context.activity;
    const value = activity.value && typeof activity.value === "object" ? (activity.value as Record<string, unknown>) : null;
    await handle(deps, context, { activityId: activity.id, user: userOf(context), text: activity.text ?? "", value });
  });

  app.adaptiveCards.actionExecute(/.*/, async (context, _state, data) => {
    const verb = (context.activity.value as { action?: { verb?: string } })?.action?.verb ?? "";
    const result = await handle(deps, context, { activityId: context.activity.id, user: userOf(context), text: "", value: { ...(data as object), verb } });
    return answeredCard(result);
  });

  app.conversationUpdate("membersAdded", async (context) => {
    const added = context.activity.membersAdded ?? [];
    if (added.some((m) => m.id !== context.activity.recipient.id)) {
      await handle(deps, context, { user: userOf(context), text: "hallo", value: null });
    }
  });

  app.error(async (context, error) => {
    deps.log?.("turn failed", error);
    await context.sendActivity(TURN_FAILED.de);
  });
  return app;
}

/**
 * Teams replaces the clicked card with this one (for the person who clicked): the outcome's first
 * line, without buttons, so an answered card cannot be pressed again by mistake. The full answer,
 * with a fresh card where there is something left to choose, follows as a message.
 */
function answeredCard(result: TurnResult): AdaptiveCard {
  return card({ title: result.replies[0]?.text.split("\n")[0] || ANSWERED_FALLBACK });
}

function userOf(context: TurnContext): Incoming["user"] {
  const from = context.activity.from ?? {};
  return { aadObjectId: from.aadObjectId ?? null, name: from.name ?? null, email: null };
}

async function handle(deps: AppDeps, context: TurnContext, incoming: Incoming): Promise<TurnResult> {
  const { services } = deps;
  const result = await converse(services, incoming);
  await sendReplies(context, result.replies);
  const reference = TurnContext.getConversationReference(context.activity);
  const writer = await rememberConversation(services, incoming.user, reference as unknown as Record<string, unknown>);
  if (!writer) return result;
  deps.background(() => afterTurn(deps, result, reference, writer));
  return result;
}

async function sendReplies(context: TurnContext, replies: Reply[]): Promise<void> {
  for (const r of replies) {
    // Teams renders message text as Markdown, where a single line break is not shown.
    const text = r.text.replace(/\n/g, "\n\n");
    await context.sendActivity(r.card ? { text, attachments: [CardFactory.adaptiveCard(r.card)] } : text);
  }
}

/**
 * After the reply: the deputy's invitation, long work, then the outbox messages the turn recorded —
 * those even when the work before failed, so no notice waits for a retry because of it; what the
 * sender should know comes back proactively.
 */
async function afterTurn(deps: AppDeps, result: TurnResult, reference: Partial<ConversationReference>, writer: { personId: string; lang: "de" | "en" }): Promise<void> {
  const { lang } = writer;
  const { services } = deps;
  const followUps: Reply[] = [];
  const outbox = [...result.outbox];
  try {
    if (result.deputyInvitation) {
      const sent = await sendDelegatedInvitation(services, result.deputyInvitation.meetingId, result.deputyInvitation.memberId);
      if (sent.sent) followUps.push({ text: sent.text[lang] });
    }
    if (result.later) {
      const later = await result.later();
      followUps.push(...later.replies);
      outbox.push(...later.outbox);
    }
  } finally {
    const summary = await deliverySummaryFor(services, writer.personId, await dispatchNotices(services, outbox, services.teams ?? null), lang);
    if (summary) followUps.push({ text: summary });
    if (followUps.length && deps.adapter) {
      await continueWith(deps, reference, (ctx) => sendReplies(ctx, followUps));
    }
    deps.onFollowUps?.(followUps);
  }
}

/**
 * The services with Teams as the outbox's channel, where there is a Teams adapter and notices may
 * go to other people's conversations (not in the Playground, see `proactiveToOthers`).
 */
function withTeamsChannel(deps: AppDeps): AppDeps {
  const teams = deps.adapter && deps.proactiveToOthers !== false ? teamsChannel(deps.services, teamsSender(deps)) : null;
  return { ...deps, services: { ...deps.services, teams } };
}

function teamsSender(deps: AppDeps): TeamsSender {
  return (reference, text) => continueWith(deps, reference as Partial<ConversationReference>, async (ctx) => void (await ctx.sendActivity(text)));
}

/**
 * Sends into a stored conversation and throws when Teams refuses. The adapter would hand a failure
 * inside the callback to its turn-error handler instead, and the caller would think it was delivered.
 */
async function continueWith(deps: AppDeps, reference: Partial<ConversationReference>, send: (ctx: TurnContext) => Promise<void>): Promise<void> {
  let failure: unknown = null;
  await deps.adapter!.continueConversationAsync(deps.botAppId ?? "", reference, async (ctx) => {
    try {
      await send(ctx);
    } catch (e) {
      failure = e;
    }
  });
  if (failure) throw failure;
}
