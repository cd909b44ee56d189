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

describe("the guided proposal", () => {
  it("a deadline question with a typo is answered, not taken for a proposal", async () => {
    const reply = await bot.say("m-gemeinde-much", "bis wan kann ich noch nen thema einreichen?");
    expect(reply).toContain("Für die Sitzung am Donnerstag, 12.05.2022");
    expect(flowOf(await bot.db(), "m-gemeinde-much")).toBeNull();
  });

  it("a question inside the flow is answered and the flow asks its question again; the question is no title", async () => {
    expect(await bot.say("m-gemeinde-much", "Ich möchte einen TOP vorschlagen")).toContain("Titel");
    const reply = await bot.say("m-gemeinde-much", "Wann ist die nächste Sitzung?");
    expect(reply).toContain("Donnerstag, 12.05.2022");
    expect(reply).toContain("Wie lautet der Titel des Tagesordnungspunkts?");
    const flow = flowOf(await bot.db(), "m-gemeinde-much");
    expect(flow?.kind === "proposal" && flow.step).toBe("title");
    expect(flow?.kind === "proposal" && flow.draft.title).toBeFalsy();
  });

  it("takes the title written after the question, and every later answer lands in its own field", async () => {
    const start = await bot.say("m-paritaetischer", "Koennen wir noch einen Punkt auf die Tagesordnung setzen? Wohnraum für Geflüchtete");
    expect(start).toContain("Bitte beschreiben Sie das Thema kurz");
    expect(start).not.toContain("Wie lautet der Titel");
    await bot.say("m-paritaetischer", "Lage in den Kommunen");
    expect(await bot.say("m-paritaetischer", "ich selbst")).toContain("Unterlagen");
    expect(await bot.say("m-paritaetischer", "kein Anhang")).toContain("„Wohnraum für Geflüchtete“");
    const db = await bot.db();
    const me = db.persons.find((p) => p.id === "m-paritaetischer")!;
    expect(db.proposals).toEqual([expect.objectContaining({ title: "Wohnraum für Geflüchtete", description: "Lage in den Kommunen", presenter: me.name, link: null })]);
  });

  for (const none of ["keine", "nein", "keine Unterlagen"]) {
    it(`"${none}" for the documents is none`, async () => {
      await bot.say("m-jobcenter", "Ich möchte einen TOP vorschlagen: Ausbildung | Stand der Maßnahmen");
      await bot.say("m-jobcenter", "Frau Berger");
      await bot.say("m-jobcenter", none);
      expect((await bot.db()).proposals).toEqual([expect.objectContaining({ title: "Ausbildung", presenter: "Frau Berger", link: null })]);
    });
  }
});

describe("proposing while a meeting runs", () => {
  it("says at once that the proposal is for the next meeting, and files it there", async () => {
    expect(await bot.say("gs-1", "/sitzung 09.06.2022 10:00-12:00 Kreishaus Siegburg")).toContain("Sitzung angelegt");
    bot.setNow("2022-05-12T10:15:00+02:00");
    const start = await bot.say("m-jobcenter", "Ich möchte einen TOP vorschlagen: Ausbildung");
    expect(start).toContain("Die Sitzung am Donnerstag, 12.05.2022, 10:00 Uhr hat schon begonnen; Ihr Vorschlag gilt für die nächste Sitzung am Donnerstag, 09.06.2022, 10:00 Uhr.");
    await bot.say("m-jobcenter", "Stand der Maßnahmen");
    await bot.say("m-jobcenter", "ich selbst");
    expect(await bot.say("m-jobcenter", "nein")).toContain("ist eingegangen");
    const db = await bot.db();
    const june = db.meetings.find((m) => m.start.startsWith("2022-06-09"))!;
    expect(db.proposals).toEqual([expect.objectContaining({ title: "Ausbildung", meetingId: june.id })]);
  });

  it("with no next meeting planned, says in one sentence that it cannot be proposed now, and starts no flow", async () => {
    bot.setNow("2022-05-12T10:15:00+02:00");
    const reply = await bot.say("m-jobcenter", "Ich möchte einen TOP vorschlagen: Ausbildung");
    expect(reply).toBe("Die Sitzung hat schon begonnen und eine nächste ist noch nicht geplant; bitte schlagen Sie das Thema vor, sobald die Geschäftsstelle die nächste Sitzung angelegt hat.");
    expect(flowOf(await bot.db(), "m-jobcenter")).toBeNull();
  });
});

describe("misreadings that got 'nicht verstanden'", () => {
  it("'wann is die naechste sitzng' is answered with the next meeting", async () => {
    const reply = await bot.say("m-jugendamt", "wann is die naechste sitzng");
    expect(reply).not.toContain("nicht verstanden");
    expect(reply).toContain("Donnerstag, 12.05.2022");
  });

  it("'ich bin jetzt auch da' during the session checks the member in", async () => {
    bot.setNow("2022-05-12T10:15:00+02:00");
    const reply = await bot.say("m-jugendamt", "ich bin jetzt auch da");
    expect(reply).not.toContain("nicht verstanden");
    expect((await attendanceOf("jugendamt"))?.present).toBe(true);
  });
});
