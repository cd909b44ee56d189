/**
 * Guided flows never swallow a message: what clearly means something else is handled as that and
 * the bot says the flow was left; Teams' welcome (conversationUpdate) never enters a flow; a flow
 * nobody answered expires. Through the teams-ai Application with botbuilder's TestAdapter standing
 * in for Teams' cloud, a real data file and a real SMTP server.
 */
import { ActivityTypes, TestAdapter } from "botbuilder";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../bot/app.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { fixture, type Fixture } from "./support/invitation-fixture.ts";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;
const flowKey = "flow:m-jugendamt";

beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
});
afterEach(() => bot.close());

async function startProposal(): Promise<void> {
  expect(await bot.say("m-jugendamt", "Ich möchte einen TOP vorschlagen")).toContain("Titel");
  expect(await bot.say("m-jugendamt", "Sprachkurse für Geflüchtete")).toContain("beschreiben");
}

describe("a message that means something else leaves the guided proposal", () => {
  it("a delegation typed in the middle of a proposal is recorded, and the proposal flow was left", async () => {
    await startProposal();
    const answer = await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    expect(answer).toContain("Themenvorschlag habe ich beendet, ohne ihn einzureichen");
    expect(answer).toContain("Michael Jäger vertritt Rhein-Sieg-Kreis - Jugendamt");
    const db = await bot.db();
    expect(db.attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ status: "delegated", attendeeId: "d-jugendamt" });
    expect(db.proposals).toEqual([]);
    expect(db.botState[flowKey]).toBeUndefined();
    // The next message is a message again, not the proposal's description.
    expect(await bot.say("m-jugendamt", "Stand der Kursplätze im Kreis")).toContain("nicht verstanden");
    expect((await bot.db()).proposals).toEqual([]);
  });

  it("an attendance, help and a command are handled as such, each saying the proposal was left", async () => {
    await startProposal();
    const attend = await bot.say("m-jugendamt", "Ich nehme online teil");
    expect(attend).toContain("Themenvorschlag habe ich beendet");
    expect((await bot.db()).attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ status: "attending", mode: "online" });
    await startProposal();
    expect(await bot.say("m-jugendamt", "Hilfe")).toContain("Themenvorschlag habe ich beendet");
    await startProposal();
    expect(await bot.say("m-jugendamt", "/fristen")).toContain("Themenvorschlag habe ich beendet");
    expect((await bot.db()).botState[flowKey]).toBeUndefined();
  });

  it("a card button pressed during a proposal is done, and the proposal is left (said after the outcome)", async () => {
    await startProposal();
    const meetingId = (await bot.db()).meetings[0]!.id;
    const answer = await bot.press("m-jugendamt", { verb: "attend", mode: "online", meetingId });
    expect(answer.indexOf("Themenvorschlag habe ich beendet")).toBeGreaterThan(0);
    expect((await bot.db()).attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ status: "attending", mode: "online" });
    expect((await bot.db()).botState[flowKey]).toBeUndefined();
  });

  it("a typed 'Hallo' during a proposal greets and asks the pending question again; it is not stored", async () => {
    await startProposal();
    const answer = await bot.say("m-jugendamt", "Hallo");
    expect(answer).toContain("Guten Tag, Sabine Fuchs");
    expect(answer).toContain("beschreiben");
    expect(await bot.say("m-jugendamt", "Stand der Kursplätze im Kreis")).toContain("Wer trägt vor");
    expect((await bot.db()).botState[flowKey]).toMatchObject({ draft: { title: "Sprachkurse für Geflüchtete", description: "Stand der Kursplätze im Kreis" } });
  });

  it("ordinary answers still go into the proposal", async () => {
    await startProposal();
    expect(await bot.say("m-jugendamt", "Stand der Kursplätze im Kreis")).toContain("Wer trägt vor");
    expect(await bot.say("m-jugendamt", "Frau Fuchs")).toContain("Link");
    expect(await bot.say("m-jugendamt", "nein")).toContain("fristgerecht");
    expect((await bot.db()).proposals).toMatchObject([{ title: "Sprachkurse für Geflüchtete", description: "Stand der Kursplätze im Kreis", presenter: "Frau Fuchs" }]);
  });

  it("'Ja, ich komme doch' to the absence question is an attendance, not a yes to the deputy", async () => {
    expect(await bot.say("m-jugendamt", "Ich kann nicht teilnehmen.")).toContain("Stellvertretung");
    await bot.say("m-jugendamt", "Ja, ich komme doch");
    expect((await bot.db()).attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ status: "attending" });
  });

  it("a plain yes to the absence question still hands the seat to the deputy", async () => {
    await bot.say("m-jugendamt", "Ich kann nicht teilnehmen.");
    await bot.say("m-jugendamt", "ja gerne");
    expect((await bot.db()).attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ status: "delegated", attendeeId: "d-jugendamt" });
  });

  it("a pending absence question gives way to an attendance", async () => {
    expect(await bot.say("m-jugendamt", "Ich kann nicht teilnehmen.")).toContain("Stellvertretung");
    await bot.say("m-jugendamt", "Ich komme doch, in Präsenz");
    expect((await bot.db()).attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ status: "attending", mode: "in-person" });
    expect((await bot.db()).botState[flowKey]).toBeUndefined();
  });
});

