/**
 * Installing the bot in a team when one bot serves many bodies in one PostgreSQL database (a real
 * server, test/support/postgres.ts), with real Bot Framework activities over HTTP. A team no body
 * knows belongs to the body whose roster has the installer's e-mail (asked of Teams); installed
 * by somebody on no roster it belongs to nobody: LG_BODY's stored team stays, its Geschäftsstelle
 * hears nothing, the operator reads it in the log. test/support/bot-connector.ts stands in for
 * Microsoft's Bot Connector service (members endpoints, messages), built to its documented protocol.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { closePools } from "../adapters/pg-schema.ts";
import { openPgStore } from "../adapters/pg-store.ts";
import { createApp } from "../bot/app.ts";
import { routedApp, type Unrouted } from "../bot/body-routing.ts";
import { startServer } from "../bot/server.ts";
import { TeamsAdapter } from "../bot/teams-ai.ts";
import type { Db } from "../domain/model.ts";
import { openBodyServices } from "../services/open-services.ts";
import { startBotConnector, type BotConnector } from "./support/bot-connector.ts";
import { freshDatabase, pgAdminUrl } from "./support/pg-database.ts";
import { profiles } from "./support/profiles.ts";
import { render } from "../texts/catalog.ts";

const clock = fixedClock("2030-03-01T09:00:00+01:00");
const BOT = { id: "28:lenkungsgruppe-bot", name: "Lenkungsgruppe" };
const OWN_TEAM = "19:rhein-sieg@thread.tacv2";
const STRANGERS_TEAM = "19:fremd@thread.tacv2";
const WESEL_TEAM = "19:wesel@thread.tacv2";
const STRANGER = { id: "29:petra-fremd", aadObjectId: "dddddddd-0000-4000-8000-000000000001", name: "Petra Fremd", email: "petra.fremd@anderswo.example.com", userPrincipalName: "petra.fremd@anderswo.example.com" };

describe.skipIf(!pgAdminUrl())("installation in a team no body knows", () => {
  let url: string;
  let dir: string;
  let connector: BotConnector;
  let server: Server;
  let endpoint: string;
  const pending: Promise<void>[] = [];
  const unrouted: Unrouted[] = [];
  const rheinSieg = () => openPgStore({ url, clock });
  const wesel = () => openPgStore({ url, body: "wesel", clock });
  let before: Db;

  beforeAll(async () => {
    url = await freshDatabase();
    dir = await mkdtemp(join(tmpdir(), "lg-pg-install-"));
    connector = await startBotConnector();
    await rheinSieg().update({ actorId: "test" }, (db) => {
      db.teams = { teamId: OWN_TEAM, name: "KIM Rhein-Sieg", tenantId: connector.tenantId, serviceUrl: connector.url, generalChannelId: OWN_TEAM, botId: BOT.id, syncedAt: "2030-02-01T09:00:00+01:00", membersRead: true, userIds: {} };
    });
    // Wesel's roster as a Geschäftsstelle imports it: e-mail addresses, no Entra object ids, no team yet.
    await openPgStore({ url, body: "wesel", clock, create: true }).update({ actorId: "test" }, (db) => {
      db.body.name = "Lenkungsgruppe Kreis Wesel";
      for (const p of db.persons) {
        p.email = p.email.replace("@", ".wesel@");
        p.aadObjectId = null;
      }
    });
    const weselGs = (await wesel().read()).persons.find((p) => p.id === "gs-1")!;
    connector.addUsers([STRANGER, { id: "29:wesel-gs-1", aadObjectId: "eeeeeeee-0000-4000-8000-000000000001", name: weselGs.name, email: weselGs.email.toUpperCase(), userPrincipalName: weselGs.email }]);
    connector.addTeam(STRANGERS_TEAM, [STRANGER.id]);
    connector.addTeam(WESEL_TEAM, ["29:wesel-gs-1", STRANGER.id]);
    before = await rheinSieg().read();

    const bodies = openBodyServices({ db: join(dir, "db.json"), clock, databaseUrl: url, profiles, render });
    const adapter = new TeamsAdapter({});
    const app = routedApp(bodies, (services) => createApp({ services, adapter, background: (work) => void pending.push(work().catch(() => undefined)) }), { unrouted: (what) => void unrouted.push(what) });
    server = await startServer(app, adapter, 0, "127.0.0.1");
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  });
  afterAll(async () => {
    server?.close();
    await connector?.close();
    await closePools();
    await rm(dir, { recursive: true, force: true });
  });

  /** Both events Teams sends when someone adds the app to a team; the bot's work after them done. */
  async function install(team: string, from: { id: string; aadObjectId: string; name: string }): Promise<void> {
    const common = {
      channelId: "msteams", serviceUrl: connector.url, recipient: BOT, from,
      conversation: { id: team, conversationType: "channel", isGroup: true, tenantId: connector.tenantId },
      channelData: { eventType: "teamMemberAdded", team: { id: team, name: "Ein Team" }, tenant: { id: connector.tenantId } },
    };
    for (const event of [{ type: "conversationUpdate", id: `${team}-cu`, membersAdded: [{ id: BOT.id }] }, { type: "installationUpdate", id: `${team}-iu`, action: "add" }]) {
      const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...common, ...event }) });
      expect(res.status).toBe(200);
    }
    await Promise.all(pending.splice(0));
  }

  it("by somebody on no roster: LG_BODY keeps its team, its Geschäftsstelle is told nothing, the log says it", { timeout: 60_000 }, async () => {
    await install(STRANGERS_TEAM, STRANGER);
    const after = await rheinSieg().read();
    expect(after.teams).toEqual(before.teams);
    expect(after.outbox).toEqual(before.outbox);
    expect((await rheinSieg().auditLog()).map((e) => e.action)).not.toContain("teams.synced");
    expect((await wesel().read()).teams).toBeNull();
    expect(connector.sent).toEqual([]);
    expect(unrouted).toEqual([
      { teamId: STRANGERS_TEAM, tenantId: connector.tenantId, installer: STRANGER.aadObjectId },
      { teamId: STRANGERS_TEAM, tenantId: connector.tenantId, installer: STRANGER.aadObjectId },
    ]);
  });

  it("by Wesel's Geschäftsstelle, not yet bound: the team becomes Wesel's (found by e-mail), LG_BODY's stays", { timeout: 60_000 }, async () => {
    await install(WESEL_TEAM, { id: "29:wesel-gs-1", aadObjectId: "eeeeeeee-0000-4000-8000-000000000001", name: "Geschäftsstelle Wesel" });
    const db = await wesel().read();
    expect(db.teams).toMatchObject({ teamId: WESEL_TEAM, membersRead: true, userIds: { "gs-1": "29:wesel-gs-1" } });
    expect(db.outbox.filter((m) => m.purpose === "notice").map((m) => m.personId).sort()).toEqual([...db.body.secretariatIds].sort());
    expect((await rheinSieg().read()).teams).toEqual(before.teams);
  });
});
