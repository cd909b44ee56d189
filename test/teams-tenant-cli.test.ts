/**
 * The command line reaches Teams too (issue 14): `invite` run as its own process records the team
 * channel's post and the invitation's Teams notices as `/einladen` does, and sends them itself where
 * it may talk to the connector; otherwise they wait and the bot's 5-minute round sends them, once.
 *
 * The bot is installed in the team over HTTP (real Bot Framework activities); Teams' side is
 * test/support/bot-connector.ts, the stand-in for Microsoft's Bot Connector service (its documented
 * REST protocol, on loopback) — the only stand-in here. Mail goes to a real SMTP server on loopback.
 * Local mode (no credentials) throughout: the command line may then reach only a connector on this
 * machine, and only with PLAYGROUND=0, as the bot itself (bot/main.ts); without that it behaves as
 * it would without the bot's credentials in a tenant.
 */
import { spawn } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamsAdapter } from "../bot/teams-ai.ts";
import { cliTeamsChannel } from "../bot/cli-teams.ts";
import { TEAM_CHANNEL } from "../services/outbox.ts";
import { createApp } from "../bot/app.ts";
import { proactiveChannel } from "../bot/proactive.ts";
import { remindEveryBody } from "../bot/reminder-timer.ts";
import { singleBody } from "../services/open-services.ts";
import { startServer } from "../bot/server.ts";
import { addAgendaItem } from "../services/add-agenda-item.ts";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";
import { startBotConnector, type BotConnector } from "./support/bot-connector.ts";

const NOW = "2022-04-01T09:00:00+02:00";
const BOT = { id: "28:lenkungsgruppe-bot", name: "Lenkungsgruppe" };
const TEAM = "19:kim-lenkungsgruppe@thread.tacv2";
/** A member in the team who never wrote to the bot. */
const MEMBER = "m-jugendamt";

let world: Fixture;
let connector: BotConnector;
let server: Server;
let adapter: TeamsAdapter;
let may: string;
let june: string;

const textsTo = (conversationId: string) => connector.sent.filter((s) => s.conversationId === conversationId).map((s) => String(s.activity.text ?? ""));
/** What reached the member in the 1:1 chats the bot (or the command line) opened with them. */
const toMember = () => connector.created.filter((c) => c.userId === `29:${MEMBER}`).flatMap((c) => textsTo(c.id));

/** `npm run -s cli -- …` as its own process, with mail to the test's SMTP server. */
function cli(env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli/index.ts", "--db", world.file, "--now", NOW, ...args], {
      env: { ...process.env, SMTP_URL: world.smtp.url, BOT_ID: "", BOT_PASSWORD: "", DATABASE_URL: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

async function until(predicate: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`waited in vain: ${what}`);
}

beforeAll(async () => {
  world = await fixture(NOW);
  may = await world.meeting({ start: "2022-05-12T10:00", end: "2022-05-12T12:00", location: "Kreishaus Siegburg, Raum 1.23" }, ["Bericht der Geschäftsstelle"]);
  await addAgendaItem(world.services, may, "Personalangelegenheit der Koordinierungsstelle", false, GS);
  june = await world.meeting({ start: "2022-06-16T10:00", end: "2022-06-16T12:00", location: "Kreishaus Siegburg, Raum 2.01" }, ["Haushalt 2023"]);

  connector = await startBotConnector();
  const persons = (await world.store.read()).persons;
  connector.addUsers(persons.map((p) => ({ id: `29:${p.id}`, aadObjectId: `10000000-0000-4000-8000-${p.id.length.toString().padStart(4, "0")}${String(persons.indexOf(p)).padStart(8, "0")}`, name: p.name, email: p.email, userPrincipalName: p.email })));
  connector.addTeam(TEAM, persons.map((p) => `29:${p.id}`));
  // The roster knows no Entra ids: the installation binds everyone by e-mail.
  await world.edit((db) => db.persons.forEach((p) => void (p.aadObjectId = null)));

  adapter = new TeamsAdapter({});
  server = await startServer(createApp({ services: world.services, adapter, background: (work) => void work() }), adapter, 0, "127.0.0.1");
  const botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  const installed = await fetch(botUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "conversationUpdate", id: "install-1", channelId: "msteams", serviceUrl: connector.url, recipient: BOT,
      from: { id: `29:${GS}`, name: "Geschäftsstelle" }, membersAdded: [{ id: BOT.id }],
      conversation: { id: TEAM, conversationType: "channel", isGroup: true, tenantId: connector.tenantId },
      channelData: { eventType: "teamMemberAdded", team: { id: TEAM, name: "KIM" }, tenant: { id: connector.tenantId } },
    }),
  });
  expect(installed.status).toBe(200);
  await until(async () => (await world.store.read()).persons.find((p) => p.id === MEMBER)!.aadObjectId !== null, "the team read and bound");
  await until(async () => (await world.store.read()).outbox.every((m) => m.acceptedAt), "the comparison delivered");
});

