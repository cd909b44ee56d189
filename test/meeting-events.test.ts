/**
 * The digital session follows itself (issue 14, item 6): Teams' meeting events posted over HTTP to
 * /api/messages as real Bot Framework activities, the bot's messages received by a loopback
 * connector (Teams' cloud cannot run here; test/support/connector.ts stands in for it).
 *
 * The event payloads are built as Microsoft documents them for bots in meetings ("Meeting apps
 * APIs" → meeting start/end and participant events, learn.microsoft.com): `type: "event"`, `name`
 * "application/vnd.microsoft.meetingStart" | "…meetingEnd" with `value` { Id, MeetingType,
 * JoinUrl, Title, StartTime | EndTime } (seven decimals, UTC), and
 * "application/vnd.microsoft.meetingParticipantJoin" | "…meetingParticipantLeave" with `value.members[]`
 * { user: { tenantId, objectId, id, name, aadObjectId }, meeting: { inMeeting, role } };
 * `channelData.meeting.id` and the meeting chat "19:meeting_…@thread.v2" as `conversation.id`.
 * These are the names Teams sends (botbuilder's TeamsActivityHandler routes the same), not the
 * "meetingParticipantsJoin" that @microsoft/teams-ai 1.7.4's app.meetings.participantsJoin expects.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { outboxMailer } from "../adapters/mail-transport.ts";
import { createApp } from "../bot/app.ts";
import { startServer } from "../bot/server.ts";
import { TeamsAdapter } from "../bot/teams-ai.ts";
import type { Db, Person } from "../domain/model.ts";
import { startConnector, type Connector } from "./support/connector.ts";
import { profiles } from "./support/profiles.ts";
import { render } from "../texts/catalog.ts";

const TENANT = "00000000-0000-4000-8000-000000000000";
const THREAD = "19:meeting_NjQ4ZTRkYjAtZmE0Ni00OTA0LWIzMWYtMjBlMWU1NzcwNjZj@thread.v2";
const JOIN_URL = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22${TENANT}%22%7d`;
const TEAMS_MEETING_ID = "MCMxOTptZWV0aW5nX05qUTRaVFJrWWpBdFptRTBOaTAwT1RBMExXSXpNV1l0TWpCbE1XVTFOemN3TmpaakB0aHJlYWQudjIjMA==";
const MEETING = {
  id: "s-2022-05-12", start: "2022-05-12T10:00:00+02:00", end: "2022-05-12T12:00:00+02:00", location: "", mode: "online" as const,
  onlineUrl: JOIN_URL, state: "invited" as const, agenda: [], createdAt: "2022-04-01T09:00:00+02:00",
};
const NINE = ["dezernat-ii", "kommunales-integrationszentrum", "rechts-und-ordnungsamt", "amt-fuer-schule", "sozialamt", "jugendamt", "agentur-fuer-arbeit", "caritas", "diakonie"];

let now = "2022-05-12T09:55:00+02:00";
const clock = () => new Date(now);
let connector: Connector;
let server: Server;
let url: string;
let file: string;
let persons: Person[];
let seq = 0;

const post = (body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const db = (): Promise<Db> => openJsonStore(file, { clock }).read();
const person = (id: string) => persons.find((p) => p.id === id)!;

/** What every meeting event shares: sent in the meeting chat, from the organizer, with the meeting's id. */
function meetingEvent(name: string, value: unknown, id = `ev-${++seq}`) {
  return {
    type: "event",
    name,
    id,
    timestamp: new Date(now).toISOString(),
    channelId: "msteams",
    serviceUrl: connector.url,
    from: { id: "29:organizer", aadObjectId: person("gs-1").aadObjectId },
    conversation: { isGroup: true, tenantId: TENANT, id: THREAD },
    recipient: { id: "28:bot", name: "Lenkungsgruppe" },
    channelData: { tenant: { id: TENANT }, source: null, meeting: { id: TEAMS_MEETING_ID } },
    value,
    locale: "de-DE",
  };
}

