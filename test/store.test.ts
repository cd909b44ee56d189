import { appendFile, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { auditFileFor, KEPT_ACTIVITY_IDS, openJsonStore, StoreError } from "../adapters/json-store.ts";
import { demoDb } from "../adapters/demo.ts";
import { Db } from "../domain/model.ts";
import { attendance } from "./support/store-fixture.ts";

const clock = fixedClock("2022-05-01T12:00:00+02:00");
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "lg-store-"));
  file = join(dir, "data", "db.json");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a new data file", () => {
  it("is created with the demo Lenkungsgruppe, folder included, on first read", async () => {
    const db = await openJsonStore(file, { clock }).read();
    expect(db.body.name).toBe("Lenkungsgruppe KIM im Rhein-Sieg-Kreis");
    expect(db.body.profile).toBe("rhein-sieg-kreis");
    expect(db.institutions.filter((i) => i.voting)).toHaveLength(17);
    expect(db.meetings).toEqual([]);
    expect(Db.parse(JSON.parse(await readFile(file, "utf8")))).toEqual(db);
    const log = await openJsonStore(file, { clock }).auditLog();
    expect(log).toEqual([{ at: "2022-05-01T12:00:00+02:00", actorId: "system", action: "store.create", details: { demo: db.body.name } }]);
  });

  it("demo roster: unique readable ids, chair and Geschäftsstelle outside the institutions", () => {
    const db = demoDb();
    const ids = db.persons.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(db.persons.map((p) => p.email)).size).toBe(ids.length);
    expect(db.persons.every((p) => p.email.endsWith("@example.org") && /^0{8}-0{4}-4000-8000-\d{12}$/.test(p.aadObjectId ?? ""))).toBe(true);
    const jugendamt = db.institutions.find((i) => i.id === "jugendamt")!;
    expect(jugendamt).toMatchObject({ name: "Rhein-Sieg-Kreis - Jugendamt", memberId: "m-jugendamt", deputyId: "d-jugendamt" });
    const inInstitutions = new Set(db.institutions.flatMap((i) => [i.memberId, i.deputyId]));
    expect(inInstitutions.has(db.body.chairId)).toBe(false);
    expect(db.body.secretariatIds).toEqual(["gs-1", "gs-2"]);
    expect(db.body.secretariatHeadId).toBe("gs-1");
    expect(db.body.guestIds).toHaveLength(1);
    expect(db.body.secretariatEmail).toBe("geschaeftsstelle-kim@example.org");
  });
});

