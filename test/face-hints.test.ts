/**
 * A refusal about a missing input reads as each face needs it: the command line names its option,
 * the chat says how to write it — a Teams user is never told about a command-line flag.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";
import { runCli } from "./support/store-process.ts";

const TIMEOUT = { timeout: 120_000 };
let dir: string;
let bot: Harness;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lg-hints-"));
  bot = await startHarness("2022-04-01T09:00:00+02:00");
});
afterAll(async () => {
  await bot.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a meeting without a place", () => {
  it("the chat says how to write the place, without a command-line option", async () => {
    const answer = await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00");
    expect(answer).toContain("Für eine Sitzung in Präsenz fehlt der Ort.");
    expect(answer).toContain("/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg");
    expect(answer).not.toMatch(/--\w/);
    expect((await bot.db()).meetings).toHaveLength(0);
  });

  it("the command line names its option", TIMEOUT, async () => {
    const r = await runCli(["--now", "2022-04-01T09:00:00+02:00", "meeting", "create", "--start", "2022-05-12T10:00", "--db", join(dir, "db.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("Fehler: Für eine Sitzung in Präsenz fehlt der Ort (--location).");
  });
});
