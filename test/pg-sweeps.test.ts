/**
 * Two bot instances on one PostgreSQL database (a real server, test/support/postgres.ts) running
 * their reminder timers' sweep at the same moment over many bodies: each body is swept by one of
 * them (the other skips it instead of queueing behind its lock), each reminder reaches the real
 * SMTP server on loopback once; and a stopped instance leaves no connection open, neither to the
 * database nor to the mail server.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { closePools } from "../adapters/pg-schema.ts";
import { openPgStore } from "../adapters/pg-store.ts";
import { remindEveryBody } from "../bot/reminder-timer.ts";
import { openBodyServices, type BodyServices } from "../services/open-services.ts";
import { freshDatabase, pgAdminUrl } from "./support/pg-database.ts";
import { startSmtp, type TestSmtp } from "./support/smtp.ts";
import { profiles } from "./support/profiles.ts";
import { render } from "../texts/catalog.ts";

const BODIES = Array.from({ length: 8 }, (_, i) => `kreis-${i + 1}`);
/** The morning of the meeting every body has: each chair's briefing is due (08:00, Berlin). */
const morning = fixedClock("2030-03-14T08:05:00+01:00");
const chairAddress = (body: string) => `vorsitz@${body}.example.org`;

describe.skipIf(!pgAdminUrl())("two instances sweeping reminders over many bodies at once", () => {
  let url: string;
  let dir: string;
  let smtp: TestSmtp;
  /** Every recipient the mail server accepted a message for, in order. */
  const delivered = () => smtp.messages.flatMap((m) => m.to);
  const instances: BodyServices[] = [];

  /** A bot instance's bodies as `npm start` opens them; its own pool, told apart by application_name. */
  const instance = (name: string) => {
    const own = new URL(url);
    own.searchParams.set("application_name", name);
    const bodies = openBodyServices({ db: join(dir, "db.json"), clock: morning, databaseUrl: own.toString(), mail: { smtpUrl: smtp.url }, profiles, render });
    instances.push(bodies);
    return bodies;
  };

  /** This test's connections the database server holds open, per application_name. */
  async function connections(): Promise<number> {
    const admin = new pg.Client(pgAdminUrl()!);
    await admin.connect();
    try {
      const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'instance-%'", [new URL(url).pathname.slice(1)]);
      return rows[0].n;
    } finally {
      await admin.end();
    }
  }

  beforeAll(async () => {
    url = await freshDatabase();
    dir = await mkdtemp(join(tmpdir(), "lg-pg-sweeps-"));
    smtp = await startSmtp();
    for (const body of BODIES) {
      await openPgStore({ url, body, clock: morning, create: true }).update({ actorId: "test" }, (db) => {
        db.body.name = `Lenkungsgruppe ${body}`;
        db.persons.find((p) => p.id === db.body.chairId)!.email = chairAddress(body);
        db.meetings.push({ id: "s-2030-03-14", start: "2030-03-14T10:00:00+01:00", end: "2030-03-14T12:00:00+01:00", location: `Kreishaus ${body}`, mode: "in-person", onlineUrl: null, state: "planned", agenda: [], createdAt: "2030-03-01T09:00:00+01:00" });
      });
    }
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await closePools();
    await smtp.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("each body is swept once in the tick, by one of the two, and each reminder is mailed once", { timeout: 120_000 }, async () => {
    const [a, b] = [instance("instance-a"), instance("instance-b")];
    const failed: unknown[] = [];
    const log = { sent: () => undefined, failed: (_body: string, e: unknown) => void failed.push(e) };
    const [ra, rb] = await Promise.all([remindEveryBody(a, () => null, log), remindEveryBody(b, () => null, log)]);
    expect(failed).toEqual([]);
    expect([...ra.swept, ...rb.swept].sort()).toEqual(BODIES);
    expect([...ra.skipped].sort()).toEqual(rb.swept.sort());
    expect([...rb.skipped].sort()).toEqual(ra.swept.sort());

    // Each chair got their briefing once; every reminder recorded in any body reached the server once.
    for (const body of BODIES) expect(delivered().filter((to) => to === chairAddress(body))).toHaveLength(1);
    let recorded = 0;
    for (const body of BODIES) recorded += (await openPgStore({ url, body, clock: morning }).read()).outbox.filter((m) => m.reminder).length;
    expect(delivered()).toHaveLength(recorded);

    // The same tick again on either instance: every body was swept a moment ago, nothing is sent twice.
    const again = await remindEveryBody(b, () => null, log);
    expect(again).toMatchObject({ swept: [], skipped: BODIES });
    expect(delivered()).toHaveLength(recorded);
  });

  it("a stopped instance closes every body's mailer and its database pool", { timeout: 60_000 }, async () => {
    expect(await connections()).toBeGreaterThan(0);
    expect(smtp.server.connections.size).toBeGreaterThan(0);
    await Promise.all(instances.splice(0).map((i) => i.close()));
    await vi.waitFor(async () => expect(await connections()).toBe(0), { timeout: 10_000 });
    await vi.waitFor(() => expect(smtp.server.connections.size).toBe(0), { timeout: 10_000 });
  });
});