describe("update", () => {
  it("applies the change, validates, writes and audits with the clock's Berlin time", async () => {
    const store = openJsonStore(file, { clock });
    const result = await store.update({ actorId: "gs-1" }, (db, audit) => {
      db.attendance.push(attendance("jugendamt"));
      audit("attendance.record", { institutionId: "jugendamt" });
      return db.attendance.length;
    });
    expect(result).toEqual({ duplicate: false, value: 1 });
    expect((await store.read()).attendance).toHaveLength(1);
    expect((await store.auditLog()).at(-1)).toEqual({
      at: "2022-05-01T12:00:00+02:00",
      actorId: "gs-1",
      action: "attendance.record",
      details: { institutionId: "jugendamt" },
    });
  });

  it("writes nothing when the change throws, and the error comes through", async () => {
    const store = openJsonStore(file, { clock });
    await store.read();
    const before = await readFile(file);
    const auditBefore = await readFile(auditFileFor(file));
    await expect(
      store.update({ actorId: "gs-1" }, (db, audit) => {
        db.meetings = [];
        audit("never");
        throw new Error("abgebrochen");
      }),
    ).rejects.toThrow("abgebrochen");
    expect(await readFile(file)).toEqual(before);
    expect(await readFile(auditFileFor(file))).toEqual(auditBefore);
  });

  it("refuses a change that would make the data invalid, naming the field", async () => {
    const store = openJsonStore(file, { clock });
    await store.read();
    const before = await readFile(file);
    const attempt = store.update({ actorId: "gs-1" }, (db) => {
      db.persons[0]!.email = "keine-adresse";
    });
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toThrow(/persons\[0\]\.email: ist keine gültige E-Mail-Adresse/);
    expect(await readFile(file)).toEqual(before);
  });

  it("loses no update when 50 run at once in one process (two store objects on one file)", async () => {
    const a = openJsonStore(file, { clock });
    const b = openJsonStore(file, { clock });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? a : b).update({ actorId: "test" }, (db) => {
          db.attendance.push(attendance(`inst-${i}`));
        }),
      ),
    );
    const db = await a.read();
    expect(db.attendance.map((x) => x.institutionId).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `inst-${i}`).sort());
  });

  it("does not apply a redelivered activity twice", async () => {
    const store = openJsonStore(file, { clock });
    let calls = 0;
    const change = (db: Db) => {
      calls++;
      db.attendance.push(attendance("jugendamt"));
      return "ok";
    };
    expect(await store.update({ actorId: "m-jugendamt", activityId: "act-1" }, change)).toEqual({ duplicate: false, value: "ok" });
    expect(await store.update({ actorId: "m-jugendamt", activityId: "act-1" }, change)).toEqual({ duplicate: true });
    expect(calls).toBe(1);
    const db = await store.read();
    expect(db.attendance).toHaveLength(1);
    expect(db.processedActivities).toEqual([{ id: "act-1", at: "2022-05-01T12:00:00+02:00" }]);
  });

  it("keeps only the last 1,000 activity ids", async () => {
    const store = openJsonStore(file, { clock });
    await store.update({ actorId: "system" }, (db) => {
      db.processedActivities = Array.from({ length: KEPT_ACTIVITY_IDS }, (_, i) => ({ id: `old-${i}`, at: "2022-04-01T00:00:00+02:00" }));
    });
    await store.update({ actorId: "system", activityId: "new-1" }, () => undefined);
    const ids = (await store.read()).processedActivities.map((a) => a.id);
    expect(ids).toHaveLength(KEPT_ACTIVITY_IDS);
    expect(ids[0]).toBe("old-1");
    expect(ids.at(-1)).toBe("new-1");
  });

  it("takes over a lock left by a dead process once it is stale", async () => {
    const store = openJsonStore(file, { clock, lock: { staleMs: 2000 } });
    await store.read();
    const lockDir = `${file}.lock`;
    await mkdir(lockDir);
    const old = new Date(Date.now() - 60_000);
    await utimes(lockDir, old, old);
    await store.update({ actorId: "system" }, (db) => void (db.botState.x = 1));
    expect((await store.read()).botState).toEqual({ x: 1 });
  });
});

describe("a damaged data file", () => {
  const cases: [string, () => string, RegExp][] = [
    ["garbage", () => "das ist kein JSON", /kein lesbares JSON/],
    ["truncated JSON", () => JSON.stringify(demoDb(), null, 2).slice(0, 2000), /kein lesbares JSON/],
    ["an empty file", () => "", /kein lesbares JSON/],
    ["JSON null", () => "null", /kein JSON-Objekt/],
    [
      "a person without e-mail",
      () => {
        const db = demoDb() as unknown as { persons: Record<string, unknown>[] };
        delete db.persons[3]!.email;
        return JSON.stringify(db);
      },
      /passt nicht zum Datenmodell: persons\[3\]\.email: fehlt/,
    ],
    ["a newer schema version", () => JSON.stringify({ ...demoDb(), schemaVersion: 3 }), /Schemaversion 3.*bitte das Programm aktualisieren/],
  ];

  it.each(cases)("%s is refused with the file and the problem named, and left unchanged", async (_name, content, problem) => {
    await mkdir(join(dir, "data"));
    await writeFile(file, content());
    const before = await readFile(file);
    const store = openJsonStore(file, { clock });
    for (const attempt of [() => store.read(), () => store.update({ actorId: "system" }, () => undefined), () => store.auditLog()]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(problem);
      expect((error as Error).message).toMatch(/nicht verändert/);
    }
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(join(dir, "data"))).toEqual(["db.json"]);
  });
});

