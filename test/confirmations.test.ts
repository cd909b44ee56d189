/**
 * Mass actions wait for a yes (issue 16.3), through the same teams-ai Application as Teams, with
 * the mails counted at a real loopback SMTP server: `/einladen` in every form, `/sitzung absagen`
 * and extra words after a command that takes none.
 * Meeting: Thu 12.05.2022 10:00; now Fri 01.04.2022 09:00 (well inside the notice period).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";
import { expectAnswers } from "./support/dialogue.ts";
import { parseMail, imipPart } from "./support/mail-parse.ts";

let bot: Harness;

beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
  await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
});
afterEach(() => bot.close());

const pendingId = async () => ((await bot.db()).botState["confirm:gs-1"] as { id: string }).id;

async function methods(): Promise<string[]> {
  const mails = await Promise.all(bot.smtp.messages.map((m) => parseMail(m.raw)));
  return mails.filter((m) => m.calendars.length > 0).map((m) => imipPart(m).mimeMethod ?? "");
}

describe("/einladen asks first", () => {
  it("shows what goes to whom, sends nothing before the yes, and everything after it", async () => {
    const question = await bot.say("gs-1", "/einladen");
    expect(question).toContain("Einladung zur Sitzung am Donnerstag, 12.05.2022, 10:00 Uhr");
    expect(question).toContain("Empfänger (18):");
    expect(question).toContain("Sabine Fuchs (Rhein-Sieg-Kreis - Jugendamt)"); // a member with the institution
    expect(question).toContain("(Vorsitz)");
    expect(question).toMatch(/\[Ja, ausführen\] \[Nein\]/);
    expect(bot.smtp.messages).toHaveLength(0);
    expect((await bot.db()).invitations).toHaveLength(0);

    const done = await bot.say("gs-1", "ja");
    expect(done).toContain("18 von 18 versandt");
    expect(bot.smtp.messages).toHaveLength(18);

    // A second "ja" answers no question any more: nothing more goes out.
    await bot.say("gs-1", "ja");
    expect(bot.smtp.messages).toHaveLength(18);
  });

  it("refuses extra words with the syntax, and sends nothing (was: 18 mails for \"bitte erst nach Weihnachten\")", async () => {
    const refused = await bot.say("gs-1", "/einladen bitte erst nach Weihnachten");
    expect(refused).toContain("„/einladen dringend <Grund>“");
    expect(refused).toContain("nichts versandt");
    expect(await bot.say("gs-1", "ja")).not.toContain("versandt");
    expect(bot.smtp.messages).toHaveLength(0);
    expect((await bot.db()).botState["confirm:gs-1"]).toBeUndefined();
  });

  it("\"nein\" drops the question; nothing goes out", async () => {
    await bot.say("gs-1", "/einladen");
    expect(await bot.say("gs-1", "nein")).toContain("es ist nichts hinausgegangen");
    await bot.say("gs-1", "ja");
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("the card's button confirms; a button of an older question does nothing", async () => {
    await bot.say("gs-1", "/einladen");
    const old = await pendingId();
    bot.setNow("2022-04-01T09:01:00+02:00");
    await bot.say("gs-1", "/einladen"); // asked again: the first card is stale now
    expect(await bot.press("gs-1", { verb: "confirm", confirmationId: old })).toContain("nicht mehr offen");
    expect(bot.smtp.messages).toHaveLength(0);
    await bot.press("gs-1", { verb: "confirm", confirmationId: await pendingId() });
    expect(bot.smtp.messages).toHaveLength(18);
  });

  it("a question expires: a late \"ja\" sends nothing and says so", async () => {
    await bot.say("gs-1", "/einladen");
    bot.setNow("2022-04-01T09:31:00+02:00");
    expect(await bot.say("gs-1", "ja")).toContain("abgelaufen");
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("another message drops the question and says so; a later \"ja\" does not send", async () => {
    await bot.say("gs-1", "/einladen");
    const other = await bot.say("gs-1", "/rueckmeldungen");
    expect(other).toContain("Rückfrage habe ich verworfen");
    await bot.say("gs-1", "ja");
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("a \"ja\" Teams delivers twice sends once", async () => {
    await bot.say("gs-1", "/einladen");
    await bot.say("gs-1", "ja", "act-ja-1");
    await bot.say("gs-1", "ja", "act-ja-1");
    expect(bot.smtp.messages).toHaveLength(18);
  });

  it("English: the question and its answer stay English", async () => {
    const question = await bot.say("gs-1", "/einladen urgent the state's deadline for the funding application");
    expect(question).toContain("Urgent invitation");
    expect(question).toContain("Recipients (18)");
    expect(await bot.say("gs-1", "yes")).toContain("The invitation to the meeting on");
  });
});

describe("/einladen aktualisieren and erneut", () => {
  it("with nothing changed sends nothing and says so (was: 19 mails); after a new item it asks, then sends the update", async () => {
    await bot.say("gs-1", "/einladen");
    await bot.say("gs-1", "ja");
    expect(bot.smtp.messages).toHaveLength(18);

    expect(await bot.say("gs-1", "/einladen aktualisieren")).toContain("hat sich weder an Zeit, Ort noch Tagesordnung etwas geändert; ich habe nichts versandt");
    expect(bot.smtp.messages).toHaveLength(18);

    await bot.say("gs-1", "/top Haushalt 2023");
    const question = await bot.say("gs-1", "/einladen aktualisieren TOP 2 neu");
    expect(question).toContain("aktualisierte Einladung");
    expect(question).toContain("„TOP 2 neu“");
    expect(bot.smtp.messages).toHaveLength(18);
    await bot.say("gs-1", "ja");
    expect(bot.smtp.messages).toHaveLength(36);
    expect((await methods()).filter((m) => m === "REQUEST")).toHaveLength(36);
  });

  it("erneut with everyone reached has nothing to send", async () => {
    await bot.say("gs-1", "/einladen");
    await bot.say("gs-1", "ja");
    expect(await bot.say("gs-1", "/einladen erneut")).toContain("nichts zu senden");
    expect(bot.smtp.messages).toHaveLength(18);
  });
});

describe("/sitzung absagen", () => {
  it("needs a reason (was: cancelled without one), asks, then cancels and tells the invitees", async () => {
    await bot.say("gs-1", "/einladen");
    await bot.say("gs-1", "ja");
    const refused = await bot.say("gs-1", "/sitzung absagen");
    expect(refused).toContain("„/sitzung absagen <Grund>“");
    expect((await bot.db()).meetings[0]!.state).toBe("invited");

    const question = await bot.say("gs-1", "/sitzung absagen Raum nicht verfügbar");
    expect(question).toContain("Grund: „Raum nicht verfügbar“");
    expect(question).toContain("Empfänger (18)");
    expect((await bot.db()).meetings[0]!.state).toBe("invited");
    await bot.say("gs-1", "ja");
    expect((await bot.db()).meetings[0]!.state).toBe("cancelled");
    expect((await methods()).filter((m) => m === "CANCEL")).toHaveLength(18);
  });
});

describe("text after a command that takes none", () => {
  it("is refused with the command's syntax, never ignored", async () => {
    await expectAnswers(bot, "gs-1", [
      ["/rueckmeldungen bitte bis Freitag", "„/rueckmeldungen“ steht für sich"],
      ["/postausgang alles", "„/postausgang erneut“"],
      ["/tagesordnung morgen", "„/tagesordnung annehmen <Nr.>“"],
      ["/niederschrift bitte schnell", "„/niederschrift senden“"],
      ["/niederschrift senden bitte erst morgen", "„/niederschrift senden“"],
      ["/postausgang erneut alles", "„/postausgang erneut“"],
      ["/einladen erneut an alle", "„/einladen erneut“"],
    ]);
    expect(bot.smtp.messages).toHaveLength(0);
  });
});
