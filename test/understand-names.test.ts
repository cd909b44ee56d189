/**
 * Names as the chair types them after /anwesend and /abwesend: inflected institution names, no
 * umlauts, several at once, and a name that fits several people asked back with buttons. Through
 * the teams-ai Application (botbuilder's TestAdapter stands in for Teams' cloud) and a real data file.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;
const presentIn = async (institutionId: string) => (await bot.db()).attendance.find((a) => a.institutionId === institutionId)?.present;

beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
  bot.setNow("2022-05-12T10:05:00+02:00");
});
afterEach(() => bot.close());

describe("/anwesend and /abwesend understand names", () => {
  it("inflected institution names match: des Jobcenters, vom Jugendamt, beim Kommunalen Integrationszentrum", async () => {
    expect(await bot.say("vorsitz", "/anwesend des Jobcenters")).toContain("Nadine Schulz (jobcenter rhein-sieg) ist als anwesend eingetragen");
    expect(await bot.say("vorsitz", "/anwesend vom Jugendamt")).toContain("Sabine Fuchs (Rhein-Sieg-Kreis - Jugendamt) ist als anwesend eingetragen");
    expect(await bot.say("vorsitz", "/anwesend beim Kommunalen Integrationszentrum")).toContain("Aylin Demir");
    expect(await presentIn("jobcenter")).toBe(true);
    expect(await presentIn("jugendamt")).toBe(true);
  });

  it("names typed without umlauts, or with ae/oe/ue, match", async () => {
    const typed = [["Juergen Mueller", "Jürgen Müller"], ["Monika Luhrs", "Monika Lührs"], ["Frau Weiss", "Martina Weiß"]];
    for (const [name, person] of typed) expect(await bot.say("vorsitz", `/anwesend ${name}`), name).toContain(person);
  });

  it("several names separated by commas are all marked, each answered", async () => {
    const answer = await bot.say("vorsitz", "/anwesend Sabine Fuchs, Jobcenter, Gemeinde Much");
    expect(answer).toContain("Sabine Fuchs (Rhein-Sieg-Kreis - Jugendamt) ist als anwesend eingetragen");
    expect(answer).toContain("Nadine Schulz (jobcenter rhein-sieg) ist als anwesend eingetragen");
    expect(answer).toContain("Ralf Kühn (Gemeinde Much) ist als anwesend eingetragen");
    for (const id of ["jugendamt", "jobcenter", "gemeinde-much"]) expect(await presentIn(id)).toBe(true);
    await bot.say("vorsitz", "/abwesend Jobcenter und Gemeinde Much");
    expect(await presentIn("jobcenter")).toBe(false);
    expect(await presentIn("gemeinde-much")).toBe(false);
  });

  it("an institution whose name holds commas is one name, not three", async () => {
    const answer = await bot.say("vorsitz", "/anwesend Amt für Schule, Bildung, Kultur und Sport");
    expect(answer).toContain("Claudia Böhm");
    expect(answer.match(/eingetragen/g)).toHaveLength(1);
  });

  it("an ambiguous name asks with a button per choice and records nothing until one is pressed", async () => {
    await openJsonStore(bot.file).update({ actorId: "test" }, (db) => {
      db.persons.find((p) => p.id === "d-jugendamt")!.name = "Michael Fuchs";
    });
    const question = await bot.say("vorsitz", "/anwesend Fuchs");
    expect(question).toContain("„Fuchs“ passt auf mehrere Einträge. Wen meinen Sie?");
    expect(question).toContain("[Sabine Fuchs (Rhein-Sieg-Kreis - Jugendamt)] [Michael Fuchs (Rhein-Sieg-Kreis - Jugendamt)]");
    expect((await bot.db()).attendance).toEqual([]);
    const chosen = await bot.press("vorsitz", { verb: "presence.choose", query: "d-jugendamt", present: true });
    expect(chosen).toContain("Michael Fuchs (Rhein-Sieg-Kreis - Jugendamt) ist als anwesend eingetragen");
    expect((await bot.db()).attendance.find((a) => a.institutionId === "jugendamt")).toMatchObject({ attendeeId: "d-jugendamt", present: true });
  });

  it("a name that fits many institutions asks too", async () => {
    const question = await bot.say("vorsitz", "/abwesend Rhein-Sieg-Kreis");
    expect(question).toContain("passt auf mehrere Einträge");
    expect(question).toContain("Hier die ersten 6");
    expect((await bot.db()).attendance).toEqual([]);
  });

  it("a member may not press the chair's choice", async () => {
    const answer = await bot.press("m-caritas", { verb: "presence.choose", query: "m-jugendamt", present: true });
    expect(answer).not.toContain("eingetragen");
    expect((await bot.db()).attendance).toEqual([]);
  });
});
