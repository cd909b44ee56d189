/**
 * The chair and the Geschäftsstelle in the chat, as they really type (issue F): a vote said in
 * words ("einstimmig angenommen") counted from who is present, the "not understood" answer naming
 * what this person typically does, thanks during a proposal, and the agenda of a meeting named by date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;

/** The Geschäftsstelle's preparation, as typed: two meetings, four items on the first. */
const PREPARATION = [
  "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg",
  ...["Haushalt", "Sprachkurse", "Kita-Plätze", "Verschiedenes"].map((title) => `/top ${title}`),
  "/sitzung 09.06.2022 10:00-12:00 Kreishaus Siegburg",
];

beforeAll(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  for (const line of PREPARATION) await bot.say("gs-1", line);
}, 120_000);
afterAll(() => bot.close());

const lastVote = async () => (await bot.db()).votes.at(-1);

describe("the agenda of a meeting named by its date", () => {
  it("answers for the meeting on that day, not the next one", async () => {
    const answer = await bot.say("m-caritas", "Was wird am 9.6. besprochen?");
    expect(answer).toContain("09.06.2022");
    expect(answer).not.toContain("12.05.2022");
  });

  it("says there is none on a day without a meeting", async () => {
    const answer = await bot.say("m-caritas", "Was steht am 13. Mai auf der Tagesordnung?");
    expect(answer).toContain("13.05.");
    expect(answer).not.toContain("Haushalt");
  });
});

/** A "Danke" right after the bot asked something: what the person reads then. */
async function thanksAfter(personId: string, opening: string): Promise<string> {
  await bot.say(personId, opening);
  return bot.say(personId, "Danke");
}

describe("thanks while the bot waits for an answer", () => {
  it("keeps a proposal open and asks again for what it still needs", async () => {
    const thanks = await thanksAfter("m-caritas", "Ich möchte einen TOP vorschlagen");
    expect(thanks).toContain("Gern geschehen");
    expect(thanks).toContain("Wie lautet der Titel");
    expect(thanks).not.toContain("nicht verstanden");
    expect(await bot.say("m-caritas", "Ehrenamtliche Sprachpaten")).toContain("beschreiben Sie das Thema");
    await bot.say("m-caritas", "abbrechen");
    expect((await bot.db()).proposals.map((p) => p.title)).not.toContain("Danke");
  });

  it("asks the absence question again, and the yes still answers it", async () => {
    expect(await thanksAfter("m-jobcenter", "Ich kann am 12.5. nicht")).toMatch(/Gern geschehen[\s\S]*Soll Ihre Stellvertretung/);
    await bot.say("m-jobcenter", "ja");
    const jobcenter = (await bot.db()).institutions.find((i) => i.memberId === "m-jobcenter")!;
    expect((await bot.db()).attendance.find((a) => a.institutionId === jobcenter.id)?.status).toBe("delegated");
  });
});

describe("not understood, by role", () => {
  it("suggests meeting work to the Geschäftsstelle, in German and English, and answers to a member", async () => {
    const de = await bot.say("gs-1", "Bitte Raum reservieren");
    expect(de).toContain("nichts eingetragen");
    expect(de).toContain("/einladen");
    expect(de).not.toContain("Ich nehme teil");
    expect(await bot.say("gs-1", "Please book the room")).toContain("\"Who has replied?\"");
    // The chair, on a day without a session, prepares meetings like the Geschäftsstelle.
    expect(await bot.say("vorsitz", "Ist der Beamer bestellt?")).toContain("/einladen");
    // A member still hears the answers they can give.
    expect(await bot.say("m-caritas", "Ist der Beamer bestellt?")).toContain("Ich nehme teil");
  });
});

/** Four institutions check in on the meeting's day: the count a unanimous vote is taken from. */
async function sessionWithFour(): Promise<void> {
  bot.setNow("2022-05-12T10:05:00+02:00");
  for (const id of ["m-jugendamt", "m-caritas", "m-sozialamt", "m-jobcenter"]) await bot.say(id, "bin da");
}

describe("during the session, the chair", () => {
  beforeAll(sessionWithFour, 60_000);

  it("records 'einstimmig angenommen' with every present institution's yes", async () => {
    const answer = await bot.say("vorsitz", "Abstimmung zu TOP 1: einstimmig angenommen");
    expect(answer).toContain("Angenommen: 4 Ja, 0 Nein, 0 Enthaltungen");
    expect(await lastVote()).toMatchObject({ yes: 4, no: 0, abstain: 0, present: 4, passed: true });
  });

  it("counts the rest as yes for 'einstimmig bei einer Enthaltung'", async () => {
    expect(await bot.say("vorsitz", "TOP 2: einstimmig bei einer Enthaltung")).toContain("3 Ja, 0 Nein, 1 Enthaltung");
    expect(await lastVote()).toMatchObject({ yes: 3, no: 0, abstain: 1, present: 4 });
  });

  it("keeps counts that are typed out", async () => {
    expect(await bot.say("vorsitz", "TOP 3: 2 ja, 1 nein, 1 Enthaltung")).toContain("2 Ja, 1 Nein, 1 Enthaltung");
    expect(await lastVote()).toMatchObject({ yes: 2, no: 1, abstain: 1, present: 4 });
  });

  it("records 'ohne Gegenstimmen' and 'einstimmig abgelehnt'", async () => {
    await bot.say("vorsitz", "TOP 4 ohne Gegenstimmen angenommen");
    expect(await lastVote()).toMatchObject({ yes: 4, no: 0, abstain: 0 });
    await bot.say("vorsitz", "TOP 4 einstimmig abgelehnt");
    expect(await lastVote()).toMatchObject({ yes: 0, no: 4, abstain: 0, passed: false });
  });

  it("refuses more abstentions than institutions present, recording nothing", async () => {
    const before = (await bot.db()).votes.length;
    expect(await bot.say("vorsitz", "TOP 1: einstimmig bei 5 Enthaltungen")).toContain("4");
    expect((await bot.db()).votes.length).toBe(before);
  });

  it("asks for the votes when a result comes without them, recording nothing", async () => {
    const before = (await bot.db()).votes.length;
    const answer = await bot.say("vorsitz", "TOP 1 mehrheitlich angenommen");
    expect(answer).toContain("fehlen");
    expect(answer).toContain("einstimmig angenommen");
    expect((await bot.db()).votes.length).toBe(before);
  });

  it("reads an English unanimous vote and answers in English", async () => {
    expect(await bot.say("vorsitz", "Item 2 carried unanimously with 1 abstention")).toContain("Passed: 3 yes, 0 no, 1 abstention");
    expect(await bot.say("vorsitz", "Coffee is ready")).toContain("carried unanimously");
  });

  it("hears the session's phrases when not understood", async () => {
    const answer = await bot.say("vorsitz", "Kaffee ist bestellt");
    expect(answer).toContain("beschlussfähig");
    expect(answer).toContain("einstimmig");
    expect(answer).not.toContain("Ich nehme teil");
  });

  it("does not let a member record a vote", async () => {
    const before = (await bot.db()).votes.length;
    await bot.say("m-caritas", "TOP 1 einstimmig angenommen");
    expect((await bot.db()).votes.length).toBe(before);
  });
});
