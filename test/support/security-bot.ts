/**
 * The bot over HTTP as bot/main.ts starts it, for the attacks in test/security*.test.ts: a fresh
 * demo data file with one planned meeting, e-mails as .eml files in the outbox folder, the log
 * caught line by line, replies to a connector on loopback (the stand-in for Teams' cloud).
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { fixedClock } from "../../adapters/clock.ts";
import { openJsonStore } from "../../adapters/json-store.ts";
import { outboxMailer } from "../../adapters/mail-transport.ts";
import { createApp } from "../../bot/app.ts";
import { startServer } from "../../bot/server.ts";
import { TeamsAdapter, type AdapterOptions } from "../../bot/teams-ai.ts";
import { profiles } from "./profiles.ts";
import { render } from "../../texts/catalog.ts";

export const NOW = "2022-04-01T09:00:00+02:00";
export const MEETING = { id: "s-2022-05-12", start: "2022-05-12T10:00:00+02:00", end: "2022-05-12T12:00:00+02:00", location: "Kreishaus Siegburg", mode: "in-person" as const, onlineUrl: null, state: "planned" as const, agenda: [], createdAt: NOW };
export const APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

export interface SecurityBot {
  url: string;
  dir: string;
  file: string;
  outbox: string;
  logLines: Record<string, unknown>[];
  server: Server;
  /** Waits for the work the turns started after their replies. */
  settle(): Promise<void>;
  dataBytes(): Buffer;
  outboxFiles(): string[];
  close(): Promise<void>;
}

export async function startSecurityBot(options: { credentials?: boolean; adapter?: AdapterOptions; replyTo?: "loopback" | "validated" } = {}): Promise<SecurityBot> {
  const dir = mkdtempSync(join(tmpdir(), "security-"));
  const file = join(dir, "db.json");
  const outbox = join(dir, "outbox");
  const clock = fixedClock(NOW);
  const store = openJsonStore(file, { clock });
  await store.update({ actorId: "test" }, (db) => void db.meetings.push(structuredClone(MEETING)));
  const services = { store, clock, mailer: outboxMailer(outbox), profiles, render };
  const credentials = options.credentials ? { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "not-a-real-secret", MicrosoftAppType: "MultiTenant" } : {};
  const adapter = new TeamsAdapter(credentials, options.adapter);
  const pending: Promise<void>[] = [];
  const app = createApp({ services, adapter, botAppId: options.credentials ? APP_ID : undefined, background: (work) => void pending.push(work().catch(() => undefined)) });
  const logLines: Record<string, unknown>[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  const server = await startServer(app, adapter, 0, "127.0.0.1", { log, replyTo: options.replyTo ?? (options.credentials ? "validated" : "loopback") });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    dir,
    file,
    outbox,
    logLines,
    server,
    settle: async () => {
      while (pending.length) await pending.shift();
    },
    dataBytes: () => readFileSync(file),
    outboxFiles: () => {
      try {
        return readdirSync(outbox);
      } catch {
        return [];
      }
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
