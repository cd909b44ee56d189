/**
 * The reminder timer inside `npm start` (bot/main.ts), across a restart: the bot started at the
 * moment the members' reminder is due sends it; stopped and started again four days later, while
 * that reminder is still useful, it sends the reminder now due for another meeting and not the first
 * one again — what went out is in the data file, not in the process. Real processes, mail to a real
 * SMTP server on loopback; the test waits for the bot's own "reminders.sent" log line, not for a time.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { parseInstant } from "../rules/time.ts";
import { createMeeting } from "../services/create-meeting.ts";
import { parseMail } from "./support/mail-parse.ts";
import { startSmtp, type TestSmtp } from "./support/smtp.ts";
import { runCli, startScript } from "./support/store-process.ts";
import { profiles } from "./support/profiles.ts";
import { freePort } from "./support/ports.ts";

const FIRST = "2027-03-18T08:00:00+01:00"; // meeting Thu 15.04.: last day for topics 25.03., reminder 18.03.
const RESTART = "2027-03-22T08:00:00+01:00"; // meeting Mon 19.04.: last day 29.03., reminder 22.03.

let dir: string;
let file: string;
let smtp: TestSmtp;
let logs: string[] = [];


/** Starts the bot at `now`, waits for its first reminder run to report, and stops it. */
async function botRunAt(now: string): Promise<string> {
  const child: ChildProcess = startScript("bot/main.ts", [], {
    LG_DB: file, LG_NOW: now, SMTP_URL: smtp.url, PLAYGROUND: "0", PORT: String(await freePort()),
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const found = out.split("\n").find((l) => l.includes('"msg":"reminders.sent"'));
      if (found) resolve(found);
    });
    child.stderr!.on("data", (d) => (err += d));
    child.on("exit", (code) => reject(new Error(`bot exited (${code}) before sending reminders: ${err}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  return line;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lg-reminders-timer-"));
  file = join(dir, "db.json");
  const store = openJsonStore(file, { clock: () => parseInstant("2027-03-01T09:00")! });
  for (const start of ["2027-04-15T10:00", "2027-04-19T10:00"]) await createMeeting({ store, profiles }, { start, location: "Kreishaus Siegburg" }, "gs-1", parseInstant("2027-03-01T09:00")!);
  smtp = await startSmtp();
  logs = [await botRunAt(FIRST), await botRunAt(RESTART)];
}, 180_000);

afterAll(async () => {
  await smtp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the reminder timer in npm start", () => {
  it("sends what is due at start, and after a restart only what is newly due", async () => {
    const subjects = await Promise.all(smtp.messages.map(async (m) => ({ to: m.to, subject: (await parseMail(m.raw)).email.subject ?? "" })));
    const count = (meeting: string) => {
      const per = new Map<string, number>();
      for (const m of subjects.filter((s) => s.subject.includes(`Themenanmeldung – ${meeting}`))) for (const to of m.to) per.set(to, (per.get(to) ?? 0) + 1);
      return per;
    };
    const first = count("Donnerstag, 15.04.2027");
    const second = count("Montag, 19.04.2027");
    expect(first.size).toBe(17);
    expect([...first.values()].every((n) => n === 1)).toBe(true);
    expect(second.size).toBe(17);
    expect([...second.values()].every((n) => n === 1)).toBe(true);
    expect(smtp.messages).toHaveLength(34);
  });

  it("`reminders list --json` shows what went out and what is planned, for whom and when", async () => {
    const run = await runCli(["--db", file, "--now", RESTART, "reminders", "list", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const { reminders } = JSON.parse(run.stdout) as { reminders: { kind: string; personId: string; meetingId: string; dueAt: string; state: string; via: string | null }[] };
    expect(reminders.find((r) => r.kind === "agenda-proposals" && r.personId === "m-jugendamt" && r.meetingId === "s-2027-04-15"))
      .toMatchObject({ dueAt: FIRST, state: "sent", via: "email" });
    expect(reminders.find((r) => r.kind === "invitation-due" && r.personId === "gs-1" && r.meetingId === "s-2027-04-15"))
      .toMatchObject({ dueAt: "2027-03-30T08:00:00+02:00", state: "planned", via: null });
  });

  it("logs each run's reminders for the operator", () => {
    expect(JSON.parse(logs[0]!).sent).toHaveLength(17);
    expect(JSON.parse(logs[1]!).sent).toHaveLength(17);
  });
});
