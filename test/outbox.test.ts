/**
 * The outbox (redesign issue): every message the bot sends or tries — invitations, updates,
 * cancellations, notices, minutes — is recorded with its recipient, purpose, channel and result;
 * `outbox retry` sends what was not accepted, once. Written before the implementation, against
 * the contract:
 *
 *   outbox list [--json]  → { messages: [{ id, personId, name, purpose, via, state, subject, createdAt, attempts, acceptedAt, error }] }
 *                           purpose: invitation | update | cancel | notice | minutes
 *                           state:   queued | sending | accepted | failed;  via: teams | email | null (until tried)
 *   outbox retry [--json] → { sent, failed, messages: [...] }  (the messages this run handled)
 *   chat: /postausgang    → the Geschäftsstelle sees what went to whom; a member gets the role refusal
 *
 * Real parts: CLI processes, a real SMTP server on loopback (and a closed loopback port for "the
 * server is down"), the bot's Application through chatTurn, every mail parsed with postal-mime.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";
import { imipPart, parseMail } from "./support/mail-parse.ts";
import { startSmtp, type TestSmtp } from "./support/smtp.ts";
import { runCli, type Run } from "./support/store-process.ts";
import { freePort as closedPort } from "./support/ports.ts";

type Purpose = "invitation" | "update" | "cancel" | "notice" | "minutes";
interface OutboxMessage {
  id: string;
  personId: string;
  name: string;
  purpose: Purpose;
  via: "teams" | "email" | null;
  state: "queued" | "sending" | "accepted" | "failed";
  subject: string;
  createdAt: string;
  attempts: number;
  acceptedAt: string | null;
  error: string | null;
}
interface OutboxList {
  messages: OutboxMessage[];
}
interface OutboxRetry {
  sent: number;
  failed: number;
  messages: OutboxMessage[];
}

const NOW = "2022-04-01T09:00:00+02:00";
const DEPUTY = { id: "d-jugendamt", name: "Michael Jäger", email: "michael.jaeger@example.org" };
const MEMBER = { id: "m-jugendamt", name: "Sabine Fuchs", email: "sabine.fuchs@example.org" };
const SECRETARIAT = [
  { id: "gs-1", name: "Miriam Özdemir", email: "miriam.oezdemir@example.org" },
  { id: "gs-2", name: "Paul Brückner", email: "paul.brueckner@example.org" },
];
const DELEGATE = "Ich kann nicht teilnehmen, bitte an meine Vertretung";

/** A loopback port nobody listens on: an SMTP server that is down. */

function json<T>(run: Run): T {
  expect(run.stderr, "stderr").toBe("");
  expect(run.code, "exit code").toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe("command line: a notice that could not be delivered", () => {
  let dir: string;
  let file: string;
  let smtp: TestSmtp | null = null;
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(["--db", file, "--now", NOW, ...args], env);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "lg-outbox-"));
    file = join(dir, "db.json");
    expect((await cli(["meeting", "create", "--start", "2022-05-12T10:00", "--location", "Kreishaus Siegburg"])).code).toBe(0);
  });
  afterEach(async () => {
    await smtp?.close();
    smtp = null;
    await rm(dir, { recursive: true, force: true });
  });

  it("is listed as failed with the server's error; `outbox retry` sends it once, a second retry sends nothing", async () => {
    const down = `smtp://127.0.0.1:${await closedPort()}`;
    const chat = await cli(["chat", "--as", MEMBER.id, DELEGATE], { SMTP_URL: down });
    expect(chat.code, chat.stderr).toBe(0);
    expect(chat.stdout).toContain(`${DEPUTY.name} vertritt`);

    const listed = json<OutboxList>(await cli(["outbox", "list", "--json"]));
    const notices = listed.messages.filter((m) => m.purpose === "notice");
    expect(notices.map((m) => m.personId).sort()).toEqual([DEPUTY.id, ...SECRETARIAT.map((s) => s.id)].sort());
    for (const m of notices) {
      expect(m).toMatchObject({ state: "failed", via: "email", acceptedAt: null, attempts: 1 });
      expect(m.error).toMatch(/ECONNREFUSED/);
      expect(m.name).toBe([DEPUTY, ...SECRETARIAT].find((p) => p.id === m.personId)!.name);
    }

    smtp = await startSmtp();
    const retry = json<OutboxRetry>(await cli(["outbox", "retry", "--json"], { SMTP_URL: smtp.url }));
    expect(retry).toMatchObject({ sent: 3, failed: 0 });
    expect(retry.messages.map((m) => m.id).sort()).toEqual(notices.map((m) => m.id).sort());
    // Counted at the server: exactly one mail per notice, each to its one recipient.
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([[DEPUTY.email], [SECRETARIAT[0]!.email], [SECRETARIAT[1]!.email]].sort());
    const deputyMail = await parseMail(smtp.messages.find((m) => m.to[0] === DEPUTY.email)!.raw);
    expect(deputyMail.email.text).toContain("Sie vertreten Rhein-Sieg-Kreis - Jugendamt");

    const after = json<OutboxList>(await cli(["outbox", "list", "--json"]));
    for (const m of after.messages.filter((x) => x.purpose === "notice")) {
      expect(m).toMatchObject({ state: "accepted", via: "email", attempts: 2, error: null });
      expect(m.acceptedAt).toBeTruthy();
    }

    const again = json<OutboxRetry>(await cli(["outbox", "retry", "--json"], { SMTP_URL: smtp.url }));
    expect(again).toMatchObject({ sent: 0, failed: 0, messages: [] });
    expect(smtp.messages).toHaveLength(3);
  }, 120_000); // several command-line processes in a row; under load each takes seconds (not a timing check)
});

