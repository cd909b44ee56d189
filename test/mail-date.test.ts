/**
 * Every mail's `Date:` header comes from the injected clock (LG_NOW), not the machine's time:
 * a demo or a test set to April 2022 sends mails dated April 2022, as a recipient's client shows.
 * Real parts: CLI processes, a real SMTP server on loopback, every mail parsed with postal-mime.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseMail } from "./support/mail-parse.ts";
import { startSmtp, type TestSmtp } from "./support/smtp.ts";
import { runCli } from "./support/store-process.ts";

const INVITED = "2022-04-20T09:00:00+02:00";
const DELEGATED = "2022-04-22T11:30:00+02:00";
const MINUTES = "2022-05-13T10:00:00+02:00";

describe("the Date: header of every mail", () => {
  let dir: string;
  let smtp: TestSmtp;
  const cli = async (now: string, args: string[]) => {
    const run = await runCli(["--db", join(dir, "db.json"), ...args], { LG_NOW: now, SMTP_URL: smtp.url });
    expect(run.code, run.stderr).toBe(0);
    return run;
  };
  const datesSince = async (from: number) => Promise.all(smtp.messages.slice(from).map(async (m) => (await parseMail(m.raw)).email.date));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "lg-mail-date-"));
    smtp = await startSmtp();
  });
  afterEach(async () => {
    await smtp.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("is the clock's moment for the invitation, the delegation's notices and the minutes", async () => {
    await cli(INVITED, ["meeting", "create", "--start", "2022-05-12T10:00", "--location", "Kreishaus Siegburg"]);
    await cli(INVITED, ["agenda", "add", "--meeting", "s-2022-05-12", "--title", "Bericht der Geschäftsstelle"]);
    await cli(INVITED, ["invite"]);
    const invitations = await datesSince(0);
    expect(invitations.length).toBeGreaterThan(10);
    for (const d of invitations) expect(Date.parse(d!)).toBe(Date.parse(INVITED));

    const before = smtp.messages.length;
    await cli(DELEGATED, ["chat", "--as", "m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung"]);
    const notices = await datesSince(before);
    expect(notices.length).toBeGreaterThanOrEqual(3); // the deputy's invitation, the notices to the Geschäftsstelle
    for (const d of notices) expect(Date.parse(d!)).toBe(Date.parse(DELEGATED));

    const sent = smtp.messages.length;
    await cli(MINUTES, ["minutes", "draft", "--meeting", "s-2022-05-12"]);
    await cli(MINUTES, ["minutes", "send", "--meeting", "s-2022-05-12"]);
    const minutes = await datesSince(sent);
    expect(minutes.length).toBe(17);
    for (const d of minutes) expect(Date.parse(d!)).toBe(Date.parse(MINUTES));
  }, 120_000); // eight command-line processes, each a cold start of tsx
});
