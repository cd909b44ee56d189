/**
 * The command line on PostgreSQL (a real server, test/support/postgres.ts), as separate
 * processes: many at once on one body, two bodies side by side in one database, and a JSON data
 * file migrated into it. Pass/fail never depends on timing; the timeouts are generous limits.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { closePools, poolFor } from "../adapters/pg-schema.ts";
import { openPgStore } from "../adapters/pg-store.ts";
import { freshDatabase, pgAdminUrl } from "./support/pg-database.ts";
import { runCli } from "./support/store-process.ts";

const NOW = "2026-11-02T10:00:00+01:00";
const clock = fixedClock(NOW);

/** A second body's roster: other people, other institutions. */
const WESEL_CSV = [
  "rolle;institution;name;email;aadObjectId;stimmberechtigt",
  "mitglied;Kreis Wesel - Jugendamt;Greta Wesel;greta.wesel@wesel.example.org;11111111-0000-4000-8000-000000000001;ja",
  "stellvertretung;Kreis Wesel - Jugendamt;Tom Rhein;tom.rhein@wesel.example.org;11111111-0000-4000-8000-000000000002;ja",
  "mitglied;Caritas Wesel;Ida Lippe;ida.lippe@wesel.example.org;11111111-0000-4000-8000-000000000003;ja",
  "stellvertretung;Caritas Wesel;Jan Ruhr;jan.ruhr@wesel.example.org;11111111-0000-4000-8000-000000000004;ja",
  "leitung-geschaeftsstelle;;Lena Niers;lena.niers@wesel.example.org;11111111-0000-4000-8000-000000000005;",
  "vorsitz;;Karl Issel;karl.issel@wesel.example.org;11111111-0000-4000-8000-000000000006;",
].join("\n");

