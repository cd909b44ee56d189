/**
 * What gets in with a well-formed request (issue 17), over HTTP in local mode: oversized texts are
 * refused with the limit named and the data file grows by nothing; control characters and
 * direction overrides reach no calendar file and no mail header; members get the role refusal
 * for the chair's commands, typed or in plain text; every file the bot wrote is its owner's alone;
 * local mode cannot be reached from another machine; a read-only data folder refuses at once.
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { buildIcs } from "../adapters/calendar.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { minutesFolder } from "../adapters/minutes-files.ts";
import { parseRosterCsv } from "../adapters/roster-file.ts";
import { startServer } from "../bot/server.ts";
import { settingsFromEnv } from "../bot/settings.ts";
import { loadProfile } from "../adapters/profiles.ts";
import { message, post, USERS, startConnector, type Connector } from "./support/connector.ts";
import { parseMail } from "./support/mail-parse.ts";
import { NOW, startSecurityBot, type SecurityBot } from "./support/security-bot.ts";
import { REPO, finished } from "./support/store-process.ts";

/** Controls other than the CR LF that ends a line and the tab that folds one, and the direction overrides. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const HOSTILE = "Haushalt\u000b2023\u0007 \u202Egnuthcaeb\u202C\u0000 Ende";

let connector: Connector;
let bot: SecurityBot;
let sent = 0;
/** The bot's answer (all reply texts) to `text` from `user`. */
async function say(text: string, user = USERS.jugendamt): Promise<string> {
  const before = connector.received.length;
  const res = await post(bot.url, message(connector, text, `c-${++sent}`, user));
  expect(res.status).toBe(200);
  await bot.settle();
  return connector.received.slice(before).map((r) => String(r.activity.text)).join("\n");
}

beforeAll(async () => {
  connector = await startConnector();
  bot = await startSecurityBot();
  await say("Hallo"); // the member's conversation is known from here on
  await say("Hallo", USERS.secretariat);
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});

describe("size limits, before any role or state check", () => {
  it.each([
    ["a message over 10,000 characters", () => "Ich nehme teil " + "x".repeat(10_001), USERS.jugendamt, "höchstens 10.000 Zeichen"],
    ["a personal statement over 5,000 characters", () => `Persönliche Erklärung: ${"x".repeat(5_001)} bitte ins Protokoll`, USERS.jugendamt, "Die Erklärung ist zu lang: höchstens 5.000 Zeichen"],
    ["a TOP title over 300 characters", () => `/top ${"T".repeat(301)}`, USERS.secretariat, "Der Titel (oder Ort) ist zu lang: höchstens 300 Zeichen"],
    ["a proposal title over 300 characters, from a member", () => `Ich möchte einen TOP vorschlagen: ${"T".repeat(301)}`, USERS.jugendamt, "höchstens 300 Zeichen"],
  ])("%s is refused, naming the limit, and the data file grows by nothing", async (_what, text, user, refusal) => {
    const before = bot.dataBytes();
    expect(await say(text(), user)).toContain(refusal);
    expect(bot.dataBytes().equals(before)).toBe(true);
  });

  it("a proposal's description over 2,000 characters is refused at its step, and the flow keeps nothing of it", async () => {
    expect(await say("Ich möchte einen TOP vorschlagen: Sprachkurse")).toContain("Vorschlag");
    const before = bot.dataBytes();
    expect(await say("d".repeat(2_001))).toContain("Die Beschreibung (oder Begründung) ist zu lang: höchstens 2.000 Zeichen");
    expect(bot.dataBytes().equals(before)).toBe(true);
    await say("abbrechen");
  });

  it("the same in English for an English message", async () => {
    expect(await say("I will attend " + "x".repeat(10_001))).toContain("at most 10,000 characters");
  });
});

describe("role refusals", () => {
  it.each([
    ["/abstimmung typed by a member", "/abstimmung TOP 1: 9 ja, 2 nein, 1 enthaltung"],
    ["a vote in plain text by a member", "9 ja 2 nein 1 enthaltung"],
    ["/anwesend typed by a member", "/anwesend Sabine Fuchs"],
  ])("%s gets the role refusal, not a failed turn, and changes nothing", async (_what, text) => {
    const before = (await openJsonStore(bot.file).read()).votes.length;
    const answer = await say(text);
    expect(answer).toContain("vorbehalten");
    expect(answer).not.toContain("Fehler aufgetreten");
    expect((await openJsonStore(bot.file).read()).votes).toHaveLength(before);
  });
});