const startEvent = (startTime: string) =>
  meetingEvent("application/vnd.microsoft.meetingStart", { Id: TEAMS_MEETING_ID, MeetingType: "Scheduled", JoinUrl: JOIN_URL, Title: "Lenkungsgruppe KIM", StartTime: startTime });
const endEvent = (endTime: string) =>
  meetingEvent("application/vnd.microsoft.meetingEnd", { Id: TEAMS_MEETING_ID, MeetingType: "Scheduled", JoinUrl: JOIN_URL, Title: "Lenkungsgruppe KIM", EndTime: endTime });

function member(p: { id: string; name: string; aadObjectId: string | null }, inMeeting: boolean) {
  return { user: { tenantId: TENANT, objectId: p.aadObjectId, id: `29:${p.id}`, name: p.name, aadObjectId: p.aadObjectId }, meeting: { inMeeting, role: "Attendee" } };
}
const joinEvent = (ids: string[], id?: string) => meetingEvent("application/vnd.microsoft.meetingParticipantJoin", { members: ids.map((p) => member(person(p), true)) }, id);
const leaveEvent = (ids: string[], id?: string) => meetingEvent("application/vnd.microsoft.meetingParticipantLeave", { members: ids.map((p) => member(person(p), false)) }, id);

/** A person writes in their 1:1 chat; the answer is the activity that replies to that message (a notice may arrive meanwhile). */
async function says(personId: string, text: string): Promise<string> {
  const p = person(personId);
  const id = `msg-${++seq}`;
  await post({
    type: "message", id, timestamp: new Date(now).toISOString(), channelId: "msteams", serviceUrl: connector.url,
    from: { id: `29:${personId}`, name: p.name, aadObjectId: p.aadObjectId },
    conversation: { id: personId === "vorsitz" ? "a:chair-chat" : `a:${personId}-chat`, conversationType: "personal", tenantId: TENANT },
    recipient: { id: "28:bot", name: "Lenkungsgruppe" }, text, locale: "de-DE", channelData: { tenant: { id: TENANT } },
  });
  const answer = () => connector.received.find((r) => r.activity.replyToId === id);
  await until(async () => answer() !== undefined);
  return String(answer()?.activity.text);
}
const chairAsks = (text: string) => says("vorsitz", text);

/** Waits for the outbox's background send (it runs after Teams got its answer). */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await done()); i++) await new Promise((r) => setTimeout(r, 20));
}

const toChair = () => connector.received.filter((r) => r.conversationId === "a:chair-chat").map((r) => String(r.activity.text));
const chairNotices = async () => (await db()).outbox.filter((m) => m.personId === "vorsitz" && m.purpose === "notice");

beforeAll(async () => {
  connector = await startConnector();
  const dir = mkdtempSync(join(tmpdir(), "meeting-events-"));
  file = join(dir, "db.json");
  const services = { store: openJsonStore(file, { clock }), clock, mailer: outboxMailer(join(dir, "outbox")), profiles, render };
  const adapter = new TeamsAdapter({});
  const app = createApp({ services, adapter, background: (work) => void work() });
  server = await startServer(app, adapter, 0, "127.0.0.1");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  await openJsonStore(file, { clock }).update({ actorId: "test" }, (d) => void d.meetings.push(structuredClone(MEETING)));
  persons = (await db()).persons;
});
afterAll(async () => {
  server.close();
  await connector.close();
});

