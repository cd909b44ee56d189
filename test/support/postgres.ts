/**
 * A real PostgreSQL server for the tests, not an imitation: a throwaway cluster in a temp folder
 * on a loopback port, from the server binaries of Debian's `postgresql` package (`.ci/run`
 * installs it), started once per test run by the global setup (test/support/pg-global-setup.ts).
 * `TEST_DATABASE_URL` points the tests at your own server instead (it must allow CREATE DATABASE).
 * Each test file gets databases of its own from `freshDatabase()` (test/support/pg-database.ts).
 * The benchmark starts one too (`npm run bench -- --store postgres`), durable (`fsync` on).
 */
import { execFile as execFileCb } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./ports.ts";

const execFile = promisify(execFileCb);

/** Where initdb and pg_ctl are: Debian keeps them out of PATH, in /usr/lib/postgresql/<version>/bin. */
export function serverBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, "bin", "initdb"))) return join(root, v, "bin");
  return null;
}

export interface Cluster {
  url: string;
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user of the package. */
async function runAsServerUser(bin: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) await execFile("runuser", ["-u", "postgres", "--", bin, ...args]);
  else await execFile(bin, args);
}


/** initdb + pg_ctl start in a temp folder; `stop()` stops the server and removes the folder. */
export async function startCluster(bin: string, options: { durable?: boolean } = {}): Promise<Cluster> {
  const dir = await mkdtemp(join(tmpdir(), "lg-pg-"));
  const data = join(dir, "data");
  await mkdir(data);
  if (process.getuid?.() === 0) {
    const uid = Number((await execFile("id", ["-u", "postgres"])).stdout);
    const gid = Number((await execFile("id", ["-g", "postgres"])).stdout);
    await chown(dir, uid, gid);
    await chown(data, uid, gid);
  }
  await runAsServerUser(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  // fsync off for tests: a test server's data need not survive a power cut (the benchmark keeps it on).
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${options.durable ? "" : " -c fsync=off"}`;
  await runAsServerUser(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "server.log"), "-o", settings, "-w", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await runAsServerUser(join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
