/**
 * The burst (`--store postgres` only): two bot instances on one database, 53 bodies × 40 members
 * answering their invitation within a minute. Every answer is a real Bot Framework activity over
 * HTTP — the card button "Ich nehme in Präsenz teil" in the 1:1 chat (routed by tenant and Entra
 * object id), or a typed "Ich nehme teil" in the 1:1 chat or, @mentioning the bot, in the body's
 * team channel (routed by team) — half to each instance, every tenth also redelivered with the
 * same activity id to the other instance, as Teams retries. Arrivals are spread evenly over the
 * window in a shuffled (seeded) order; at most `MAX_SOCKETS` requests per instance are open at
 * once (a load balancer's connection pool), the rest wait in the client, and their wait counts.
 *
 * Lost and duplicated updates are counted from the database afterwards, not from the replies.
 */
import { setMaxListeners } from "node:events";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { closePools, poolFor } from "../adapters/pg-schema.ts";
import { activity, answerKey, seeded, shuffledAnswers, type Answer } from "./burst-answers.ts";
import { count, settle } from "./burst-count.ts";
import { createBurstBodies } from "./burst-data.ts";
import { serverCpuMs, startInstance, type Instance } from "./burst-instances.ts";
import { startConnector, type Connector } from "./connector.ts";
import { percentile, round } from "./stats.ts";

export interface BurstOptions {
  url: string;
  dir: string;
  bodies: number;
  people: number;
  windowMs: number;
  log: (line: string) => void;
}

export interface BurstResult {
  bodies: number;
  people: number;
  answers: number;
  /** Deliveries of an answer a second time, to the other instance, with the same activity id. */
  retries: number;
  /** From the first post until the last answer was answered. */
  seconds: number;
  /** Posted → the bot's reply reached the connector (what the member waits for). */
  p50: number;
  p99: number;
  /** Answers a bot acknowledged (HTTP 200) whose attendance is not in the database afterwards. */
  lost: number;
  /** Attendance entries and audit lines recorded more than once for one answer. */
  duplicated: number;
  /** Posts answered other than with 200 or given up, and answers whose reply never came (within two minutes). */
  failed: number;
  /** Peak RSS of each instance. */
  rssMb: [number, number];
}

export interface BurstExtra {
  doneP50: number;
  doneP99: number;
  retryP50: number;
  duplicateAttendance: number;
  duplicateAudit: number;
  idleRssMb: [number, number];
  maxInFlight: number;
  /** Of `failed`: posts not answered with 200 (or given up). */
  refused: number;
  /** Answers no instance acknowledged and that are not in the database either (Teams would send them again). */
  undelivered: number;
  /** CPU time per answer during the burst (retries included in the work): each instance, and the PostgreSQL server (null: not on this machine). */
  cpuMsPerAnswer: { instances: [number, number]; server: number | null };
}

const MAX_SOCKETS = 32;
const RETRY_EVERY = 10;
/** How long one answer may take, and the whole burst beyond its window: then what is still open is given up (and counted as failed). */
const REPLY_WAIT_MS = 120_000;
const DRAIN_MS = 180_000;

/** POSTs `body` through `agent`; resolves with the status once the whole response was read. */
function post(agent: Agent, url: string, body: unknown, signal: AbortSignal): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, signal, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) }, timeout: REPLY_WAIT_MS }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(data);
  });
}

type Timed = { reply: number | null; done: number; status: number; key: string };

/** One delivery: posted → reply at the connector (not for a redelivery: it may rightly get none), and → the POST answered. */
type Client = { connector: Connector; agents: Agent[]; instances: Instance[]; signal: AbortSignal };

async function deliver({ connector, agents, instances, signal }: Client, n: number, answer: Answer, retry = false): Promise<Timed> {
  const body = activity(connector, n, answer);
  const replied = retry ? Promise.resolve(null) : connector.expect(n, body.id, REPLY_WAIT_MS);
  const start = performance.now();
  const status = await post(agents[n]!, instances[n]!.url, body, signal).catch(() => 0);
  const done = performance.now() - start;
  const at = await replied;
  return { reply: at === null ? null : at - start, done, status, key: answerKey(answer.body, answer.member) };
}



