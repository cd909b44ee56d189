/**
 * Turns over HTTP: a Bot Framework activity posted to a server's /api/messages, timed until the
 * reply arrives at the loopback connector (bench/connector.ts, the activity's `serviceUrl`).
 * Helpers to start the servers as child processes.
 */
import { fork, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { projectFile } from "../adapters/project-files.ts";
import type { ChildStats } from "./child.ts";
import { ASKER } from "./data.ts";
import type { Connector } from "./connector.ts";

export interface Child {
  url: string;
  stats(): Promise<ChildStats>;
  stop(): void;
}

/** The servers run as `npm start` runs the bot: compiled (`npm run build`, which `npm run bench` does first). */
const CHILD = projectFile("dist", "bench", "child.js");
const SMTP_CHILD = projectFile("bench", "smtp-child.ts");

/** The Node options of the `start` script ("node --optimize-for-size dist/bot/main.js"), so the bench runs what is deployed. */
export function startNodeOptions(): string[] {
  const start = (JSON.parse(readFileSync(projectFile("package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const command = start.split("&&").at(-1)!.trim().split(/\s+/);
  return command.slice(1).filter((word) => word.startsWith("--"));
}

/** Starts `child.js <role> [file]` (or the SMTP server) and waits (at most 60 s) until it listens. */
export function startChild(role: "echo" | "bot" | "smtp", file?: string): Promise<Child> {
  const child: ChildProcess =
    role === "smtp"
      ? fork(SMTP_CHILD, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] })
      : fork(CHILD, file ? [role, file] : [role], { execArgv: startNodeOptions(), stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const reply = <T>(key: string, ms: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child ${role}: no ${key} within ${ms} ms`)), ms);
      const onMessage = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        clearTimeout(timer);
        child.off("message", onMessage);
        resolve(m as T);
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`child ${role} exited (${code})`)));
    });
  return reply<{ url: string }>("ready", 60_000).then(({ url }) => ({
    url,
    stats: async () => {
      const answer = reply<{ stats: ChildStats }>("stats", 10_000);
      child.send("stats");
      return (await answer).stats;
    },
    stop: () => void child.kill(),
  }));
}

let seq = 0;

/** A member's message as Teams delivers it (a new activity id every time, as in Teams). */
function activity(connector: Connector, text: string) {
  return {
    type: "message",
    id: `bench-${process.pid}-${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: connector.serviceUrl(0),
    from: { id: "29:teams-user-jugendamt", name: "Sabine Fuchs", aadObjectId: ASKER.aadObjectId },
    conversation: { id: "a:personal-chat-jugendamt", conversationType: "personal", tenantId: "00000000-0000-4000-8000-000000000000" },
    recipient: { id: "28:bot", name: "Lenkungsgruppe" },
    text,
    locale: "de-DE",
    channelData: { tenant: { id: "00000000-0000-4000-8000-000000000000" } },
  };
}

export const QUESTION = "Bis wann kann ich Themen anmelden?";

export interface TurnTime {
  /** Posted → the reply arrived at the connector: what the person waits for. */
  reply: number;
  /** Posted → the server answered the POST: the turn's whole work, including what runs after the reply. */
  done: number;
}

const REPLY_WAIT_MS = 10_000;

/** One turn, timed. The next turn starts only after the server has answered the POST. */
export async function turn(connector: Connector, url: string): Promise<TurnTime> {
  const body = activity(connector, QUESTION);
  const replied = connector.expect(0, body.id, REPLY_WAIT_MS);
  const start = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer();
  const done = performance.now() - start;
  if (res.status !== 200) throw new Error(`POST ${url}: HTTP ${res.status}`);
  const at = await replied;
  if (at === null) throw new Error(`no reply to ${body.id} within ${REPLY_WAIT_MS} ms`);
  return { reply: at - start, done };
}
