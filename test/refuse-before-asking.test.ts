/**
 * A command that cannot be done is refused at once, in one message: not after "Soll ich das jetzt
 * tun?" and a "ja", and not after "Ich versende …" has promised work. Through the same teams-ai
 * Application as Teams (the local chat), mails counted at a real loopback SMTP server.
 * Meeting: Thu 12.05.2022 10:00; now Fri 01.04.2022 09:00.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;

beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
});
afterEach(() => bot.close());

const asked = (text: string) => /Soll ich das jetzt tun\?|\[Ja, ausführen\]/.test(text);

describe("nothing to do: the refusal comes instead of the question", () => {
  it("\"/einladen erneut\" before any invitation says so and asks nothing", async () => {
    const answer = await bot.say("gs-1", "/einladen erneut");
    expect(answer).toContain("noch keine Einladung versandt");
    expect(asked(answer)).toBe(false);
    expect((await bot.db()).botState["confirm:gs-1"]).toBeUndefined();
    expect(await bot.say("gs-1", "ja")).not.toContain("versende");
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("\"/einladen aktualisieren\" before any invitation says so and asks nothing", async () => {
    const answer = await bot.say("gs-1", "/einladen aktualisieren neue Unterlagen");
    expect(answer).toContain("noch keine Einladung versandt");
    expect(asked(answer)).toBe(false);
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("\"/niederschrift senden\" without minutes asks nothing", async () => {
    const answer = await bot.say("gs-1", "/niederschrift senden");
    expect(asked(answer)).toBe(false);
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("a real question still comes where the work can be done (the invitation after \"ja\")", async () => {
    await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
    const answer = await bot.say("gs-1", "/einladen");
    expect(asked(answer)).toBe(true);
    expect(await bot.say("gs-1", "ja")).toContain("18 von 18 versandt");
  });
});

describe("\"/sitzung ändern\" with a time that does not exist", () => {
  it("is refused in the chat's words, without \"Ich ändere …\" first and without the command line's ISO 8601", async () => {
    const answer = await bot.say("gs-1", "/sitzung ändern 13.05.2022 25:00-26:00");
    expect(answer).not.toContain("Ich ändere");
    expect(answer).not.toContain("ISO 8601");
    expect(answer).toContain("25:00");
    expect(answer).toContain("/sitzung ändern 13.05.2022 14:00-16:00");
    const meeting = (await bot.db()).meetings[0]!;
    expect(meeting.start).toBe("2022-05-12T10:00:00+02:00");
  });

  it("a change that can be done still says what happens and does it", async () => {
    const answer = await bot.say("gs-1", "/sitzung ändern 13.05.2022 14:00-16:00");
    expect(answer).toContain("geändert");
    expect((await bot.db()).meetings[0]!.start).toBe("2022-05-13T14:00:00+02:00");
  });
});