describe("migration from schema version 1", () => {
  const fixture = new URL("./fixtures/store-v1.json", import.meta.url);

  it("moves the embedded audit log to the JSON-lines file and keeps a backup", async () => {
    await mkdir(join(dir, "data"));
    await copyFile(fixture, file);
    const original = await readFile(file);
    const v1 = JSON.parse(original.toString("utf8"));

    const store = openJsonStore(file, { clock });
    const db = await store.read();
    expect(db.schemaVersion).toBe(2);
    expect(db.processedActivities).toEqual([]);
    expect(db.botState).toEqual({});
    expect(db.meetings).toEqual(v1.meetings);
    expect(db.attendance).toEqual(v1.attendance);

    const onDisk = JSON.parse(await readFile(file, "utf8"));
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk).not.toHaveProperty("audit");
    expect(await readFile(`${file}.v1.bak`)).toEqual(original);

    const log = await store.auditLog();
    expect(log.slice(0, 3)).toEqual(v1.audit);
    expect(log[3]).toMatchObject({ actorId: "system", action: "store.migrate", details: { from: 1, to: 2, backup: `${file}.v1.bak`, auditEntriesMoved: 3 } });
    expect(log).toHaveLength(4);

    // Opening it again changes nothing more.
    await openJsonStore(file, { clock }).read();
    expect(await store.auditLog()).toHaveLength(4);
  });

  it("does not duplicate audit lines when an interrupted migration runs again", async () => {
    await mkdir(join(dir, "data"));
    await copyFile(fixture, file);
    const v1 = JSON.parse(await readFile(file, "utf8"));
    // As if a first run had written the audit file and then died before the data file.
    await writeFile(auditFileFor(file), v1.audit.map((e: unknown) => JSON.stringify(e) + "\n").join(""));
    const log = await openJsonStore(file, { clock }).auditLog();
    expect(log.map((e) => e.action)).toEqual(["meeting.create", "agenda.add", "attendance.checkin", "store.migrate"]);
  });

  it("refuses a v1 file that does not match version 1, unchanged", async () => {
    await mkdir(join(dir, "data"));
    const v1 = JSON.parse(await readFile(fixture, "utf8"));
    v1.audit[1].at = "gestern";
    await writeFile(file, JSON.stringify(v1));
    const before = await readFile(file);
    await expect(openJsonStore(file, { clock }).read()).rejects.toThrow(/audit\[1\]\.at: ist keine gültige Zeitangabe/);
    expect(await readFile(file)).toEqual(before);
    await expect(stat(`${file}.v1.bak`)).rejects.toThrow();
  });
});

