/**
 * One bot instance for two bodies in one PostgreSQL database (a real server,
 * test/support/postgres.ts): real Bot Framework activities posted over HTTP from two tenants and
 * teams, each routed to its own body — by the team it comes from, else by its tenant and the
 * sender's Entra object id — and what cannot be routed to LG_BODY. The connector on loopback
 * stands in for Teams' cloud (test/support/connector.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { closePools, watchFor } from "../adapters/pg-schema.ts";
import { DEFAULT_BODY, openPgStore } from "../adapters/pg-store.ts";
import { createApp } from "../bot/app.ts";
import { routedApp } from "../bot/body-routing.ts";
import { remindEveryBody } from "../bot/reminder-timer.ts";
import { startServer } from "../bot/server.ts";
import { TeamsAdapter } from "../bot/teams-ai.ts";
import type { Db, Meeting } from "../domain/model.ts";
import { openBodyServices } from "../services/open-services.ts";
import { startConnector, type Connector } from "./support/connector.ts";
import { freshDatabase, pgAdminUrl } from "./support/pg-database.ts";
import { runCli } from "./support/store-process.ts";
import { profiles } from "./support/profiles.ts";
import { render } from "../texts/catalog.ts";

const clock = fixedClock("2030-03-01T09:00:00+01:00");
const RHEIN_SIEG = { tenant: "aaaaaaaa-0000-4000-8000-000000000000", team: "19:rhein-sieg@thread.tacv2" };
const WESEL = { tenant: "bbbbbbbb-0000-4000-8000-000000000000", team: "19:wesel@thread.tacv2", name: "Lenkungsgruppe Kreis Wesel" };
/** Both bodies have a meeting with this id: ids are unique only within a body. */
const MEETING_ID = "s-2030-03-14";

function meeting(location: string): Meeting {
  return { id: MEETING_ID, start: "2030-03-14T10:00:00+01:00", end: "2030-03-14T12:00:00+01:00", location, mode: "in-person", onlineUrl: null, state: "planned", agenda: [], createdAt: "2030-03-01T09:00:00+01:00" };
}

function installation(ids: { tenant: string; team: string }, serviceUrl: string): NonNullable<Db["teams"]> {
  return { teamId: ids.team, name: null, tenantId: ids.tenant, serviceUrl, generalChannelId: ids.team, botId: "28:bot", syncedAt: "2030-03-01T09:00:00+01:00", membersRead: true, userIds: {} };
}

type Sender = { name: string; aadObjectId: string };
type Where = { tenant: string; team?: string; conversation: string };

function base(connector: Connector, id: string, from: Sender, where: Where) {
  return {
    id,
    timestamp: "2030-03-01T08:00:00.000Z",
    channelId: "msteams",
    serviceUrl: connector.url,
    from: { id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId },
    conversation: { id: where.conversation, conversationType: where.team ? "channel" : "personal", tenantId: where.tenant },
    recipient: { id: "28:bot", name: "Lenkungsgruppe" },
    locale: "de-DE",
    channelData: { tenant: { id: where.tenant }, ...(where.team ? { team: { id: where.team }, channel: { id: where.team } } : {}) },
  };
}

/** A card press "Ich nehme teil" for the meeting. */
function attend(connector: Connector, id: string, from: Sender, where: Where) {
  return { ...base(connector, id, from, where), type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: "attend", data: { verb: "attend", meetingId: MEETING_ID, mode: "in-person" } } } };
}

/** A message; in a channel it @mentions the bot, as Teams sends the bot no others. */
function message(connector: Connector, id: string, from: Sender, where: Where, text: string) {
  const mention = where.team ? { text: `<at>Lenkungsgruppe</at> ${text}`, entities: [{ type: "mention", text: "<at>Lenkungsgruppe</at>", mentioned: { id: "28:bot", name: "Lenkungsgruppe" } }] } : { text };
  return { ...base(connector, id, from, where), type: "message", ...mention };
}