describe("flows expire", () => {
  it("a proposal nobody answered for three hours has ended; the late answer is not stored as its description", async () => {
    await startProposal();
    bot.setNow("2022-04-01T12:30:00+02:00");
    const late = await bot.say("m-jugendamt", "Stand der Kursplätze im Kreis");
    expect(late).toContain("Themenvorschlag ist abgelaufen");
    const db = await bot.db();
    expect(db.proposals).toEqual([]);
    expect(db.botState[flowKey]).toBeUndefined();
  });

  it("within the lifetime the flow goes on", async () => {
    await startProposal();
    bot.setNow("2022-04-01T10:30:00+02:00");
    expect(await bot.say("m-jugendamt", "Stand der Kursplätze im Kreis")).toContain("Wer trägt vor");
  });
});

describe("Teams' welcome never enters a flow", () => {
  let world: Fixture;
  beforeEach(async () => {
    world = await fixture("2022-04-01T09:00:00+02:00");
  });
  afterEach(() => world.close());

  /** A conversationUpdate as Teams sends it when the app is added (or the Playground reloads). */
  async function welcome(personId: string): Promise<string[]> {
    const services = { ...world.services, store: openJsonStore(world.file, { clock: world.services.clock }) };
    const person = (await services.store.read()).persons.find((p) => p.id === personId)!;
    // The turn's background work (the conversation reference, follow-ups) is awaited, as the local chat does.
    const pending: Promise<void>[] = [];
    const app = createApp({ services, background: (work) => void pending.push(work()), onFollowUps: () => {} });
    const adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
    await adapter.processActivity({
      type: ActivityTypes.ConversationUpdate,
      id: "update-1",
      channelId: "msteams",
      from: { id: `user-${person.id}`, name: person.name, aadObjectId: person.aadObjectId ?? undefined },
      recipient: { id: "bot", name: "Bot" },
      membersAdded: [{ id: `user-${person.id}`, name: person.name }],
      conversation: { id: `local-user-${person.id}`, isGroup: false, conversationType: "personal", name: "" },
    });
    await Promise.all(pending);
    const sent: string[] = [];
    while (adapter.activeQueue.length) sent.push(adapter.activeQueue.shift()!.text ?? "");
    return sent;
  }

  it("greets, and the open proposal keeps its step and draft", async () => {
    const store = openJsonStore(world.file, { clock: world.services.clock });
    const flow = { kind: "proposal", meetingId: "x", step: "link", draft: { title: "Wohnraum", description: "Lage", presenter: "Frau Fuchs" } };
    await store.update({ actorId: "test" }, (db) => {
      db.botState[flowKey] = flow;
    });
    const sent = await welcome("m-jugendamt");
    expect(sent.join("\n")).toContain("Guten Tag, Sabine Fuchs");
    const db = await store.read();
    expect(db.botState[flowKey]).toEqual(flow);
    expect(db.proposals).toEqual([]);
  });
});
