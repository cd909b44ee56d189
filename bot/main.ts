/**
 * `npm start`: the bot's HTTP endpoint and, in local mode (no Microsoft app credentials), the
 * Agents Playground with the demo members as its users. Environment as in README.md.
 */
import { dirname, join, resolve } from "node:path";
import { TeamsAdapter } from "./teams-ai.ts";
import pino from "pino";
import { clockFromEnv } from "../adapters/clock.ts";
import { loadProfiles } from "../adapters/profiles.ts";
import { checkBodyProfile } from "../services/context.ts";
import { openBodyServices } from "../services/open-services.ts";
import { createApp } from "./app.ts";
import { routedApp } from "./body-routing.ts";
import { proactiveChannel } from "./proactive.ts";
import { startReminderTimer } from "./reminder-timer.ts";
import { PLAYGROUND_PORT, startPlayground } from "./playground.ts";
import { startServer } from "./server.ts";
import { settingsFromEnv } from "./settings.ts";
import { playgroundStarting, startFailed } from "../texts/cli.ts";
import { render } from "../texts/catalog.ts";

const log = pino({ name: "lenkungsgruppe" });

/** One line per error (name and message); the stack only at debug level. */
function logError(message: string, e: unknown): void {
  const err = e as Error | undefined;
  log.error({ error: `${err?.name}: ${err?.message}`.slice(0, 300) }, message);
  if (err?.stack) log.debug({ stack: err.stack }, message);
}

async function main(): Promise<void> {
  const settings = settingsFromEnv(process.env);
  const profiles = loadProfiles(); // a broken profile stops the bot before it answers anyone
  const clock = clockFromEnv();
  // With DATABASE_URL each activity goes to its body's services; LG_BODY's take what cannot be routed.
  const bodies = openBodyServices({ db: settings.db, clock, mail: settings.mail, onWarning: (m) => log.warn(m), profiles, render });
  const services = bodies.fallback;
  const { mailer } = services;
  const db = await services.store.read();
  for (const body of await bodies.every()) await checkBodyProfile(body); // a body naming an unknown profile stops the start, not a turn
  const adapter = new TeamsAdapter(settings.credentials ?? {});
  const app = routedApp(bodies, (services) => createApp({
    services,
    adapter,
    botAppId: settings.credentials?.MicrosoftAppId,
    background: (work) => void work().catch((e) => logError("background work failed", e)),
    log: logError,
    proactiveToOthers: Boolean(settings.credentials) || !settings.playground,
  }), { unrouted: (what) => log.warn(what, "teams.installation-unrouted") }); // README: PostgreSQL
  const server = await startServer(app, adapter, settings.port, settings.host, { log, replyTo: settings.credentials ? "validated" : "loopback" });
  log.info({ host: settings.host, port: settings.port, db: settings.db, mail: mailer.target, mode: settings.credentials ? "azure" : "local" }, "bot listening on /api/messages");
  const playground = !settings.credentials && settings.playground
    ? startPlayground(db, { dir: join(dirname(resolve(settings.db)), "playground"), botPort: settings.port, currentPersonId: settings.playgroundUser })
    : null;
  if (playground) log.info(playgroundStarting(settings.playgroundUser, PLAYGROUND_PORT).de);
  const proactive = Boolean(settings.credentials) || !settings.playground;
  const reminders = startReminderTimer(bodies, (s) => (proactive ? proactiveChannel({ services: s, adapter, botAppId: settings.credentials?.MicrosoftAppId ?? "" }) : null), {
    sent: (body, sent) => log.info({ body, sent: sent.map((r) => ({ kind: r.kind, personId: r.personId, via: r.via, accepted: r.accepted })) }, "reminders.sent"),
    failed: (body, e) => log.error({ body, error: String((e as Error)?.message ?? e).slice(0, 300) }, "reminders.failed"),
    error: (e) => logError("reminders.failed", e),
  });
  const stop = () => {
    clearInterval(reminders);
    playground?.kill();
    server.close();
    // Every body's mailer that was opened, and the database pool with its listening connection.
    bodies.close().catch((e) => logError("stop.failed", e));
    // Open keep-alive connections must not keep a stopped bot alive.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  process.stderr.write(startFailed((e as Error).message).de);
  process.exit(1);
});
