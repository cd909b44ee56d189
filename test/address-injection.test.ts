/**
 * Done when: a roster name with quotes, commas, angle brackets or CR/LF adds no recipient and no
 * header to any mail. The hostile roster comes in the way a Geschäftsstelle would bring it: a CSV
 * file through the real `import` command (which today accepts a quoted name with CR/LF in it).
 * Then every kind of mail goes out through the bot — the delegation notices, the invitation, the
 * deputy's invitation, an update, a cancellation, the minutes — and each mail is checked as the
 * receiving side sees it: the SMTP transaction's RCPT TO (the real loopback server) and the parsed
 * headers (postal-mime).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../domain/model.ts";
import { cleanLine } from "../domain/sanitize.ts";
import { parseMail } from "./support/mail-parse.ts";
import type { ReceivedMail } from "./support/smtp.ts";
import { REPO, runCli } from "./support/store-process.ts";
import { startTeamsHarness, type TeamsHarness } from "./support/teams-harness.ts";

/** Roster e-mail → the hostile name the CSV gives that person. */
const HOSTILE: Record<string, string> = {
  "sabine.fuchs@example.org": 'Eve" <evil@example.com>, "X', // member (Jugendamt) who delegates
  "michael.jaeger@example.org": "Max\r\nBcc: evil@example.com", // her deputy
  "monika.luehrs@example.org": "A, B", // member (Caritas)
  "ursula.lehmann-goertz@example.org": "Mallory <mallory@evil.example>", // chair: gets every invitation
  "paul.brueckner@example.org": 'Eve" <evil2@example.com>, "Y', // Geschäftsstelle: gets the notices
};
const SECRETARIAT_HEAD = "miriam.oezdemir@example.org"; // gs-1, left harmless as a comparison
const START = "2022-04-01T09:00:00+02:00";

/** One CSV field, always quoted, quotes doubled (RFC 4180), so CR/LF and `;` stay inside it. */
const field = (v: string) => `"${v.replace(/"/g, '""')}"`;

