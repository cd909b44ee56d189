/**
 * The live session through the chat: "Wer ist da?" for the chair, the Geschäftsstelle and a member;
 * a second vote on the same item corrects the first (audited with the old counts, one vote in the
 * minutes); a meeting created or moved to a start in the past is refused before anything changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { smtpMailer } from "../adapters/mail-transport.ts";
import type { Db } from "../domain/model.ts";
import { parseInstant } from "../rules/time.ts";
import type { Services } from "../services/context.ts";
import { participantsMoved } from "../services/meeting-presence.ts";
import { render } from "../texts/catalog.ts";
import { startHarness, type Harness } from "./support/bot-harness.ts";
import { profiles } from "./support/profiles.ts";
import { runCli } from "./support/store-process.ts";

const SESSION = "2022-05-12T10:05:00+02:00";
const nameOf = (db: Db, id: string) => db.persons.find((p) => p.id === id)!.name;

/** The meeting as agreed beforehand: the Jugendamt's member sends the deputy. */
async function sessionBot(): Promise<Harness> {
  const bot = await startHarness("2022-04-01T09:00:00+02:00");
  await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg");
  await bot.say("gs-1", "/top Haushalt");
  await bot.say("gs-1", "/top Förderantrag Sprachkurse");
  await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
  bot.setNow(SESSION);
  for (const id of ["m-caritas", "d-jugendamt", "m-sozialamt"]) await bot.say(id, "bin da");
  return bot;
}

/** A fresh session bot for the enclosing describe block. */
function liveSession(): { bot: Harness } {
  const holder = {} as { bot: Harness };
  beforeAll(async () => {
    holder.bot = await sessionBot();
  }, 60_000);
  afterAll(() => holder.bot.close());
  return holder;
}

/**
 * Teams reports participants of the meeting (services/meeting-presence.ts, as bot/meeting-events.ts
 * calls it for Teams' participant events; the event protocol itself is test/meeting-events.test.ts).
 */
async function teamsJoined(bot: Harness, participants: { name: string; aadObjectId: string | null }[]): Promise<void> {
  const clock = () => parseInstant(SESSION)!;
  const services: Services = { store: openJsonStore(bot.file, { clock }), clock, mailer: smtpMailer(bot.smtp.url), render, profiles };
  const teams = { teamsMeetingId: "teams-meeting-1", chatId: null, joinUrl: null };
  await participantsMoved(services, teams, "joined", participants.map((p) => ({ id: null, email: null, userPrincipalName: null, ...p })));
}

describe("Wer ist da?", () => {
  let bot: Harness;
  let db: Db;
  beforeAll(async () => {
    bot = await sessionBot();
    db = await bot.db();
    const guest = db.persons.find((p) => db.body.guestIds.includes(p.id))!;
    await teamsJoined(bot, [{ name: guest.name, aadObjectId: guest.aadObjectId }, { name: "Jana Presse (Gast)", aadObjectId: null }]);
    db = await bot.db();
  }, 60_000);
  afterAll(() => bot.close());

  it("the chair reads each institution present, who sits for it and how, the count and the guests", async () => {
    const answer = await bot.say("vorsitz", "Wer ist da?");
    expect(answer).toContain(`Caritasverband Rhein-Sieg e.V.: ${nameOf(db, "m-caritas")} (Mitglied, in Präsenz)`);
    expect(answer).toContain(`Jugendamt: ${nameOf(db, "d-jugendamt")} (Stellvertretung, in Präsenz)`);
    expect(answer).toContain("3 von 17 stimmberechtigten Institutionen sind vertreten; erforderlich sind 9");
    const guest = db.persons.find((p) => db.body.guestIds.includes(p.id))!;
    expect(answer).toContain(`Gäste (ohne Stimmrecht): ${guest.name}, Jana Presse (Gast)`);
    expect(answer).not.toContain(nameOf(db, "m-diakonie"));
  });

  it("the Geschäftsstelle asking in English gets the list in English", async () => {
    const answer = await bot.say("gs-1", "Who is here?");
    expect(answer).toContain(`Rhein-Sieg-Kreis - Jugendamt: ${nameOf(db, "d-jugendamt")} (deputy, in person)`);
    expect(answer).toContain("3 of 17 voting institutions are represented");
  });

  it("a member reads the count and their own check-in, not who else is there", async () => {
    const own = await bot.say("m-caritas", "Wer ist alles anwesend?");
    expect(own).toContain("Sie sind für Caritasverband Rhein-Sieg e.V. als anwesend eingetragen.");
    expect(own).toContain("3 von 17");
    expect(own).not.toContain(nameOf(db, "d-jugendamt"));
    const absent = await bot.say("m-diakonie", "Wer ist da?");
    expect(absent).toContain("Für Ihre Institution ist noch niemand als anwesend eingetragen");
    expect(absent).not.toContain(nameOf(db, "m-caritas"));
  });

  it("asking records nothing", async () => {
    const before = await bot.db();
    await bot.say("vorsitz", "Wer ist da?");
    const after = await bot.db();
    expect(after.attendance).toEqual(before.attendance);
    expect(after.meetings).toEqual(before.meetings);
  });
});

