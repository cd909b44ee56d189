/**
 * Real Bot Framework activity JSON posted over HTTP to /api/messages; the replies arrive at a
 * connector endpoint on loopback. (Teams' cloud itself cannot run here; the connector stands in.)
 */
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import { TeamsAdapter } from "../bot/teams-ai.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { outboxMailer } from "../adapters/mail-transport.ts";
import { createApp } from "../bot/app.ts";
import { startServer } from "../bot/server.ts";
import { message, post, startConnector, USERS, type Connector } from "./support/connector.ts";
import { profiles } from "./support/profiles.ts";
import { render } from "../texts/catalog.ts";

const clock = fixedClock("2022-04-01T09:00:00+02:00");

const MEETING = { id: "s-2022-05-12", start: "2022-05-12T10:00:00+02:00", end: "2022-05-12T12:00:00+02:00", location: "Kreishaus Siegburg", mode: "in-person" as const, onlineUrl: null, state: "planned" as const, agenda: [], createdAt: "2022-04-01T09:00:00+02:00" };

async function botServer(credentials: Record<string, string> | null): Promise<{ server: Server; url: string; file: string; outbox: string }> {
  const dir = mkdtempSync(join(tmpdir(), "bot-http-"));
  const file = join(dir, "db.json");
  const services = { store: openJsonStore(file, { clock }), clock, mailer: outboxMailer(join(dir, "outbox")), profiles, render };
  const adapter = new TeamsAdapter(credentials ?? {});
  const app = createApp({ services, adapter, botAppId: credentials?.MicrosoftAppId, background: (work) => void work() });
  const server = await startServer(app, adapter, 0, "127.0.0.1");
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, file, outbox: join(dir, "outbox") };
}

const JUGENDAMT = USERS.jugendamt;
const DEPUTY = { id: "29:teams-user-deputy", name: "Michael Jäger", aadObjectId: "00000000-0000-4000-8000-000000000012", conversation: "a:personal-chat-deputy" };

describe("over HTTP, local (anonymous) mode", () => {
  let connector: Connector;
  let bot: Awaited<ReturnType<typeof botServer>>;
  beforeAll(async () => {
    connector = await startConnector();
    bot = await botServer(null);
  });
  afterAll(async () => {
    bot.server.close();
    await connector.close();
  });

  it("answers a member's deadline question through the connector", async () => {
    const members = (await openJsonStore(bot.file, { clock }).read()).persons;
    expect(members.find((p) => p.aadObjectId === "00000000-0000-4000-8000-000000000011")?.id).toBe("m-jugendamt");
    await openJsonStore(bot.file, { clock }).update({ actorId: "test" }, (db) => {
      db.meetings.push(structuredClone(MEETING));
    });
    const res = await post(bot.url, message(connector, "Bis wann kann ich Themen anmelden?", "http-1"));
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    const reply = connector.received[0]!;
    expect(reply.conversationId).toBe("a:personal-chat-jugendamt");
    expect(reply.activity.text).toContain("Donnerstag, 21.04.2022");
    expect(reply.activity.text).toContain("§ 4 Abs. 4 GO");
    expect((reply.activity.recipient as { id: string }).id).toBe("29:teams-user-jugendamt");
  });

  it("a card button (Action.Execute invoke) records the answer, and the clicked card comes back as its outcome without buttons", async () => {
    const before = connector.received.length;
    const click = {
      ...message(connector, "", "http-invoke-1"),
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "attend", data: { verb: "attend", meetingId: "s-2022-05-12", mode: "online" } } },
    };
    const res = await post(bot.url, click);

    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: { body: { text: string }[]; actions: unknown[] } };
    expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(body.value.body[0]!.text).toContain("Ihre Teilnahme (digital)");
    expect(body.value.actions).toEqual([]);
    await connector.waitFor(before + 1);
    expect(connector.received[before]!.activity.text).toContain("Ihre Teilnahme (digital)");
    const db = await openJsonStore(bot.file, { clock }).read();
    expect(db.attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ status: "attending", mode: "online" });
  });

  it("refuses a body that is not JSON", async () => {
    const res = await fetch(bot.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(res.status).toBe(400);
  });
});

