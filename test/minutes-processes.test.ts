/**
 * Done when: `minutes send` started by two processes at the same moment reaches each member once.
 * Two real command-line processes against one data file with drafted minutes, mail to a real SMTP
 * server on loopback. The server holds its "250 OK" answers until both processes have had their
 * chance to decide whom to send to (it answers once one of them has finished, or as soon as one
 * address is being sent twice), so the two runs really overlap instead of merely being started
 * close together; nothing in here waits for a time.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHeldSmtp, type HeldSmtp } from "./support/held-smtp.ts";
import { parseMail } from "./support/mail-parse.ts";
import { MEETING_ID, worldDb } from "./support/minutes-workflow-fixture.ts";
import { finished, runCli, startScript, type Run } from "./support/store-process.ts";

const AFTER = "2022-05-13T09:00:00+02:00";
const SENDING = "2022-05-20T09:00:00+02:00";
const SUBJECT = "Niederschrift der Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis vom Donnerstag, 12.05.2022";

/** `outbox list --json` as the redesign specifies it (the command is being built). */
interface OutboxList {
  messages: { id: string; personId: string; name: string; purpose: string; via: string | null; state: string; subject: string; attempts: number; acceptedAt: string | null; error: string | null }[];
}

const db = worldDb();
const members = db.institutions.map((i) => db.persons.find((p) => p.id === i.memberId)!);

let dir: string;
let file: string;
let smtp: HeldSmtp;
let runs: Run[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lg-minutes-processes-"));
  file = join(dir, "db.json");
  await writeFile(file, JSON.stringify(db, null, 2));
  const draft = await runCli(["--db", file, "--now", AFTER, "minutes", "draft", "--json"]);
  expect(draft.code, draft.stderr).toBe(0);

  smtp = await startHeldSmtp();
  // Answer as soon as one address is in flight twice: the duplicate is then certain.
  smtp.onHold(() => {
    const to = smtp.held().flat();
    if (new Set(to).size < to.length) smtp.release();
  });
  const args = ["--db", file, "--now", SENDING, "minutes", "send", "--json"];
  const env = { SMTP_URL: smtp.url };
  const children = [finished(startScript("cli/index.ts", args, env)), finished(startScript("cli/index.ts", args, env))];
  // Answer once either process is done: the other has then decided, and must not wait for us.
  void Promise.race(children).then(() => smtp.release());
  // Liveness only (two runs that each claimed a share and wait for their answers); not asserted.
  const liveness = setTimeout(() => smtp.release(), 10_000);
  runs = await Promise.all(children);
  clearTimeout(liveness);
}, 60_000);

afterAll(async () => {
  smtp?.release();
  await smtp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("`minutes send` started by two processes at the same moment", () => {
  it("both processes end without an error", () => {
    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
  });

  it("each member's address receives exactly one minutes mail, and nobody else one", async () => {
    const subjects = await Promise.all(smtp.messages.map(async (m) => (await parseMail(m.raw)).email.subject));
    expect(new Set(subjects)).toEqual(new Set([SUBJECT]));
    const perAddress = new Map<string, number>();
    for (const m of smtp.messages) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    const expected = new Map(members.map((p) => [p.email, 1]));
    expect(Object.fromEntries([...perAddress].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });

  // Today's record of who received the minutes is the audit log (`minutes.delivered`, see
  // services/minutes-workflow.ts); the outbox below is the record the redesign adds.
  it("the minutes are marked sent, and the audit log records each member's delivery once", async () => {
    const data = JSON.parse(await readFile(file, "utf8")) as { minutes: { meetingId: string; state: string; sentAt: string | null }[] };
    expect(data.minutes).toEqual([expect.objectContaining({ meetingId: MEETING_ID, state: "sent", sentAt: SENDING })]);
    const log = (await readFile(join(dir, "db.audit.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { action: string; details: { accepted?: { personId: string }[] } });
    const accepted = log.filter((e) => e.action === "minutes.delivered").flatMap((e) => e.details.accepted ?? []).map((a) => a.personId).sort();
    expect(accepted).toEqual(members.map((p) => p.id).sort());
  });

  it("the outbox in the data file lists one accepted minutes message per member", async () => {
    const list = await runCli(["--db", file, "--now", SENDING, "outbox", "list", "--json"]);
    expect(list.stderr).toBe("");
    expect(list.code).toBe(0);
    const { messages } = JSON.parse(list.stdout) as OutboxList;
    const minutes = messages.filter((m) => m.purpose === "minutes");
    expect(minutes.map((m) => m.personId).sort()).toEqual(members.map((p) => p.id).sort());
    expect(minutes.every((m) => m.state === "accepted" && m.via === "email" && m.subject === SUBJECT)).toBe(true);
  });
});
