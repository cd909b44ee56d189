/** The store commands of the CLI contract (DESIGN.md), run as real processes. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/store-process.ts";

const TIMEOUT = { timeout: 120_000 };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lg-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = ["--now", "2022-04-01T09:00:00+02:00"];
const P = { id: expect.any(String), name: expect.any(String), email: expect.stringMatching(/@example\.org$/), aadObjectId: expect.any(String) };

describe("members", () => {
  it("lists the 17 voting institutions with member and deputy, the Geschäftsstelle, chair and guests", TIMEOUT, async () => {
    const db = join(dir, "members", "db.json");
    const [json, text] = await Promise.all([runCli(["members", "--json", "--db", db]), runCli(["members", "--db", db])]);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(Object.keys(out)).toEqual(["institutions", "secretariat", "chair", "guests"]);
    expect(out.institutions).toHaveLength(17);
    for (const i of out.institutions) {
      expect(i).toEqual({ id: expect.any(String), name: expect.any(String), voting: true, member: P, deputy: P });
    }
    expect(out.institutions.find((i: { id: string }) => i.id === "jobcenter")).toMatchObject({ name: "jobcenter rhein-sieg", member: { id: "m-jobcenter" }, deputy: { id: "d-jobcenter" } });
    expect(out.secretariat).toEqual([P, P]);
    expect(out.chair).toEqual({ ...P, id: "vorsitz" });
    expect(out.guests).toEqual([P]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/17 stimmberechtigte Institution/);
    expect(text.stdout).toMatch(/Mitglied: Jürgen Müller <juergen\.mueller@example\.org>/);
  });
});

describe("meeting create / agenda add / meeting show", () => {
  it("round trip in JSON", TIMEOUT, async () => {
    const db = ["--db", join(dir, "meetings", "db.json"), ...NOW, "--json"];
    const created = await runCli(["meeting", "create", "--start", "2022-05-12T10:00", "--location", "Kreishaus Siegburg", ...db]);
    expect(created.code, created.stderr).toBe(0);
    const meeting = JSON.parse(created.stdout);
    expect(meeting).toEqual({
      id: "s-2022-05-12",
      start: "2022-05-12T10:00:00+02:00",
      end: "2022-05-12T12:00:00+02:00", // § 4 Abs. 1 GO: up to two hours
      location: "Kreishaus Siegburg",
      mode: "in-person",
      onlineUrl: null,
      state: "planned",
      agenda: [],
      proposals: [],
      attendance: [],
      invitation: null,
    });

    const first = await runCli(["agenda", "add", "--meeting", "s-2022-05-12", "--title", "Begrüßung", ...db]);
    const second = await runCli(["agenda", "add", "--meeting", "s-2022-05-12", "--title", "Personalangelegenheiten", "--non-public", ...db]);
    expect(JSON.parse(first.stdout)).toEqual({ id: "s-2022-05-12-top-1", number: 1, title: "Begrüßung", public: true });
    expect(JSON.parse(second.stdout)).toMatchObject({ number: 2, public: false });

    const [next, byId, hybrid] = await Promise.all([
      runCli(["meeting", "show", ...db]),
      runCli(["meeting", "show", "--id", "s-2022-05-12", ...db]),
      runCli(["meeting", "create", "--start", "2022-05-12T14:00", "--mode", "hybrid", "--location", "Siegburg", "--online-url", "https://meet.example.org/lg", ...db]),
    ]);
    expect(next.code, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout)).toEqual({
      ...meeting,
      agenda: [
        { number: 1, title: "Begrüßung", public: true },
        { number: 2, title: "Personalangelegenheiten", public: false },
      ],
    });
    expect(byId.stdout).toBe(next.stdout);
    expect(JSON.parse(hybrid.stdout)).toMatchObject({ id: "s-2022-05-12-2", mode: "hybrid", onlineUrl: "https://meet.example.org/lg" });
  });

  it("refuses bad input with a German message on stderr and a non-zero exit", TIMEOUT, async () => {
    const db = ["--db", join(dir, "errors", "db.json"), ...NOW];
    const runs = await Promise.all([
      runCli(["meeting", "create", "--start", "2022-02-30T10:00", "--location", "Siegburg", "--json", ...db]),
      runCli(["meeting", "create", "--start", "2022-05-12T10:00", "--end", "2022-05-12T09:00", "--location", "Siegburg", ...db]),
      runCli(["meeting", "create", "--start", "2022-05-12T10:00", "--mode", "online", ...db]),
      runCli(["meeting", "show", ...db]),
      runCli(["agenda", "add", "--meeting", "s-1999-01-01", "--title", "X", ...db]),
    ]);
    const messages = [
      /^Fehler: Beginn „2022-02-30T10:00“ ist kein gültiger Zeitpunkt; bitte ISO 8601/,
      /^Fehler: Das Ende \(Donnerstag, 12\.05\.2022, 09:00 Uhr\) muss nach dem Beginn/,
      /^Fehler: Für eine digitale Sitzung fehlt der Link zur Videokonferenz/,
      /^Fehler: Nach Freitag, 01\.04\.2022, 09:00 Uhr ist keine Sitzung geplant/,
      /^Fehler: Eine Sitzung „s-1999-01-01“ gibt es nicht/,
    ];
    runs.forEach((run, i) => {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(messages[i]!);
    });
  });
});

describe("meeting length and help texts follow the profile", () => {
  it("warns of a long meeting under Rhein-Sieg (§ 4 Abs. 1 GO), not under Oberhausen, whose rules set no length", TIMEOUT, async () => {
    const rheinSieg = ["--db", join(dir, "length-rs", "db.json"), ...NOW, "--json"];
    const long = await runCli(["meeting", "create", "--start", "2022-05-12T10:00", "--end", "2022-05-12T13:00", "--location", "Siegburg", ...rheinSieg]);
    expect(long.code, long.stderr).toBe(0);
    expect(long.stderr).toBe("Hinweis: Die Sitzung dauert länger als 2 Stunden; das muss die/der Vorsitzende oder das Gremium festlegen (§ 4 Abs. 1 GO).\n");

    const oberhausen = ["--db", join(dir, "length-ob", "db.json"), ...NOW];
    const imported = await runCli(["import", "data/roster-example.csv", "--profile", "oberhausen", ...oberhausen]);
    expect(imported.code, imported.stderr).toBe(0);
    const [free, standard] = await Promise.all([
      runCli(["meeting", "create", "--start", "2022-05-12T10:00", "--end", "2022-05-12T16:00", "--location", "Rathaus", "--json", ...oberhausen]),
      runCli(["meeting", "create", "--start", "2022-05-19T10:00", "--location", "Rathaus", "--json", ...oberhausen]),
    ]);
    expect(free.code, free.stderr).toBe(0);
    expect(free.stderr).toBe("");
    expect(JSON.parse(standard.stdout)).toMatchObject({ start: "2022-05-19T10:00:00+02:00", end: "2022-05-19T12:00:00+02:00" });
  });

  it("help texts name no paragraph: which one applies depends on the profile", TIMEOUT, async () => {
    const helps = await Promise.all(
      [["meeting", "create"], ["agenda", "add"], ["minutes"], ["minutes", "send"], ["minutes", "object"], ["minutes", "approve"]].map((cmd) => runCli([...cmd, "--help"])),
    );
    for (const help of helps) {
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Usage: lg /);
      expect(help.stdout).not.toMatch(/§|Abs\.|\bGO\b/);
    }
  });
});

describe("import and a damaged data file", () => {
  it("imports a CSV, refuses a bad one line by line, and refuses a corrupted data file", TIMEOUT, async () => {
    const db = join(dir, "import", "db.json");
    const good = await runCli(["import", "data/roster-example.csv", "--json", "--db", db]);
    expect(good.code, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({ institutions: 17, persons: 38 });

    const broken = join(dir, "broken.json");
    await writeFile(broken, '{"schemaVersion": 2, "body": ');
    const [bad, corrupted] = await Promise.all([
      runCli(["import", "test/fixtures/roster-bad.csv", "--db", db]),
      runCli(["members", "--db", broken]),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/wurde nicht importiert, nichts wurde geändert/);
    expect(bad.stderr).toContain("Zeile 4: E-Mail-Adresse fehlt.");
    expect(bad.stderr).toContain("Zeile 9: Institution fehlt");

    expect(corrupted.code).toBe(2);
    expect(corrupted.stderr).toMatch(new RegExp(`^Fehler: Die Datendatei „${broken}“ ist kein lesbares JSON`));
    expect(corrupted.stderr).not.toMatch(/Unerwarteter Fehler|at /);
    expect(await readFile(broken, "utf8")).toBe('{"schemaVersion": 2, "body": ');
  });
});
