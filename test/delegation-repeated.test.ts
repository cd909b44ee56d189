/**
 * A member who says twice that the deputy should go (again in other words, or by the card's button) changes nothing the second time: the deputy and the Geschäftsstelle are told once. Through
 * the same teams-ai Application as Teams; notices go by mail to a real loopback SMTP server.
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

const outboxTo = async (personId: string) => (await bot.db()).outbox.filter((m) => m.personId === personId).length;

describe("the same delegation said again", () => {
  it("is recorded once and told once, and the second answer says that it stands", async () => {
    const db = await bot.db();
    const institution = db.institutions.find((i) => i.memberId === "m-jugendamt")!;
    const deputy = db.persons.find((p) => p.id === institution.deputyId)!;
    await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    const toDeputy = await outboxTo(deputy.id);
    const toSecretariat = await outboxTo("gs-1");
    const mails = bot.smtp.messages.length;
    expect(toDeputy).toBe(1);

    const again = await bot.say("m-jugendamt", "Meine Vertretung soll bitte hingehen, ich bin verhindert");
    expect(again).toContain(deputy.name);
    expect(again).toContain("bereits");
    const pressed = await bot.press("m-jugendamt", { verb: "delegate", meetingId: db.meetings[0]!.id });
    expect(pressed).toContain(deputy.name);

    expect(await outboxTo(deputy.id)).toBe(toDeputy);
    expect(await outboxTo("gs-1")).toBe(toSecretariat);
    expect(bot.smtp.messages.length).toBe(mails);
    const records = (await bot.db()).attendance.filter((a) => a.institutionId === institution.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: "delegated", attendeeId: deputy.id });
  });
});
