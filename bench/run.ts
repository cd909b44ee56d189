/**
 * `npm run bench`: how fast a turn is against teams-ai's own floor, how the invitation fan-out
 * compares with nodemailer alone, how a turn holds up over ten years of data, and the server's
 * memory. Prints a table; with `--json`, one JSON object on the last line. It reports and never
 * fails on a missed target. Everything runs on loopback, in bounded loops, and stops by itself.
 *
 *   npm run bench        npm run -s bench -- --json        --turns <n>: turns per server (400; at least 300)
 *   --store postgres: the bots' turns on PostgreSQL (a throwaway durable cluster, or DATABASE_URL's server,
 *   in a new database), the data files copied in with `migrate`; the fan-out stays on the JSON file.
 *   Then the burst (bench/burst.ts) in a database of its own: two bot instances, 53 bodies × 40 answers
 *   within a minute (`--burst-seconds <n>`, 60; `--burst-bodies <n>`, 53).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { auditFileFor } from "../adapters/json-store.ts";
import type { ChildStats } from "./child.ts";
import { writeEmptyFile, writeFanoutFile, writeTenYearFile } from "./data.ts";
import { measureFanout, type Phases } from "./fanout.ts";
import type { BurstExtra, BurstResult } from "./burst.ts";
import { startChild, turn, type Child, type TurnTime } from "./turns.ts";
import { startConnector } from "./connector.ts";
import { percentile, round } from "./stats.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const at = args.indexOf("--turns");
const TURNS = Math.max(300, at >= 0 ? Number(args[at + 1]) || 400 : 400);
const WARMUP_TURNS = 50;
const FANOUT_RUNS = 40;
const FANOUT_WARMUP = 3;
const POSTGRES = args.includes("--store") && args[args.indexOf("--store") + 1] === "postgres";
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const BURST = { bodies: option("--burst-bodies", 53), people: 40, seconds: option("--burst-seconds", 60) };
const TARGET = { turn: 1.3, fanout: 1.2, growth: 1.2, rssMb: 150 };

const log = (line: string) => process.stderr.write(`${line}\n`);


async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "lg-bench-"));
  const children: Child[] = [];
  const stops: (() => Promise<void>)[] = [];
  const connector = await startConnector();
  try {
    const files = { empty: join(dir, "empty", "db.json"), large: join(dir, "large", "db.json"), fanout: join(dir, "fanout", "db.json") };
    log("writing data files …");
    await writeEmptyFile(files.empty);
    const large = await writeTenYearFile(files.large);
    await writeFanoutFile(files.fanout);
    log(`ten-year file: ${(large.bytes / 1e6).toFixed(1)} MB data, ${(large.auditBytes / 1e6).toFixed(1)} MB audit log`);

    const pg = POSTGRES ? await startPostgres([files.empty, files.large]) : null;
    if (pg) stops.push(pg.stop);

    log("starting servers …");
    const servers = await Promise.all([startChild("echo"), startChild("bot", files.empty), startChild("bot", files.large), startChild("smtp")]);
    children.push(...servers);
    const [echo, empty, big, smtp] = servers as [Child, Child, Child, Child];

    // One turn on each server per round, the order rotating, so that drift and noise hit all alike.
    const targets = [echo, empty, big];
    const times: TurnTime[][] = [[], [], []];
    log(`turns: ${WARMUP_TURNS} warm-up + ${TURNS} measured on each server …`);
    for (let r = 0; r < WARMUP_TURNS + TURNS; r++) {
      for (let k = 0; k < targets.length; k++) {
        const i = (r + k) % targets.length;
        const t = await turn(connector, targets[i]!.url);
        if (r >= WARMUP_TURNS) times[i]!.push(t);
      }
    }
    const memory = await Promise.all(targets.map((t) => t.stats()));

    log(`fan-out: ${FANOUT_WARMUP} warm-up + ${FANOUT_RUNS} measured runs each …`);
    const fan = await measureFanout(files.fanout, smtp.url, FANOUT_RUNS, FANOUT_WARMUP);

    // The burst needs the machine to itself: the turn servers and the SMTP server stop first.
    const burst = pg ? (children.splice(0).forEach((c) => c.stop()), await runBurst(pg.database, dir)) : null;

    const auditEvents = (await readFile(auditFileFor(files.large), "utf8")).split("\n").filter((l) => l.trim()).length;
    const reply = times.map((ts) => ts.map((t) => t.reply)) as [number[], number[], number[]];
    const done = times.map((ts) => ts.map((t) => t.done)) as [number[], number[], number[]];
    const result: Result = {
      turn: { p50: round(percentile(reply[1], 50)), p99: round(percentile(reply[1], 99)), floorP50: round(percentile(reply[0], 50)), floorP99: round(percentile(reply[0], 99)) },
      fanout: {
        recipients: fan.recipients,
        ms: round(percentile(fan.accepted, 50)),
        floorMs: round(percentile(fan.floor, 50)),
        recordedMs: round(percentile(fan.recorded, 50)),
      },
      growth: { emptyP50: round(percentile(reply[1], 50)), largeP50: round(percentile(reply[2], 50)), auditEvents },
      rssMb: memory[2]!.maxRssMb,
    };
    const extra: Extra = {
      largeP99: round(percentile(reply[2], 99)),
      doneP50: done.map((d) => round(percentile(d, 50))) as [number, number, number],
      phases: {
        prepare: round(percentile(fan.phases.map((p) => p.prepare), 50)),
        sending: round(percentile(fan.phases.map((p) => p.sending), 50)),
        record: round(percentile(fan.phases.map((p) => p.record), 50)),
      },
      memory: memory as [ChildStats, ChildStats, ChildStats],
    };
    printTable(result, extra);
    if (burst) printBurst(burst.result, burst.extra);
    if (json) process.stdout.write(`${JSON.stringify(burst ? { store: "postgres", ...result, burst: burst.result } : result)}\n`);
  } finally {
    children.forEach((c) => c.stop());
    await connector.close();
    for (const stop of stops) await stop();
    await rm(dir, { recursive: true, force: true });
  }
}

interface Result {
  turn: { p50: number; p99: number; floorP50: number; floorP99: number };
  /** `ms`: until the server accepted the last mail (the issue's figure); `recordedMs`: until also recorded (added, no target). */
  fanout: { recipients: number; ms: number; floorMs: number; recordedMs: number };
  growth: { emptyP50: number; largeP50: number; auditEvents: number };
  rssMb: number;
}

