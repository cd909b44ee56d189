/**
 * Teams redelivers an activity (same activity id) when it did not get the bot's answer in time.
 * Done when: the same activity delivered twice is applied once, for every state-changing chat
 * command and card action of the Geschäftsstelle, the chair and the members — one table over all
 * of them. Each row sets up the state it needs, delivers its activity once, takes a snapshot (the
 * data without the bookkeeping `processedActivities`, `botState`, `auditSeq`; the audit log's
 * length; the mails the SMTP server received), delivers the very same activity again and expects
 * the snapshot unchanged.
 *
 * Real parts: a demo data file, a real SMTP server on loopback, the teams-ai Application through
 * botbuilder's TestAdapter (chatTurn), every activity with an id as Teams sends it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startTeamsHarness, type TeamsHarness } from "./support/teams-harness.ts";

const START = "2022-04-01T09:00:00+02:00";
const MEETING_ID = "s-2022-05-12";
const GS = "gs-1";
const CHAIR = "vorsitz";
const MEMBER = "m-jugendamt";
const MEMBERS = [
  "dezernat-ii", "kommunales-integrationszentrum", "rechts-und-ordnungsamt", "amt-fuer-schule", "sozialamt", "jugendamt",
  "agentur-fuer-arbeit", "caritas", "diakonie", "gemeinde-much", "gemeinde-neunkirchen-seelscheid", "gemeinde-windeck",
].map((id) => `m-${id}`);

let bot: TeamsHarness;
afterEach(async () => {
  await bot?.close();
});

/** Each setup turn says what it expects, so a row cannot pass on a setup that silently failed. */
async function expectSay(personId: string, text: string, expected: string | RegExp): Promise<void> {
  const answer = await bot.say(personId, text);
  if (typeof expected === "string") expect(answer, `setup: ${personId} „${text}“`).toContain(expected);
  else expect(answer, `setup: ${personId} „${text}“`).toMatch(expected);
}

// ---- the states the rows start from -------------------------------------------------------

/** A planned meeting on Thu 12.05.2022 with one agenda item; now is 01.04.2022. */
async function meeting(): Promise<void> {
  await expectSay(GS, "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal", "Sitzung angelegt");
  await expectSay(GS, "/top Bericht der Geschäftsstelle", "TOP 1");
}

/** The meeting with a member's agenda proposal p-1 waiting for the Geschäftsstelle. */
async function proposal(): Promise<void> {
  await meeting();
  await expectSay("m-caritas", "Ich möchte einen TOP vorschlagen: Wohnraum | Lage in den Gemeinden | Herr Kühn", "eingegangen");
}

/** The invitation went out on 20.04.2022 (every recipient accepted). */
async function invited(): Promise<void> {
  await meeting();
  bot.setNow("2022-04-20T09:00:00+02:00");
  await expectSay(GS, "/einladen", "Bitte bestätigen"); // a mass action waits for the yes
  await expectSay(GS, "ja", /versandt|gesendet|erhalten/);
  expect((await bot.db()).invitations[0]?.sentAt, "setup: invitation complete").toBeTruthy();
}

/** Session day, 10:05; `present` members have checked in themselves. */
async function session(present = 0): Promise<void> {
  await invited();
  bot.setNow("2022-05-12T10:05:00+02:00");
  for (const id of MEMBERS.slice(0, present)) await expectSay(id, "Ich bin anwesend", "als anwesend eingetragen");
}

/** After the session (with the following meeting on 15.09.2022 scheduled): minutes drafted. */
async function drafted(): Promise<void> {
  await session(9);
  bot.setNow("2022-05-13T09:00:00+02:00");
  await expectSay(GS, "/sitzung 15.09.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal", "Sitzung angelegt");
  await expectSay(GS, "/niederschrift", "Niederschrift");
  expect((await bot.db()).minutes[0]?.state, "setup: minutes drafted").toBe("draft");
}

