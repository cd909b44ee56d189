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
  // What a member writes, what the answer says (where it matters) and Rhein-Sieg-Kreis - Jugendamt's record after it (undefined: none).
  const journeys: { name: string; text: string; answer?: string; record: object | undefined }[] = [
    {
      name: "'I'm away, my deputy will attend' hands the seat to the deputy and never records the member as attending",
      text: "I'm away, my deputy will attend",
      answer: "Michael Jäger represents Rhein-Sieg-Kreis - Jugendamt",
      record: { status: "delegated", attendeeId: "d-jugendamt" },
    },
    { name: "'Frau … übernimmt für mich' delegates", text: "Herr Jäger übernimmt für mich", record: { status: "delegated", attendeeId: "d-jugendamt" } },
    {
      name: "'Ich sage für die nächste Sitzung ab' is an absence: asked back, nothing recorded yet",
      text: "Ich sage für die nächste Sitzung ab",
      answer: "Soll Ihre Stellvertretung Michael Jäger die Einladung erhalten",
      record: undefined,
    },
    {
      name: "'Ich nehme an der nächsten Sitzung in Präsenz teil' records attendance in person",
      text: "Ich nehme an der nächsten Sitzung in Präsenz teil",
      record: { status: "attending", mode: "in-person" },
    },
    { name: "'Ich werde zugeschaltet' records attendance online", text: "ich werde zugeschaltet", record: { status: "attending", mode: "online" } },
    { name: "'Wer kommt für mich?' names the deputy and records nothing", text: "Wer kommt für mich?", answer: "Michael Jäger", record: undefined },
  ];

  for (const { name, text, answer, record } of journeys) {
    it(name, async () => {
      const reply = await bot.say("m-jugendamt", text);
      if (answer !== undefined) expect(reply).toContain(answer);
      if (record === undefined) expect(await jugendamt()).toBeUndefined();
      else expect(await jugendamt()).toMatchObject(record);
    });
  }

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
});
