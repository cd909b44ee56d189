/**
 * One contract, two stores: the JSON file and PostgreSQL (a real server, test/support/postgres.ts)
 * must behave the same for everything above adapters/ — read, update, audit, duplicate activity
 * ids, a throwing change, validation, and concurrent changes from two store objects (as two bot
 * instances on one database, or the bot and the command line on one file).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { closePools } from "../adapters/pg-schema.ts";
import { openPgStore } from "../adapters/pg-store.ts";
import type { Store } from "../adapters/store.ts";
import { StoreError } from "../adapters/store-errors.ts";
import { freshDatabase, pgAdminUrl } from "./support/pg-database.ts";
import { attendance } from "./support/store-fixture.ts";

const clock = fixedClock("2022-05-01T12:00:00+02:00");

/** Opens store objects on one new, empty place (a temp file, a new database). */
type Place = () => Promise<{ open: () => Store; cleanup: () => Promise<void> }>;

const jsonPlace: Place = async () => {
  const dir = await mkdtemp(join(tmpdir(), "lg-contract-"));
  const file = join(dir, "db.json");
  return { open: () => openJsonStore(file, { clock }), cleanup: () => rm(dir, { recursive: true, force: true }) };
};

const pgPlace: Place = async () => {
  const url = await freshDatabase();
  return { open: () => openPgStore({ url, clock }), cleanup: async () => undefined };
};

afterAll(() => closePools());

