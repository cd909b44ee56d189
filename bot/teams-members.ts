/**
 * Who a Teams user is, asked of Teams itself through botbuilder's TeamsInfo (the connector's
 * members endpoints): the sender of a message the roster does not know yet, and every member of
 * the team the bot is installed in (all pages). The answers go to services/bind-identity.ts and
 * services/team-sync.ts, which bind people by e-mail.
 */
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from "botbuilder";
import type { Services } from "../services/context.ts";
import { bindTeamsUser, type TeamsAccount } from "../services/bind-identity.ts";
import { identify } from "../services/directory.ts";
import type { SyncInput } from "../services/team-sync.ts";
import type { Incoming } from "./conversation.ts";

/** Teams' largest page of team members (the connector accepts up to 500). */
const PAGE_SIZE = 500;

/** A member as the connector lists them, in the shape the binding takes. */
export function accountOf(m: TeamsChannelAccount): TeamsAccount {
  return { id: m.id, aadObjectId: m.aadObjectId ?? m.id, name: m.name ?? null, email: m.email ?? null, userPrincipalName: m.userPrincipalName ?? null };
}

/**
 * Set in the turn state by the local chat only (bot/local-chat.ts, the operator's own machine): the
 * roster e-mail of the person it speaks as. Never read from the wire, so Teams identity stays the object id.
 */
export const LOCAL_SENDER_EMAIL = Symbol("localSenderEmail");

/** The sender as the activity names them (Teams gives no e-mail in an activity). */
export function userOf(context: TurnContext): Incoming["user"] {
  const from = context.activity.from ?? {};
  const email: unknown = context.turnState.get(LOCAL_SENDER_EMAIL);
  return { aadObjectId: from.aadObjectId ?? null, name: from.name ?? null, email: typeof email === "string" ? email : null };
}

/**
 * The sender, bound to their roster person by e-mail when the roster does not know their Teams
 * id yet. `outbox`: the Geschäftsstelle's notice about someone unknown (once per Teams user).
 * Without a connector (command line, TestAdapter) or when Teams does not answer, the sender stays
 * as the activity names them.
 */
export async function identifiedSender(services: Services, context: TurnContext): Promise<{ user: Incoming["user"]; outbox: string[] }> {
  const user = userOf(context);
  const { activity } = context;
  if (!user.aadObjectId || activity.channelId !== "msteams" || !activity.serviceUrl) return { user, outbox: [] };
  if (identify(await services.store.read(), user)) return { user, outbox: [] };
  let member: TeamsChannelAccount;
  try {
    member = await TeamsInfo.getMember(context, activity.from.id);
  } catch {
    return { user, outbox: [] };
  }
  const found = await bindTeamsUser(services, { ...accountOf(member), aadObjectId: user.aadObjectId });
  return { user: found.bound ? { ...user, aadObjectId: found.bound.aadObjectId } : user, outbox: found.outbox };
}

/** Every member of the team, page by page as the connector hands them out. */
export async function teamMembers(context: TurnContext, teamId: string): Promise<TeamsAccount[]> {
  const all: TeamsAccount[] = [];
  let token: string | undefined;
  do {
    const page = await TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, token);
    all.push(...page.members.map(accountOf));
    token = page.continuationToken || undefined;
  } while (token);
  return all;
}

/**
 * The team an installation activity is about: its id, the tenant, the service URL, and its General
 * channel (in Teams the General channel's conversation id is the team id). Null outside a team.
 */
export function teamOf(context: TurnContext): SyncInput["team"] | null {
  const { activity } = context;
  const data = (activity.channelData ?? {}) as { team?: { id?: string; name?: string }; tenant?: { id?: string } };
  const teamId = data.team?.id;
  const tenantId = data.tenant?.id ?? activity.conversation?.tenantId;
  if (!teamId || !tenantId || !activity.serviceUrl) return null;
  return { teamId, name: data.team?.name ?? null, tenantId, serviceUrl: activity.serviceUrl, generalChannelId: teamId, botId: activity.recipient.id };
}

/** Whether a group chat or channel message @mentions the bot (Teams sends the bot no others, unless RSC grants more). */
export function mentionsBot(context: TurnContext): boolean {
  const { activity } = context;
  return (activity.entities ?? []).some((e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient.id);
}

/** A 1:1 chat (or the CLI and Playground, which give no type): where private answers and notices may go. */
export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return !type || type === "personal";
}
