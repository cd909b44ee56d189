/**
 * The Teams edge: a @microsoft/teams-ai Application that turns Bot Framework activities into
 * `converse` calls and the results back into messages and cards. Nothing outside bot/ imports
 * teams-ai, so the rules, storage and mail code stay framework-free.
 */
import { words } from "../texts/catalog.ts";
import { Application, TeamsAdapter } from "./teams-ai.ts";
import { ActivityTypes, CardFactory, TurnContext, type ConversationReference } from "botbuilder";
import type { Services } from "../services/context.ts";
import { sendRecordedInvitations } from "../services/invitations.ts";
import { card, type AdaptiveCard } from "./cards.ts";
import { converse, type Incoming } from "./conversation.ts";
import { deliverySummaryFor } from "./notify.ts";
import { dispatchNotices } from "../services/outbox.ts";
import { continueWith as continueOn, proactiveChannel } from "./proactive.ts";
import { identifiedSender, isPersonalChat, mentionsBot, teamMembers, teamOf, userOf } from "./teams-members.ts";
import { forgetTeam, installation, rememberTeam, syncTeamMembers } from "../services/team-sync.ts";
import type { Reply, TurnResult } from "./turn.ts";
import { keepingConversation } from "../services/conversation-state.ts";
import { ANSWERED_FALLBACK } from "../texts/cards.ts";
import { TURN_FAILED } from "../texts/chat.ts";
import { registerMeetingEvents } from "./meeting-events.ts";

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
    // In a group chat or channel the bot answers only when @mentioned (teams-ai strips the mention) or a card of its own was submitted.
    if (!isPersonalChat(context) && !mentionsBot(context) && !value) return;
    const text = (activity.text ?? "").replace(/&nbsp;/g, " ").trim();
    await handle(deps, context, { activityId: activity.id, user: userOf(context), text, value });
  });

  app.adaptiveCards.actionExecute(/.*/, async (context, _state, data) => {
    const verb = (context.activity.value as { action?: { verb?: string } })?.action?.verb ?? "";
    const result = await handle(deps, context, { activityId: context.activity.id, user: userOf(context), text: "", value: { ...(data as object), verb } });
    return answeredCard(result);
  });

  app.conversationUpdate("membersAdded", async (context) => {
    const added = context.activity.membersAdded ?? [];
    if (added.some((m) => m.id === context.activity.recipient.id) && teamOf(context)) return installed(deps, context);
    if (isPersonalChat(context) && added.some((m) => m.id !== context.activity.recipient.id)) {
      await handle(deps, context, { user: userOf(context), text: "", value: null, welcome: true });
    }
  });

  registerMeetingEvents(app, deps);
  app.conversationUpdate("membersRemoved", async (context) => {
    const team = teamOf(context);
    if (team && (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id)) await forgetTeam(deps.services, team.teamId);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const team = teamOf(context);
    if (!team) return;
    if (context.activity.action === "remove") await forgetTeam(deps.services, team.teamId);
    else await installed(deps, context);
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

/**
 * Installed in a team (Teams sends both a conversationUpdate and an installationUpdate): read the
 * team's members, bind them by e-mail, keep the team, tell the Geschäftsstelle who is where.
 */
async function installed(deps: AppDeps, context: TurnContext): Promise<void> {
  const team = teamOf(context)!;
  const known = installation(await deps.services.store.read());
  if (known?.teamId === team.teamId && known.membersRead) return;
  const send = (ids: string[]) => deps.background(async () => void (await dispatchNotices(deps.services, ids, deps.services.teams ?? null)));
  let members: unknown[];
  try {
    members = await teamMembers(context, team.teamId);
  } catch (e) {
    // No error post in the team's channel: the team is kept, the Geschäftsstelle asked for "/abgleich".
    deps.log?.("teams.sync-failed", e);
    return send(await rememberTeam(deps.services, team));
  }
  const ran = await syncTeamMembers(deps.services, "system", { team, members }, context.activity.id);
  if (!ran.duplicate) send(ran.outbox);
}

async function handle(deps: AppDeps, context: TurnContext, given: Incoming): Promise<TurnResult> {
  const { services } = deps;
  const sender = await identifiedSender(services, context);
  const incoming = { ...given, user: { ...given.user, aadObjectId: sender.user.aadObjectId } };
  if (sender.outbox.length) deps.background(async () => void (await dispatchNotices(services, sender.outbox, services.teams ?? null)));
  const reference = TurnContext.getConversationReference(context.activity);
  // Where the sender is reached goes into the turn's own change; the reply (a card's invoke response) does not wait for it.
  const kept = await keepingConversation(services, incoming.user, reference as unknown as Record<string, unknown>);
  const result = await converse(kept.services, incoming);
  await sendReplies(context, result.replies);
  deps.background(async () => {
    // The turn's follow-up work (its messages, a mail-out) runs even if writing the reference fails; that error is still logged.
    let writer = kept.writer;
    try {
      writer = await kept.remember();
    } finally {
      if (writer) await afterTurn(deps, result, reference, writer);
    }
  });
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
 * After the reply: the invitation mails the turn recorded (the deputy's), long work, then the
 * other outbox messages — those even when the work before failed, so no notice waits for a retry
 * because of it; what the sender should know comes back proactively.
 */
async function afterTurn(deps: AppDeps, result: TurnResult, reference: Partial<ConversationReference>, writer: { personId: string; lang: "de" | "en" }): Promise<void> {
  const { lang } = writer;
  const { services } = deps;
  const followUps: Reply[] = [];
  const outbox = [...result.outbox];
  try {
    for (const told of await sendRecordedInvitations(services, outbox)) followUps.push({ text: words(told)[lang] });
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
 * go to other people's conversations (not in the Playground, see `proactiveToOthers`). The
 * services come with the bot's wording (Services.render) from where they were opened.
 */
function withTeamsChannel(deps: AppDeps): AppDeps {
  const teams = deps.adapter && deps.proactiveToOthers !== false ? proactiveChannel({ services: deps.services, adapter: deps.adapter, botAppId: deps.botAppId ?? "" }) : null;
  return { ...deps, services: { ...deps.services, teams } };
}

function continueWith(deps: AppDeps, reference: Partial<ConversationReference>, send: (ctx: TurnContext) => Promise<void>): Promise<void> {
  return continueOn({ adapter: deps.adapter!, botAppId: deps.botAppId ?? "" }, reference, send);
}
