/**
 * /einladen from the Geschäftsstelle's chat (§ 4 Abs. 5 GO): mails with calendar invitations at a
 * real loopback SMTP server, the refusals naming the last day, the deputy's own invitation, and
 * changes and cancellation. Calendar parts parsed with ical.js.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";
import { imipPart, parseMail } from "./support/mail-parse.ts";

let bot: Harness;

beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
});
afterEach(() => bot.close());

async function calendarsTo(email: string) {
  const mails = await Promise.all(bot.smtp.messages.filter((m) => m.to.includes(email)).map((m) => parseMail(m.raw)));
  // Notices (plain e-mails without a calendar) go to the same people; only invitations carry one.
  return mails.filter((m) => m.calendars.length > 0).map((m) => ({ ...imipPart(m), method: imipPart(m).mimeMethod }));
}

describe("/einladen", () => {
  it("refuses without an agenda, naming what is missing", async () => {
    expect(await bot.say("gs-1", "/einladen")).toContain("die Tagesordnung");
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("sends every member (and the chair) an e-mail with a calendar invitation and reports the count", async () => {
    await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
    // A mass action shows who gets it and waits for the yes (issue 16.3).
    expect(await bot.say("gs-1", "/einladen")).toContain("Empfänger (18)");
    expect(bot.smtp.messages).toHaveLength(0);
    const answer = await bot.say("gs-1", "ja");
    expect(answer).toContain("wird versandt");
    expect(answer).toContain("18 von 18 versandt");
    expect(bot.smtp.messages).toHaveLength(18);
    const [ics] = await calendarsTo("sabine.fuchs@example.org");
    expect(ics!.method).toBe("REQUEST");
    expect(ics!.text).toContain("TZID=Europe/Berlin");
    expect(ics!.text).toMatch(/LOCATION:Kreishaus Siegburg\\?, Großer Sitzungssaal/);
    const invitation = (await bot.db()).invitations[0]!;
    expect(invitation.recipients.every((r) => r.acceptedAt)).toBe(true);
    expect((await bot.db()).meetings[0]!.state).toBe("invited");
  });

  it("a late /einladen is refused with the last day; /einladen dringend <Grund> works inside the urgent window", async () => {
    await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
    bot.setNow("2022-04-28T09:00:00+02:00");
    const late = await bot.say("gs-1", "/einladen");
    expect(late).toContain("Mittwoch, 27.04.2022");
    expect(late).toContain("/einladen dringend");
    expect(bot.smtp.messages).toHaveLength(0);
    expect(await bot.say("gs-1", "/einladen dringend")).toContain("braucht eine Begründung");
    expect(await bot.say("gs-1", "/einladen dringend Frist des Landes für den Förderantrag")).toContain("Dringliche Einladung");
    const urgent = await bot.say("gs-1", "ja");
    expect(urgent).toContain("18 von 18 versandt");
    expect((await bot.db()).invitations[0]).toMatchObject({ urgent: true, reason: "Frist des Landes für den Förderantrag" });
  });

  it("after the urgent last day nothing goes out, and the answer names the day", async () => {
    await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
    bot.setNow("2022-05-05T09:00:00+02:00");
    const refused = await bot.say("gs-1", "/einladen dringend eilig");
    expect(refused).toContain("Mittwoch, 04.05.2022");
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("a member who delegates after the invitation: the deputy gets an invitation of their own", async () => {
    await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
    await bot.say("gs-1", "/einladen");
    await bot.say("gs-1", "ja");
    await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    const [ics] = await calendarsTo("michael.jaeger@example.org");
    expect(ics!.method).toBe("REQUEST");
    expect(ics!.text.replace(/\r?\n /g, "")).toContain('DELEGATED-FROM="mailto:sabine.fuchs@example.org"');
  });

  it("changing the time sends an update with the same UID and a higher SEQUENCE; cancelling sends CANCEL", async () => {
    await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
    await bot.say("gs-1", "/einladen");
    await bot.say("gs-1", "ja");
    expect(await bot.say("gs-1", "/sitzung ändern 12.05.2022 14:00-16:00")).toContain("geändert");
    expect(await bot.say("gs-1", "/sitzung absagen Raum nicht verfügbar")).toContain("Empfänger (18)");
    expect(await bot.say("gs-1", "ja")).toContain("18");
    const parts = await calendarsTo("sabine.fuchs@example.org");
    expect(parts.map((p) => p.method)).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    const uids = new Set(parts.map((p) => p.text.match(/UID:(.*)/)![1]!.trim()));
    expect(uids.size).toBe(1);
    expect(parts.map((p) => Number(p.text.match(/SEQUENCE:(\d+)/)![1]))).toEqual([0, 1, 2]);
    expect((await bot.db()).meetings[0]!.state).toBe("cancelled");
  });

  it("moving the meeting to a three-hour slot says that it is longer than the rules allow (§ 4 Abs. 1 GO)", async () => {
    const answer = await bot.say("gs-1", "/sitzung ändern 12.05.2022 10:00-13:00");
    expect(answer).toContain("Die Sitzung ist geändert.");
    expect(answer).toMatch(/Die Sitzung dauert länger als 2 Stunden; .* \(§ 4 Abs\. 1 GO\)\./);
    expect((await bot.db()).meetings[0]!.end).toBe("2022-05-12T13:00:00+02:00");
  });

  it("an item postponed for lack of quorum returns as a second convocation, and the invitation says so (§ 6 Abs. 5 GO)", async () => {
    await bot.say("gs-1", "/top Förderantrag Sprachkurse");
    bot.setNow("2022-05-12T10:30:00+02:00");
    await bot.say("m-sozialamt", "Ich bin anwesend");
    expect(await bot.say("vorsitz", "/beschlussunfaehig TOP 1")).toContain("Zurückgestellt: TOP 1");
    bot.setNow("2022-05-20T09:00:00+02:00");
    expect(await bot.say("gs-1", "/sitzung 16.06.2022 10:00-12:00 Kreishaus Siegburg")).toContain("zweite Einberufung");
    await bot.say("gs-1", "/einladen");
    expect(await bot.say("gs-1", "ja")).toContain("18 von 18 versandt");
    const mail = (await bot.mailsTo("sabine.fuchs@example.org")).at(-1)!;
    expect(mail.text).toContain("§ 6 Abs. 5 GO");
    bot.setNow("2022-06-16T10:30:00+02:00");
    await bot.say("m-sozialamt", "Ich bin anwesend");
    expect(await bot.say("vorsitz", "Sind wir bei TOP 1 beschlussfähig?")).toContain("zweiter Einberufung");
  });
});