describe("over HTTP, with Azure credentials", () => {
  it("refuses a request without a valid Bot Framework token (401) and records nothing", async () => {
    const connector = await startConnector();
    const bot = await botServer({ MicrosoftAppId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301", MicrosoftAppPassword: "not-a-real-secret", MicrosoftAppType: "MultiTenant" });
    try {
      const res = await post(bot.url, message(connector, "Ich nehme teil", "http-2"));
      expect(res.status).toBe(401);
      const forged = await post(bot.url, message(connector, "Ich nehme teil", "http-3"), { authorization: "Bearer not.a.token" });
      expect(forged.status).toBe(401);
      expect(connector.received).toEqual([]);
      expect((await openJsonStore(bot.file, { clock }).read()).attendance).toEqual([]);
    } finally {
      bot.server.close();
      await connector.close();
    }
  });
});

describe("proactive messages to others", () => {
  async function delegateOverHttp(removeBotFromDeputy: boolean) {
    let removed = false;
    const connector = await startConnector({ refuse: (id) => removed && id === DEPUTY.conversation });
    const bot = await botServer(null);
    await openJsonStore(bot.file, { clock }).update({ actorId: "test" }, (db) => {
      db.meetings.push(structuredClone(MEETING));
    });
    // The deputy has talked to the bot before, so Teams knows where to reach them.
    await post(bot.url, message(connector, "Hallo", "p-1", DEPUTY));
    removed = removeBotFromDeputy; // afterwards the deputy removes the bot, as people do
    await post(bot.url, message(connector, "Ich kann nicht teilnehmen, bitte an meine Vertretung", "p-2"));
    return { connector, bot };
  }

  it("reach the deputy in Teams through the stored conversation; the Geschäftsstelle, never seen in Teams, by e-mail, and the member is told", async () => {
    const { connector, bot } = await delegateOverHttp(false);
    try {
      await connector.waitFor(4); // greeting, reply, the deputy's notice, the follow-up to the member
      const toDeputy = connector.received.filter((r) => r.conversationId === DEPUTY.conversation).map((r) => String(r.activity.text));
      expect(toDeputy.some((t) => t.includes("Sie vertreten Rhein-Sieg-Kreis - Jugendamt"))).toBe(true);
      const toMember = connector.received.filter((r) => r.conversationId === JUGENDAMT.conversation).map((r) => String(r.activity.text));
      // No SMTP_URL here: the mails lie in the outbox; the member hears who gets an e-mail, never about
      // the outbox or SMTP (issue 16.7): that is the Geschäftsstelle's to know.
      expect(toMember.some((t) => t.includes("In Teams nicht erreichbar; die Geschäftsstelle benachrichtigt Miriam Özdemir, Paul Brückner per E-Mail."))).toBe(true);
      expect(toMember.join("\n")).not.toMatch(/Postausgang|SMTP/);
      const { readdirSync } = await import("node:fs");
      expect(readdirSync(bot.outbox).filter((f) => f.includes("michael.jaeger"))).toHaveLength(0);
    } finally {
      bot.server.close();
      await connector.close();
    }
  });

  it("when Teams refuses (bot removed), the e-mail carries it and the member is told", async () => {
    const { connector, bot } = await delegateOverHttp(true);
    try {
      // The greeting reached the deputy; then the reply to the member and the follow-up about the e-mails.
      await connector.waitFor(3);
      const { readdirSync } = await import("node:fs");
      expect(readdirSync(bot.outbox).filter((f) => f.includes("michael.jaeger"))).toHaveLength(1);
      const toMember = connector.received.filter((r) => r.conversationId === JUGENDAMT.conversation).map((r) => String(r.activity.text));
      expect(toMember).toHaveLength(2);
      expect(connector.received.filter((r) => r.conversationId === DEPUTY.conversation)).toHaveLength(1);
      expect(toMember[1]).toContain("In Teams nicht erreichbar; die Geschäftsstelle benachrichtigt Michael Jäger");
      expect(toMember[1]).not.toMatch(/Postausgang|SMTP/);
    } finally {
      bot.server.close();
      await connector.close();
    }
  });

  it("when the deputy's Teams endpoint is gone (connection refused), the e-mail carries it too", async () => {
    const old = await startConnector();
    const connector = await startConnector();
    const bot = await botServer(null);
    try {
      await openJsonStore(bot.file, { clock }).update({ actorId: "test" }, (db) => {
        db.meetings.push(structuredClone(MEETING));
      });
      await post(bot.url, message(old, "Hallo", "r-1", DEPUTY));
      await old.waitFor(1);
      await old.close(); // the service URL the deputy's conversation was stored with no longer answers
      await post(bot.url, message(connector, "Ich kann nicht teilnehmen, bitte an meine Vertretung", "r-2"));
      await connector.waitFor(2);
      const { readdirSync } = await import("node:fs");
      expect(readdirSync(bot.outbox).filter((f) => f.includes("michael.jaeger"))).toHaveLength(1);
      expect(String(connector.received[1]!.activity.text)).toContain("benachrichtigt Michael Jäger");
    } finally {
      bot.server.close();
      await connector.close();
    }
  });
});