describe("audit log", () => {
  it("skips a torn last line, reports it, and later lines stay readable", async () => {
    const warnings: string[] = [];
    const store = openJsonStore(file, { clock, onWarning: (m) => warnings.push(m) });
    await store.update({ actorId: "gs-1" }, (_db, audit) => audit("first"));
    await appendFile(auditFileFor(file), '{"at":"2022-05-01T12:00:00+02:00","actorId":"gs-1","act'); // killed mid-write
    expect((await store.auditLog()).map((e) => e.action)).toEqual(["store.create", "first"]);
    expect(warnings[0]).toMatch(/1 unlesbare Zeile\(n\) übersprungen \(Zeile 3\)/);

    await store.update({ actorId: "gs-1" }, (_db, audit) => audit("second"));
    expect((await store.auditLog()).map((e) => e.action)).toEqual(["store.create", "first", "second"]);
  });

  it("counts a change's lines only once its data is written: lines of a change that crashed before are never read, and the next change cuts them off", async () => {
    const store = openJsonStore(file, { clock });
    await store.update({ actorId: "gs-1" }, (db, audit) => {
      db.attendance.push(attendance("jugendamt"));
      audit("attendance.record", { institutionId: "jugendamt" });
    });
    expect((await store.read()).auditSeq).toBe(1);
    // As if the next change had written its audit lines ahead and died before its data (and in the middle of a line).
    const ghost = { at: "2022-05-01T12:00:00+02:00", actorId: "gs-1", action: "attendance.record", details: { institutionId: "jobcenter" }, seq: 2 };
    await appendFile(auditFileFor(file), `${JSON.stringify(ghost)}\n${JSON.stringify(ghost).slice(0, 30)}`);
    expect((await store.auditLog()).map((e) => e.details)).toEqual([{ demo: "Lenkungsgruppe KIM im Rhein-Sieg-Kreis" }, { institutionId: "jugendamt" }]);

    await store.update({ actorId: "gs-1" }, (db, audit) => {
      db.attendance.push(attendance("caritas"));
      audit("attendance.record", { institutionId: "caritas" });
    });
    const log = await store.auditLog();
    expect(log.map((e) => e.details)).toEqual([{ demo: "Lenkungsgruppe KIM im Rhein-Sieg-Kreis" }, { institutionId: "jugendamt" }, { institutionId: "caritas" }]);
    expect(log.at(-1)).not.toHaveProperty("seq"); // the number is the store's own
    const text = await readFile(auditFileFor(file), "utf8");
    expect(text).not.toContain("jobcenter");
    expect(text.endsWith("\n")).toBe(true);
    expect((await store.read()).auditSeq).toBe(2);
  });

  it("keeps the whole log when the data file is removed and made anew: the new file continues the numbering", async () => {
    const first = openJsonStore(file, { clock });
    await first.update({ actorId: "gs-1" }, (db, audit) => {
      db.attendance.push(attendance("jugendamt"));
      audit("attendance.record", { institutionId: "jugendamt" });
    });
    await rm(file);
    const store = openJsonStore(file, { clock });
    expect((await store.read()).auditSeq).toBe(1);
    await store.update({ actorId: "gs-1" }, (db, audit) => {
      db.attendance.push(attendance("caritas"));
      audit("attendance.record", { institutionId: "caritas" });
    });
    expect((await store.auditLog()).map((e) => e.action)).toEqual(["store.create", "attendance.record", "store.create", "attendance.record"]);
    expect((await store.read()).auditSeq).toBe(2);
  });

  it("writes the audit lines before the data: when they cannot be written, the change is not made", async () => {
    const store = openJsonStore(file, { clock });
    await store.read();
    await rm(auditFileFor(file));
    await mkdir(auditFileFor(file)); // the log cannot be opened for appending
    await expect(
      store.update({ actorId: "gs-1" }, (db, audit) => {
        db.attendance.push(attendance("jugendamt"));
        audit("attendance.record", { institutionId: "jugendamt" });
      }),
    ).rejects.toThrow();
    expect((await openJsonStore(file, { clock }).read()).attendance).toEqual([]);
  });

  it("keeps later history beside a data file restored from a backup", async () => {
    const store = openJsonStore(file, { clock });
    const record = (institutionId: string) =>
      store.update({ actorId: "gs-1" }, (db, audit) => {
        db.attendance.push(attendance(institutionId));
        audit("attendance.record", { institutionId });
      });
    await record("jugendamt");
    await copyFile(file, `${file}.backup`);
    await record("caritas");
    await record("jobcenter");
    await copyFile(`${file}.backup`, file); // auditSeq 1 again, the log has lines numbered 2 and 3
    await record("awo");
    const recorded = (await openJsonStore(file, { clock }).auditLog()).filter((e) => e.action === "attendance.record");
    expect(recorded.map((e) => e.details.institutionId)).toEqual(["jugendamt", "caritas", "jobcenter", "awo"]);
  });

  it("keeps the lines of an older log, which carry no number", async () => {
    const store = openJsonStore(file, { clock });
    await store.read();
    const old = { at: "2022-04-01T12:00:00+02:00", actorId: "cli", action: "meeting.create", details: {} };
    await appendFile(auditFileFor(file), `${JSON.stringify(old)}\n`);
    await store.update({ actorId: "gs-1" }, (_db, audit) => audit("first"));
    expect((await store.auditLog()).map((e) => e.action)).toEqual(["store.create", "meeting.create", "first"]);
  });
});
