/**
 * Two bot instances behind a load balancer on one PostgreSQL database (a real server,
 * test/support/postgres.ts): real Bot Framework activities posted over HTTP to two bot servers,
 * 40 state-changing card presses at once, each also redelivered by "Teams" to the other instance
 * with the same activity id. The connector on loopback stands in for Teams' cloud.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { outboxMailer } from "../adapters/mail-transport.ts";
import { closePools, poolFor } from "../adapters/pg-schema.ts";
import { openPgStore } from "../adapters/pg-store.ts";
import { createApp } from "../bot/app.ts";
import { startServer } from "../bot/server.ts";
import { TeamsAdapter } from "../bot/teams-ai.ts";
import type { Meeting } from "../domain/model.ts";
import { startConnector, type Connector } from "./support/connector.ts";
import { freshDatabase, pgAdminUrl } from "./support/pg-database.ts";
import { profiles } from "./support/profiles.ts";
import { render } from "../texts/catalog.ts";

const clock = fixedClock("2022-04-01T09:00:00+02:00");
const TENANT = "00000000-0000-4000-8000-000000000000";

function meeting(day: string): Meeting {
  return { id: `s-2022-05-${day}`, start: `2022-05-${day}T10:00:00+02:00`, end: `2022-05-${day}T12:00:00+02:00`, location: "Kreishaus Siegburg", mode: "in-person", onlineUrl: null, state: "planned", agenda: [], createdAt: "2022-04-01T09:00:00+02:00" };
}

describe.skipIf(!pgAdminUrl())("two bot instances on one database", () => {
  let url: string;
  let dir: string;
  let connector: Connector;
  const servers: Server[] = [];
  const endpoints: string[] = [];
  const pending: Promise<void>[] = []; // the work after each reply, so a test can wait for all of it

  beforeAll(async () => {
    url = await freshDatabase();
    dir = await mkdtemp(join(tmpdir(), "lg-pg-bots-"));
    connector = await startConnector();
    for (const n of [1, 2]) {
      // Each instance with its own store object and pool, as two processes would have.
      const services = { store: openPgStore({ url, clock }), clock, mailer: outboxMailer(join(dir, `outbox-${n}`)), profiles, render };
      const adapter = new TeamsAdapter({});
      const app = createApp({ services, adapter, background: (work) => void pending.push(work().catch(() => undefined)) });
      const server = await startServer(app, adapter, 0, "127.0.0.1");
      servers.push(server);
      endpoints.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`);
    }
  });
  afterAll(async () => {
    for (const s of servers) s.close();
    await connector?.close();
    await closePools();
    await rm(dir, { recursive: true, force: true });
  });

  it("40 concurrent card presses, each delivered to both instances, leave 40 attendances and 40 audit lines", { timeout: 180_000 }, async () => {
    const store = openPgStore({ url, clock });
    await store.update({ actorId: "test" }, (db) => void db.meetings.push(meeting("12"), meeting("19"), meeting("26")));
    const db = await store.read();
    const presses = db.meetings.flatMap((m) => db.institutions.map((i) => ({ meetingId: m.id, institutionId: i.id, member: db.persons.find((p) => p.id === i.memberId)! }))).slice(0, 40);
    expect(presses).toHaveLength(40);

    const post = (endpoint: string, body: unknown) => fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const responses = await Promise.all(
      presses.flatMap((p, i) => {
        const invoke = {
          type: "invoke",
          name: "adaptiveCard/action",
          id: `press-${i}`,
          timestamp: "2022-04-01T07:00:00.000Z",
          channelId: "msteams",
          serviceUrl: connector.url,
          from: { id: `29:${p.member.id}`, name: p.member.name, aadObjectId: p.member.aadObjectId },
          conversation: { id: `a:personal-${p.member.id}`, conversationType: "personal", tenantId: TENANT },
          recipient: { id: "28:bot", name: "Lenkungsgruppe" },
          locale: "de-DE",
          channelData: { tenant: { id: TENANT } },
          value: { action: { type: "Action.Execute", verb: "attend", data: { verb: "attend", meetingId: p.meetingId, mode: "online" } } },
        };
        // The first delivery to one instance, Teams's retry with the same id to the other.
        return [post(endpoints[i % 2]!, invoke), post(endpoints[(i + 1) % 2]!, invoke)];
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));

    const after = await store.read();
    const recorded = after.attendance.map((a) => `${a.meetingId}/${a.institutionId}`).sort();
    expect(recorded).toEqual(presses.map((p) => `${p.meetingId}/${p.institutionId}`).sort());
    expect(after.attendance.every((a) => a.status === "attending" && a.mode === "online")).toBe(true);
    const audited = (await store.auditLog()).filter((e) => e.action === "attendance.attending").map((e) => `${e.details.meetingId}/${e.details.institutionId}`);
    expect(audited.sort()).toEqual(recorded);
  });

  it("a member's first card press is written once: the attendance and where the member is reached in one change", { timeout: 60_000 }, async () => {
    await Promise.all(pending.splice(0)); // the presses above have had their after-work
    const store = openPgStore({ url, clock });
    // The last institution has not answered for the 26th (the 40 presses above reached six); it is its member's first contact.
    const institution = (await store.read()).institutions.at(-1)!;
    await store.update({ actorId: "test" }, (d) => void delete d.botState[`ref:${institution.memberId}`]);
    const db = await store.read();
    const member = db.persons.find((p) => p.id === institution.memberId)!;
    expect(db.botState[`ref:${member.id}`]).toBeUndefined();
    const version = async () => (await poolFor(url).query("SELECT version FROM bodies")).rows[0].version as string;
    const before = BigInt(await version());
    const invoke = {
      type: "invoke",
      name: "adaptiveCard/action",
      id: "member-press",
      channelId: "msteams",
      serviceUrl: connector.url,
      from: { id: `29:${member.id}`, name: member.name, aadObjectId: member.aadObjectId },
      conversation: { id: `a:personal-${member.id}`, conversationType: "personal", tenantId: TENANT },
      recipient: { id: "28:bot", name: "Lenkungsgruppe" },
      locale: "de-DE",
      channelData: { tenant: { id: TENANT } },
      value: { action: { type: "Action.Execute", verb: "attend", data: { verb: "attend", meetingId: "s-2022-05-26", mode: "online" } } },
    };
    const response = await fetch(endpoints[0]!, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(invoke) });
    expect(response.status).toBe(200);
    await Promise.all(pending);
    const after = await openPgStore({ url, clock }).read();
    expect(after.attendance.some((a) => a.meetingId === "s-2022-05-26" && a.institutionId === institution.id && a.status === "attending")).toBe(true);
    expect(after.botState[`ref:${member.id}`]).toMatchObject({ conversation: { id: `a:personal-${member.id}` } });
    expect(BigInt(await version()) - before).toBe(1n);
  });
});
