/**
 * The PostgreSQL connection and schema: one pool per database URL and process, and the schema
 * brought up to date with node-pg-migrate on first use (an empty database is created, an older
 * one migrated; the migrations are the files in migrations/). Many processes starting at once
 * wait for each other on node-pg-migrate's advisory lock, so each migration runs once.
 */
import pg from "pg";
import { projectFile } from "./project-files.ts";
import { StoreError } from "./store-errors.ts";
import { databaseUnusable } from "../texts/store.ts";

export const MIGRATIONS_DIR = projectFile("migrations");

const pools = new Map<string, pg.Pool>();
const schemas = new Map<string, Promise<void>>();

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "DATABASE_URL";
  }
}

/**
 * Connections per process and database: `PGPOOL_MAX`, default 10 (node-postgres's own). A turn
 * uses a connection 3–4 times one after another, never two at once, and a change holds its
 * body's row lock only for its transaction, so a few connections keep up with many turns; more
 * let more bodies' changes run at once, at a server process each (PostgreSQL's max_connections,
 * default 100, is shared by all instances and command-line calls).
 */
export function poolMax(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PGPOOL_MAX);
  // At least 2: a reminder sweep holds one connection (its SKIP LOCKED row) while its work needs another.
  return Number.isInteger(n) && n > 0 ? Math.max(n, 2) : 10;
}

/**
 * The process's pool for `url`. Idle clients do not keep the process alive, so a command-line
 * call ends by itself when its work is done.
 */
export function poolFor(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, allowExitOnIdle: true, max: poolMax() });
    pool.on("error", () => undefined); // an idle client's dropped connection: the next query reconnects
    pools.set(url, pool);
  }
  return pool;
}

/** Migrates the schema of `url` once per process (again after a failure). */
export function ensureSchema(url: string): Promise<void> {
  let ready = schemas.get(url);
  if (!ready) {
    ready = migrate(url);
    schemas.set(url, ready);
    ready.catch(() => schemas.delete(url));
  }
  return ready;
}

async function migrate(url: string): Promise<void> {
  try {
    // Loaded on first use of a database only: the JSON-file bot never carries the migration tool.
    const { runner } = await import("node-pg-migrate");
    await runner({
      databaseUrl: url,
      dir: MIGRATIONS_DIR,
      ignorePattern: "(\\..*|.*\\.md)",
      direction: "up",
      migrationsTable: "pgmigrations",
      checkOrder: true,
      singleTransaction: true,
      advisoryLockMode: "wait",
      log: () => undefined,
    });
  } catch (e) {
    throw new StoreError(databaseUnusable(shownUrl(url), (e as Error).message), shownUrl(url));
  }
}

/** Ends this process's pool and listening connection for `url` (the bot on stop). */
export async function closePool(url: string): Promise<void> {
  const pool = pools.get(url);
  pools.delete(url);
  schemas.delete(url);
  const watch = watches.get(url);
  watches.delete(url);
  if (watch) {
    watch.live = false;
    await watch.client.end().catch(() => undefined);
  }
  await pool?.end();
}

/** Ends the pools of this process (tests; the bot keeps its pool for its lifetime). */
export async function closePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  schemas.clear();
  const listening = [...watches.values()];
  watches.clear();
  await Promise.all(listening.map((w) => ((w.live = false), w.client.end().catch(() => undefined))));
  await Promise.all(all.map((p) => p.end()));
}

// ---------------------------------------------------------------------------------------------
// Knowing when a body changed, without asking on every read

/** The notification channel: every committed change of a body's data announces `{ b: body, v: version }`. */
export const CHANGES_CHANNEL = "lg_body_changes";

/**
 * Per database: the newest version of each body this process has heard of, from PostgreSQL's
 * LISTEN/NOTIFY (delivered at commit, in commit order) and from its own commits. `live` is false
 * until the listening connection is up and again after it failed: then readers must ask.
 */
export interface Watch {
  live: boolean;
  latest: Map<string, bigint>;
  client: pg.Client;
}

const watches = new Map<string, Watch>();

/** Starts listening for `url` once per process (its connection never keeps the process alive). */
export function watchFor(url: string): Watch {
  let watch = watches.get(url);
  if (watch) return watch;
  const client = new pg.Client({ connectionString: url });
  const w: Watch = { live: false, latest: new Map(), client };
  watches.set(url, w);
  const lost = () => {
    w.live = false;
    if (watches.get(url) === w) watches.delete(url); // the next read starts a new watch
    client.end().catch(() => undefined);
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (n) => {
    try {
      const { b, v } = JSON.parse(n.payload ?? "") as { b: string; v: string };
      noteVersion(w, b, BigInt(v));
    } catch {
      w.live = false; // an announcement we cannot read: stop trusting the watch
    }
  });
  client
    .connect()
    .then(() => {
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      return client.query(`LISTEN ${CHANGES_CHANNEL}`);
    })
    .then(() => void (w.live = watches.get(url) === w), lost);
  return w;
}

export function noteVersion(w: Watch, body: string, version: bigint): void {
  if ((w.latest.get(body) ?? -1n) < version) w.latest.set(body, version);
}
