/**
 * The services over the data, as `npm start` and the command line run them: the store, the
 * clock, and mail as `mail` says (SMTP, Microsoft 365 with OAuth2) or, without SMTP_URL, as .eml
 * files to `outbox/` beside the data file. Choosing the store happens here, so bot/ and cli/ never
 * name one: PostgreSQL when a database URL is given (DATABASE_URL), the JSON file otherwise.
 */
import { dirname, join, resolve } from "node:path";
import type { Clock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { DEFAULT_BODY, openPgStore } from "../adapters/pg-store.ts";
import { findBody, listBodies, sweepBody, type BodyKeys } from "../adapters/pg-bodies.ts";
import { closePool } from "../adapters/pg-schema.ts";
import type { Store } from "../adapters/store.ts";
import type { MailSettings } from "../adapters/mail-settings.ts";
import { createMailer } from "../adapters/mail-transport.ts";
import type { Profiles } from "../domain/profile.ts";
import type { Services } from "./context.ts";
import type { Render } from "../texts/catalog.ts";

export interface StoreOptions {
  db: string;
  clock: Clock;
  /** `postgres://…`; default: the environment's DATABASE_URL. Without it, the JSON file `db`. */
  databaseUrl?: string;
  /** The body in the database; default: LG_BODY, else the default body. */
  body?: string;
  /** Whether a body not yet in the database is created (import, migrate); the default body always is. */
  createBody?: boolean;
  /** Where the store's remarks go that are not errors (a torn audit line). */
  onWarning?: (message: string) => void;
}

export interface ServiceOptions extends StoreOptions {
  /** From `mailSettingsFromEnv`; missing → the outbox folder. */
  mail?: MailSettings;
  /** The rules profiles the face loaded at start (adapters/profiles.ts); every body's Services share them. */
  profiles: Profiles;
  /** The face's wording for what commands record worded (Services.render); every body's Services get it. */
  render?: Render;
}

const databaseUrlOf = (o: StoreOptions) => o.databaseUrl ?? (process.env.DATABASE_URL || undefined);
const bodyOf = (o: StoreOptions) => o.body ?? (process.env.LG_BODY || DEFAULT_BODY);

/**
 * The path beside which the body's files live (minutes/, outbox/): the data file itself, and
 * for another body than the default one in the database `bodies/<id>/` beside it, so that two
 * bodies never share a file.
 */
export function filesPlace(o: StoreOptions): string {
  const body = bodyOf(o);
  return databaseUrlOf(o) && body !== DEFAULT_BODY ? join(dirname(o.db), "bodies", body, "db.json") : o.db;
}

export function openStore(o: StoreOptions): Store {
  const url = databaseUrlOf(o);
  if (!url) return openJsonStore(o.db, { clock: o.clock, onWarning: o.onWarning });
  const body = bodyOf(o);
  return openPgStore({ url, body, clock: o.clock, create: o.createBody || body === DEFAULT_BODY, location: filesPlace(o) });
}

export function openServices(o: ServiceOptions): Services {
  return {
    store: openStore(o),
    clock: o.clock,
    mailer: createMailer({ ...o.mail, outboxDir: join(dirname(resolve(filesPlace(o))), "outbox"), now: o.clock }),
    profiles: o.profiles,
    ...(o.render ? { render: o.render } : {}),
  };
}

/** The services of every body one bot serves: the default body's, and (with a database) each activity's own. */
export interface BodyServices {
  /** The body of LG_BODY (else the default body): for what cannot be routed, and with the JSON file the only one. */
  fallback: Services;
  /** With a database: the services of the body the activity's team, tenant and sender belong to; null otherwise. */
  route: ((keys: BodyKeys) => Promise<Services>) | null;
  /** With a database: the services of the body `keys` match, or null when none does (no fallback); null without one. */
  find: ((keys: BodyKeys) => Promise<Services | null>) | null;
  /** The services of every body (with the JSON file: the one), for work no activity starts (reminders). */
  every: () => Promise<Services[]>;
  /**
   * `work` for every body, one after another, as one instance's periodic sweep: with a database a
   * body another instance is sweeping right now, or swept less than `gapMs` ago, is skipped; a body
   * whose work throws is reported and does not stop the others.
   */
  sweep: (gapMs: number, work: (services: Services) => Promise<void>) => Promise<SweepReport>;
  /** Closes every opened body's mailer and the database pool (the bot on stop). */
  close: () => Promise<void>;
}

export interface SweepReport {
  swept: string[];
  skipped: string[];
  failed: { body: string; error: unknown }[];
}

/** One body's turn in a sweep, into `report`: swept (or skipped, when `work` says false), or failed without stopping the others. */
async function sweepOne(report: SweepReport, body: string, work: () => Promise<boolean>): Promise<void> {
  try {
    (await work() ? report.swept : report.skipped).push(body);
  } catch (error) {
    report.failed.push({ body, error });
  }
}

/** The one body of a JSON data file: every sweep sweeps it, and there is nothing to route. */
export function singleBody(services: Services, body: string, close = () => services.mailer.close()): BodyServices {
  const sweep = async (_gapMs: number, work: (services: Services) => Promise<void>): Promise<SweepReport> => {
    const report: SweepReport = { swept: [], skipped: [], failed: [] };
    await sweepOne(report, body, async () => (await work(services), true));
    return report;
  };
  return { fallback: services, route: null, find: null, every: async () => [services], sweep, close };
}

/** One Services per body, opened on first use and kept, so a turn, its outbox and its later work share one store. */
export function openBodyServices(o: ServiceOptions): BodyServices {
  const fallback = openServices(o);
  const url = databaseUrlOf(o);
  const preferred = bodyOf(o);
  const opened = new Map<string, Services>([[preferred, fallback]]);
  const closeMailers = () => Promise.all([...opened.values()].map((s) => s.mailer.close())).then(() => undefined);
  if (!url) return singleBody(fallback, preferred, closeMailers);
  const of = (body: string) => {
    let services = opened.get(body);
    if (!services) opened.set(body, (services = openServices({ ...o, databaseUrl: url, body, createBody: false })));
    return services;
  };
  const find = async (keys: BodyKeys) => {
    const body = await findBody(url, keys, preferred);
    return body === null ? null : of(body);
  };
  const route = async (keys: BodyKeys) => (await find(keys)) ?? fallback;
  const sweep = async (gapMs: number, work: (services: Services) => Promise<void>): Promise<SweepReport> => {
    const report: SweepReport = { swept: [], skipped: [], failed: [] };
    for (const body of await listBodies(url)) await sweepOne(report, body, async () => (await sweepBody(url, body, gapMs, () => work(of(body)))).swept);
    return report;
  };
  const close = async () => {
    await closeMailers();
    await closePool(url);
  };
  return { fallback, route, find, every: async () => (await listBodies(url)).map(of), sweep, close };
}