describe("the Teams meeting's events check institutions in and out", () => {
  it("the start is recorded with the time Teams reports, for our meeting found by its join URL", async () => {
    now = "2022-05-12T10:02:30+02:00";
    expect((await post(startEvent("2022-05-12T08:02:11.4388966Z"))).status).toBe(200);
    const log = (await db()).meetings.find((m) => m.id === MEETING.id)?.session;
    expect(log).toMatchObject({ teamsMeetingId: TEAMS_MEETING_ID, chatId: THREAD, startedAt: "2022-05-12T10:02:11+02:00" });
  });

  it("nine joins from nine institutions make the group quorate, 9 of 17; the chair, a second person of an institution and a stranger are not counted", async () => {
    now = "2022-05-12T10:03:00+02:00";
    for (const id of NINE) expect((await post(joinEvent([`m-${id}`]))).status).toBe(200);
    // The jugendamt's deputy joins too, and so do the chair and someone outside the roster.
    await post(joinEvent(["d-jugendamt", "vorsitz"]));
    const stranger = { user: { tenantId: TENANT, id: "29:stranger", name: "Gast Extern", aadObjectId: "99999999-0000-4000-8000-000000000099" }, meeting: { inMeeting: true, role: "Attendee" } };
    await post(meetingEvent("application/vnd.microsoft.meetingParticipantJoin", { members: [stranger] }));
    const answer = await chairAsks("Sind wir beschlussfähig?");
    expect(answer).toContain("Beschlussfähig. 9 von 17 stimmberechtigten Institutionen sind vertreten; erforderlich sind 9");
    const data = await db();
    expect(data.attendance.filter((a) => a.present)).toHaveLength(9);
    expect(data.attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ attendeeId: "m-jugendamt", mode: "online", present: true });
    expect(data.meetings[0]!.session!.events.map((e) => e.name)).toContain("Gast Extern");
    // A guest in a meeting is normal: recorded, not counted, and the Geschäftsstelle gets no message about it.
    expect(data.meetings[0]!.session!.events.find((e) => e.name === "Gast Extern")!.personId).toBeNull();
    expect(data.outbox.filter((m) => data.body.secretariatIds.includes(m.personId))).toEqual([]);
  });

  it("a join event that Teams delivers again changes nothing", async () => {
    await post(joinEvent(["m-gemeinde-much"], "ev-redelivered"));
    const once = await db();
    await post(joinEvent(["m-gemeinde-much"], "ev-redelivered"));
    const twice = await db();
    expect(twice.meetings).toEqual(once.meetings);
    expect(twice.attendance).toEqual(once.attendance);
    // Back to nine for what follows: the Gemeinde Much leaves again.
    await post(leaveEvent(["m-gemeinde-much"]));
    expect((await db()).attendance.filter((a) => a.present)).toHaveLength(9);
  });

  it("when the member leaves, the deputy still in the meeting counts for the institution", async () => {
    now = "2022-05-12T10:20:00+02:00";
    await post(leaveEvent(["m-jugendamt"]));
    expect((await db()).attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ attendeeId: "d-jugendamt", present: true });
    expect(await chairAsks("Sind wir beschlussfähig?")).toContain("Durch die Stellvertretung vertreten: Rhein-Sieg-Kreis - Jugendamt (Michael Jäger für Sabine Fuchs)");
  });

  it("two leaves make it 7 represented, 9 required, with the presumption; the chair is told once", async () => {
    now = "2022-05-12T10:40:00+02:00";
    await post(leaveEvent(["m-caritas"]));
    expect(await chairNotices()).toHaveLength(1);
    await post(leaveEvent(["m-diakonie"]));
    const answer = await chairAsks("Sind wir beschlussfähig?");
    expect(answer).toContain("7 von 17 stimmberechtigten Institutionen sind vertreten; erforderlich sind 9");
    expect(answer).toContain("gilt als beschlussfähig, solange der Vorsitz die Beschlussunfähigkeit nicht feststellt (§ 6 Abs. 4 GO)");
    const notices = await chairNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text!.de).toContain("8 von 17 stimmberechtigten Institutionen sind vertreten; erforderlich sind 9");
    expect(notices[0]!.text!.de).toContain("solange der Vorsitz die Beschlussunfähigkeit nicht feststellt (§ 6 Abs. 4 GO)");
    // The chair wrote to the bot before: the notice reached that chat in Teams, once.
    await until(async () => (await chairNotices())[0]!.acceptedAt !== null);
    expect((await chairNotices())[0]!.via).toBe("teams");
    expect(toChair().filter((t) => t.includes("Teilnehmende haben die Teams-Sitzung verlassen"))).toHaveLength(1);
  });

  it("`/anwesend` still corrects by hand, and a chat check-in adds to the same count (hybrid)", async () => {
    expect(await chairAsks("/anwesend Caritasverband")).toContain("als anwesend eingetragen");
    expect(await chairAsks("Sind wir beschlussfähig?")).toContain("8 von 17");
    expect(await chairAsks("/abwesend Caritasverband")).toContain("abwesend");
    expect(await chairAsks("Sind wir beschlussfähig?")).toContain("7 von 17");
    expect(await chairNotices()).toHaveLength(1);
  });

  it("the end goes into the minutes with the start, and who came when", async () => {
    now = "2022-05-12T11:48:00+02:00";
    await post(leaveEvent(["d-jugendamt", "m-sozialamt"]));
    await post(endEvent("2022-05-12T09:47:40.1234567Z"));
    expect((await db()).meetings[0]!.session!.endedAt).toBe("2022-05-12T11:47:40+02:00");
    now = "2022-05-12T14:00:00+02:00";
    const gs = person("gs-1");
    const before = connector.received.length;
    await post({
      type: "message", id: `msg-${++seq}`, channelId: "msteams", serviceUrl: connector.url,
      from: { id: "29:gs-1", name: gs.name, aadObjectId: gs.aadObjectId },
      conversation: { id: "a:gs-chat", conversationType: "personal", tenantId: TENANT },
      recipient: { id: "28:bot", name: "Lenkungsgruppe" }, text: "/niederschrift", locale: "de-DE",
    });
    await connector.waitFor(before + 1);
    const dir = join(file, "..", "minutes");
    const name = readdirSync(dir).find((f) => f.endsWith(".md") && f.includes("intern")) ?? readdirSync(dir).find((f) => f.endsWith(".md"))!;
    const { readFileSync } = await import("node:fs");
    const minutes = readFileSync(join(dir, name), "utf8");
    expect(minutes).toContain("10:02 Uhr (geladen: 10:00 Uhr)");
    expect(minutes).toContain("11:47 Uhr (geladen: 12:00 Uhr)");
    // Everyone left at the end, yet the minutes list who was there, with the times.
    expect(minutes).toMatch(/Sozialamt: .* – 10:03–11:48 Uhr/);
    expect(minutes).toContain("Michael Jäger – Stellvertretung für Sabine Fuchs, 10:03–11:48 Uhr");
    expect(minutes).toMatch(/Caritasverband Rhein-Sieg e\.V\.: .* – 10:03–10:40 Uhr/);
    // Still in the call when it ended: until the end.
    expect(minutes).toMatch(/Agentur für Arbeit: .* – 10:03–11:47 Uhr/);
    // The nine, and the Gemeinde Much, which was there for a moment.
    expect(minutes).toContain("10 von 17 stimmberechtigten Institutionen vertreten");
  });
});

