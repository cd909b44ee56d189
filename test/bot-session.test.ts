/**
 * A whole session run through the chat (issue 7): check-ins by members and a deputy, the quorum
 * question, two votes (one passed, one failed), a personal statement and a non-public item; then
 * the Niederschrift (§ 7 GO) in its internal and public versions, its distribution and approval.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;
let draft: string;

beforeAll(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
  await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
  await bot.say("gs-1", "/top Förderantrag Sprachkurse");
  await bot.say("gs-1", "/top nicht-öffentlich Personalangelegenheit der Geschäftsstelle");
  await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
  await bot.say("m-caritas", "Absage ohne Vertretung");

  bot.setNow("2022-05-12T10:05:00+02:00");
  const members = ["dezernat-ii", "kommunales-integrationszentrum", "sozialamt", "jobcenter", "gemeinde-much", "stadt-troisdorf", "agentur-fuer-arbeit", "rechts-und-ordnungsamt", "amt-fuer-schule", "diakonie"];
  for (const id of members) await bot.say(`m-${id}`, "Ich bin anwesend");
  await bot.say("d-jugendamt", "Ich bin anwesend");
}, 120_000);
afterAll(() => bot.close());

describe("during the session", () => {
  it("counts 11 represented institutions, a deputy among them", async () => {
    expect(await bot.say("vorsitz", "Sind wir beschlussfähig?")).toContain("Beschlussfähig. 11 von 17");
  });

  it("records a passed and a failed vote by the 2/3 rule, and a non-public one", async () => {
    expect(await bot.say("vorsitz", "/abstimmung TOP 1: 9 ja, 1 nein, 1 enthaltung; Beschluss: Der Bericht wird zur Kenntnis genommen.")).toContain("Angenommen");
    expect(await bot.say("vorsitz", "/abstimmung TOP 2: 6 ja, 4 nein, 1 enthaltung; Beschluss: Die Kreisverwaltung stellt den Förderantrag.")).toContain("Abgelehnt");
    expect(await bot.say("vorsitz", "/abstimmung TOP 3: 10 ja, 0 nein, 1 enthaltung; Beschluss: Die Stelle wird ausgeschrieben.")).toContain("Angenommen");
  });

  it("records a personal statement asked for the minutes", async () => {
    expect(await bot.say("m-sozialamt", "Persönliche Erklärung: Das Sozialamt trägt die Ablehnung zu TOP 2 nicht mit, bitte ins Protokoll.")).toContain("wird in die Niederschrift aufgenommen");
  });
});

describe("the minutes (§ 7 GO)", () => {
  beforeAll(async () => {
    bot.setNow("2022-05-12T14:00:00+02:00");
    draft = await bot.say("gs-1", "/niederschrift");
  });

  it("has every part § 7 Abs. 1, 2 require", () => {
    for (const part of [
      "Kreishaus Siegburg, Großer Sitzungssaal", // place
      "Donnerstag, 12.05.2022", // day
      "10:00", // time
      "Michael Jäger", // the deputy, present for the Jugendamt
      "Stellvertretung",
      "Entschuldigt", // the Caritas member
      "Bericht der Geschäftsstelle", // agenda
      "Förderantrag Sprachkurse",
      "Der Bericht wird zur Kenntnis genommen.", // resolution
      "9 Ja / 1 Nein / 1 Enthaltung", // vote results as declared
      "abgelehnt",
      "Das Sozialamt trägt die Ablehnung zu TOP 2 nicht mit", // personal statement
      "Leitung der Geschäftsstelle", // signatures
    ]) {
      expect(draft, part).toContain(part);
    }
  });

  it("writes an internal version with the non-public item marked, and a public one without it", () => {
    const dir = join(dirname(bot.file), "minutes");
    const internal = readFileSync(join(dir, "s-2022-05-12-niederschrift-intern.html"), "utf8");
    const published = readFileSync(join(dir, "s-2022-05-12-niederschrift-oeffentlich.html"), "utf8");
    expect(internal).toContain("Personalangelegenheit der Geschäftsstelle");
    expect(internal).toContain("nicht öffentlich");
    expect(published).not.toContain("Personalangelegenheit");
    expect(published).not.toContain("Die Stelle wird ausgeschrieben.");
    expect(published).toContain("Förderantrag Sprachkurse");
  });

  it("goes to every member by e-mail, and is approved at the start of the next session without objections", async () => {
    const before = bot.smtp.messages.length;
    expect(await bot.say("gs-1", "/niederschrift senden")).toContain("Empfänger (17)");
    expect(bot.smtp.messages.length - before).toBe(0); // nothing before the yes (issue 16.3)
    expect(await bot.say("gs-1", "ja")).toContain("17 von 17");
    expect(bot.smtp.messages.length - before).toBe(17);
    bot.setNow("2022-05-20T09:00:00+02:00");
    await bot.say("gs-1", "/sitzung 01.09.2022 10:00-12:00 Kreishaus Siegburg");
    expect(await bot.say("gs-1", "/niederschrift genehmigen")).toContain("frühestens am Donnerstag, 01.09.2022");
    bot.setNow("2022-09-01T10:10:00+02:00");
    expect(await bot.say("gs-1", "/niederschrift genehmigen")).toContain("genehmigt");
    expect((await bot.db()).minutes[0]).toMatchObject({ state: "approved" });
    expect((await bot.db()).meetings[0]!.state).toBe("minutes-approved");
  });
});
