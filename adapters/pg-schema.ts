/**
 * The PostgreSQL connection and schema: one pool per database URL and process, and the schema
 * brought up to date with node-pg-migrate on first use (an empty database is created, an older
 * one migrated; the migrations are the files in migrations/). Many processes starting at once
 * wait for each other on node-pg-migrate's advisory lock, so each migration runs once.
 */
import pg from "pg";
import { runner } from "node-pg-migrate";
import { projectFile } from "./project-files.ts";
import { StoreError } from "./store-errors.ts";

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
 * The process's pool for `url`. Idle clients do not keep the process alive, so a command-line
 * call ends by itself when its work is done.
 */
export function poolFor(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, allowExitOnIdle: true, max: 10 });
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
    throw new StoreError(`Die Datenbank ${shownUrl(url)} ist nicht nutzbar (${(e as Error).message}); es wurde nichts verändert. Bitte DATABASE_URL und den Server prüfen.`, shownUrl(url));
  }
}

/** Ends the pools of this process (tests; the bot keeps its pool for its lifetime). */
export async function closePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  schemas.clear();
  await Promise.all(all.map((p) => p.end()));
}