/** The minutes went to every member on 20.05.2022. */
async function minutesSent(): Promise<void> {
  await drafted();
  bot.setNow("2022-05-20T09:00:00+02:00");
  await expectSay(GS, "/niederschrift senden", "Bitte bestätigen");
  await expectSay(GS, "ja", "versende");
  expect((await bot.db()).minutes[0]?.state, "setup: minutes sent").toBe("sent");
}

// ---- the table ------------------------------------------------------------------------------

interface Row {
  name: string;
  setup: () => Promise<void>;
  /** Delivers the row's activity with this activity id. */
  deliver: (activityId: string) => Promise<string>;
}

const say = (personId: string, text: string) => (id: string) => bot.say(personId, text, id);
const press = (personId: string, action: Record<string, unknown>) => (id: string) => bot.press(personId, action, id);
type Step = () => unknown;
/** A row's setup as steps run in order. */
const steps = (...all: Step[]) => async () => {
  for (const step of all) await step();
};
const at = (iso: string): Step => () => bot.setNow(iso);
const says = (personId: string, text: string, expected: string | RegExp): Step => () => expectSay(personId, text, expected);

const none = async () => {};
/** A mass action asked for: the question is open, the row delivers the yes (issue 16.3). */
const asked = (text: string): Step => says(GS, text, "Bitte bestätigen");
/** The open question's id, as its card's button carries it. */
let questionId = "";