describe("a second vote on the same item", () => {
  const session = liveSession();
  let bot: Harness;
  beforeAll(() => void (bot = session.bot));

  it("corrects the first: the reply names old and new counts, one vote stays, the audit keeps both", async () => {
    expect(await bot.say("vorsitz", "TOP 1: 2 ja, 0 nein, 1 Enthaltung")).toContain("TOP 1: Angenommen: 2 Ja, 0 Nein, 1 Enthaltung");
    const corrected = await bot.say("vorsitz", "TOP 1: 1 ja, 2 nein");
    expect(corrected).toContain("TOP 1 korrigiert (bisher 2 Ja, 0 Nein, 1 Enthaltung): Abgelehnt: 1 Ja, 2 Nein, 0 Enthaltungen");
    const db = await bot.db();
    const item = db.meetings[0]!.agenda.find((i) => i.number === 1)!;
    expect(db.votes.filter((v) => v.agendaItemId === item.id).map((v) => [v.yes, v.no, v.abstain, v.passed])).toEqual([[1, 2, 0, false]]);
    const log = await openJsonStore(bot.file).auditLog();
    expect(log.filter((e) => e.action === "vote.recorded").map((e) => e.details.yes)).toEqual([2]);
    const correction = log.find((e) => e.action === "vote.corrected")!;
    expect(correction.details).toMatchObject({ item: 1, yes: 1, no: 2, abstain: 0, before: { yes: 2, no: 0, abstain: 1 } });
  });

  it("a Teams retry of the correction changes nothing more", async () => {
    expect(await bot.say("vorsitz", "TOP 2: 3 ja, 0 nein", "act-top2-a")).toContain("Angenommen");
    expect(await bot.say("vorsitz", "TOP 2: 2 ja, 1 nein", "act-top2-b")).toContain("TOP 2 korrigiert (bisher 3 Ja, 0 Nein, 0 Enthaltungen)");
    expect(await bot.say("vorsitz", "TOP 2: 2 ja, 1 nein", "act-top2-b")).not.toContain("korrigiert");
    const log = await openJsonStore(bot.file).auditLog();
    expect(log.filter((e) => e.action === "vote.corrected" && e.details.item === 2)).toHaveLength(1);
    expect((await bot.db()).votes.filter((v) => v.yes === 2 && v.no === 1)).toHaveLength(1);
  });

  it("the minutes draft shows one vote for the item, the corrected one", async () => {
    bot.setNow("2022-05-12T14:00:00+02:00");
    const draft = await bot.say("gs-1", "/niederschrift");
    expect(draft).toContain("1 Ja / 2 Nein / 0 Enthaltungen");
    expect(draft).not.toContain("2 Ja / 0 Nein / 1 Enthaltung");
    expect(draft).not.toContain("3 Ja / 0 Nein");
  });
});

describe("a vote on another resolution of the same item", () => {
  const session = liveSession();
  let bot: Harness;
  beforeAll(() => void (bot = session.bot));

  it("is a further vote, not a correction", async () => {
    await bot.say("vorsitz", "/abstimmung TOP 2: 1 ja, 2 nein; Beschluss: Der Änderungsantrag wird angenommen.");
    const second = await bot.say("vorsitz", "/abstimmung TOP 2: 3 ja, 0 nein; Beschluss: Der Förderantrag wird gestellt.");
    expect(second).not.toContain("korrigiert");
    expect((await bot.db()).votes.map((v) => v.resolution)).toEqual(["Der Änderungsantrag wird angenommen.", "Der Förderantrag wird gestellt."]);
  });
});

describe("a meeting moved into the past", () => {
  let bot: Harness;
  const PAST = "Der Beginn (Sonntag, 01.05.2022, 10:00 Uhr) liegt in der Vergangenheit, daher habe ich nichts eingetragen; bitte nennen Sie einen Termin in der Zukunft.";
  beforeAll(async () => {
    bot = await startHarness("2022-04-01T09:00:00+02:00");
    await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg");
    bot.setNow("2022-05-02T09:00:00+02:00");
  }, 60_000);
  afterAll(() => bot.close());

  it("/sitzung ändern to a past date is refused at once, and the meeting stays the next one", async () => {
    expect(await bot.say("gs-1", "/sitzung ändern 01.05.2022 10:00-12:00")).toBe(PAST);
    const db = await bot.db();
    expect(db.meetings.map((m) => m.start)).toEqual(["2022-05-12T10:00:00+02:00"]);
    expect(await bot.say("m-caritas", "Wann ist die nächste Sitzung?")).toContain("Donnerstag, 12.05.2022");
  });

  it("/sitzung with a past date is refused in the same sentence, and nothing is created", async () => {
    expect(await bot.say("gs-1", "/sitzung 01.05.2022 10:00-12:00 Kreishaus Siegburg")).toBe(PAST);
    expect((await bot.db()).meetings).toHaveLength(1);
  });

  it("`meeting create` on the command line refuses a past start with the same sentence", async () => {
    const r = await runCli(["meeting", "create", "--start", "2022-05-01T10:00", "--location", "Kreishaus", "--db", bot.file, "--now", "2022-05-02T09:00:00+02:00"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`Fehler: ${PAST}`);
    expect((await bot.db()).meetings).toHaveLength(1);
  });

  it("a running session may still change its place: its start is not new", async () => {
    bot.setNow("2022-05-12T10:30:00+02:00");
    const answer = await bot.say("gs-1", "/sitzung ändern Ort: Kreishaus Siegburg, Raum 2");
    expect(answer).toContain("Die Sitzung ist geändert");
    expect((await bot.db()).meetings[0]!.location).toBe("Kreishaus Siegburg, Raum 2");
  });
});