describe("the bot: a deputy delegated after the invitation", () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness("2022-04-20T09:00:00+02:00");
    expect(await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal")).toContain("Sitzung angelegt");
    expect(await bot.say("gs-1", "/top Bericht der Geschäftsstelle")).toContain("TOP 1");
    expect(await bot.say("gs-1", "/einladen")).toContain("Bitte bestätigen");
    expect(await bot.say("gs-1", "ja")).toContain("versandt");
    bot.setNow("2022-04-25T11:00:00+02:00");
  });
  afterEach(() => bot.close());

  it("gets exactly one mail: the invitation, which also tells them they stand in for the member", async () => {
    expect(await bot.say(MEMBER.id, DELEGATE)).toContain(`${DEPUTY.name} vertritt`);
    const mails = bot.smtp.messages.filter((m) => m.to.includes(DEPUTY.email));
    expect(mails.map((m) => m.to)).toEqual([[DEPUTY.email]]);
    const mail = await parseMail(mails[0]!.raw);
    expect(imipPart(mail).vcalendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(mail.email.text).toContain(`Sie vertreten ${MEMBER.name} (Rhein-Sieg-Kreis - Jugendamt)`);
    // The Geschäftsstelle is still told, in its own mail.
    for (const s of SECRETARIAT) expect((await bot.mailsTo(s.email)).map((m) => m.subject).join()).toContain("Vertretung gemeldet");
  });

  it("the outbox lists one message for the deputy, the invitation", async () => {
    await bot.say(MEMBER.id, DELEGATE);
    const { messages } = json<OutboxList>(await runCli(["--db", bot.file, "--now", "2022-04-25T11:00:00+02:00", "outbox", "list", "--json"]));
    expect(messages.filter((m) => m.personId === DEPUTY.id).map((m) => [m.purpose, m.state])).toEqual([["invitation", "accepted"]]);
    // Invitations are in the outbox too: every member has theirs.
    const invited = new Set(messages.filter((m) => m.purpose === "invitation").map((m) => m.personId));
    for (const id of ["m-jugendamt", "m-caritas", "m-stadt-troisdorf"]) expect(invited.has(id)).toBe(true);
  });

  it("/postausgang shows the Geschäftsstelle what went to whom; a member gets the role refusal", async () => {
    await bot.say(MEMBER.id, DELEGATE);
    const shown = await bot.say("gs-1", "/postausgang");
    expect(shown).not.toContain("kenne ich nicht");
    const lines = shown.split("\n");
    // One line per message: the invitations (17 members, the chair, the deputy) and the two notices.
    const named = (name: string) => lines.filter((l) => l.includes(name));
    expect(named(DEPUTY.name).length).toBeGreaterThanOrEqual(1);
    expect(named(DEPUTY.name).some((l) => /Einladung/.test(l))).toBe(true);
    for (const s of SECRETARIAT) expect(named(s.name).length).toBeGreaterThanOrEqual(1);
    for (const name of ["Sabine Fuchs", "Monika Lührs", "Dr. Ursula Lehmann-Görtz"]) expect(named(name).some((l) => /Einladung/.test(l))).toBe(true);
    expect(lines.filter((l) => /Einladung/.test(l)).length).toBeGreaterThanOrEqual(19);

    const refused = await bot.say("m-caritas", "/postausgang");
    expect(refused).toContain("vorbehalten");
    expect(refused).not.toContain(DEPUTY.name);
  });
});
