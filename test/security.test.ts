/**
 * Attacks over HTTP on /api/messages (issue 17), table-driven: a new case is one line. Each
 * checks what an attacker and the Geschäftsstelle would see: the status, a body that tells
 * nothing about the inside, the data file unchanged, nothing in the outbox, nothing sent.
 * Teams' connector is a stand-in on loopback (test/support/connector.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_BODY } from "../texts/limits.ts";
import { message, post, startConnector, type Connector } from "./support/connector.ts";
import { startSecurityBot, type SecurityBot } from "./support/security-bot.ts";

const GENERIC = new Set<string>(Object.values(HTTP_BODY));
/** What a response must never show: stack frames, paths, URLs, JS error names. */
const INTERNAL = /\bat \S+ \(|node_modules|\.ts\b|\.js\b|file:|https?:|Error\b|undefined|is not a function|Cannot /;

let connector: Connector;
let bot: SecurityBot;
const valid = (over: Record<string, unknown> = {}) => ({ ...message(connector, "Hallo", `m-${Math.random()}`), ...over });
const without = (key: string) => () => {
  const a: Record<string, unknown> = valid();
  delete a[key];
  return a;
};
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

/** [what, body (object, raw text, or made when run), expected status]. */
type Case = [string, unknown | (() => unknown), number];

const MALFORMED: Case[] = [
  ["empty body", "", 400],
  ["not JSON", "{nope", 400],
  ["JSON null", "null", 400],
  ["JSON array", "[]", 400],
  ["JSON number", "123", 400],
  ["JSON string", '"message"', 400],
  ["JSON true", "true", 400],
  ["empty object", {}, 400],
  ["nested 100 000 deep", deep(100_000), 400],
  ["type is a number", () => valid({ type: 123 }), 400],
  ["type is empty", () => valid({ type: "" }), 400],
  ["type is null", () => valid({ type: null }), 400],
  ["type is an array", () => valid({ type: ["message"] }), 400],
  ["type is 1 KB", () => valid({ type: "m".repeat(1000) }), 400],
  ["no type", without("type"), 400],
  ["no conversation", without("conversation"), 400],
  ["conversation is a string", () => valid({ conversation: "a:chat" }), 400],
  ["conversation without id", () => valid({ conversation: {} }), 400],
  ["conversation id is a number", () => valid({ conversation: { id: 5 } }), 400],
  ["conversation id is empty", () => valid({ conversation: { id: "" } }), 400],
  ["conversation id is 300 characters", () => valid({ conversation: { id: "c".repeat(300) } }), 400],
  ["no from", without("from"), 400],
  ["from is a string", () => valid({ from: "29:user" }), 400],
  ["from id is a number", () => valid({ from: { id: 5, aadObjectId: "00000000-0000-4000-8000-000000000011" } }), 400],
  ["from aadObjectId is a number", () => valid({ from: { id: "29:x", aadObjectId: 11 } }), 400],
  ["from aadObjectId is an object", () => valid({ from: { id: "29:x", aadObjectId: { $ne: null } } }), 400],
  ["from aadObjectId is 900 KB", () => valid({ from: { id: "29:x", aadObjectId: "a".repeat(900_000) } }), 400],
  ["from name is a number", () => valid({ from: { id: "29:x", name: 42 } }), 400],
  ["locale is a number", () => valid({ locale: 5 }), 400],
  ["locale is 1 KB", () => valid({ locale: "de".repeat(500) }), 400],
  ["id is a number", () => valid({ id: 5 }), 400],
  ["id is an object", () => valid({ id: { a: 1 } }), 400],
  ["id is 300 characters", () => valid({ id: "i".repeat(300) }), 400],
  ["id is 900 KB", () => valid({ id: "i".repeat(900_000) }), 400],
  ["text is a number", () => valid({ text: 5 }), 400],
  ["text is an object", () => valid({ text: { toLowerCase: 1 } }), 400],
  ["text is an array", () => valid({ text: ["hallo"] }), 400],
  ["text is 300 KB", () => valid({ text: "x".repeat(300_000) }), 400],
  ["no serviceUrl", without("serviceUrl"), 400],
  ["serviceUrl file:", () => valid({ serviceUrl: "file:///etc/passwd" }), 400],
  ["serviceUrl javascript:", () => valid({ serviceUrl: "javascript:alert(1)" }), 400],
  ["serviceUrl ftp:", () => valid({ serviceUrl: "ftp://127.0.0.1/" }), 400],
  ["serviceUrl not a URL", () => valid({ serviceUrl: "not a url" }), 400],
  ["serviceUrl a number", () => valid({ serviceUrl: 8080 }), 400],
  ["serviceUrl private network (local mode)", () => valid({ serviceUrl: "http://10.0.0.1/" }), 400],
  ["serviceUrl cloud metadata (local mode)", () => valid({ serviceUrl: "http://169.254.169.254/latest/" }), 400],
  ["serviceUrl on the Internet (local mode)", () => valid({ serviceUrl: "https://smba.trafficmanager.net/emea/" }), 400],
  ["serviceUrl 3 KB", () => valid({ serviceUrl: `http://127.0.0.1/${"p".repeat(3000)}` }), 400],
  ["no channelId", without("channelId"), 400],
  ["channelId is a number", () => valid({ channelId: 7 }), 400],
  ["recipient is a string", () => valid({ recipient: "28:bot" }), 400],
  ["recipient id is a number", () => valid({ recipient: { id: 28 } }), 400],
  ["membersAdded is a string", () => valid({ type: "conversationUpdate", membersAdded: "everyone" }), 400],
  ["membersAdded holds a number", () => valid({ type: "conversationUpdate", membersAdded: [5] }), 400],
  ["attachments is a string", () => valid({ attachments: "x" }), 400],
  ["attachment contentType is a number", () => valid({ attachments: [{ contentType: 5 }] }), 400],
  ["entities is an object", () => valid({ entities: { type: "mention" } }), 400],
  ["channelData is a string", () => valid({ channelData: "tenant" }), 400],
  ["channelData is an array", () => valid({ channelData: [] }), 400],
  ["timestamp is not a date", () => valid({ timestamp: "yesterday" }), 400],
  ["timestamp is a number", () => valid({ timestamp: 5 }), 400],
  ["invoke name is a number", () => valid({ type: "invoke", name: 5 }), 400],
  ["replyToId is an object", () => valid({ replyToId: {} }), 400],
  ["body over 1 MB", () => valid({ text: "x".repeat(1_100_000) }), 413],
];

const NOT_HERE: [string, string, string, number][] = [
  ["GET on the endpoint", "GET", "/api/messages", 404],
  ["PUT on the endpoint", "PUT", "/api/messages", 404],
  ["DELETE on the endpoint", "DELETE", "/api/messages", 404],
  ["POST elsewhere", "POST", "/api/other", 404],
  ["POST to a path beneath", "POST", "/api/messages/../../etc/passwd", 404],
  ["POST with a longer name", "POST", "/api/messagesX", 404],
];

beforeAll(async () => {
  connector = await startConnector();
  bot = await startSecurityBot();
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});

describe("malformed requests in local mode: 4xx with a generic body, nothing recorded, nothing sent", () => {
  it(`the table holds at least 60 cases (${MALFORMED.length + NOT_HERE.length})`, () => {
    expect(MALFORMED.length + NOT_HERE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(MALFORMED)("%s", async (_what, body, status) => {
    const before = bot.dataBytes();
    const res = await post(bot.url, typeof body === "function" ? (body as () => unknown)() : body);
    const text = await res.text();
    expect(res.status).toBe(status);
    expect(GENERIC.has(text)).toBe(true);
    expect(text).not.toMatch(INTERNAL);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(bot.dataBytes().equals(before)).toBe(true);
    expect(bot.outboxFiles()).toEqual([]);
    expect(connector.received).toEqual([]);
  });

  it.each(NOT_HERE)("%s", async (_what, method, path, status) => {
    const res = await fetch(bot.url.replace("/api/messages", path), { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
    expect(res.status).toBe(status);
    expect(await res.text()).not.toMatch(INTERNAL);
  });

  it("each refusal is one log line with its request id, without a stack at info level", async () => {
    const res = await post(bot.url, valid({ text: 5 }));
    const id = res.headers.get("x-request-id");
    const lines = bot.logLines.filter((l) => l.requestId === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "activity.malformed", status: 400 });
    expect(JSON.stringify(bot.logLines)).not.toContain("\"stack\"");
  });
});

describe("requests of the right shape that the bot does not serve", () => {
  it("an invoke the bot does not implement keeps the Bot Framework's 501", async () => {
    const res = await post(bot.url, valid({ type: "invoke", name: "composeExtension/query", value: { commandId: "x" } }));
    expect(res.status).toBe(501);
    expect(await res.text()).not.toMatch(INTERNAL);
  });

  it("an unknown activity type is taken (200) and changes nothing", async () => {
    const before = bot.dataBytes();
    const res = await post(bot.url, valid({ type: "somethingNew" }));
    expect(res.status).toBe(200);
    expect(bot.dataBytes().equals(before)).toBe(true);
  });
});

describe("a connector that takes the request and never answers", () => {
  it("the call is given up after the connector timeout: 502 with a generic body, not a request held open", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => undefined); // accepts, reads, never responds
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const target = await startSecurityBot({ adapter: { connectorTimeoutMs: 300 } });
    try {
      const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}/`;
      const res = await post(target.url, message(url, "Hallo", "silent-1"));
      expect(res.status).toBe(502);
      expect(await res.text()).toBe(HTTP_BODY.badGateway);
    } finally {
      await target.close();
      silent.closeAllConnections();
      silent.close();
    }
  });
});
