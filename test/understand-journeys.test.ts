/**
 * The phrasings issue 16 found handled wrong, end to end: what the bot records for them. Through
 * the teams-ai Application (botbuilder's TestAdapter stands in for Teams' cloud), a real data file
 * and a real SMTP server.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;
const jugendamt = async () => (await bot.db()).attendance.find((a) => a.institutionId === "jugendamt");

beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
});
afterEach(() => bot.close());

describe("what people really type is recorded as meant", () => {
  it("'I'm away, my deputy will attend' hands the seat to the deputy and never records the member as attending", async () => {
    const answer = await bot.say("m-jugendamt", "I'm away, my deputy will attend");
    expect(answer).toContain("Michael Jäger represents Rhein-Sieg-Kreis - Jugendamt");
    expect(await jugendamt()).toMatchObject({ status: "delegated", attendeeId: "d-jugendamt" });
  });

  it("'Frau … übernimmt für mich' delegates", async () => {
    await bot.say("m-jugendamt", "Herr Jäger übernimmt für mich");
    expect(await jugendamt()).toMatchObject({ status: "delegated", attendeeId: "d-jugendamt" });
  });

  it("'Ich sage für die nächste Sitzung ab' is an absence: asked back, nothing recorded yet", async () => {
    const answer = await bot.say("m-jugendamt", "Ich sage für die nächste Sitzung ab");
    expect(answer).toContain("Soll Ihre Stellvertretung Michael Jäger die Einladung erhalten");
    expect(await jugendamt()).toBeUndefined();
  });

  it("'Ich nehme an der nächsten Sitzung in Präsenz teil' records attendance in person", async () => {
    await bot.say("m-jugendamt", "Ich nehme an der nächsten Sitzung in Präsenz teil");
    expect(await jugendamt()).toMatchObject({ status: "attending", mode: "in-person" });
  });

  it("'Ich werde zugeschaltet' records attendance online", async () => {
    await bot.say("m-jugendamt", "ich werde zugeschaltet");
    expect(await jugendamt()).toMatchObject({ status: "attending", mode: "online" });
  });

  it("a question about the deputy is asked back with buttons and records nothing", async () => {
    const answer = await bot.say("m-jugendamt", "Kommt meine Vertretung auch?");
    expect(answer).toContain("Ich habe nichts eingetragen");
    expect(answer).toContain("[An meine Vertretung]");
    expect(await jugendamt()).toBeUndefined();
    expect(await bot.mailsTo("michael.jaeger@example.org")).toEqual([]);
  });

  it("'Wer hat schon zugesagt?' from the Geschäftsstelle shows the answers so far; a member is told it is theirs", async () => {
    await bot.say("m-jugendamt", "Ich nehme online teil");
    const overview = await bot.say("gs-1", "Wer hat schon zugesagt?");
    expect(overview).toContain("Sabine Fuchs");
    expect(await bot.say("m-caritas", "Wer hat schon zugesagt?")).toContain("Geschäftsstelle");
  });

  it("'Wer kommt für mich?' names the deputy and records nothing", async () => {
    expect(await bot.say("m-jugendamt", "Wer kommt für mich?")).toContain("Michael Jäger");
    expect(await jugendamt()).toBeUndefined();
  });
});
