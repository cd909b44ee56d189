/**
 * Answers given in words rather than by button, through the real chat (the teams-ai Application
 * behind the harness): the absence question "… oder sagen Sie ohne Vertretung ab?" and the guided
 * agenda proposal. What the member reads, and what is recorded.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flowOf } from "../services/conversation-state.ts";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;

beforeEach(async () => {
  bot = await startHarness("2022-04-01T10:00:00+02:00");
  expect(await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg")).toContain("Sitzung angelegt");
});
afterEach(() => bot.close());

const attendanceOf = async (institutionId: string) => (await bot.db()).attendance.find((a) => a.institutionId === institutionId);

describe("the absence question answered in words", () => {
  for (const answer of ["ohne Vertretung", "ohne vertretung bitte", "nein, ohne", "einfach absagen", "without a deputy"]) {
    it(`"${answer}" declines without a deputy`, async () => {
      expect(await bot.say("m-diakonie", "Leider bin ich verhindert")).toContain("ohne Vertretung ab?");
      const reply = await bot.say("m-diakonie", answer);
      expect(reply).not.toContain("nichts eingetragen");
      expect(reply).toMatch(/Absage|apology/);
      expect((await attendanceOf("diakonie"))?.status).toBe("declined");
      expect(flowOf(await bot.db(), "m-diakonie")).toBeNull();
    });
  }

  for (const answer of ["ja", "mit Vertretung", "Jens Möller", "bitte an Herrn Möller"]) {
    it(`"${answer}" hands the seat to the deputy`, async () => {
      await bot.say("m-diakonie", "Leider bin ich verhindert");
      expect(await bot.say("m-diakonie", answer)).toContain("Jens Möller vertritt");
      expect((await attendanceOf("diakonie"))?.status).toBe("delegated");
    });
  }
});
