/**
 * The loopback connector the bench's bots reply to (the Bot Framework connector in Teams' cloud is
 * the one thing stood in for): it answers every reply as the connector does and notes when the
 * first reply to each activity arrived. Each bot instance `n` gets its own `serviceUrl` path
 * (`/i<n>/`), so one connector tells the replies of several instances apart (the burst's two; the
 * turns use instance 0).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

export interface Connector {
  /** The `serviceUrl` for activities delivered to instance `n`. */
  serviceUrl(n: number): string;
  /** Resolves with the arrival time of the first reply to `activityId` from instance `n`, or null after `ms`. */
  expect(n: number, activityId: string, ms: number): Promise<number | null>;
  close(): Promise<void>;
}

export async function startConnector(): Promise<Connector> {
  const waiters = new Map<string, (at: number) => void>();
  // A reply that came before anyone waited for it (the burst posts first, then waits).
  const early = new Map<string, number>();
  let replies = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const at = performance.now();
      const m = req.url?.match(/^\/i(\d+)\/v3\/conversations\/[^/]+\/activities/);
      if (req.method !== "POST" || !m) {
        res.statusCode = 404;
        return void res.end();
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ id: `reply-${++replies}` }));
      const { replyToId } = JSON.parse(body || "{}") as { replyToId?: string };
      if (!replyToId) return;
      const key = `${m[1]}|${replyToId}`;
      const waiter = waiters.get(key);
      if (waiter) waiter(at);
      else if (!early.has(key)) early.set(key, at);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: (n) => `${base}/i${n}/`,
    expect: (n, activityId, ms) => {
      const key = `${n}|${activityId}`;
      const at = early.get(key);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(key);
          resolve(null);
        }, ms);
        waiters.set(key, (t) => {
          clearTimeout(timer);
          waiters.delete(key);
          resolve(t);
        });
      });
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