/** Sends every answer at its moment (and every tenth again to the other instance); resolves when all were answered. */
async function drive(connector: Connector, instances: Instance[], answers: Answer[], windowMs: number, random: () => number) {
  const agents = instances.map(() => new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }));
  const signal = AbortSignal.timeout(windowMs + DRAIN_MS);
  setMaxListeners(0, signal); // one deadline for every request of the burst, not a leak
  const client: Client = { connector, agents, instances, signal };
  const step = windowMs / answers.length;
  let inFlight = 0;
  let maxInFlight = 0;
  const counted = <T>(work: Promise<T>) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    return work.finally(() => inFlight--);
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  const start = performance.now();
  const firsts: Promise<Timed>[] = [];
  const retries: Promise<Timed>[] = [];
  for (const [k, answer] of answers.entries()) {
    await sleep(start + k * step - performance.now());
    const n = k % 2;
    firsts.push(counted(deliver(client, n, answer)));
    if (k % RETRY_EVERY === 0) {
      const delay = random() * 1000;
      retries.push(sleep(delay).then(() => counted(deliver(client, 1 - n, answer, true))));
    }
  }
  const [first, again] = [await Promise.all(firsts), await Promise.all(retries)];
  const seconds = (performance.now() - start) / 1000;
  agents.forEach((a) => a.destroy());
  return { first, again, seconds, maxInFlight };
}

/** CPU used so far by the instances and the server (ms). */
async function cpuNow(dataDirectory: string, instances: Instance[]): Promise<{ instances: number[]; server: number | null }> {
  return { instances: await Promise.all(instances.map((i) => i.cpuMs())), server: await serverCpuMs(dataDirectory) };
}

export async function measureBurst(o: BurstOptions): Promise<{ result: BurstResult; extra: BurstExtra }> {
  const connector = await startConnector();
  const instances: Instance[] = [];
  try {
    o.log(`burst: creating ${o.bodies} bodies × ${o.people} members (import, team, meeting, invitation) …`);
    const bodies = await createBurstBodies(o.url, join(o.dir, "rosters"), connector.serviceUrl(0), o.bodies, o.people);
    const dataDirectory = (await poolFor(o.url).query<{ data_directory: string }>("SHOW data_directory")).rows[0]!.data_directory;
    await closePools(); // the driver's connections are not the instances'
    o.log("burst: starting two bot instances (dist/bot/main.js) on the database …");
    instances.push(...(await Promise.all([0, 1].map(() => startInstance(o.url, join(o.dir, "bot", "db.json"))))));
    const idle = await Promise.all(instances.map((i) => i.memory()));
    const random = seeded(18);
    const answers = shuffledAnswers(bodies, random);
    o.log(`burst: ${answers.length} answers over ${o.windowMs / 1000} s, half to each instance, every ${RETRY_EVERY}th also to the other …`);
    const cpu = await cpuNow(dataDirectory, instances);
    const run = await drive(connector, instances, answers, o.windowMs, random);
    const cpuAfter = await cpuNow(dataDirectory, instances);
    await settle(o.url);
    const memory = await Promise.all(instances.map((i) => i.memory()));
    const perAnswer = (before: number | null, after: number | null) => (before === null || after === null ? null : round((after - before) / answers.length));
    const acknowledged = new Set([...run.first, ...run.again].filter((t) => t.status === 200).map((t) => t.key));
    const counts = await count(o.url, bodies, acknowledged);
    await closePools();
    const refused = [...run.first, ...run.again].filter((t) => t.status !== 200).length;
    const replies = run.first.flatMap((t) => (t.reply === null ? [] : [t.reply]));
    const result: BurstResult = {
      bodies: o.bodies,
      people: o.people,
      answers: answers.length,
      retries: run.again.length,
      seconds: round(run.seconds),
      p50: round(percentile(replies, 50)),
      p99: round(percentile(replies, 99)),
      lost: counts.lost,
      duplicated: counts.duplicateAttendance + counts.duplicateAudit,
      failed: refused + (run.first.length - replies.length),
      rssMb: [memory[0]!.maxRssMb, memory[1]!.maxRssMb],
    };
    const extra: BurstExtra = {
      doneP50: round(percentile(run.first.map((t) => t.done), 50)),
      doneP99: round(percentile(run.first.map((t) => t.done), 99)),
      retryP50: round(percentile(run.again.map((t) => t.done), 50)),
      duplicateAttendance: counts.duplicateAttendance,
      duplicateAudit: counts.duplicateAudit,
      idleRssMb: [idle[0]!.maxRssMb, idle[1]!.maxRssMb],
      maxInFlight: run.maxInFlight,
      refused,
      undelivered: counts.undelivered,
      cpuMsPerAnswer: {
        instances: [perAnswer(cpu.instances[0]!, cpuAfter.instances[0]!)!, perAnswer(cpu.instances[1]!, cpuAfter.instances[1]!)!],
        server: perAnswer(cpu.server, cpuAfter.server),
      },
    };
    return { result, extra };
  } finally {
    instances.forEach((i) => i.stop());
    await connector.close();
  }
}
