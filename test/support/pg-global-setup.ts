/**
 * vitest global setup: one PostgreSQL server for the whole test run (test/support/postgres.ts),
 * stopped afterwards. Without server binaries and without TEST_DATABASE_URL the PostgreSQL tests
 * are skipped with a note (CI installs the binaries, so there they always run).
 */
import type { TestProject } from "vitest/node";
import { serverBinaries, startCluster } from "./postgres.ts";

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const own = process.env.TEST_DATABASE_URL;
  if (own) return void project.provide("pgAdminUrl", own);
  const bin = serverBinaries();
  if (!bin) {
    console.warn("PostgreSQL-Tests übersprungen: kein Server gefunden (apt-get install postgresql) und kein TEST_DATABASE_URL gesetzt.");
    return void project.provide("pgAdminUrl", null);
  }
  const cluster = await startCluster(bin);
  project.provide("pgAdminUrl", cluster.url);
  return () => cluster.stop();
}
