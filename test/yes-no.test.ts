/**
 * One way to read a yes or a no (bot/yes-no.ts): the mass action's question and the absence
 * question know the same words. The chat cases go through the teams-ai Application with
 * botbuilder's TestAdapter standing in for Teams' cloud (test/support/bot-harness.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { opensWithNo, opensWithYes, wholeAnswer } from "../bot/yes-no.ts";
import { startHarness, type Harness } from "./support/bot-harness.ts";

describe("the words of a yes and a no", () => {
  it("a whole-message answer is a yes, a no, or neither", () => {
    for (const yes of ["Ja", "ok.", "Jawohl!", "ja, senden", "Yes please", "Gerne"]) expect(wholeAnswer(yes), yes).toBe(true);
    for (const no of ["Nein", "nö", "Abbrechen", "doch nicht"]) expect(wholeAnswer(no), no).toBe(false);
    for (const other of ["Ja, aber erst morgen", "okay dann nicht", "nochmal"]) expect(wholeAnswer(other), other).toBeNull();
  });

  it("every word that confirms a mass action also opens a yes to the absence question", () => {
    for (const yes of ["Ja", "ok", "okay", "Jawohl", "jep", "Gerne"]) {
      expect(wholeAnswer(yes), yes).toBe(true);
      expect(opensWithYes(`${yes}, an meine Vertretung`), yes).toBe(true);
    }
    expect(opensWithYes("Bitte")).toBe(true);
    expect(opensWithYes("Jahr 2022")).toBe(false);
    expect(opensWithNo("Nö, danke")).toBe(true);
    expect(opensWithNo("Absagen ohne Vertretung")).toBe(true);
    expect(opensWithNo("Notiz")).toBe(false);
  });
});

describe("the absence question reads the same words", () => {
  let bot: Harness;
  beforeEach(async () => {
    bot = await startHarness("2022-04-01T09:00:00+02:00");
    await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
  });
  afterEach(() => bot.close());
  const seat = async () => (await bot.db()).attendance.find((a) => a.institutionId === "jugendamt");

  it("'Jawohl' hands the seat to the deputy, as it confirms a mass action", async () => {
    expect(await bot.say("m-jugendamt", "Ich kann nicht teilnehmen.")).toContain("Stellvertretung");
    await bot.say("m-jugendamt", "Jawohl");
    expect(await seat()).toMatchObject({ status: "delegated", attendeeId: "d-jugendamt" });
  });

  it("'Nö' declines without a deputy", async () => {
    expect(await bot.say("m-jugendamt", "Ich kann nicht teilnehmen.")).toContain("Stellvertretung");
    await bot.say("m-jugendamt", "Nö");
    expect(await seat()).toMatchObject({ status: "declined" });
  });
});
