/** An old card of a cancelled meeting: its button records nothing, and never for another meeting. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;
beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
});
afterEach(() => bot.close());

describe("a card of a cancelled meeting", () => {
  it("says the meeting is cancelled and records no answer, though another meeting follows", async () => {
    expect(await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg")).toContain("Sitzung angelegt");
    expect(await bot.say("gs-1", "/sitzung 16.06.2022 10:00-12:00 Kreishaus Siegburg")).toContain("Sitzung angelegt");
    await bot.say("gs-1", "/sitzung absagen Der Saal ist nicht verfügbar.");
    await bot.say("gs-1", "ja");
    expect((await bot.db()).meetings.find((m) => m.id === "s-2022-05-12")?.state).toBe("cancelled");

    const answer = await bot.press("m-jugendamt", { verb: "attend", mode: "online", meetingId: "s-2022-05-12" });
    expect(answer).toContain("Die Sitzung am Donnerstag, 12.05.2022 ist abgesagt; ich habe nichts eingetragen.");
    expect((await bot.db()).attendance).toEqual([]);
  });
});
