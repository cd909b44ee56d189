/**
 * A process of its own for each thing the benchmark talks to (run compiled, from dist/, with the
 * Node options of `npm start`), so that servers and the driver do
 * not share one event loop (and the bot's memory is its own):
 *
 *   child.js echo          a bare teams-ai echo bot (the floor for a turn)
 *   child.js bot <file>    the bot as `npm start` builds it, on the data file `<file>` (with
 *                          BENCH_DATABASE_URL: on PostgreSQL, the body named after the file's folder)
 *
 * (The loopback SMTP server is smtp-child.ts: it uses the tests' smtp-server, so it runs from source.)
 *
 * Over IPC it sends `{ ready, url }` once listening and answers "stats" with its memory.
 * It exits when the parent goes away. Each role imports only what it needs, so the echo bot's
 * memory is teams-ai's own.
 */
import type { AddressInfo } from "node:net";
import { basename, dirname, join } from "node:path";
import type { Application } from "../bot/teams-ai.ts";

export interface ChildStats {
  rssMb: number;
  maxRssMb: number;
  heapMb: number;
}

const send = (message: unknown) => process.send?.(message);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function serve(role: string, file: string | undefined): Promise<string> {
  const { Application, TeamsAdapter } = await import("../bot/teams-ai.ts");
  const { ActivityTypes } = await import("botbuilder");
  const { startServer } = await import("../bot/server.ts");
  const adapter = new TeamsAdapter({});
  let app: Application;
  if (role === "echo") {
    // The same Application options as bot/app.ts, and nothing else.
    app = new Application({ adapter, botAppId: "", removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
    app.activity(ActivityTypes.Message, async (context) => {
      await context.sendActivity(context.activity.text);
    });
  } else if (role === "bot" && file) {
    const { openJsonStore } = await import("../adapters/json-store.ts");
    const { outboxMailer } = await import("../adapters/mail-transport.ts");
    const { createApp } = await import("../bot/app.ts");
    const { clock } = await import("./data.ts");
    const { loadProfiles } = await import("../adapters/profiles.ts");
    const { render } = await import("../texts/catalog.ts");
    // With --store postgres the bench copied the file into the body named after its folder.
    const url = process.env.BENCH_DATABASE_URL;
    const { openPgStore } = url ? await import("../adapters/pg-store.ts") : { openPgStore: null };
    const store = url && openPgStore
      ? openPgStore({ url, body: basename(dirname(file)), clock })
      : openJsonStore(file, { clock, onWarning: (m) => process.stderr.write(`${m}\n`) });
    await store.read(); // as bot/main.ts does before listening
    const services = { store, clock, mailer: outboxMailer(join(dirname(file), "outbox")), profiles: loadProfiles(), render };
    app = createApp({
      services,
      adapter,
      background: (work) => void work().catch((e) => process.stderr.write(`background work failed: ${e}\n`)),
      log: (m, e) => process.stderr.write(`${m}: ${e instanceof Error ? e.stack : String(e)}\n`),
    });
  } else {
    throw new Error(`usage: child.js echo | bot <file> (got ${role})`);
  }
  const server = await startServer(app, adapter, 0, "127.0.0.1");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}

process.on("disconnect", () => process.exit(0));
process.on("message", (message) => {
  if (message !== "stats") return;
  const { rss, heapUsed } = process.memoryUsage();
  const stats: ChildStats = { rssMb: mb(rss), maxRssMb: mb(process.resourceUsage().maxRSS * 1024), heapMb: mb(heapUsed) };
  send({ stats });
});

serve(process.argv[2] ?? "", process.argv[3]).then(
  (url) => send({ ready: true, url }),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