function contract(name: string, place: Place, skip = false) {
  describe.skipIf(skip)(`the store contract: ${name}`, () => {
    async function fresh() {
      const p = await place();
      cleanups.push(p.cleanup);
      return p;
    }
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => void (await Promise.all(cleanups.map((c) => c()))));

    it("starts with the demo Lenkungsgruppe and one audit line saying so", async () => {
      const { open } = await fresh();
      const db = await open().read();
      expect(db.body.name).toBe("Lenkungsgruppe KIM im Rhein-Sieg-Kreis");
      expect(db.institutions.filter((i) => i.voting)).toHaveLength(17);
      expect(db.meetings).toEqual([]);
      expect(await open().auditLog()).toEqual([{ at: "2022-05-01T12:00:00+02:00", actorId: "system", action: "store.create", details: { demo: db.body.name } }]);
    });

    it("applies a change, returns its value, and another store object sees it with its audit line", async () => {
      const { open } = await fresh();
      const result = await open().update({ actorId: "gs-1" }, (db, audit) => {
        db.attendance.push(attendance("jugendamt"));
        audit("attendance.record", { institutionId: "jugendamt" });
        return db.attendance.length;
      });
      expect(result).toEqual({ duplicate: false, value: 1 });
      const other = open();
      expect((await other.read()).attendance).toEqual([attendance("jugendamt")]);
      expect((await other.auditLog()).at(-1)).toEqual({ at: "2022-05-01T12:00:00+02:00", actorId: "gs-1", action: "attendance.record", details: { institutionId: "jugendamt" } });
    });

    it("hands out snapshots: a later change does not alter data read before it", async () => {
      const { open } = await fresh();
      const store = open();
      const before = await store.read();
      await store.update({ actorId: "gs-1" }, (db) => void db.attendance.push(attendance("caritas")));
      expect(before.attendance).toEqual([]);
      expect((await store.read()).attendance).toHaveLength(1);
    });

    it("applies a redelivered activity once, even through another store object, and says it was a duplicate", async () => {
      const { open } = await fresh();
      const change = (db: Parameters<Parameters<Store["update"]>[1]>[0], audit: (a: string) => void) => {
        db.attendance.push(attendance("jugendamt"));
        audit("attendance.record");
      };
      expect(await open().update({ actorId: "m-jugendamt", activityId: "a-1" }, change)).toMatchObject({ duplicate: false });
      let called = false;
      expect(await open().update({ actorId: "m-jugendamt", activityId: "a-1" }, (db, audit) => ((called = true), change(db, audit)))).toEqual({ duplicate: true });
      expect(called).toBe(false);
      const store = open();
      expect((await store.read()).attendance).toHaveLength(1);
      expect((await store.read()).processedActivities.map((a) => a.id)).toEqual(["a-1"]);
      expect((await store.auditLog()).filter((e) => e.action === "attendance.record")).toHaveLength(1);
    });

    it("tells whether an activity was processed: after its change, through another store object, and not for a change that threw", async () => {
      const { open } = await fresh();
      expect(await open().processed("a-1")).toBe(false);
      await open().update({ actorId: "gs-1", activityId: "a-1" }, (db) => void db.attendance.push(attendance("jugendamt")));
      await expect(open().update({ actorId: "gs-1", activityId: "a-2" }, () => { throw new Error("boom"); })).rejects.toThrow("boom");
      const store = open();
      expect(await store.processed("a-1")).toBe(true);
      expect(await store.processed("a-2")).toBe(false);
    });

    it("writes nothing, neither data nor audit, when the change throws; the error comes through", async () => {
      const { open } = await fresh();
      const store = open();
      const log = await store.auditLog();
      await expect(
        store.update({ actorId: "gs-1", activityId: "a-2" }, (db, audit) => {
          db.attendance.push(attendance("jugendamt"));
          audit("never");
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect((await open().read()).attendance).toEqual([]);
      expect(await open().auditLog()).toEqual(log);
      // The activity id was not used up: the retry is applied.
      expect(await store.update({ actorId: "gs-1", activityId: "a-2" }, () => "ok")).toEqual({ duplicate: false, value: "ok" });
    });

    it("refuses a change that would make the data invalid, naming the field, and writes nothing", async () => {
      const { open } = await fresh();
      const store = open();
      const log = await store.auditLog();
      const refused = store.update({ actorId: "gs-1" }, (db, audit) => {
        db.persons[0]!.email = "keine-adresse";
        audit("roster.edit");
      });
      await expect(refused).rejects.toBeInstanceOf(StoreError);
      await expect(refused).rejects.toThrow(/persons\[0\]\.email/);
      expect((await open().read()).persons[0]!.email).toContain("@");
      expect(await open().auditLog()).toEqual(log);
    });

    it("refuses an async change", async () => {
      const { open } = await fresh();
      await expect(open().update({ actorId: "gs-1" }, async () => undefined)).rejects.toThrow(/synchron/);
    });

    it("two store objects taking 40 concurrent changes, each delivered to both, lose and duplicate none", async () => {
      const { open } = await fresh();
      const [a, b] = [open(), open()];
      await a.read();
      const institutions = Array.from({ length: 40 }, (_, i) => `inst-${i}`);
      const deliveries = institutions.flatMap((id, i) => {
        const options = { actorId: "gs-1", activityId: `act-${id}` };
        const change = (db: Parameters<Parameters<Store["update"]>[1]>[0], audit: (a: string, d: Record<string, unknown>) => void) => {
          db.attendance.push(attendance(id));
          audit("attendance.record", { institutionId: id });
        };
        // The first delivery to one instance, Teams's retry to the other.
        return i % 2 ? [a.update(options, change), b.update(options, change)] : [b.update(options, change), a.update(options, change)];
      });
      const results = await Promise.all(deliveries);
      expect(results.filter((r) => !r.duplicate)).toHaveLength(40);
      const db = await open().read();
      expect(db.attendance.map((x) => x.institutionId).sort()).toEqual([...institutions].sort());
      const recorded = (await open().auditLog()).filter((e) => e.action === "attendance.record").map((e) => e.details.institutionId);
      expect(recorded.sort()).toEqual([...institutions].sort());
    });
  });
}

contract("JSON file", jsonPlace);
contract("PostgreSQL", pgPlace, !pgAdminUrl());