const post = (endpoint: string, body: unknown) => fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe.skipIf(!pgAdminUrl())("one bot, two bodies in one database: each activity reaches its own body", () => {
  let url: string;
  let dir: string;
  let connector: Connector;
  const servers: Server[] = [];
  const pending: Promise<void>[] = [];
  const rheinSieg = () => openPgStore({ url, clock });
  const wesel = () => openPgStore({ url, body: "wesel", clock });
  let rs: Db;
  let we: Db;

  /** A bot instance as `npm start` builds it, with `lgBody` as LG_BODY; its /api/messages URL. */
  async function bot(lgBody: string): Promise<string> {
    const bodies = openBodyServices({ db: join(dir, "db.json"), clock, databaseUrl: url, body: lgBody, profiles, render });
    const adapter = new TeamsAdapter({});
    const app = routedApp(bodies, (services) => createApp({ services, adapter, background: (work) => void pending.push(work().catch(() => undefined)) }));
    const server = await startServer(app, adapter, 0, "127.0.0.1");
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  }

  /** The texts the bot sent to `conversation` after the activity (the turn and its later work done). */
  async function answers(endpoint: string, activity: { conversation: { id: string } }): Promise<string[]> {
    const res = await post(endpoint, activity);
    expect(res.status).toBe(200);
    await Promise.all(pending.splice(0));
    return connector.received.filter((r) => r.conversationId === activity.conversation.id).map((r) => String(r.activity.text ?? ""));
  }

  beforeAll(async () => {
    url = await freshDatabase();
    dir = await mkdtemp(join(tmpdir(), "lg-pg-routing-"));
    connector = await startConnector();
    await rheinSieg().update({ actorId: "test" }, (db) => {
      db.meetings.push(meeting("Kreishaus Siegburg"));
      db.teams = installation(RHEIN_SIEG, connector.url);
    });
    // The second body: the demo roster renamed, with its own Entra object ids, team and tenant.
    await openPgStore({ url, body: "wesel", clock, create: true }).update({ actorId: "test" }, (db) => {
      db.body.name = WESEL.name;
      db.persons.forEach((p, i) => {
        p.name = `${p.name} (Wesel)`;
        p.aadObjectId = `cccccccc-0000-4000-8000-${String(i).padStart(12, "0")}`;
      });
      db.meetings.push(meeting("Kreishaus Wesel"));
      db.teams = installation(WESEL, connector.url);
    });
    rs = await rheinSieg().read();
    we = await wesel().read();
  });
  afterAll(async () => {
    for (const s of servers) s.close();
    await connector?.close();
    await closePools();
    await rm(dir, { recursive: true, force: true });
  });

  const memberOf = (db: Db, n: number): Sender & { id: string; institutionId: string } => {
    const institution = db.institutions[n]!;
    const person = db.persons.find((p) => p.id === institution.memberId)!;
    return { id: person.id, name: person.name, aadObjectId: person.aadObjectId!, institutionId: institution.id };
  };
  const attendanceOf = async (open: () => ReturnType<typeof rheinSieg>) => (await open().read()).attendance.map((a) => `${a.meetingId}/${a.institutionId}/${a.status}`);

  it("routes by team, by tenant and binding, and the rest to LG_BODY", { timeout: 120_000 }, async () => {
    const endpoint = await bot(DEFAULT_BODY);
    const greta = memberOf(we, 0);
    const tom = memberOf(we, 1);
    const jana = memberOf(rs, 2);

    // In Wesel's team channel: by the team, though nobody there knows the sender.
    const stranger = { name: "Petra Fremd", aadObjectId: "dddddddd-0000-4000-8000-000000000001" };
    const inTeam = await answers(endpoint, message(connector, "w-1", stranger, { tenant: WESEL.tenant, team: WESEL.team, conversation: "19:wesel@thread.tacv2;messageid=1" }, "Hallo"));
    expect(inTeam.join("\n")).toContain(`Mitglied der ${WESEL.name}`);

    // A card press in Wesel's channel and one in a personal chat (no team: tenant and binding) land in Wesel's data.
    await answers(endpoint, attend(connector, "w-2", greta, { tenant: WESEL.tenant, team: WESEL.team, conversation: "19:wesel@thread.tacv2;messageid=2" }));
    const personal = await answers(endpoint, attend(connector, "w-3", tom, { tenant: WESEL.tenant, conversation: "a:personal-tom" }));
    expect(personal.join("\n")).toContain("14.03.2030");
    expect(await attendanceOf(wesel)).toEqual([`${MEETING_ID}/${greta.institutionId}/attending`, `${MEETING_ID}/${tom.institutionId}/attending`]);
    expect(await attendanceOf(rheinSieg)).toEqual([]);
    const weselAudit = (await wesel().auditLog()).filter((e) => e.action === "attendance.attending").map((e) => e.actorId);
    expect(weselAudit).toEqual([greta.id, tom.id]);

    // The Rhein-Sieg member in a personal chat of her tenant: her own body, Wesel's unchanged.
    await answers(endpoint, attend(connector, "r-1", jana, { tenant: RHEIN_SIEG.tenant, conversation: "a:personal-jana" }));
    expect(await attendanceOf(rheinSieg)).toEqual([`${MEETING_ID}/${jana.institutionId}/attending`]);
    expect(await attendanceOf(wesel)).toHaveLength(2);
    const hello = await answers(endpoint, message(connector, "r-2", jana, { tenant: RHEIN_SIEG.tenant, conversation: "a:personal-jana" }, "Hallo"));
    expect(hello.at(-1)).toContain(`Guten Tag, ${jana.name}`);

    // A Wesel binding from another tenant is not Wesel's; an unknown tenant neither: both to LG_BODY.
    const elsewhere = await answers(endpoint, message(connector, "x-1", greta, { tenant: RHEIN_SIEG.tenant, conversation: "a:personal-greta-elsewhere" }, "Hallo"));
    expect(elsewhere.join("\n")).toContain(`Mitglied der ${rs.body.name}`);
    const unknown = await answers(endpoint, message(connector, "x-2", stranger, { tenant: "eeeeeeee-0000-4000-8000-000000000000", conversation: "a:personal-stranger" }, "Hallo"));
    expect(unknown.join("\n")).toContain(`Mitglied der ${rs.body.name}`);
  });

  it("takes LG_BODY as the body for what it cannot route", { timeout: 60_000 }, async () => {
    const endpoint = await bot("wesel");
    const stranger = { name: "Petra Fremd", aadObjectId: "dddddddd-0000-4000-8000-000000000002" };
    const unknown = await answers(endpoint, message(connector, "y-1", stranger, { tenant: "eeeeeeee-0000-4000-8000-000000000000", conversation: "a:personal-stranger-2" }, "Hallo"));
    expect(unknown.join("\n")).toContain(`Mitglied der ${WESEL.name}`);
    // Routable activities still reach their own body.
    const jana = memberOf(rs, 2);
    const hello = await answers(endpoint, message(connector, "y-2", jana, { tenant: RHEIN_SIEG.tenant, conversation: "a:personal-jana-2" }, "Hallo"));
    expect(hello.at(-1)).toContain(`Guten Tag, ${jana.name}`);
  });

  it("follows a body into a new team: the kept answer goes with the change", { timeout: 60_000 }, async () => {
    const endpoint = await bot(DEFAULT_BODY);
    const stranger = { name: "Petra Fremd", aadObjectId: "dddddddd-0000-4000-8000-000000000003" };
    const inNewTeam = (id: string) => message(connector, id, stranger, { tenant: WESEL.tenant, team: "19:wesel-neu@thread.tacv2", conversation: `19:wesel-neu@thread.tacv2;messageid=${id}` }, "Hallo");
    expect((await answers(endpoint, inNewTeam("z-1"))).join("\n")).toContain(`Mitglied der ${rs.body.name}`);
    await wesel().update({ actorId: "test" }, (db) => void (db.teams = installation({ tenant: WESEL.tenant, team: "19:wesel-neu@thread.tacv2" }, connector.url)));
    expect((await answers(endpoint, inNewTeam("z-2"))).join("\n")).toContain(`Mitglied der ${WESEL.name}`);
  });

  it("a body migrated in by another process while the bot runs gets the next activity of its team (its creation is announced)", { timeout: 120_000 }, async () => {
    const endpoint = await bot(DEFAULT_BODY);
    const KLEVE = { tenant: "ffffffff-0000-4000-8000-000000000000", team: "19:kleve@thread.tacv2", name: "Lenkungsgruppe Kreis Kleve" };
    const stranger = { name: "Petra Fremd", aadObjectId: "dddddddd-0000-4000-8000-000000000004" };
    const inTeam = (id: string) => message(connector, id, stranger, { tenant: KLEVE.tenant, team: KLEVE.team, conversation: `${KLEVE.team};messageid=${id}` }, "Hallo");
    // The bot hears every change, so it keeps its answer "no body for this team" until one is announced.
    await vi.waitFor(() => expect(watchFor(url).live).toBe(true), { timeout: 10_000 });
    expect((await answers(endpoint, inTeam("k-1"))).join("\n")).toContain(`Mitglied der ${rs.body.name}`);

    const file = join(dir, "kleve.json");
    await openJsonStore(file, { clock }).update({ actorId: "test" }, (db) => {
      db.body.name = KLEVE.name;
      db.teams = installation(KLEVE, connector.url);
    });
    const run = await runCli(["migrate", "--from", file, "--body", "kleve"], { DATABASE_URL: url, LG_NOW: "2030-03-01T09:00:00+01:00" });
    expect(run, run.stderr).toMatchObject({ code: 0 });
    await vi.waitFor(() => expect(watchFor(url).latest.has("kleve")).toBe(true), { timeout: 10_000 });
    expect((await answers(endpoint, inTeam("k-2"))).join("\n")).toContain(`Mitglied der ${KLEVE.name}`);
  });

  it("the reminder timer runs for every body, each reminder into its own body's outbox", { timeout: 60_000 }, async () => {
    // The morning of the meeting both bodies have on 14.03.2030: each chair gets the briefing.
    const morning = fixedClock("2030-03-14T08:05:00+01:00");
    const bodies = openBodyServices({ db: join(dir, "db.json"), clock: morning, databaseUrl: url, body: DEFAULT_BODY, profiles, render });
    const failures: unknown[] = [];
    await remindEveryBody(bodies, () => null, { sent: () => undefined, failed: (_body, e) => void failures.push(e) });
    expect(failures).toEqual([]);
    for (const open of [rheinSieg, wesel]) {
      const db = await open().read();
      const briefings = db.outbox.filter((m) => m.reminder?.kind === "chair-briefing");
      expect(briefings.map((m) => m.personId)).toEqual([db.body.chairId]);
    }
    const weselBriefing = (await wesel().read()).outbox.find((m) => m.reminder?.kind === "chair-briefing")!;
    expect(weselBriefing.text!.de).toContain("Kreishaus Wesel");
    expect((await rheinSieg().read()).outbox.find((m) => m.reminder?.kind === "chair-briefing")!.text!.de).not.toContain("Wesel");
  });
});
