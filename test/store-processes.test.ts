/**
 * The store across real processes: many writers at the same moment, and writers killed at
 * random moments. Pass/fail never depends on timing; the timeouts are only generous limits.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { Db } from "../domain/model.ts";
import { finished, startScript, waitForLine } from "./support/store-process.ts";

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "lg-procs-"));
  file = join(dir, "db.json");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("many processes on one data file", () => {
  it("17 processes recording attendance at the same moment leave 17 attendances", { timeout: 180_000 }, async () => {
    const store = openJsonStore(file, { clock: fixedClock("2022-05-01T12:00:00+02:00") });
    const institutions = (await store.read()).institutions.map((i) => i.id);
    expect(institutions).toHaveLength(17);

    const goFile = join(dir, "go");
    const children = institutions.map((id) => startScript("test/support/store-record-attendance.ts", [file, id, goFile]));
    const results = children.map(finished);
    await Promise.all(children.map((c) => waitForLine(c, "ready")));
    const started = Date.now();
    await writeFile(goFile, ""); // all start their update now
    const runs = await Promise.all(results);
    const took = Date.now() - started;
    console.info(`17 processes: all updates done ${took} ms after the start signal`);

    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    const db = await store.read();
    expect(db.attendance.map((a) => a.institutionId).sort()).toEqual([...institutions].sort());
    const recorded = (await store.auditLog()).filter((e) => e.action === "attendance.record");
    expect(recorded).toHaveLength(17);
  });
});

describe("a writer killed at random moments", () => {
  it("always leaves a file that parses and validates, old or new content, and an audit log that matches it line for line", { timeout: 180_000 }, async () => {
    const rounds = 5;
    let lastCounter = 0;
    for (let round = 0; round < rounds; round++) {
      const child = startScript("test/support/store-update-loop.ts", [file]);
      const exited = finished(child);
      await waitForLine(child, "ready");
      await sleep(20 + Math.random() * 300);
      child.kill("SIGKILL");
      await exited;

      const text = await readFile(file, "utf8");
      const db = Db.parse(JSON.parse(text)); // throws if torn or invalid
      const counter = Number(db.botState.counter);
      expect(counter).toBeGreaterThanOrEqual(lastCounter);
      lastCounter = counter;
    }
    console.info(`crash test: ${rounds} kills, ${lastCounter} updates survived`);

    // Afterwards the store still works: the stale lock is taken over, leftovers are cleaned up,
    // and the audit log holds exactly one line per change that reached the data file: none lost
    // between the two writes, none for a change the kill cut short.
    const warnings: string[] = [];
    const store = openJsonStore(file, { lock: { staleMs: 2000 }, onWarning: (m) => warnings.push(m) });
    await store.update({ actorId: "system" }, (db) => void (db.botState.counter = Number(db.botState.counter) + 1));
    expect(Number((await store.read()).botState.counter)).toBe(lastCounter + 1);
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    const ticks = (await store.auditLog()).filter((e) => e.action === "loop.tick").map((e) => e.details.counter);
    expect(ticks).toEqual(Array.from({ length: lastCounter }, (_, i) => i + 1));
    expect(warnings.length).toBeLessThanOrEqual(1); // a torn line left by the last kill, skipped
  });
});
