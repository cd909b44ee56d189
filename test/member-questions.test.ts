/**
 * What members really type, through the real chat (the teams-ai Application behind the harness): asking
 * who comes, asking for the agenda, saying thanks. A member is answered in one sentence that names no
 * command they did not type; the Geschäftsstelle and the chair get the overview.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flowOf } from "../services/conversation-state.ts";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;

beforeEach(async () => {
  bot = await startHarness("2022-04-01T10:00:00+02:00");
  expect(await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg")).toContain("Sitzung angelegt");
  expect(await bot.say("gs-1", "/top Haushalt")).toContain("Haushalt");
});
afterEach(() => bot.close());

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=\S)/).filter(Boolean);

describe("a member asks who comes", () => {
  it("is told in one sentence who sees the answers and that nothing is recorded for their institution yet", async () => {
    const answer = await bot.say("m-jugendamt", "Wer kommt denn alles?");
    expect(sentences(answer)).toHaveLength(1);
    expect(answer).toContain("Geschäftsstelle und der Vorsitz");
    expect(answer).toContain("Rhein-Sieg-Kreis - Jugendamt");
    expect(answer).toContain("noch keine Rückmeldung");
    expect(answer).toContain("Donnerstag, 12.05.2022");
    expect(answer).not.toContain("/");
  });

  it("hears their own recorded answer, in English when asked in English", async () => {
    expect(await bot.say("m-jugendamt", "Ich nehme digital teil")).toContain("digital");
    const de = await bot.say("m-jugendamt", "Wer hat schon zugesagt?");
    expect(de).toContain("eine Zusage eingetragen (Sabine Fuchs, digital)");
    const en = await bot.say("m-jugendamt", "Who is coming?");
    expect(en).toContain("The Geschäftsstelle and the chair see who is coming");
    expect(en).toContain("an acceptance is recorded");
    expect(en).not.toContain("/");
  });

  it("a deputy holding the seat hears that they come for the institution", async () => {
    await bot.say("m-jugendamt", "Ich kann nicht, bitte an meine Vertretung");
    const answer = await bot.say("d-jugendamt", "wer ist alles dabei");
    expect(answer).toContain("kommt zur Sitzung am Donnerstag, 12.05.2022, 10:00 Uhr die Vertretung (Michael Jäger)");
  });

  it("the Geschäftsstelle and the chair get the overview of every institution's answer", async () => {
    for (const who of ["gs-1", (await bot.db()).body.chairId!]) {
      const answer = await bot.say(who, "Wer kommt denn alles?");
      expect(answer).toContain("Rückmeldungen für Donnerstag, 12.05.2022");
      expect(answer).toContain("Rhein-Sieg-Kreis - Jugendamt: keine Rückmeldung");
    }
  });

  it("a member who types the command itself is still told it is the Geschäftsstelle's", async () => {
    expect(await bot.say("m-jugendamt", "/rueckmeldungen")).toContain("/rueckmeldungen");
  });
});

describe("a member asks for the agenda or says thanks", () => {
  it("\"What's on the agenda?\" shows the agenda and starts no proposal", async () => {
    for (const text of ["What's on the agenda?", "Show me the agenda", "Ich möchte die Tagesordnung sehen"]) {
      const answer = await bot.say("m-jugendamt", text);
      expect(answer).toMatch(/TOP 1: Haushalt/);
      expect(answer).not.toMatch(/Vorschlag|proposal/i);
    }
    // No proposal flow waits for a title.
    expect(flowOf(await bot.db(), "m-jugendamt")).toBeNull();
  });

  it("thanks are acknowledged and nothing is recorded", async () => {
    const before = JSON.stringify((await bot.db()).attendance);
    expect(await bot.say("m-jugendamt", "Danke!")).toBe("Gern geschehen.");
    expect(await bot.say("m-jugendamt", "👍")).toBe("Gern geschehen.");
    expect(await bot.say("m-jugendamt", "Thanks!")).toBe("You're welcome.");
    expect(JSON.stringify((await bot.db()).attendance)).toBe(before);
  });
});
