/**
 * Databases on the tests' PostgreSQL server (started by test/support/pg-global-setup.ts from
 * test/support/postgres.ts, or your own with TEST_DATABASE_URL): each test file makes its own.
 */
import pg from "pg";
import { inject } from "vitest";

declare module "vitest" {
  interface ProvidedContext {
    /** A superuser connection to the test server; null when there is none (the PostgreSQL tests are skipped). */
    pgAdminUrl: string | null;
  }
}

/** The test server's admin URL, or null (then `describe.skipIf(!pgAdminUrl())`). */
export function pgAdminUrl(): string | null {
  return inject("pgAdminUrl");
}

let counter = 0;

/** A new, empty database on the test server; its URL. */
export async function freshDatabase(): Promise<string> {
  const admin = pgAdminUrl();
  if (!admin) throw new Error("no PostgreSQL test server");
  const name = `lg_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client(admin);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