describe.skipIf(!pgAdminUrl())("the command line on PostgreSQL", () => {
  let url: string;
  let dir: string;
  const cli = (...args: string[]) => runCli(args, { DATABASE_URL: url, LG_DB: join(dir, "db.json"), LG_NOW: NOW, LG_BODY: "" });
  const json = async (...args: string[]) => {
    const run = await cli(...args, "--json");
    expect(run, run.stderr).toMatchObject({ code: 0 });
    return JSON.parse(run.stdout);
  };

  beforeAll(async () => {
    url = await freshDatabase();
    dir = await mkdtemp(join(tmpdir(), "lg-pg-cli-"));
  });
  afterAll(async () => {
    await closePools();
    await rm(dir, { recursive: true, force: true });
  });

  it("17 command-line processes confirming at the same moment leave 17 attendances, each audited once", { timeout: 300_000 }, async () => {
    await json("meeting", "create", "--start", "2026-12-10T10:00", "--location", "Kreishaus Siegburg");
    const store = openPgStore({ url, clock });
    const institutions = (await store.read()).institutions.map((i) => i.id);
    expect(institutions).toHaveLength(17);

    const runs = await Promise.all(institutions.map((id) => cli("chat", "--as", `m-${id}`, "Ich nehme digital teil", "--activity-id", `confirm-${id}`)));
    for (const run of runs) {
      expect(run, run.stderr).toMatchObject({ code: 0 });
      expect(run.stdout).toContain("Ihre Teilnahme (digital)");
    }
    const db = await store.read();
    expect(db.attendance.map((a) => a.institutionId).sort()).toEqual([...institutions].sort());
    expect(db.attendance.every((a) => a.status === "attending" && a.mode === "online")).toBe(true);
    const audited = (await store.auditLog()).filter((e) => e.action === "attendance.attending").map((e) => e.details.institutionId);
    expect(audited.sort()).toEqual([...institutions].sort());
  });

  it("two bodies in one database: the same meeting id in both, and no query or answer of one shows the other's data", { timeout: 300_000 }, async () => {
    const csv = join(dir, "wesel.csv");
    await writeFile(csv, WESEL_CSV);
    const imported = await json("import", csv, "--body", "wesel", "--profile", "kreis-wesel", "--name", "Lenkungsgruppe KIM Kreis Wesel", "--secretariat-email", "kim@wesel.example.org");
    expect(imported).toEqual({ institutions: 2, persons: 6 });

    const members = await json("members", "--body", "wesel");
    expect(members.institutions.map((i: { name: string }) => i.name)).toEqual(["Kreis Wesel - Jugendamt", "Caritas Wesel"]);
    const emails = JSON.stringify(members);
    expect(emails).not.toContain("@example.org\"");
    const greta = members.institutions[0].member.id as string;

    const created = await json("meeting", "create", "--body", "wesel", "--start", "2026-12-10T10:00", "--location", "Kreishaus Wesel");
    const defaultMeeting = await json("meeting", "show", "--id", created.id);
    expect(created.id).toBe(defaultMeeting.id); // the same id in both bodies
    expect(defaultMeeting.location).toBe("Kreishaus Siegburg");

    const answer = await cli("chat", "--body", "wesel", "--as", greta, "Ich nehme teil");
    expect(answer, answer.stderr).toMatchObject({ code: 0 });
    expect(answer.stdout).toContain("Kreis Wesel - Jugendamt");
    expect(answer.stdout).not.toContain("Rhein-Sieg");

    const wesel = await json("meeting", "show", "--body", "wesel", "--id", created.id);
    expect(wesel.location).toBe("Kreishaus Wesel");
    expect(wesel.attendance.map((a: { institutionId: string }) => a.institutionId)).toEqual([members.institutions[0].id]);
    expect((await json("meeting", "show", "--id", created.id)).attendance).toHaveLength(17);

    // A person of one body is nobody in the other.
    const stranger = await cli("chat", "--body", "wesel", "--as", "m-jugendamt", "Ich nehme teil");
    expect(stranger.code).toBe(2);
    // Each body's own rules and roster.
    expect((await json("deadlines", "--body", "wesel", "--meeting", "2026-12-10T10:00:00+01:00")).profile).toBe("kreis-wesel");
    expect((await json("deadlines", "--meeting", "2026-12-10T10:00:00+01:00")).profile).toBe("rhein-sieg-kreis");
    expect((await json("quorum", "--body", "wesel", "--present", "1")).votingMembers).toBe(2);
    expect((await json("quorum", "--present", "9")).votingMembers).toBe(17);

    const weselLog = await openPgStore({ url, body: "wesel", clock }).auditLog();
    expect(weselLog.filter((e) => e.action === "attendance.attending")).toHaveLength(1);
    expect(JSON.stringify(weselLog)).not.toContain("m-jugendamt");
  });

  it("refuses an unknown body in one sentence and creates nothing", { timeout: 120_000 }, async () => {
    const run = await cli("members", "--body", "wesell");
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("Das Gremium „wesell“ gibt es");
    const { rows } = await poolFor(url).query("SELECT id FROM bodies ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual(["default", "wesel"]);
  });

  it("refuses --body without a database, in one sentence", { timeout: 120_000 }, async () => {
    const run = await runCli(["members", "--body", "wesel"], { DATABASE_URL: "", LG_DB: join(dir, "json", "db.json") });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("DATABASE_URL");
  });

  it("migrates a JSON data file with its audit log: same ids, same records, every line, said; a retried activity stays a duplicate", { timeout: 300_000 }, async () => {
    const file = join(dir, "json", "db.json");
    const local = (...args: string[]) => runCli(args, { DATABASE_URL: "", LG_DB: file, LG_NOW: NOW });
    for (const args of [
      ["meeting", "create", "--start", "2026-12-10T10:00", "--location", "Kreishaus Siegburg"],
      ["agenda", "add", "--meeting", "s-2026-12-10", "--title", "Bericht der Geschäftsstelle"],
      ["chat", "--as", "m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung", "--activity-id", "t-1"],
    ]) {
      const run = await local(...args);
      expect(run, run.stderr).toMatchObject({ code: 0 });
    }
    const source = openJsonStore(file, { clock });
    const before = await source.read();
    const log = await source.auditLog();

    const report = await json("migrate", "--from", file, "--body", "rsk");
    expect(report).toMatchObject({ body: "rsk", auditLines: log.length, checked: true });
    expect(report.counts).toMatchObject({ meetings: 1, attendance: 1, institutions: 17, persons: before.persons.length, processedActivities: 1, outbox: before.outbox.length });
    const text = await cli("migrate", "--from", file, "--body", "rsk-2");
    expect(text.stdout).toContain(`${log.length} Zeilen des Änderungsprotokolls`);

    const copy = openPgStore({ url, body: "rsk", clock });
    expect(await copy.read()).toEqual(before);
    const copied = await copy.auditLog();
    expect(copied.slice(0, -1)).toEqual(log);
    expect(copied.at(-1)).toMatchObject({ action: "store.migrate-json", details: { auditLines: log.length } });

    // Teams redelivering the activity the file had processed changes nothing in the database.
    const retry = await cli("chat", "--body", "rsk", "--as", "m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung", "--activity-id", "t-1");
    expect(retry, retry.stderr).toMatchObject({ code: 0 });
    expect((await copy.read()).attendance).toEqual(before.attendance);
    expect((await copy.auditLog()).length).toBe(copied.length);

    const again = await cli("migrate", "--from", file, "--body", "rsk");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("gibt es");
  });
});
