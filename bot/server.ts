/**
 * The bot's HTTP endpoint: `POST /api/messages` for Bot Framework activities, `GET /` for a
 * health check. Node's own http server; botbuilder's adapter sees only requests that passed three
 * gates, each with its own status and a short generic body (issue 17):
 *
 * 1. the body is JSON of at most 1 MB with the shape of an activity (bot/activity-shape.ts): 413 / 400;
 * 2. the reply address is one this mode may answer: local mode only loopback (the Playground, tests),
 *    credential mode whatever the validated token vouches for (botbuilder checks its serviceurl claim): 400;
 * 3. the token: any failure of botbuilder's check — bad signature, alg none, expired, wrong audience,
 *    key endpoint unreachable — is 401.
 *
 * Responses never carry internal messages; the log gets one line per refusal or error with the
 * request id the response also names (`x-request-id`), the stack only at debug level.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import pino, { type Logger } from "pino";
import type { Application, TeamsAdapter } from "./teams-ai.ts";
import { activityShape, isLoopbackUrl } from "./activity-shape.ts";
import { HEALTH } from "../texts/cli.ts";
import { HTTP_BODY } from "../texts/limits.ts";

const MAX_BODY = 1_000_000;

export interface ServerOptions {
  /** Where the server's lines go; default: pino on stdout. */
  log?: Logger;
  /** `loopback` (local mode): answer only activities whose serviceUrl is on this machine. */
  replyTo?: "loopback" | "validated";
}

type Outcome = { status: number; body?: unknown; reason?: string; error?: unknown };

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new TooLarge());
        req.resume(); // read the rest away, so the 413 can still be sent
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A failure on the way to Teams' connector (refused, timed out, answered with an error), not in the bot. */
function connectorFailure(e: unknown): boolean {
  const err = e as { name?: string; code?: unknown; statusCode?: unknown } | null;
  return Boolean(err && (err.name === "RestError" || err.name === "AbortError" || typeof err.statusCode === "number" || (typeof err.code === "string" && /^E[A-Z]+/.test(err.code))));
}

async function handleActivity(app: Pick<Application, "run">, adapter: TeamsAdapter, req: IncomingMessage, replyTo: ServerOptions["replyTo"]): Promise<Outcome> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (e) {
    return e instanceof TooLarge ? { status: 413, body: HTTP_BODY.tooLarge, reason: "body.too-large" } : { status: 400, body: HTTP_BODY.badRequest, reason: "body.unreadable" };
  }
  const activity = activityShape(parseJson(text));
  if (!activity) return { status: 400, body: HTTP_BODY.badRequest, reason: "activity.malformed" };
  if (replyTo !== "validated" && !isLoopbackUrl(activity.serviceUrl)) return { status: 400, body: HTTP_BODY.badRequest, reason: "service-url.not-loopback" };
  const header = req.headers.authorization ?? "";
  let auth;
  try {
    auth = await adapter.authenticate(activity, header);
  } catch (error) {
    return { status: 401, body: HTTP_BODY.unauthorized, reason: "token.refused", error };
  }
  try {
    const invoke = await adapter.runAuthenticated(auth, activity, (context) => app.run(context).then(() => undefined));
    return { status: invoke?.status ?? 200, body: invoke?.body };
  } catch (error) {
    return connectorFailure(error)
      ? { status: 502, body: HTTP_BODY.badGateway, reason: "connector.failed", error }
      : { status: 500, body: HTTP_BODY.internal, reason: "turn.failed", error };
  }
}

function send(res: ServerResponse, outcome: Outcome): void {
  if (res.headersSent) return void res.end();
  res.statusCode = outcome.status;
  if (outcome.body === undefined || outcome.body === null) return void res.end();
  const json = typeof outcome.body === "object";
  res.setHeader("content-type", json ? "application/json" : "text/plain; charset=utf-8");
  res.end(json ? JSON.stringify(outcome.body) : String(outcome.body));
}

/** One line per refusal or error: what, the request id, the error's name and message; its stack at debug level only. */
function logOutcome(log: Logger, id: string, outcome: Outcome): void {
  if (!outcome.reason) return;
  const err = outcome.error as Error | undefined;
  const line = { requestId: id, status: outcome.status, ...(err ? { error: `${err.name}: ${err.message}`.slice(0, 300) } : {}) };
  if (outcome.status >= 500) log.error(line, outcome.reason);
  else log.warn(line, outcome.reason);
  if (err?.stack) log.debug({ requestId: id, stack: err.stack }, outcome.reason);
}

export function startServer(app: Pick<Application, "run">, adapter: TeamsAdapter, port: number, host = "127.0.0.1", options: ServerOptions = {}): Promise<Server> {
  const log = options.log ?? pino({ name: "lenkungsgruppe" });
  const server = createServer(async (req, res) => {
    const id = randomUUID();
    res.setHeader("x-request-id", id);
    let outcome: Outcome;
    if (req.method === "GET" && (req.url === "/" || req.url === "/health")) outcome = { status: 200, body: HEALTH.de };
    else if (req.method !== "POST" || !/^\/api\/messages\/?(\?|$)/.test(req.url ?? "")) outcome = { status: 404, body: HTTP_BODY.notFound };
    else {
      outcome = await handleActivity(app, adapter, req, options.replyTo).catch((error: unknown) => ({ status: 500, body: HTTP_BODY.internal, reason: "request.failed", error }));
    }
    logOutcome(log, id, outcome);
    send(res, outcome);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
