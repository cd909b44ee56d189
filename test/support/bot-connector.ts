/**
 * A stand-in for Microsoft's cloud: the Bot Connector REST endpoints Teams serves a bot (its
 * `serviceUrl`), on loopback, built to the documented protocol (Bot Framework REST API v3 and the
 * Teams additions) so that the bot's botbuilder code — TeamsInfo and the adapter's
 * createConversationAsync — talks to it exactly as to Teams. It is the only stand-in in these
 * tests; it records every request so a test can assert what the bot asked for and sent.
 *
 *   GET  /v3/conversations/{id}/members/{memberId}                       one TeamsChannelAccount, 404 if not a member
 *   GET  /v3/conversations/{id}/pagedmembers?pageSize=&continuationToken=  { members, continuationToken? }
 *   POST /v3/conversations                                               create a 1:1 chat: { isGroup: false, bot, members: [{ id }],
 *                                                                        tenantId, channelData.tenant.id } → { id };
 *                                                                        403 when the app is not available to that user
 *   POST /v3/conversations/{id}/activities[/{replyToId}]                  send a message → { id }
 *
 * A conversation id is a personal chat, a team (its General channel has the team's id), a channel
 * thread (`{channel};messageid=…`) or a group chat; members of a team are its members' accounts.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A Teams user as the connector describes them (TeamsChannelAccount). */
export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  userPrincipalName: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: "user" | "guest";
}

export interface ConnectorRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

export interface BotConnector {
  url: string;
  tenantId: string;
  /** Every request the bot made, in order. */
  requests: ConnectorRequest[];
  /** Messages the bot sent, with the conversation they went to. */
  sent: { conversationId: string; activity: Record<string, unknown> }[];
  /** 1:1 chats the bot created: the conversation id and the user it is with. */
  created: { id: string; userId: string; body: Record<string, unknown> }[];
  /** Registers users in the directory (the tenant's people, guests included). */
  addUsers(users: TeamsUser[]): void;
  /** A team and who is in it (user ids). */
  addTeam(teamId: string, userIds: string[]): void;
  /** A personal chat a user opened with the bot. */
  addPersonalChat(conversationId: string, userId: string): void;
  /** A group chat (e.g. a meeting chat) with these users. */
  addGroupChat(conversationId: string, userIds: string[]): void;
  /** Users to whom the app is not available: creating a chat with them is refused with 403. */
  blockApp(userId: string): void;
  /** The next `n` member-list requests are refused (403), as while Teams is still adding the bot. */
  refuseMemberLists(n: number): void;
  /** Resolves once `predicate` holds for the sent messages (or rejects after `ms`). */
  waitUntil(predicate: () => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => resolve(body ? (JSON.parse(body) as Record<string, unknown>) : null));
  });
}

/** `pageLimit`: the connector returns at most this many members per page, whatever the bot asks (Teams may return fewer). */
export async function startBotConnector(options: { tenantId?: string; pageLimit?: number } = {}): Promise<BotConnector> {
  const tenantId = options.tenantId ?? "00000000-0000-4000-8000-00000000a000";
  const pageLimit = options.pageLimit ?? 500;
  const users = new Map<string, TeamsUser>();
  const conversations = new Map<string, string[]>();
  const blocked = new Set<string>();
  let refuseLists = 0;
  const requests: ConnectorRequest[] = [];
  const sent: BotConnector["sent"] = [];
  const created: BotConnector["created"] = [];

  const membersOf = (conversationId: string) => conversations.get(conversationId.split(";")[0]!) ?? null;
  const account = (u: TeamsUser) => ({ tenantId, userRole: "user", ...u });
  const error = (status: number, code: string, message: string) => ({ status, json: { error: { code, message } } });

  function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown> | null): { status: number; json: unknown } {
    let m = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/);
    if (method === "GET" && m) {
      const members = membersOf(decodeURIComponent(m[1]!));
      const id = decodeURIComponent(m[2]!);
      const user = members?.map((x) => users.get(x)!).find((u) => u.id === id || u.aadObjectId === id);
      return user ? { status: 200, json: account(user) } : error(404, "MemberNotFoundInConversation", "The member was not found in the conversation.");
    }
    m = path.match(/^\/v3\/conversations\/([^/]+)\/pagedmembers$/);
    if (method === "GET" && m) {
      const members = membersOf(decodeURIComponent(m[1]!));
      if (!members) return error(404, "ConversationNotFound", "Conversation not found.");
      if (refuseLists > 0 && refuseLists--) return error(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
      const size = Math.min(Number(query.pageSize ?? pageLimit) || pageLimit, pageLimit);
      const from = Number(query.continuationToken ?? 0);
      const page = members.slice(from, from + size).map((id) => account(users.get(id)!));
      const next = from + size < members.length ? String(from + size) : undefined;
      return { status: 200, json: next ? { members: page, continuationToken: next } : { members: page } };
    }
    if (method === "POST" && path === "/v3/conversations") {
      const memberId = (body?.members as { id?: string }[] | undefined)?.[0]?.id ?? "";
      const tenant = body?.tenantId ?? (body?.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      if (body?.isGroup !== false || !users.has(memberId) || tenant !== tenantId) return error(400, "BadArgument", "Invalid conversation parameters.");
      if (blocked.has(memberId)) return error(403, "Forbidden", "The bot is not installed for this user (the app is not available to them).");
      const id = `a:1on1-${memberId.replace(/\W/g, "")}`;
      conversations.set(id, [memberId]);
      created.push({ id, userId: memberId, body });
      return { status: 201, json: { id } };
    }
    m = path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/);
    if (method === "POST" && m) {
      const conversationId = decodeURIComponent(m[1]!);
      if (!membersOf(conversationId)) return error(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
      sent.push({ conversationId, activity: body ?? {} });
      return { status: 200, json: { id: `activity-${sent.length}` } };
    }
    return error(404, "NotFound", "No such endpoint.");
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const body = await readBody(req);
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? "", path: decodeURIComponent(url.pathname), query, body });
    const { status, json } = route(req.method ?? "", url.pathname, query, body);
    res.statusCode = status;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(json));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    tenantId,
    requests,
    sent,
    created,
    addUsers: (list) => list.forEach((u) => users.set(u.id, u)),
    addTeam: (teamId, ids) => void conversations.set(teamId, ids),
    addPersonalChat: (id, userId) => void conversations.set(id, [userId]),
    addGroupChat: (id, ids) => void conversations.set(id, ids),
    blockApp: (userId) => void blocked.add(userId),
    refuseMemberLists: (n) => void (refuseLists = n),
    waitUntil: async (predicate, ms = 10_000) => {
      const until = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`timed out; the bot sent ${sent.length} messages`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
