/**
 * The bot in a Teams tenant, over HTTP: real Bot Framework activities posted to /api/messages, the
 * bot's answers and its own requests going to test/support/bot-connector.ts — the stand-in for
 * Microsoft's cloud (the Bot Connector service Teams runs), built to its documented REST protocol.
 * The bot uses botbuilder's TeamsInfo and the adapter's createConversationAsync against it exactly
 * as against Teams (local mode: no credentials, so no tokens). Mail goes to a real SMTP server on
 * loopback.
 *
 * The roster is imported from a CSV without an aadObjectId column, as a Geschäftsstelle has it.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamsAdapter } from "../bot/teams-ai.ts";
import { createApp } from "../bot/app.ts";
import { startServer } from "../bot/server.ts";
import { importRosterFile } from "../cli/import-roster.ts";
import { membersView } from "../cli/store-commands.ts";
import { loadProfile } from "../adapters/profiles.ts";
import { addAgendaItem } from "../services/add-agenda-item.ts";
import { outboxRows as rowsWith } from "../services/outbox.ts";
import { render } from "../texts/catalog.ts";
import type { Db, Person } from "../domain/model.ts";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";
import { startBotConnector, type BotConnector, type TeamsUser } from "./support/bot-connector.ts";
import { profiles } from "./support/profiles.ts";

const BOT = { id: "28:lenkungsgruppe-bot", name: "Lenkungsgruppe" };
const TEAM = "19:kim-lenkungsgruppe@thread.tacv2";
/** Roster people who are not in the team. */
const NOT_IN_TEAM = ["m-stadt-troisdorf", "d-stadt-troisdorf"];
/** A deputy and a member to whom the tenant does not make the app available. */
const BLOCKED = "d-sozialamt";
const BLOCKED_MEMBER = "m-gemeinde-much";
const STRANGER: TeamsUser = { id: "29:stranger", aadObjectId: "00000000-0000-4000-8000-0000000000ff", name: "Erika Fremd", email: "erika.fremd@andere-org.de", userPrincipalName: "erika.fremd@andere-org.de" };

let world: Fixture;
let connector: BotConnector;
let server: Server;
let botUrl: string;
let users: Map<string, TeamsUser>;

const db = (): Promise<Db> => world.store.read();
/** The outbox's rows as the faces list them (the team channel named by the face's wording). */
const outboxRows = (d: Db, now: Date) => rowsWith(d, now, render);
const person = async (id: string): Promise<Person> => (await db()).persons.find((p) => p.id === id)!;
const textsTo = (conversationId: string) => connector.sent.filter((s) => s.conversationId === conversationId).map((s) => String(s.activity.text ?? ""));
const chatOf = (personId: string) => `a:chat-${personId}`;
/** The person's 1:1 chats: the one they opened, and the one the bot opened. */
const chatsOf = (personId: string) => [chatOf(personId), ...connector.created.filter((c) => c.userId === `29:${personId}`).map((c) => c.id)];
const refusedChats = (personId: string) =>
  connector.requests.filter((r) => r.method === "POST" && r.path === "/v3/conversations" && (r.body?.members as { id: string }[])[0]!.id === `29:${personId}`);

async function until(predicate: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`waited in vain: ${what}`);
}

/** The Teams account of a roster person: guests from other organisations have #EXT# UPNs. */
function teamsUser(p: Person, i: number): TeamsUser {
  const aadObjectId = `10000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`;
  const base = { id: `29:${p.id}`, aadObjectId, name: p.name };
  const [local, domain] = p.email.split("@");
  if (p.id === "m-jugendamt") return { ...base, email: p.email.toUpperCase(), userPrincipalName: p.email.toUpperCase() }; // case differs
  if (p.id === "m-caritas") return { ...base, email: p.email, userPrincipalName: `${local}_${domain}#EXT#@kreis.onmicrosoft.com`, userRole: "guest" };
  if (p.id === "d-diakonie") return { ...base, email: "", userPrincipalName: `${local}_${domain}#EXT#@kreis.onmicrosoft.com`, userRole: "guest" }; // no email: the guest UPN names it
  return { ...base, email: p.email, userPrincipalName: p.email };
}

