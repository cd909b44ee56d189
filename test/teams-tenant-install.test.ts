/**
 * Installation when Teams does not hand out the team's member list at first (over HTTP against
 * test/support/bot-connector.ts, the stand-in for Microsoft's Bot Connector service): the team is
 * kept, the Geschäftsstelle is asked for "/abgleich" once, and the next installation event reads it.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TeamsAdapter } from "../bot/teams-ai.ts";
import { createApp } from "../bot/app.ts";
import { startServer } from "../bot/server.ts";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";
import { startBotConnector, type BotConnector } from "./support/bot-connector.ts";

const BOT = { id: "28:lenkungsgruppe-bot", name: "Lenkungsgruppe" };
const TEAM = "19:kim-lenkungsgruppe@thread.tacv2";
let world: Fixture;
let connector: BotConnector;
let server: Server;
let botUrl: string;

beforeAll(async () => {
  world = await fixture("2022-04-01T09:00:00+02:00");
  connector = await startBotConnector();
  const persons = (await world.store.read()).persons;
  connector.addUsers(persons.map((p) => ({ id: `29:${p.id}`, aadObjectId: p.aadObjectId ?? p.id, name: p.name, email: p.email, userPrincipalName: p.email })));
  connector.addTeam(TEAM, persons.map((p) => `29:${p.id}`));
  const adapter = new TeamsAdapter({});
  server = await startServer(createApp({ services: world.services, adapter, background: (work) => void work() }), adapter, 0, "127.0.0.1");
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
});

afterAll(async () => {
  server?.close();
  await connector?.close();
  await world?.close();
});

const install = (type: "conversationUpdate" | "installationUpdate") =>
  fetch(botUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type, id: `install-${type}`, channelId: "msteams", serviceUrl: connector.url, recipient: BOT,
      from: { id: `29:${GS}`, name: "Geschäftsstelle" },
      ...(type === "conversationUpdate" ? { membersAdded: [{ id: BOT.id }] } : { action: "add" }),
      conversation: { id: TEAM, conversationType: "channel", isGroup: true, tenantId: connector.tenantId },
      channelData: { eventType: "teamMemberAdded", team: { id: TEAM, name: "KIM" }, tenant: { id: connector.tenantId } },
    }),
  });

async function until(predicate: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500 && !(await predicate()); i++) await new Promise((r) => setTimeout(r, 20));
  if (!(await predicate())) throw new Error(`waited in vain: ${what}`);
}

it("keeps the team and asks the Geschäftsstelle for /abgleich, without an error post in the channel; the next event reads the list", async () => {
  connector.refuseMemberLists(1);
  expect((await install("conversationUpdate")).status).toBe(200);
  const db = () => world.store.read();
  expect((await db()).teams).toMatchObject({ teamId: TEAM, membersRead: false, userIds: {} });
  expect(connector.sent.filter((s) => s.conversationId === TEAM)).toEqual([]);
  await until(async () => (await world.mails()).filter((m) => m.email.text?.includes("konnte dessen Mitgliederliste aber nicht lesen")).length === (await db()).body.secretariatIds.length, "the Geschäftsstelle asked by e-mail");

  expect((await install("installationUpdate")).status).toBe(200);
  expect((await db()).teams).toMatchObject({ teamId: TEAM, membersRead: true });
  await until(async () => connector.sent.some((s) => String(s.activity.text).startsWith("Abgleich mit dem Team „KIM“")), "the comparison in Teams");
  await until(async () => (await db()).outbox.every((m) => !m.claimedAt), "the outbox settled");
});