describe("matching the Teams meeting to ours", () => {
  it("an event from an unknown Teams meeting while none of ours runs records nothing", async () => {
    now = "2022-05-20T10:00:00+02:00";
    const before = await db();
    const other = { ...joinEvent(["m-jobcenter"]), conversation: { isGroup: true, tenantId: TENANT, id: "19:meeting_other@thread.v2" }, channelData: { tenant: { id: TENANT }, meeting: { id: "other" } } };
    expect((await post(other)).status).toBe(200);
    const after = await db();
    expect(after.attendance).toEqual(before.attendance);
    expect(after.meetings).toEqual(before.meetings);
  });
});

describe("a hybrid meeting on the same (recurring) Teams link", () => {
  const JUNE = { ...MEETING, id: "s-2022-06-16", start: "2022-06-16T10:00:00+02:00", end: "2022-06-16T12:00:00+02:00", location: "Kreishaus Siegburg", mode: "hybrid" as const };

  it("the events count for the meeting running now, and leaving the call does not check out someone recorded in the room", async () => {
    now = "2022-06-01T09:00:00+02:00";
    await openJsonStore(file, { clock }).update({ actorId: "test" }, (d) => void d.meetings.push(structuredClone(JUNE)));
    expect(await says("m-sozialamt", "Ich nehme in Präsenz teil")).toContain("in Präsenz");
    now = "2022-06-16T10:05:00+02:00";
    expect(await says("m-sozialamt", "Ich bin anwesend")).toContain("als anwesend eingetragen");
    const may = (await db()).meetings.find((m) => m.id === MEETING.id)!;
    await post(joinEvent(["m-sozialamt", "m-jobcenter"]));
    expect(await chairAsks("Sind wir beschlussfähig?")).toContain("2 von 17");
    await post(leaveEvent(["m-sozialamt", "m-jobcenter"]));
    expect(await chairAsks("Sind wir beschlussfähig?")).toContain("1 von 17");
    const after = await db();
    expect(after.attendance.find((a) => a.meetingId === JUNE.id && a.institutionId === "sozialamt")).toMatchObject({ present: true, mode: "in-person" });
    expect(after.meetings.find((m) => m.id === MEETING.id)).toEqual(may);
    expect(after.meetings.find((m) => m.id === JUNE.id)!.session!.events).toHaveLength(4);
  });

  it("a member in the roster without an Entra id is found by the e-mail Teams gives for the participant", async () => {
    // The Teams members endpoint (GET v3/conversations/{chat}/members/{id}), as the connector serves it.
    const windeck = person("m-gemeinde-windeck");
    await openJsonStore(file, { clock }).update({ actorId: "test" }, (d) => void (d.persons.find((p) => p.id === windeck.id)!.aadObjectId = null));
    const asked: string[] = [];
    const members = createServer((req, res) => {
      asked.push(req.url ?? "");
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ id: "29:windeck", name: windeck.name, aadObjectId: "aaaaaaaa-0000-4000-8000-0000000000aa", email: windeck.email.toUpperCase(), userPrincipalName: "x_gemeinde.de#EXT#@kreis.onmicrosoft.com" }));
    });
    await new Promise<void>((r) => members.listen(0, "127.0.0.1", r));
    try {
      const user = { tenantId: TENANT, id: "29:windeck", name: windeck.name, aadObjectId: "aaaaaaaa-0000-4000-8000-0000000000aa", userPrincipalName: "x_gemeinde.de#EXT#@kreis.onmicrosoft.com" };
      const event = { ...meetingEvent("application/vnd.microsoft.meetingParticipantJoin", { members: [{ user, meeting: { inMeeting: true, role: "Attendee" } }] }), serviceUrl: `http://127.0.0.1:${(members.address() as AddressInfo).port}/` };
      expect((await post(event)).status).toBe(200);
      expect(asked).toEqual([`/v3/conversations/${encodeURIComponent(THREAD)}/members/${encodeURIComponent("29:windeck")}`]);
      expect(await chairAsks("Sind wir beschlussfähig?")).toContain("2 von 17");
      // Bound as a chat message binds its sender: the leave needs no second question to Teams.
      await post({ ...event, id: `ev-${++seq}`, name: "application/vnd.microsoft.meetingParticipantLeave" });
      expect(asked).toHaveLength(1);
      expect(await chairAsks("Sind wir beschlussfähig?")).toContain("1 von 17");
    } finally {
      members.close();
    }
  });

  it("that participant, who never wrote to the bot, is bound: `members --json` shows the Entra id, the audit says so", async () => {
    const cli = spawnSync(process.execPath, ["--import", "tsx", "cli/index.ts", "--db", file, "members", "--json"], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    const view = JSON.parse(cli.stdout) as { institutions: { id: string; member: { id: string; aadObjectId: string | null } }[] };
    expect(view.institutions.find((i) => i.member.id === "m-gemeinde-windeck")!.member.aadObjectId).toBe("aaaaaaaa-0000-4000-8000-0000000000aa");
    const audit = await openJsonStore(file, { clock }).auditLog();
    expect(audit.filter((a) => a.action === "identity.bound").map((a) => a.details)).toEqual([
      expect.objectContaining({ personId: "m-gemeinde-windeck", aadObjectId: "aaaaaaaa-0000-4000-8000-0000000000aa" }),
    ]);
  });
});
