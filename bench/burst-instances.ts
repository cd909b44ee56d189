/**
 * The burst's two bot instances: the real bot (`dist/bot/main.js`, as `npm start` runs it, with
 * the Node options of its `start` script) twice on one database, each on its own loopback port,
 * without the Playground. Both reply to one loopback connector (bench/connector.ts), which tells
 * their replies apart by the path of the `serviceUrl` each activity carried.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { projectFile } from "../adapters/project-files.ts";
import { NOW } from "./data.ts";
import { startNodeOptions } from "./turns.ts";
import { freePort } from "../test/support/ports.ts";

export interface Instance {
  url: string;
  pid: number;
  /** Peak and current resident memory from the kernel (/proc/<pid>/status: VmHWM, VmRSS). */
  memory(): Promise<{ maxRssMb: number; rssMb: number }>;
  /** CPU time (user + system) the process used so far, in ms. */
  cpuMs(): Promise<number>;
  stop(): void;
}

/** The kernel's clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICK_MS = 10;

/** utime, stime, cutime, cstime of /proc/<pid>/stat (after the command name in parentheses), and the parent's pid. */
async function procStat(pid: number): Promise<{ ppid: number; own: number; children: number } | null> {
  const text = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!text) return null;
  const f = text.slice(text.lastIndexOf(")") + 2).split(" ").map(Number);
  return { ppid: f[1]!, own: (f[11]! + f[12]!) * TICK_MS, children: (f[13]! + f[14]!) * TICK_MS };
}

/**
 * CPU time of a PostgreSQL server in ms: the postmaster's own and its ended backends' (which it
 * waited for), plus its live backends'. Only for a server on this machine whose data folder we may read.
 */
export async function serverCpuMs(dataDirectory: string): Promise<number | null> {
  const pid = Number((await readFile(join(dataDirectory, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
  const main = pid ? await procStat(pid) : null;
  if (!main) return null;
  let sum = main.own + main.children;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const s = await procStat(Number(entry));
    if (s?.ppid === pid) sum += s.own;
  }
  return sum;
}


const kB = (status: string, key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? NaN);
const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/** BENCH_NODE_ARGS: more Node options for the instances, to look closer (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). */
const extraArgs = () => (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);

/** Starts `node dist/bot/main.js` on `databaseUrl` and resolves once it logged that it listens (at most 60 s). */
export async function startInstance(databaseUrl: string, db: string): Promise<Instance> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", PLAYGROUND: "0", LG_DB: db, LG_NOW: NOW, DATABASE_URL: databaseUrl };
  for (const key of ["BOT_ID", "BOT_PASSWORD", "BOT_TENANT_ID", "SMTP_URL", "LG_BODY"]) delete env[key];
  const child: ChildProcess = spawn(process.execPath, [...startNodeOptions(), ...extraArgs(), projectFile("dist", "bot", "main.js")], { env, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot instance on port ${port}: not listening within 60 s`)), 60_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (line.includes("bot listening on /api/messages")) {
        clearTimeout(timer);
        resolve();
      }
      // pino's other lines (reminders, refusals) are read and dropped, so the pipe never blocks the bot;
      // BENCH_INSTANCE_LOG=<file> keeps its warnings and errors (pino level ≥ 40) to look closer.
      if (process.env.BENCH_INSTANCE_LOG && /"level":(4|5|6)0/.test(line)) appendFileSync(process.env.BENCH_INSTANCE_LOG, `${port} ${line}\n`);
    });
    child.once("exit", (code) => reject(new Error(`bot instance on port ${port} exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    pid: child.pid!,
    memory: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      return { maxRssMb: mb(kB(status, "VmHWM")), rssMb: mb(kB(status, "VmRSS")) };
    },
    cpuMs: async () => (await procStat(child.pid!))?.own ?? NaN,
    stop: () => void child.kill(),
  };
}
