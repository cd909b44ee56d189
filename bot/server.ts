/**
 * The bot's HTTP endpoint: `POST /api/messages` for Bot Framework activities, `GET /` for a
 * health check. Node's own http server, shaped to what botbuilder's adapter expects.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Application, TeamsAdapter } from "./teams-ai.ts";
import { HEALTH, INVALID_JSON } from "../texts/cli.ts";

const MAX_BODY = 1_000_000;

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error("too large"));
      else chunks.push(c);
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
      } catch (e) {
        reject(e);
      }
    });
    req.on("error", reject);
  });
}

/** The small response surface botbuilder's adapter writes to. */
function responseFor(res: ServerResponse) {
  return {
    socket: res.socket,
    header: (name: string, value: unknown) => res.setHeader(name, String(value)),
    status: (code: number) => {
      res.statusCode = code;
    },
    send: (body?: unknown) => {
      if (body !== undefined && body !== null) {
        if (typeof body === "object") res.setHeader("content-type", "application/json");
        res.write(typeof body === "object" ? JSON.stringify(body) : String(body));
      }
    },
    end: () => res.end(),
  };
}

export function startServer(app: Application, adapter: TeamsAdapter, port: number, host = "0.0.0.0"): Promise<Server> {
  const server = createServer(async (req, res) => {
    if (req.method === "GET" && (req.url === "/" || req.url === "/health")) {
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(HEALTH.de);
      return;
    }
    if (req.method !== "POST" || !req.url?.startsWith("/api/messages")) {
      res.statusCode = 404;
      res.end();
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = await readJson(req);
    } catch {
      res.statusCode = 400;
      res.end(INVALID_JSON.de);
      return;
    }
    const request = { body, headers: req.headers as Record<string, string | string[] | undefined>, method: req.method };
    try {
      await adapter.process(request, responseFor(res), async (context) => {
        await app.run(context);
      });
    } catch {
      if (!res.headersSent) res.statusCode = 500;
    }
    if (!res.writableEnded) res.end();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