afterAll(async () => {
  server?.close();
  await connector?.close();
  await world?.close();
});

describe("`invite` on the command line", () => {
  it("posts the public announcement in the channel and opens a 1:1 chat for a bound member who never wrote", async () => {
    expect(toMember()).toEqual([]);
    const run = await cli({ PLAYGROUND: "0" }, "invite", "--meeting", may, "--json");
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ meetingId: may });
    expect(run.stderr).not.toContain("warten auf den Bot");

    const [post, ...more] = textsTo(TEAM);
    expect(more).toEqual([]);
    expect(post).toContain("Donnerstag, 12.05.2022, 10:00 Uhr, Kreishaus Siegburg, Raum 1.23");
    expect(post).toContain("1. Bericht der Geschäftsstelle");
    expect(post).not.toContain("Personalangelegenheit");
    expect(toMember()).toEqual([expect.stringMatching(/^Sie sind eingeladen: Sitzung der Lenkungsgruppe .* am Donnerstag, 12\.05\.2022/)]);
    const address = (await world.store.read()).persons.find((p) => p.id === MEMBER)!.email;
    expect((await world.mails()).some((m) => m.to.includes(address))).toBe(true);
  });
});

describe("without a way to the connector", () => {
  it("the command line says that the Teams messages wait; the bot's round sends them, once", async () => {
    const before = connector.requests.length;
    const run = await cli({}, "invite", "--meeting", june);
    expect(run.status, run.stderr).toBe(0);
    expect(connector.requests.length).toBe(before); // the process did not talk to Teams
    expect(run.stderr).toMatch(/^Hinweis: \d+ Nachrichten für Teams \(Kanal „Allgemein“, 1:1-Chats\) warten auf den Bot/m);
    const data = await world.store.read();
    const waiting = data.outbox.filter((m) => m.meetingId === june && (m.purpose === "announcement" || m.teamsOnly));
    const invited = data.invitations.find((i) => i.meetingId === june)!.recipients.length;
    expect(waiting).toHaveLength(invited + 1); // everyone invited is in the team, and the channel's post
    expect(run.stderr).toContain(`Hinweis: ${invited + 1} Nachrichten für Teams`);
    expect(waiting.every((m) => m.attempts === 0 && !m.acceptedAt)).toBe(true);

    // Two rounds of the bot's timer (bot/reminder-timer.ts, as `npm start` runs it every 5 minutes).
    // As bot/main.ts opens them: with the bot's wording (Services.render).
    const bodies = singleBody(world.services, "default");
    const teamsFor = (services: typeof world.services) => proactiveChannel({ services, adapter, botAppId: "" });
    const log = { sent: () => {}, failed: (_: string, e: unknown) => { throw e; } };
    await remindEveryBody(bodies, teamsFor, log);
    await remindEveryBody(bodies, teamsFor, log);

    expect(textsTo(TEAM).filter((t) => t.includes("16.06.2022"))).toHaveLength(1);
    expect(toMember().filter((t) => t.includes("16.06.2022"))).toHaveLength(1);
    const after = (await world.store.read()).outbox.filter((m) => m.meetingId === june && (m.purpose === "announcement" || m.teamsOnly));
    expect(after.every((m) => m.acceptedAt && m.via === "teams" && m.attempts === 1)).toBe(true);
  });
});

describe("when the command line may talk to the connector", () => {
  it("in local mode only on this machine and not in the Playground; with the bot's credentials, always", async () => {
    const other = await fixture(NOW);
    try {
      await other.edit((db) => void (db.teams = {
        teamId: TEAM, name: "KIM", tenantId: connector.tenantId, serviceUrl: "https://smba.trafficmanager.net/emea/", generalChannelId: TEAM,
        botId: BOT.id, syncedAt: NOW, membersRead: true, userIds: { [MEMBER]: `29:${MEMBER}` },
      }));
      expect(cliTeamsChannel(other.services, {})).toBeNull(); // PLAYGROUND defaults to 1, as for `npm start`
      const local = cliTeamsChannel(other.services, { PLAYGROUND: "0" })!;
      // Teams' own service URL without a token: not tried (it would throw on the network), so the message waits.
      expect(await local(TEAM_CHANNEL, "Test")).toBe(false);
      expect(await local(MEMBER, "Test")).toBe(false);
      expect(cliTeamsChannel(other.services, { BOT_ID: "00000000-0000-4000-8000-0000000000b0", BOT_PASSWORD: "geheim" })).not.toBeNull();
    } finally {
      await other.close();
    }
  });
});