describe("control characters and direction overrides", () => {
  it("reach neither the calendar files nor the mail headers of an invitation", async () => {
    // A name as an old data file (or a hand-edited one) may hold it: CR LF, a header, an override.
    await openJsonStore(bot.file).update({ actorId: "test" }, (db) => {
      db.persons.find((p) => p.id === "m-jugendamt")!.name = "Sabine Fuchs\r\nBcc: attacker@evil.example\u202E";
    });
    expect(await say(`/top ${HOSTILE}`, USERS.secretariat)).toContain("Haushalt");
    await say("/einladen", USERS.secretariat);
    expect(await say("ja", USERS.secretariat)).toContain("versandt");
    const files = bot.outboxFiles().filter((f) => f.endsWith(".eml"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const raw = readFileSync(join(bot.outbox, f), "utf8");
      const headers = raw.slice(0, raw.indexOf("\r\n\r\n"));
      expect(headers.replace(/\r\n[ \t]/g, " ").split("\r\n").every((line) => !FORBIDDEN.test(line) && !/\r|\n/.test(line))).toBe(true);
      expect(headers).not.toMatch(/^Bcc:/im);
      const mail = await parseMail(raw);
      expect(mail.email.bcc ?? []).toEqual([]);
      for (const cal of mail.calendars) expect(cal.text).not.toMatch(FORBIDDEN);
    }
    const item = (await openJsonStore(bot.file).read()).meetings[0]!.agenda[0]!;
    expect(item.title).toBe("Haushalt 2023 gnuthcaeb Ende");
  });

  it("are taken out of a calendar file even when the data holds them (RFC 5545 § 3.3.11)", () => {
    const ics = buildIcs({
      uid: "u-1", sequence: 0, method: "REQUEST", start: new Date("2022-05-12T08:00:00Z"), end: new Date("2022-05-12T10:00:00Z"),
      summary: HOSTILE, location: "Raum\u000b1", description: `Zeile 1\nZeile\u0007 2 ${HOSTILE}`, onlineUrl: null,
      organizer: { name: "Geschäfts\u202Estelle", email: "gs@example.org" }, attendees: [{ name: "A\r\nB", email: "a@example.org" }], stamp: new Date("2022-04-01T07:00:00Z"),
    });
    expect(ics).not.toMatch(FORBIDDEN);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("are removed from names and institutions at roster import", () => {
    const csv = "rolle;institution;name;email\nmitglied;Jugend\u202Eamt;Sabine\u0007 Fuchs\u200F;sabine@example.org\n";
    const row = parseRosterCsv(csv).rows[0]!;
    expect(row.fields).toMatchObject({ institution: "Jugendamt", name: "Sabine Fuchs" });
  });

  it("a roster with more than 500 rows is refused, naming the limit", () => {
    const csv = "rolle;institution;name;email\n" + Array.from({ length: 501 }, (_, i) => `mitglied;I${i};N${i};n${i}@example.org`).join("\n");
    expect(() => parseRosterCsv(csv)).toThrow(/höchstens 500/);
  });
});

describe("files the bot writes are its owner's alone", () => {
  it("data file, audit log, outbox .eml files and their folder: 0600 and 0700", () => {
    const modes = walk(bot.dir);
    expect(modes.some(([f]) => f.endsWith("db.json"))).toBe(true);
    expect(modes.some(([f]) => f.endsWith("db.audit.jsonl"))).toBe(true);
    expect(modes.some(([f]) => f.endsWith(".eml"))).toBe(true);
    expect(modes.filter(([, mode, dir]) => mode !== (dir ? 0o700 : 0o600))).toEqual([]);
  });

  it("the minutes files and their folder too", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "minutes-mode-")), "minutes");
    const folder = minutesFolder(dir);
    const files = folder.files("s-1", loadProfile("rhein-sieg-kreis"));
    await folder.write(files, { internalMd: "# a", internalHtml: "<p>a</p>", publicMd: "# b", publicHtml: "<p>b</p>" });
    expect(walk(dir).filter(([, mode, isDir]) => mode !== (isDir ? 0o700 : 0o600))).toEqual([]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

/** [path, permission bits, is a folder] of everything below `dir`. */
function walk(dir: string): [string, number, boolean][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e): [string, number, boolean][] => {
    const path = join(dir, e.name);
    const entry: [string, number, boolean] = [path, statSync(path).mode & 0o777, e.isDirectory()];
    return e.isDirectory() ? [entry, ...walk(path)] : [entry];
  });
}

describe("local mode is not reachable from another machine", () => {
  const address = Object.values(networkInterfaces()).flat().find((a) => a && !a.internal && a.family === "IPv4")?.address;

  it.skipIf(!address)("listens on 127.0.0.1 by default: the machine's own network address is refused; HOST=0.0.0.0 opens it", async () => {
    // (Skipped only on a machine without any non-loopback IPv4 address: there is nothing to connect from.)
    const local = settingsFromEnv({});
    expect(local.host).toBe("127.0.0.1");
    const closed = await startServer({} as never, {} as never, 0, local.host);
    const open = await startServer({} as never, {} as never, 0, settingsFromEnv({ HOST: "0.0.0.0" }).host);
    try {
      expect(await reach(address!, (closed.address() as { port: number }).port)).toBe("ECONNREFUSED");
      expect(await reach(address!, (open.address() as { port: number }).port)).toBe("connected");
    } finally {
      closed.close();
      open.close();
    }
  });
});

function reach(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

describe("a data folder that cannot be written", () => {
  // Root writes anywhere, so the command line runs as the unprivileged user "nobody" (uid 65534).
  const asRoot = process.getuid?.() === 0;

  it.skipIf(process.platform === "win32")("refuses a change at once with a sentence that says so; reads keep answering", async () => {
    const dir = mkdtempSync(join(tmpdir(), "readonly-"));
    const file = join(dir, "db.json");
    const store = openJsonStore(file, { clock: fixedClock(NOW) });
    await store.update({ actorId: "test" }, (db) => void db.meetings.push({ id: "s-2022-05-12", start: "2022-05-12T10:00:00+02:00", end: "2022-05-12T12:00:00+02:00", location: "Kreishaus", mode: "in-person", onlineUrl: null, state: "planned", agenda: [], createdAt: NOW }));
    const cli = (args: string[], owner = false) =>
      finished(spawn(process.execPath, ["--import", "tsx", "cli/index.ts", "--db", file, "--now", NOW, ...args], {
        cwd: REPO, env: { ...process.env, HOME: tmpdir() }, stdio: ["ignore", "pipe", "pipe"], ...(asRoot && !owner ? { uid: 65534, gid: 65534 } : {}),
      }));
    // Both have talked to the bot before, so a turn needs to write nothing but the change itself.
    for (const who of ["gs-1", "m-jugendamt"]) expect((await cli(["chat", "--as", who, "Hallo"], true)).code).toBe(0);
    chmodSync(file, 0o644);
    chmodSync(dir, 0o555);
    const read = await cli(["meeting", "show", "--json"]);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain("s-2022-05-12");
    const write = await cli(["agenda", "add", "--meeting", "s-2022-05-12", "--title", "Bericht"]);
    expect(write.code).not.toBe(0);
    expect(write.stderr).toContain("ist nicht beschreibbar");
    expect(write.stderr).toContain("die Änderung wurde nicht gespeichert");
    const secretariat = await cli(["chat", "--as", "gs-1", "/top Bericht"]);
    expect(secretariat.stdout).toContain("ist nicht beschreibbar");
    const member = await cli(["chat", "--as", "m-jugendamt", "Ich nehme teil"]);
    expect(member.stdout).toContain("konnte gerade nicht gespeichert werden");
    expect(member.stdout).not.toContain(dir);
    // Someone who never wrote: the bot would remember their chat first; that too ends in the sentence, not a failure.
    const first = await cli(["chat", "--as", "m-caritas", "Ich nehme teil"]);
    expect(first.stdout).toContain("konnte gerade nicht gespeichert werden");
    expect(first.stdout).not.toContain("Fehler aufgetreten");
    chmodSync(dir, 0o700);
    writeFileSync(join(dir, "done"), "");
  }, 150_000); // seven command-line processes
});