const ROWS: Row[] = [
  // Geschäftsstelle
  { name: "/sitzung <Datum> <Zeit> <Ort> (anlegen)", setup: none, deliver: say(GS, "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal") },
  { name: "/sitzung ändern <Datum> <Zeit>", setup: invited, deliver: say(GS, "/sitzung ändern 13.05.2022 14:00-16:00") },
  { name: "/sitzung ändern Ort: …", setup: invited, deliver: say(GS, "/sitzung ändern Ort: Kreishaus Siegburg, Raum 2") },
  { name: "/sitzung absagen <Grund>, „ja“", setup: steps(invited, asked("/sitzung absagen Der Saal ist nicht verfügbar.")), deliver: say(GS, "ja") },
  { name: "/top <Titel>", setup: meeting, deliver: say(GS, "/top Sprachkurse für Geflüchtete") },
  { name: "/top nicht-öffentlich <Titel>", setup: meeting, deliver: say(GS, "/top nicht-öffentlich Personalangelegenheiten") },
  { name: "/tagesordnung annehmen p-1", setup: proposal, deliver: say(GS, "/tagesordnung annehmen p-1") },
  { name: "/tagesordnung ablehnen p-1", setup: proposal, deliver: say(GS, "/tagesordnung ablehnen p-1") },
  {
    name: "/einladen, „ja“",
    setup: steps(meeting, at("2022-04-20T09:00:00+02:00"), asked("/einladen")),
    deliver: say(GS, "ja"),
  },
  {
    name: "/einladen, the card's button",
    setup: steps(meeting, at("2022-04-20T09:00:00+02:00"), asked("/einladen"), async () => {
      questionId = ((await bot.db()).botState[`confirm:${GS}`] as { id: string }).id;
    }),
    deliver: (id) => bot.press(GS, { verb: "confirm", confirmationId: questionId }, id),
  },
  {
    name: "/einladen dringend <Grund>",
    setup: steps(meeting, at("2022-05-01T09:00:00+02:00"), asked("/einladen dringend Kurzfristige Entscheidung über Fördermittel")), // after 27.04. (regular), before 04.05. (urgent)
    deliver: say(GS, "ja"),
  },
  {
    name: "/einladen erneut (after a refused recipient)",
    setup: steps(meeting, at("2022-04-20T09:00:00+02:00"), () => bot.world.refuse.add("sabine.fuchs@example.org"), asked("/einladen"), says(GS, "ja", "fehlgeschlagen"), () => bot.world.refuse.clear(), at("2022-04-21T09:00:00+02:00"), asked("/einladen erneut")),
    deliver: say(GS, "ja"),
  },
  {
    name: "/einladen aktualisieren (after a new item)",
    setup: steps(invited, says(GS, "/top Sprachkurse für Geflüchtete", "TOP 2"), asked("/einladen aktualisieren")),
    deliver: say(GS, "ja"),
  },
  {
    name: "/niederschrift (Entwurf)",
    setup: steps(() => session(9), at("2022-05-13T09:00:00+02:00")),
    deliver: say(GS, "/niederschrift"),
  },
  { name: "/niederschrift senden, „ja“", setup: steps(drafted, at("2022-05-20T09:00:00+02:00"), asked("/niederschrift senden")), deliver: say(GS, "ja") },
  { name: "/niederschrift genehmigen", setup: steps(minutesSent, at("2022-09-15T10:05:00+02:00")), deliver: say(GS, "/niederschrift genehmigen") },

  // Vorsitz
  { name: "/anwesend <Name>", setup: () => session(), deliver: say(CHAIR, "/anwesend Sabine Fuchs") },
  {
    name: "/abwesend <Name>",
    setup: steps(session, says(MEMBER, "Ich bin anwesend", "als anwesend eingetragen")),
    deliver: say(CHAIR, "/abwesend Sabine Fuchs"),
  },
  { name: "/beschlussunfaehig", setup: () => session(5), deliver: say(CHAIR, "/beschlussunfaehig") },
  { name: "/beschlussunfaehig TOP 1", setup: () => session(5), deliver: say(CHAIR, "/beschlussunfaehig TOP 1") },
  { name: "/abstimmung TOP 1: 9 ja, 2 nein, 1 enthaltung", setup: () => session(12), deliver: say(CHAIR, "/abstimmung TOP 1: 9 ja, 2 nein, 1 enthaltung; Beschluss: Der Bericht wird zur Kenntnis genommen.") },
  { name: "/erklärung <Name>: …", setup: () => session(9), deliver: say(CHAIR, "/erklärung Sabine Fuchs: Das Jugendamt trägt den Beschluss mit.") },

  // Mitglieder
  { name: "„Ich kann nicht teilnehmen, bitte an meine Vertretung“ (before the invitation)", setup: meeting, deliver: say(MEMBER, "Ich kann nicht teilnehmen, bitte an meine Vertretung") },
  { name: "„Ich kann nicht teilnehmen, bitte an meine Vertretung“ (after the invitation)", setup: invited, deliver: say(MEMBER, "Ich kann nicht teilnehmen, bitte an meine Vertretung") },
  { name: "„Ich nehme digital teil“", setup: meeting, deliver: say(MEMBER, "Ich nehme digital teil") },
  { name: "„Ich sage ab, ohne Vertretung“", setup: meeting, deliver: say(MEMBER, "Ich sage ab, ohne Vertretung") },
  {
    name: "„Ja, bitte“ (answering the question about the deputy)",
    setup: steps(meeting, says(MEMBER, "Ich kann nicht teilnehmen.", "Soll Ihre Stellvertretung")),
    deliver: say(MEMBER, "Ja, bitte"),
  },
  { name: "„Ich bin anwesend“ (check-in in the session)", setup: () => session(), deliver: say(MEMBER, "Ich bin anwesend") },
  { name: "„Persönliche Erklärung: … bitte ins Protokoll“", setup: () => session(9), deliver: say(MEMBER, "Persönliche Erklärung: Das Jugendamt trägt den Beschluss nicht mit, bitte ins Protokoll") },
  { name: "„Einwand gegen die Niederschrift: …“", setup: minutesSent, deliver: say("m-caritas", "Einwand gegen die Niederschrift: Zu TOP 1 fehlt der Hinweis auf die Kursplätze.") },
  { name: "TOP-Vorschlag in einer Nachricht", setup: meeting, deliver: say(MEMBER, "Ich möchte einen TOP vorschlagen: Wohnraum | Lage in den Gemeinden | Herr Kühn") },
  {
    name: "TOP-Vorschlag, letzte Antwort des geführten Dialogs",
    setup: steps(meeting, says(MEMBER, "Ich möchte einen TOP vorschlagen", "Titel"), says(MEMBER, "Sprachkurse für Geflüchtete", "beschreiben"), says(MEMBER, "Stand der Kursplätze im Kreis", "Wer trägt vor"), says(MEMBER, "Frau Fuchs", "Link")),
    deliver: say(MEMBER, "nein"),
  },

  // Kartenknöpfe (Action.Execute, with their own activity id)
  { name: "Karte: attend (digital)", setup: meeting, deliver: press(MEMBER, { verb: "attend", mode: "online", meetingId: MEETING_ID }) },
  { name: "Karte: attend (in Präsenz)", setup: meeting, deliver: press(MEMBER, { verb: "attend", mode: "in-person", meetingId: MEETING_ID }) },
  { name: "Karte: delegate", setup: invited, deliver: press(MEMBER, { verb: "delegate", meetingId: MEETING_ID }) },
  { name: "Karte: decline", setup: meeting, deliver: press(MEMBER, { verb: "decline", meetingId: MEETING_ID }) },
  { name: "Karte: checkin", setup: () => session(), deliver: press(MEMBER, { verb: "checkin" }) },
  { name: "Karte: proposal.accept", setup: proposal, deliver: press(GS, { verb: "proposal.accept", proposalId: "p-1" }) },
  { name: "Karte: proposal.reject", setup: proposal, deliver: press(GS, { verb: "proposal.reject", proposalId: "p-1" }) },
];

