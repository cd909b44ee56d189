/**
 * What only the PostgreSQL store has (the shared behaviour is in store-contract.test.ts): the
 * schema made by node-pg-migrate on first use, the audit table that refuses changes, and bodies
 * side by side that never see each other's data. A real server: test/support/postgres.ts.
 */
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { closePools, poolFor, watchFor } from "../adapters/pg-schema.ts";
import { ACTIVITY_RETENTION_DAYS, openPgStore } from "../adapters/pg-store.ts";
import { StoreError } from "../adapters/store-errors.ts";
import { freshDatabase, pgAdminUrl } from "./support/pg-database.ts";
import { runCli } from "./support/store-process.ts";

const clock = fixedClock("2022-05-01T12:00:00+02:00");

describe.skipIf(!pgAdminUrl())("the PostgreSQL store", () => {
  afterAll(() => closePools());

  it("creates the schema in an empty database on first use, once, even when many stores start at once", async () => {
    const url = await freshDatabase();
    const stores = Array.from({ length: 5 }, (_, i) => openPgStore({ url, body: `b-${i}`, clock, create: true }));
    await Promise.all(stores.map((s) => s.read()));
    const client = new pg.Client(url);
    await client.connect();
    try {
      const migrations = await client.query("SELECT name FROM pgmigrations");
      expect(migrations.rows.map((r) => r.name)).toEqual(["1764590400000_bodies-audit-activities", "1796126400000_activity-age-reminder-sweeps", "1796140800000_routing-columns-body-persons"]);
      const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
      expect(tables.rows.map((r) => r.table_name)).toEqual(["audit", "bodies", "body_persons", "pgmigrations", "processed_activities", "reminder_sweeps"]);
    } finally {
      await client.end();
    }
  });

  it("keeps the audit log append-only: the database refuses to change or delete a line", async () => {
    const url = await freshDatabase();
    const store = openPgStore({ url, clock });
    await store.update({ actorId: "gs-1" }, (_db, audit) => audit("first"));
    await expect(poolFor(url).query("UPDATE audit SET action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(poolFor(url).query("DELETE FROM audit")).rejects.toThrow(/append-only/);
    expect((await store.auditLog()).map((e) => e.action)).toEqual(["store.create", "first"]);
  });

  it("does not create a body other than the default one on a read, and says how to create it", async () => {
    const url = await freshDatabase();
    const refused = openPgStore({ url, body: "kreis-wesel", clock }).read();
    await expect(refused).rejects.toBeInstanceOf(StoreError);
    await expect(refused).rejects.toThrow(/import <datei\.csv> --body kreis-wesel/);
    await expect(openPgStore({ url, body: "kreis-wesel", clock }).update({ actorId: "cli" }, () => 1)).rejects.toThrow(/gibt es/);
    const { rows } = await poolFor(url).query("SELECT count(*)::int AS n FROM bodies");
    expect(rows[0].n).toBe(0);
  });

  it("two bodies: the same ids and the same activity id in both, each applied once in its own body, neither sees the other", async () => {
    const url = await freshDatabase();
    const a = openPgStore({ url, body: "rhein-sieg", clock, create: true });
    const b = openPgStore({ url, body: "wesel", clock, create: true });
    const meeting = (location: string) => ({ id: "s-2030-03-14", start: "2030-03-14T10:00:00+01:00", end: "2030-03-14T12:00:00+01:00", location, mode: "in-person" as const, onlineUrl: null, state: "planned" as const, agenda: [], createdAt: "2022-05-01T12:00:00+02:00" });
    const [ra, rb] = await Promise.all([
      a.update({ actorId: "gs-1", activityId: "same-id" }, (db, audit) => (db.meetings.push(meeting("Siegburg")), audit("meeting.create", { location: "Siegburg" }))),
      b.update({ actorId: "gs-1", activityId: "same-id" }, (db, audit) => (db.meetings.push(meeting("Wesel")), audit("meeting.create", { location: "Wesel" }))),
    ]);
    expect([ra.duplicate, rb.duplicate]).toEqual([false, false]);
    expect((await a.read()).meetings.map((m) => m.location)).toEqual(["Siegburg"]);
    expect((await b.read()).meetings.map((m) => m.location)).toEqual(["Wesel"]);
    expect((await a.auditLog()).filter((e) => e.action === "meeting.create").map((e) => e.details.location)).toEqual(["Siegburg"]);
    expect((await b.auditLog()).filter((e) => e.action === "meeting.create").map((e) => e.details.location)).toEqual(["Wesel"]);
    expect(await a.update({ actorId: "gs-1", activityId: "same-id" }, () => 1)).toEqual({ duplicate: true });
  });

  it("a store that answers reads from its snapshot still sees what another process changed (announced at commit)", { timeout: 120_000 }, async () => {
    const url = await freshDatabase();
    const store = openPgStore({ url, clock });
    await vi.waitFor(() => expect(watchFor(url).live).toBe(true), { timeout: 10_000 });
    expect((await store.read()).meetings).toEqual([]);
    expect((await store.read()).meetings).toEqual([]); // from the snapshot: nothing was announced

    const run = await runCli(["meeting", "create", "--start", "2030-03-14T10:00", "--location", "Kreishaus"], { DATABASE_URL: url, LG_NOW: "2030-01-02T10:00:00+01:00" });
    expect(run, run.stderr).toMatchObject({ code: 0 });
    // The other process has committed; its announcement arrives on our listening connection.
    await vi.waitFor(async () => expect((await store.read()).meetings.map((m) => m.id)).toEqual(["s-2030-03-14"]), { timeout: 10_000 });
  });

  it(`forgets an activity id after ${ACTIVITY_RETENTION_DAYS} days (pruned in a later change of the body), and stays a duplicate until then`, async () => {
    const url = await freshDatabase();
    const at = (iso: string) => openPgStore({ url, clock: fixedClock(iso) });
    const kept = async () => (await poolFor(url).query("SELECT activity_id FROM processed_activities ORDER BY at")).rows.map((r) => r.activity_id);
    await at("2022-05-01T12:00:00+02:00").update({ actorId: "gs-1", activityId: "teams-1" }, () => 1);
    await at("2022-05-20T12:00:00+02:00").update({ actorId: "gs-1", activityId: "teams-2" }, () => 1);
    // 29 days after the first: a late retry is still recognised, nothing forgotten yet.
    expect(await at("2022-05-30T12:00:00+02:00").update({ actorId: "gs-1", activityId: "teams-1" }, () => 1)).toEqual({ duplicate: true });
    expect(await kept()).toEqual(["teams-1", "teams-2"]);
    // 31 days after the first (by the store's clock): the next claim forgets it, the younger one stays.
    await at("2022-06-01T12:00:00+02:00").update({ actorId: "gs-1", activityId: "teams-3" }, () => 1);
    expect(await kept()).toEqual(["teams-2", "teams-3"]);
    expect(await at("2022-06-01T12:00:00+02:00").update({ actorId: "gs-1", activityId: "teams-2" }, () => 1)).toEqual({ duplicate: true });
  });

  it("refuses a row changed behind the store's back into invalid data, with one sentence, even when this process knew the body before", async () => {
    const url = await freshDatabase();
    const store = openPgStore({ url, clock });
    await store.update({ actorId: "gs-1" }, (_db, audit) => audit("first"));
    // Another writer (a hand-made query) breaks a person's address; the version moves as with any change.
    await poolFor(url).query(`UPDATE bodies SET data = jsonb_set(data, '{persons,0,email}', '"keine-adresse"'), version = version + 1`);
    for (const s of [store, openPgStore({ url, clock })]) {
      await expect(s.read()).rejects.toThrow(/^Die Daten von .* passen nicht zum Datenmodell: persons\[0\]\.email: [^.]*\. Es wurde nichts verändert\.$/);
      await expect(s.update({ actorId: "gs-1" }, (_db, audit) => audit("second"))).rejects.toThrow(/passen nicht zum Datenmodell: persons\[0\]\.email/);
    }
    expect((await poolFor(url).query("SELECT count(*)::int AS n FROM audit")).rows[0].n).toBe(2);
  });

  it("refuses data written by a newer version of the program, unchanged", async () => {
    const url = await freshDatabase();
    const store = openPgStore({ url, clock });
    await store.read();
    await poolFor(url).query("UPDATE bodies SET data = jsonb_set(data, '{schemaVersion}', '99'), version = version + 1");
    await expect(openPgStore({ url, clock }).read()).rejects.toThrow(/Schemaversion 99/);
    await expect(openPgStore({ url, clock }).update({ actorId: "gs-1" }, () => 1)).rejects.toThrow(/Schemaversion 99/);
  });
});