let hostileDb: Db;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "lg-hostile-roster-"));
  try {
    const lines = (await readFile(join(REPO, "data", "roster-example.csv"), "utf8")).split(/\r?\n/);
    const csv = lines.map((line, i) => {
      if (i === 0 || !line.trim()) return line;
      const cells = line.split(";");
      const name = HOSTILE[cells[3]!];
      if (name) cells[2] = field(name);
      return cells.join(";");
    });
    await writeFile(join(dir, "roster.csv"), csv.join("\r\n"));
    const file = join(dir, "db.json");
    const run = await runCli(["--db", file, "import", join(dir, "roster.csv"), "--json"]);
    expect(run.code, run.stderr).toBe(0);
    hostileDb = Db.parse(JSON.parse(await readFile(file, "utf8")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // The import takes control characters out of names (CR/LF become a space; domain/sanitize.ts) …
  for (const [email, name] of Object.entries(HOSTILE)) expect(hostileDb.persons.find((p) => p.email === email)?.name).toBe(cleanLine(name));
  // … but a data file from before that rule may still hold them: the mail side must cope as well.
  for (const p of hostileDb.persons) p.name = HOSTILE[p.email] ?? p.name;
}, 60_000);

let bot: TeamsHarness;
afterEach(async () => {
  await bot?.close();
});

async function start(): Promise<TeamsHarness> {
  bot = await startTeamsHarness(START, structuredClone(hostileDb));
  return bot;
}

async function expectSay(personId: string, text: string, expected: string | RegExp): Promise<void> {
  const answer = await bot.say(personId, text);
  if (typeof expected === "string") expect(answer, `setup: ${personId} „${text}“`).toContain(expected);
  else expect(answer, `setup: ${personId} „${text}“`).toMatch(expected);
}

async function meeting(): Promise<void> {
  await expectSay("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal", "Sitzung angelegt");
  await expectSay("gs-1", "/top Bericht der Geschäftsstelle", "TOP 1");
}

async function invited(): Promise<void> {
  await meeting();
  bot.setNow("2022-04-20T09:00:00+02:00");
  await expectSay("gs-1", "/einladen", "Bitte bestätigen"); // mass actions wait for the yes
  await expectSay("gs-1", "ja", /versandt/);
}

/** The mails the server received while `step` ran. */
async function mailsDuring(step: () => Promise<unknown>): Promise<ReceivedMail[]> {
  const before = bot.world.smtp.messages.length;
  await step();
  return bot.world.smtp.messages.slice(before);
}

/** Header names of a raw message, lower-cased, in order (folded lines joined first). */
function headerNames(raw: Buffer): string[] {
  const head = raw.toString("utf8").split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return head.split(/\r?\n/).map((l) => l.slice(0, l.indexOf(":")).trim().toLowerCase());
}

/**
 * Every mail went to exactly one roster address, the one in its To header; no Cc, no Bcc, no
 * header that a harmless recipient's mail of the same kind does not have. `expected`: addresses
 * that must have received one.
 */
async function expectClean(mails: ReceivedMail[], expected: string[]): Promise<void> {
  expect(mails.length, "mails sent in this step").toBeGreaterThan(0);
  const roster = new Set(hostileDb.persons.map((p) => p.email));
  const shape = new Map<string, string[]>(); // subject → header names of a harmless recipient's mail
  const parsed = await Promise.all(mails.map(async (m) => ({ m, mail: (await parseMail(m.raw)).email })));
  for (const { m, mail } of parsed) {
    const who = `${mail.subject} → ${m.to.join(", ")}`;
    expect.soft(m.to, `RCPT TO of „${who}“`).toHaveLength(1);
    expect.soft(roster.has(m.to[0]!), `RCPT TO of „${who}“ is a roster address`).toBe(true);
    expect.soft(mail.to?.map((a) => ("address" in a ? a.address : `group ${a.name}`)), `To header of „${who}“`).toEqual([m.to[0]]);
    expect.soft(mail.cc ?? [], `Cc of „${who}“`).toEqual([]);
    expect.soft(mail.bcc ?? [], `Bcc of „${who}“`).toEqual([]);
    const names = headerNames(m.raw);
    expect.soft(names.filter((n) => n === "to"), `To headers of „${who}“`).toHaveLength(1);
    expect.soft(names.filter((n) => ["cc", "bcc", "resent-to", "resent-cc", "resent-bcc", "reply-to"].includes(n)), `extra address headers of „${who}“`).toEqual([]);
    if (!Object.keys(HOSTILE).includes(m.to[0]!) && !shape.has(mail.subject ?? "")) shape.set(mail.subject ?? "", [...names].sort());
  }
  for (const { m, mail } of parsed) {
    const harmless = shape.get(mail.subject ?? "");
    if (harmless) expect([...headerNames(m.raw)].sort(), `header names of „${mail.subject}“ to ${m.to[0]} (as to a harmless name)`).toEqual(harmless);
  }
  const reached = new Set(mails.flatMap((m) => m.to));
  for (const email of expected) expect(reached.has(email), `${email} received a mail`).toBe(true);
  expect([...reached].filter((a) => /evil/i.test(a)), "evil addresses in any RCPT TO").toEqual([]);
}

describe("hostile roster names add no recipient and no header", () => {
  it("delegation notices (to the deputy and the Geschäftsstelle)", async () => {
    await start();
    await meeting();
    const mails = await mailsDuring(() => expectSay("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung", "erhält die Einladung"));
    await expectClean(mails, ["michael.jaeger@example.org", SECRETARIAT_HEAD, "paul.brueckner@example.org"]);
  });

  it("the invitation (/einladen), to every member and the chair", async () => {
    await start();
    await meeting();
    bot.setNow("2022-04-20T09:00:00+02:00");
    await expectSay("gs-1", "/einladen", "Bitte bestätigen");
    const mails = await mailsDuring(() => expectSay("gs-1", "ja", /versandt/));
    await expectClean(mails, ["sabine.fuchs@example.org", "monika.luehrs@example.org", "ursula.lehmann-goertz@example.org", "juergen.mueller@example.org"]);
  });

  it("the deputy's invitation and the notices after a delegation that follows the invitation", async () => {
    await start();
    await invited();
    bot.setNow("2022-04-25T11:00:00+02:00");
    const mails = await mailsDuring(() => expectSay("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung", "erhält die Einladung"));
    await expectClean(mails, ["michael.jaeger@example.org", "paul.brueckner@example.org"]);
  });

  it("an update (/einladen aktualisieren)", async () => {
    await start();
    await invited();
    await expectSay("gs-1", "/top Sprachkurse für Geflüchtete", "TOP 2");
    await expectSay("gs-1", "/einladen aktualisieren", "Bitte bestätigen");
    const mails = await mailsDuring(() => expectSay("gs-1", "ja", /versandt|gesendet/));
    await expectClean(mails, ["sabine.fuchs@example.org", "monika.luehrs@example.org", "ursula.lehmann-goertz@example.org"]);
  });

  it("a cancellation (/sitzung absagen)", async () => {
    await start();
    await invited();
    await expectSay("gs-1", "/sitzung absagen Der Saal ist nicht verfügbar.", "Bitte bestätigen");
    const mails = await mailsDuring(() => expectSay("gs-1", "ja", "Ich sage die Sitzung ab"));
    await expectClean(mails, ["sabine.fuchs@example.org", "monika.luehrs@example.org", "ursula.lehmann-goertz@example.org"]);
  });

  it("the minutes (/niederschrift senden)", async () => {
    await start();
    await invited();
    bot.setNow("2022-05-12T10:05:00+02:00");
    for (const id of ["m-jugendamt", "m-caritas", "m-sozialamt", "m-jobcenter", "m-dezernat-ii", "m-diakonie", "m-gemeinde-much", "m-stadt-troisdorf", "m-agentur-fuer-arbeit"]) {
      await expectSay(id, "Ich bin anwesend", "als anwesend eingetragen");
    }
    bot.setNow("2022-05-13T09:00:00+02:00");
    await expectSay("gs-1", "/niederschrift", "Niederschrift");
    bot.setNow("2022-05-20T09:00:00+02:00");
    await expectSay("gs-1", "/niederschrift senden", "Bitte bestätigen");
    const mails = await mailsDuring(() => expectSay("gs-1", "ja", "versende"));
    await expectClean(mails, ["sabine.fuchs@example.org", "monika.luehrs@example.org"]);
  });
});
