/**
 * A Bot Framework connector on loopback: the bot posts its replies here (the `serviceUrl` of the
 * activities we send it), as Teams' connector service would receive them in the cloud.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Connector {
  url: string;
  /** Activities the bot sent, with the conversation they were sent to. */
  received: { conversationId: string; activity: Record<string, unknown> }[];
  /** Resolves once `count` activities have arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** `refuse`: conversations the connector answers with 403, as Teams does when the bot was removed. */
export async function startConnector(options: { refuse?: (conversationId: string) => boolean } = {}): Promise<Connector> {
  const received: Connector["received"] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const m = req.url?.match(/\/v3\/conversations\/([^/]+)\/activities/);
      if (req.method === "POST" && m && options.refuse?.(decodeURIComponent(m[1]!))) {
        res.statusCode = 403;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." } }));
        return;
      }
      if (req.method === "POST" && m) {
        received.push({ conversationId: decodeURIComponent(m[1]!), activity: JSON.parse(body || "{}") });
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ id: `reply-${received.length}` }));
        return;
      }
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    waitFor: async (count, ms = 10_000) => {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} activities, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Two people of the demo roster as Teams names them, each with a 1:1 chat. */
export const USERS = {
  jugendamt: { id: "29:teams-user-jugendamt", name: "Sabine Fuchs", aadObjectId: "00000000-0000-4000-8000-000000000011", conversation: "a:personal-chat-jugendamt" },
  secretariat: { id: "29:teams-user-gs", name: "Miriam Özdemir", aadObjectId: "00000000-0000-4000-8000-000000000035", conversation: "a:personal-chat-gs" },
};

/** A message activity as Teams sends it, answered at `connector`. */
export function message(connector: Connector | string, text: string, id: string, user: { id: string; name: string; aadObjectId: string; conversation: string } = USERS.jugendamt) {
  return {
    type: "message",
    id,
    timestamp: "2022-04-01T07:00:00.000Z",
    channelId: "msteams",
    serviceUrl: typeof connector === "string" ? connector : connector.url,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: user.conversation, conversationType: "personal", tenantId: "00000000-0000-4000-8000-000000000000" },
    recipient: { id: "28:bot", name: "Lenkungsgruppe" },
    text,
    locale: "de-DE",
    channelData: { tenant: { id: "00000000-0000-4000-8000-000000000000" } },
  };
}

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