/** What a redelivery must not change: the data without bookkeeping, the audit log, the mails sent. */
async function snapshot() {
  const { processedActivities: _p, botState: _b, auditSeq: _s, ...data } = await bot.db();
  return { data, auditLines: (await bot.auditLog()).length, mails: bot.world.smtp.messages.length };
}

describe("the same activity delivered twice is applied once", () => {
  it.each(ROWS)("$name", async ({ setup, deliver }) => {
    bot = await startTeamsHarness(START);
    await setup();
    const before = await snapshot();

    await deliver("activity-under-test");
    const once = await snapshot();
    // The row is about a state-changing activity: the first delivery must have changed something.
    expect(once.auditLines, "the first delivery wrote its audit lines").toBeGreaterThan(before.auditLines);

    await deliver("activity-under-test");
    const twice = await snapshot();
    expect.soft(twice.mails - once.mails, "mails sent by the redelivery").toBe(0);
    expect.soft(twice.auditLines - once.auditLines, "audit lines written by the redelivery").toBe(0);
    expect.soft(twice.data, "data after the redelivery").toEqual(once.data);
  });
});

// The turn checks the activity id on the data it read first; a redelivery whose read did not show
// the id yet passes that check, and the command's own checks then see the data the first run
// changed. `sayMeanwhile` gives the turn such reads (the interleaving, made deterministic): the
// answer must be the duplicate's, not a refusal worded on the new state.
describe("a redelivery that arrives while the first run is still going", () => {
  it("„/sitzung ändern …“ says the change was already handled, not that no change was given", async () => {
    bot = await startTeamsHarness(START);
    await invited();
    expect(await bot.say(GS, "/sitzung ändern 13.05.2022 14:00-16:00", "activity-under-test-1")).toContain("geändert");
    const once = await snapshot();

    const again = await bot.sayMeanwhile(GS, "/sitzung ändern 13.05.2022 14:00-16:00", "activity-under-test-1");
    expect(again).toContain("Diese Änderung wurde bereits bearbeitet.");
    expect(again).not.toContain("keine Änderung");
    expect(await snapshot()).toEqual(once);
  });

  it("„/einladen“ after the yes says it was already handled and asks nothing again", async () => {
    bot = await startTeamsHarness(START);
    await meeting();
    bot.setNow("2022-04-20T09:00:00+02:00");
    expect(await bot.say(GS, "/einladen", "activity-under-test-2")).toContain("Bitte bestätigen");
    await expectSay(GS, "ja", /versandt|gesendet|erhalten/);
    const once = await snapshot();

    const again = await bot.sayMeanwhile(GS, "/einladen", "activity-under-test-2");
    expect(again).toContain("Diese Nachricht habe ich bereits bearbeitet.");
    expect(again).not.toContain("Bitte bestätigen");
    expect(await snapshot()).toEqual(once);
  });
});