/** Shown in the table, not part of the JSON contract. Triples: echo, empty file, ten-year file. */
interface Extra {
  largeP99: number;
  doneP50: [number, number, number];
  /** Medians of the fan-out's phases. */
  phases: Phases;
  memory: [ChildStats, ChildStats, ChildStats];
}

function printTable(r: Result, x: Extra): void {
  const rows: string[][] = [];
  const row = (figure: string, value: number, floor: number | null, target: string, met: boolean | null, unit = "ms") => {
    const ratio = floor === null ? null : value / floor;
    const num = (n: number) => `${n.toFixed(unit === "MB" ? 1 : 2)} ${unit}`;
    rows.push([figure, num(value), floor === null ? "–" : num(floor), ratio === null ? "–" : `${ratio.toFixed(2)}×`, target, met === null ? "" : met ? "yes" : "NO"]);
  };
  const within = (value: number, floor: number, limit: number) => value / floor <= limit;
  row(`turn p50 (${TURNS} turns; floor: echo bot)`, r.turn.p50, r.turn.floorP50, `≤ ${TARGET.turn}×`, within(r.turn.p50, r.turn.floorP50, TARGET.turn));
  row("turn p99", r.turn.p99, r.turn.floorP99, "", null);
  row("  turn p50 until the POST is answered", x.doneP50[1], x.doneP50[0], "", null);
  row(`fan-out to ${r.fanout.recipients} until all accepted (median; floor: nodemailer)`, r.fanout.ms, r.fanout.floorMs, `≤ ${TARGET.fanout}×`, within(r.fanout.ms, r.fanout.floorMs, TARGET.fanout));
  row("  of it: create the record, claim (1st update)", x.phases.prepare, null, "", null);
  row("  of it: compose and send (first mail → last accepted)", x.phases.sending, null, "", null);
  row("  fan-out until also recorded (2nd update), the reply", r.fanout.recordedMs, r.fanout.floorMs, "", null);
  row("  of it: record the answers (2nd update)", x.phases.record, null, "", null);
  row("growth: turn p50, ten-year vs empty", r.growth.largeP50, r.growth.emptyP50, `≤ ${TARGET.growth}×`, within(r.growth.largeP50, r.growth.emptyP50, TARGET.growth));
  row("growth: turn p99", x.largeP99, r.turn.p99, "", null);
  row("  growth: p50 until the POST is answered", x.doneP50[2], x.doneP50[1], "", null);
  row("memory: peak RSS, ten-year file (floor: echo)", r.rssMb, x.memory[0].maxRssMb, `< ${TARGET.rssMb} MB`, r.rssMb < TARGET.rssMb, "MB");
  row("  peak RSS, empty file", x.memory[1].maxRssMb, x.memory[0].maxRssMb, "", null, "MB");
  row("  RSS after the turns, ten-year vs empty", x.memory[2].rssMb, x.memory[1].rssMb, "", null, "MB");
  const all = [["figure", "value", "floor", "ratio", "target", "met?"], ...rows];
  const widths = all[0]!.map((_, c) => Math.max(...all.map((cells) => cells[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  const out = [line(all[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  process.stdout.write(`\n${out.join("\n")}\n\n${r.growth.auditEvents} audit events in the ten-year file; Node ${process.version}, ${cpus().length} CPUs\n`);
}

/**
 * A PostgreSQL for the bots: DATABASE_URL's server, else a throwaway durable cluster from Debian's
 * binaries (test/support/postgres.ts); a new database in it, each data file copied into the body
 * named after its folder. The children find it in BENCH_DATABASE_URL.
 */
async function startPostgres(files: string[]): Promise<{ stop: () => Promise<void>; database: (suffix: string) => Promise<string> }> {
  const { serverBinaries, startCluster } = await import("../test/support/postgres.ts");
  const { migrateJsonFile } = await import("../adapters/pg-migrate-json.ts");
  const { closePools } = await import("../adapters/pg-schema.ts");
  const { default: pg } = await import("pg");
  const { clock } = await import("./data.ts");
  const { basename, dirname } = await import("node:path");
  let cluster: { url: string; stop(): Promise<void> } | null = null;
  let admin = process.env.DATABASE_URL;
  if (!admin) {
    const bin = serverBinaries();
    if (!bin) throw new Error("--store postgres: no DATABASE_URL and no PostgreSQL server binaries (apt-get install postgresql)");
    log("starting a PostgreSQL cluster …");
    cluster = await startCluster(bin, { durable: true });
    admin = cluster.url;
  }
  const name = `lg_bench_${Date.now().toString(36)}`;
  const database = async (suffix: string) => {
    const client = new pg.Client(admin);
    await client.connect();
    await client.query(`CREATE DATABASE ${name}${suffix}`);
    await client.end();
    const url = new URL(admin!);
    url.pathname = `/${name}${suffix}`;
    return url.toString();
  };
  const url = new URL(await database(""));
  for (const file of files) await migrateJsonFile({ file, url: url.toString(), body: basename(dirname(file)), clock });
  await closePools();
  process.env.BENCH_DATABASE_URL = url.toString();
  log(`PostgreSQL: ${url.host}, database ${name}`);
  return { stop: async () => void (await cluster?.stop()), database };
}

/** The burst in a database of its own, so that routing sees only the burst's bodies. */
async function runBurst(database: (suffix: string) => Promise<string>, dir: string): Promise<{ result: BurstResult; extra: BurstExtra }> {
  const { measureBurst } = await import("./burst.ts");
  const url = await database("_burst");
  return measureBurst({ url, dir: join(dir, "burst"), bodies: BURST.bodies, people: BURST.people, windowMs: BURST.seconds * 1000, log });
}

/** Answers per second the machine's cores could take if the instances and PostgreSQL had them to themselves. */
function capacity(x: BurstExtra): number {
  const ms = x.cpuMsPerAnswer.instances[0] + x.cpuMsPerAnswer.instances[1] + (x.cpuMsPerAnswer.server ?? 0);
  return (cpus().length * 1000) / ms;
}

function printBurst(b: BurstResult, x: BurstExtra): void {
  const lines = [
    `burst: ${b.bodies} bodies × ${b.people} members = ${b.answers} answers in ${BURST.seconds} s to two bot instances on one database (+ ${b.retries} redelivered to the other instance)`,
    `  all answered after ${b.seconds.toFixed(1)} s; at most ${x.maxInFlight} requests open or waiting in the client at once`,
    `  answer until the reply arrives  p50 ${b.p50.toFixed(0)} ms, p99 ${b.p99.toFixed(0)} ms; until the POST is answered p50 ${x.doneP50.toFixed(0)} ms, p99 ${x.doneP99.toFixed(0)} ms; redelivery p50 ${x.retryP50.toFixed(0)} ms`,
    `  lost ${b.lost}, duplicated ${b.duplicated} (attendance entries ${x.duplicateAttendance}, audit lines ${x.duplicateAudit}), failed ${b.failed} (HTTP ${x.refused}, no reply ${b.failed - x.refused}; not acknowledged and not recorded ${x.undelivered})   (counted in the database afterwards)`,
    `  peak RSS ${b.rssMb[0].toFixed(1)} / ${b.rssMb[1].toFixed(1)} MB (after start ${x.idleRssMb[0].toFixed(1)} / ${x.idleRssMb[1].toFixed(1)} MB)`,
    `  CPU per answer: instances ${x.cpuMsPerAnswer.instances.map((c) => c.toFixed(1)).join(" + ")} ms, PostgreSQL ${x.cpuMsPerAnswer.server === null ? "–" : `${x.cpuMsPerAnswer.server.toFixed(1)} ms`}` +
      `; the burst asks ${(b.answers / BURST.seconds).toFixed(1)} answers/s, ${cpus().length} cores allow at most ${capacity(x).toFixed(1)}/s`,
  ];
  process.stdout.write(`${lines.join("\n")}\n\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exitCode = 1;
});