function activity(user: TeamsUser, fields: Record<string, unknown>) {
  const conversation = (fields.conversation as Record<string, unknown> | undefined) ?? { id: chatOf(user.id.slice(3)), conversationType: "personal" };
  return {
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: "2022-04-01T07:00:00.000Z",
    channelId: "msteams",
    serviceUrl: connector.url,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    locale: "de-DE",
    channelData: { tenant: { id: connector.tenantId } },
    ...fields,
    conversation: { tenantId: connector.tenantId, ...conversation },
  };
}

async function post(body: unknown): Promise<void> {
  const res = await fetch(botUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBeLessThan(300);
}

/** A person writes to the bot in their 1:1 chat (the connector knows the chat). */
async function say(personId: string, text: string, conversationId = chatOf(personId)): Promise<void> {
  const user = users.get(personId)!;
  connector.addPersonalChat(conversationId, user.id);
  await post(activity(user, { type: "message", text, conversation: { id: conversationId, conversationType: "personal" } }));
}

beforeAll(async () => {
  world = await fixture("2022-04-01T09:00:00+02:00");
  // A Kreis whose data never held Entra object ids (the demo's are cleared: a re-import keeps stored
  // bindings), and the Geschäftsstelle's list: e-mail addresses, no Entra object ids.
  await world.store.update({ actorId: "test" }, (d) => d.persons.forEach((p) => void (p.aadObjectId = null)));
  const csv = readFileSync("data/roster-example.csv", "utf8").split("\n").map((line) => line.split(";").filter((_, i) => i !== 4).join(";")).join("\n");
  await writeFile(join(world.dir, "liste.csv"), csv);
  await importRosterFile(world.store, profiles, join(world.dir, "liste.csv"), "cli");
  const meetingId = await world.meeting({ start: "2022-05-12T10:00", end: "2022-05-12T12:00", location: "Kreishaus Siegburg, Raum 1.23" }, ["Bericht der Geschäftsstelle"]);
  await addAgendaItem(world.services, meetingId, "Personalangelegenheit der Koordinierungsstelle", false, GS);

  connector = await startBotConnector({ pageLimit: 10 });
  const persons = (await db()).persons;
  users = new Map(persons.map((p, i) => [p.id, teamsUser(p, i)]));
  connector.addUsers([...users.values(), STRANGER]);
  connector.addTeam(TEAM, [...persons.filter((p) => !NOT_IN_TEAM.includes(p.id)).map((p) => users.get(p.id)!.id), STRANGER.id]);
  connector.blockApp(users.get(BLOCKED)!.id);
  connector.blockApp(users.get(BLOCKED_MEMBER)!.id);

  const adapter = new TeamsAdapter({});
  const app = createApp({ services: world.services, adapter, background: (work) => void work() });
  server = await startServer(app, adapter, 0, "127.0.0.1");
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
});

afterAll(async () => {
  // Sends after a reply record their results a moment later: let them land before the folder goes.
  await until(async () => (await db()).outbox.every((m) => !m.claimedAt), "the outbox settled");
  server?.close();
  await connector?.close();
  await world?.close();
});

describe("a roster imported without aadObjectIds", () => {
  it("has no object ids, and a member who writes is recognised by the e-mail Teams reports (case-insensitive), bound and audited", async () => {
    expect((await db()).persons.every((p) => p.aadObjectId === null)).toBe(true);
    await say("m-jugendamt", "Wann ist die nächste Sitzung?");
    await until(() => textsTo(chatOf("m-jugendamt")).length > 0, "the answer");
    expect(textsTo(chatOf("m-jugendamt"))[0]).toContain("Donnerstag, 12.05.2022");
    expect(connector.requests.some((r) => r.path === `/v3/conversations/${chatOf("m-jugendamt")}/members/29:m-jugendamt`)).toBe(true);

    const view = membersView(await db());
    expect(view.institutions.find((i) => i.id === "jugendamt")!.member.aadObjectId).toBe(users.get("m-jugendamt")!.aadObjectId);
    const audit = await world.store.auditLog();
    expect(audit.filter((a) => a.action === "identity.bound").map((a) => a.details.personId)).toEqual(["m-jugendamt"]);
  });

  it("a guest whose e-mail is missing is recognised by the address their #EXT# UPN was made from", async () => {
    await say("d-diakonie", "Wer ist meine Vertretung?");
    await until(() => textsTo(chatOf("d-diakonie")).length > 0, "the answer");
    expect(textsTo(chatOf("d-diakonie"))[0]).not.toContain("kenne Sie noch nicht");
    expect((await person("d-diakonie")).aadObjectId).toBe(users.get("d-diakonie")!.aadObjectId);
  });

  it("someone whose address is not on the roster is told whom to ask, and the Geschäftsstelle is told once", async () => {
    connector.addPersonalChat("a:chat-stranger", STRANGER.id);
    for (const text of ["Hallo", "Hallo?"]) {
      await post(activity(STRANGER, { type: "message", text, conversation: { id: "a:chat-stranger", conversationType: "personal" } }));
    }
    await until(() => textsTo("a:chat-stranger").length === 2, "two answers");
    const secretariatEmail = (await db()).body.secretariatEmail;
    for (const answer of textsTo("a:chat-stranger")) expect(answer).toContain(`Geschäftsstelle (${secretariatEmail})`);
    const told = (await db()).outbox.filter((m) => m.subject.de === "Unbekannte Person in Teams");
    expect(told.map((m) => m.personId).sort()).toEqual((await db()).body.secretariatIds.slice().sort());
    expect(told[0]!.text!.de).toContain("Erika Fremd (erika.fremd@andere-org.de)");
    await until(async () => (await world.mails()).filter((m) => m.email.subject?.includes("Unbekannte Person")).length === told.length, "the mails to the Geschäftsstelle");
  });
  it("a second Teams account with a bound person's address takes nothing over; the Geschäftsstelle hears of it", async () => {
    const second: TeamsUser = { ...users.get("m-jugendamt")!, id: "29:m-jugendamt-second", aadObjectId: "20000000-0000-4000-8000-000000000001" };
    connector.addUsers([second]);
    connector.addPersonalChat("a:chat-second", second.id);
    await post(activity(second, { type: "message", text: "Hallo", conversation: { id: "a:chat-second", conversationType: "personal" } }));
    await until(() => textsTo("a:chat-second").length > 0, "the answer");
    expect(textsTo("a:chat-second")[0]).toContain("ich kenne Sie noch nicht");
    expect((await person("m-jugendamt")).aadObjectId).toBe(users.get("m-jugendamt")!.aadObjectId);
    const told = (await db()).outbox.filter((m) => m.subject.de === "Zweites Teams-Konto");
    expect(told).toHaveLength((await db()).body.secretariatIds.length);
    expect(told[0]!.text!.de).toContain("Die Adresse gehört Sabine Fuchs");
  });
});

describe("installed in the group's team", () => {
  const install = (type: "conversationUpdate" | "installationUpdate") =>
    post(activity(users.get(GS)!, {
      type,
      ...(type === "conversationUpdate" ? { membersAdded: [{ id: BOT.id }] } : { action: "add" }),
      conversation: { id: TEAM, conversationType: "channel", isGroup: true },
      channelData: { eventType: "teamMemberAdded", team: { id: TEAM, name: "KIM-Lenkungsgruppe" }, tenant: { id: connector.tenantId } },
    }));

  it("reads every page of the team, binds everyone it can, keeps the team, and tells the Geschäftsstelle in one message who is missing where", async () => {
    await install("conversationUpdate");
    await install("installationUpdate"); // Teams sends both; the second changes nothing
    const pages = connector.requests.filter((r) => r.path === `/v3/conversations/${TEAM}/pagedmembers`);
    expect(pages.length).toBe(4); // 38 people in the team, at most 10 a page
    expect(pages.slice(1).map((r) => r.query.continuationToken)).toEqual(["10", "20", "30"]);

    const data = await db();
    expect(data.teams).toMatchObject({ teamId: TEAM, tenantId: connector.tenantId, generalChannelId: TEAM, serviceUrl: connector.url });
    for (const p of data.persons) expect(p.aadObjectId).toBe(NOT_IN_TEAM.includes(p.id) ? null : users.get(p.id)!.aadObjectId);

    // The Geschäftsstelle is in the team but never wrote: the bot opens a 1:1 chat for the comparison.
    await until(() => connector.created.some((c) => c.userId === `29:${GS}`) && textsTo(connector.created.find((c) => c.userId === `29:${GS}`)!.id).length > 0, "the comparison in Teams");
    const chat = connector.created.find((c) => c.userId === `29:${GS}`)!;
    expect(chat.body).toMatchObject({ isGroup: false, tenantId: connector.tenantId, channelData: { tenant: { id: connector.tenantId } }, members: [{ id: `29:${GS}` }] });
    const comparison = textsTo(chat.id);
    expect(comparison).toHaveLength(1);
    expect(comparison[0]).toContain("Im Verzeichnis, aber nicht im Team: Daniela Kaiser, ");
    expect(comparison[0]).toContain("Im Team, aber nicht im Verzeichnis: Erika Fremd (erika.fremd@andere-org.de)");
    expect(data.outbox.filter((m) => m.subject.de.startsWith("Abgleich")).length).toBe(data.body.secretariatIds.length);
  });

  it("when Teams refuses a chat (403: the app is not available to the deputy), the e-mail carries the notice and only the Geschäftsstelle learns why", async () => {
    const member = "m-sozialamt"; // before the invitation is out, the deputy gets a notice that they stand in
    await say(member, "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    const deputy = await person(BLOCKED);
    const notice = async () => (await db()).outbox.find((m) => m.personId === BLOCKED && m.purpose === "notice");
    await until(async () => Boolean((await notice())?.acceptedAt), "the deputy's notice delivered");
    expect(await notice()).toMatchObject({ via: "email", error: null });
    const mails = (await world.mails()).filter((m) => m.to.includes(deputy.email));
    expect(mails.map((m) => m.email.text ?? "").some((t) => t.includes("nicht teilnehmen. Sie vertreten"))).toBe(true);
    expect(refusedChats(BLOCKED)).toHaveLength(1);
    expect(connector.created.some((c) => c.userId === `29:${BLOCKED}`)).toBe(false);

    await until(async () => (await db()).outbox.some((m) => m.subject.de === `In Teams nicht erreichbar: ${deputy.name}` && m.acceptedAt), "the Geschäftsstelle told");
    const why = (await db()).outbox.filter((m) => m.subject.de === `In Teams nicht erreichbar: ${deputy.name}`);
    expect(why.map((m) => m.personId).sort()).toEqual((await db()).body.secretariatIds.slice().sort());
    expect(why[0]!.text!.de).toContain("403");
    for (const text of textsTo(chatOf(member))) expect(text).not.toContain("403");
  });

  it("the invitation: every matched member who never wrote gets it in a 1:1 chat the bot opened, besides the e-mail; the channel sees only public items", async () => {
    const gsChat = connector.created.find((c) => c.userId === `29:${GS}`)!.id;
    await say(GS, "/einladen", gsChat);
    await say(GS, "ja", gsChat); // mass mail waits for the yes
    const recipients = async () => (await db()).invitations[0]?.recipients ?? [];
    await until(async () => (await recipients()).length > 0 && (await recipients()).every((r) => r.acceptedAt), "the invitation mails");
    const invited = (await recipients()).map((r) => r.personId);
    const inTeams = invited.filter((id) => !NOT_IN_TEAM.includes(id) && id !== BLOCKED && id !== BLOCKED_MEMBER);
    const noticeIn = (id: string) => chatsOf(id).some((chat) => textsTo(chat).some((t) => t.startsWith("Sie sind eingeladen: Sitzung der Lenkungsgruppe")));
    await until(() => inTeams.every(noticeIn), "the Teams notices");
    expect(inTeams.length).toBeGreaterThan(15);
    expect(invited.filter(noticeIn).sort()).toEqual(inTeams.sort()); // not those outside the team or without the app
    expect(connector.created.filter((c) => inTeams.includes(c.userId.slice(3))).length).toBeGreaterThan(10); // chats the bot opened

    // The member without the app: Teams refused, the invitation e-mail carries it, only the Geschäftsstelle hears why.
    expect(refusedChats(BLOCKED_MEMBER)).toHaveLength(1);
    const member = await person(BLOCKED_MEMBER);
    await until(async () => (await db()).outbox.some((m) => m.subject.de === `In Teams nicht erreichbar: ${member.name}`), "the Geschäftsstelle told");
    await until(() => textsTo(gsChat).some((t) => /: (\d+) von \1 versandt\.$/.test(t)), "the report: every invitation mail accepted");

    const mails = await world.mails();
    for (const id of invited) {
      const address = (await person(id)).email;
      expect(mails.some((m) => m.to.includes(address))).toBe(true);
    }

    await until(() => textsTo(TEAM).length > 0, "the channel post");
    const [announcement] = textsTo(TEAM);
    expect(announcement).toContain("Donnerstag, 12.05.2022, 10:00 Uhr, Kreishaus Siegburg, Raum 1.23");
    expect(announcement).toContain("1. Bericht der Geschäftsstelle");
    expect(announcement).not.toContain("Personalangelegenheit");
    expect(announcement).toContain(`(${(loadProfile("rhein-sieg-kreis").nonPublic as { citation: string }).citation})`);
    // The post is an outbox message like any other: `/postausgang` lists it.
    await until(async () => outboxRows(await db(), world.services.clock()).some((r) => r.purpose === "announcement" && r.state === "accepted"), "the post recorded");
    expect(outboxRows(await db(), world.services.clock()).find((r) => r.purpose === "announcement")).toMatchObject({ name: "Team-Kanal „Allgemein“", via: "teams" });
  });

  it("/abgleich compares again, and the result comes as a message", async () => {
    const gsChat = connector.created.find((c) => c.userId === `29:${GS}`)!.id;
    const before = textsTo(gsChat).filter((t) => t.startsWith("Abgleich mit dem Team")).length;
    await say(GS, "/abgleich", gsChat);
    await until(() => textsTo(gsChat).filter((t) => t.startsWith("Abgleich mit dem Team")).length === before + 1, "the new comparison");
    expect(textsTo(gsChat).some((t) => t.startsWith("Ich gleiche Team und Mitgliederverzeichnis ab"))).toBe(true);
  });
});

describe("group chats, channels and the meeting chat", () => {
  const mention = { type: "mention", text: `<at>${BOT.name}</at>`, mentioned: BOT };

  it("in a channel the bot answers only when @mentioned, in the thread, and keeps notices in the 1:1 chat", async () => {
    const thread = `${TEAM};messageid=1650000000000`;
    const user = users.get("m-jugendamt")!;
    const channel = { id: thread, conversationType: "channel", isGroup: true };
    const channelData = { tenant: { id: connector.tenantId }, team: { id: TEAM }, channel: { id: TEAM } };
    await post(activity(user, { type: "message", text: "Wann ist die nächste Sitzung?", conversation: channel, channelData }));
    await post(activity(user, { type: "message", text: `<at>${BOT.name}</at> Wann ist die nächste Sitzung?`, entities: [mention], conversation: channel, channelData }));
    await until(() => textsTo(thread).length > 0, "the answer in the thread");
    expect(textsTo(thread)).toHaveLength(1);
    expect(textsTo(thread)[0]).toContain("Donnerstag, 12.05.2022");
    expect(((await db()).botState["ref:m-jugendamt"] as { conversation: { id: string } }).conversation.id).toBe(chatOf("m-jugendamt"));
  });

  it("the chair asks in the meeting chat as in the 1:1 chat", async () => {
    const meetingChat = "19:meeting_kim-2022-05-12@thread.v2";
    const chair = users.get((await db()).body.chairId)!;
    connector.addGroupChat(meetingChat, [chair.id, users.get("m-jugendamt")!.id]);
    await post(activity(chair, { type: "message", text: `<at>${BOT.name}</at>&nbsp;Sind wir beschlussfähig?`, entities: [mention], conversation: { id: meetingChat, conversationType: "groupChat", isGroup: true } }));
    await until(() => textsTo(meetingChat).length > 0, "the answer in the meeting chat");
    expect(textsTo(meetingChat)[0]).toMatch(/von 17 stimmberechtigten Institutionen/);
  });

  it("the help says that in group chats one @mentions the bot", async () => {
    await say("m-jugendamt", "Hilfe");
    await until(() => textsTo(chatOf("m-jugendamt")).some((t) => t.startsWith("Was ich für Sie tun kann")), "the help");
    expect(textsTo(chatOf("m-jugendamt")).find((t) => t.startsWith("Was ich für Sie tun kann"))).toContain("In Gruppenchats, Kanälen und im Besprechungschat erwähnen Sie mich mit @");
  });
});

describe("the channel, when the meeting is called off", () => {
  it("says that it is cancelled, without the Geschäftsstelle's reason", async () => {
    const gsChat = connector.created.find((c) => c.userId === `29:${GS}`)!.id;
    const before = textsTo(TEAM).length;
    await say(GS, "/sitzung absagen Erkrankung der Vorsitzenden", gsChat);
    await say(GS, "ja", gsChat);
    await until(() => textsTo(TEAM).length > before, "the channel post");
    const post = textsTo(TEAM).at(-1)!;
    expect(post).toContain("am Donnerstag, 12.05.2022, 10:00 Uhr, Kreishaus Siegburg, Raum 1.23 fällt aus");
    expect(post).not.toContain("Erkrankung");
  });
});
