/**
 * Session fidelity (issue 16, item 5), through the very same teams-ai Application with Teams'
 * activities (test/support/teams-harness.ts: each message with its activity id): a deputy who
 * checks in counts for the institution when the member is not there, with or without a handover,
 * and the chair sees who stands in; an institution never counts twice; personal statements only
 * from people present; `/beschlussunfaehig` against a quorate count asks first, and the minutes
 * state both the declaration and the count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTeamsHarness, type TeamsHarness } from "./support/teams-harness.ts";

let bot: TeamsHarness;
const EIGHT = ["dezernat-ii", "kommunales-integrationszentrum", "rechts-und-ordnungsamt", "amt-fuer-schule", "sozialamt", "agentur-fuer-arbeit", "diakonie", "gemeinde-much"];
let caritasMember = "";
let caritasDeputy = "";

beforeAll(async () => {
  bot = await startTeamsHarness("2022-04-01T09:00:00+02:00");
  expect(await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg")).toContain("Sitzung angelegt");
  await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
  // The Caritas member said yes, then did not come; nobody handed the seat over.
  expect(await bot.say("m-caritas", "Ich nehme teil")).toContain("Teilnahme");
  expect(await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung")).toContain("Ihre Abwesenheit");
  const db = await bot.db();
  const name = (id: string) => db.persons.find((p) => p.id === id)!.name;
  caritasMember = name("m-caritas");
  caritasDeputy = name("d-caritas");
  bot.setNow("2022-05-12T10:05:00+02:00");
}, 120_000);
afterAll(() => bot.close());

describe("a deputy who comes counts for the institution", () => {
  it("eight members and one deputy without a handover make the group quorate, 9 of 17, and the chair sees who stands in", async () => {
    for (const id of EIGHT) expect(await bot.say(`m-${id}`, "Ich bin anwesend")).toContain("als anwesend eingetragen");
    const deputy = await bot.say("d-caritas", "Ich bin anwesend");
    expect(deputy).toContain(`als Stellvertretung von ${caritasMember} als anwesend eingetragen`);
    expect(deputy).not.toContain("selbst gemeldet");
    const answer = await bot.say("vorsitz", "Sind wir beschlussfähig?");
    expect(answer).toContain("Beschlussfähig. 9 von 17 stimmberechtigten Institutionen sind vertreten; erforderlich sind 9");
    expect(answer).toContain(`Durch die Stellvertretung vertreten: Caritasverband Rhein-Sieg e.V. (${caritasDeputy} für ${caritasMember})`);
  });

  it("the member arriving later does not count the institution twice", async () => {
    expect(await bot.say("m-caritas", "Ich bin anwesend")).toContain(`ist bereits ${caritasDeputy} als anwesend eingetragen; die Institution zählt einmal`);
    expect(await bot.say("vorsitz", "Sind wir beschlussfähig?")).toContain("9 von 17");
  });

  it("a deputy with a handover counts as well", async () => {
    expect(await bot.say("d-jugendamt", "Ich bin anwesend")).toContain("als Stellvertretung von Sabine Fuchs als anwesend eingetragen");
    expect(await bot.say("vorsitz", "Sind wir beschlussfähig?")).toContain("Beschlussfähig. 10 von 17");
  });
});

describe("personal statements only from people present", () => {
  it("a member who is not checked in is refused, one who is is recorded", async () => {
    expect(await bot.say("m-gemeinde-windeck", "Persönliche Erklärung: Die Gemeinde Windeck enthält sich, bitte ins Protokoll")).toContain("nicht als anwesend eingetragen");
    expect(await bot.say("m-sozialamt", "Persönliche Erklärung: Das Sozialamt trägt den Bericht mit, bitte ins Protokoll")).toContain("wird in die Niederschrift aufgenommen");
    const windeck = (await bot.db()).persons.find((p) => p.id === "m-gemeinde-windeck")!.name;
    expect(await bot.say("vorsitz", `/erklärung ${windeck}: Enthaltung`)).toContain("nicht als anwesend eingetragen");
    expect((await bot.db()).personalStatements.map((s) => s.personId)).toEqual(["m-sozialamt"]);
  });
});

describe("/beschlussunfaehig while the count says quorate", () => {
  it("asks first and records nothing", async () => {
    bot.setNow("2022-05-12T10:30:00+02:00");
    const asked = await bot.say("vorsitz", "/beschlussunfaehig");
    expect(asked).toContain("Beschlussfähig. 10 von 17");
    expect(asked).toContain("Soll trotzdem die Beschlussunfähigkeit festgestellt werden?");
    expect(asked).toContain("[Ja, Beschlussunfähigkeit feststellen]");
    expect((await bot.db()).quorumDeclarations).toEqual([]);
  });

  it("\"nein\" records nothing, and any other message drops the question so a later \"ja\" declares nothing", async () => {
    expect(await bot.say("vorsitz", "nein")).toContain("nicht festgestellt");
    await bot.say("vorsitz", "/beschlussunfaehig");
    const other = await bot.say("vorsitz", "Sind wir beschlussfähig?");
    expect(other).toContain("Rückfrage zur Beschlussunfähigkeit habe ich verworfen");
    expect(await bot.say("vorsitz", "ja")).not.toContain("festgestellt (");
    expect((await bot.db()).quorumDeclarations).toEqual([]);
  });

  it("declares on a bare \"ja\" for one item, once even when Teams delivers it twice", async () => {
    await bot.say("vorsitz", "/beschlussunfaehig TOP 1");
    expect(await bot.say("vorsitz", "ja", "act-confirm")).toContain("Beschlussunfähigkeit festgestellt (10 Institutionen vertreten). Zurückgestellt: TOP 1");
    await bot.say("vorsitz", "ja", "act-confirm");
    await bot.say("vorsitz", "ja");
    expect((await bot.db()).quorumDeclarations).toHaveLength(1);
  });

  it("the card's button declares for the meeting; pressed again, it declares nothing new", async () => {
    await bot.say("vorsitz", "/beschlussunfaehig");
    const confirmationId = ((await bot.db()).botState["confirm:vorsitz"] as { id: string }).id;
    expect(await bot.press("vorsitz", { verb: "confirm", confirmationId }, "act-press")).toContain("Beschlussunfähigkeit festgestellt (10 Institutionen vertreten)");
    expect(await bot.press("vorsitz", { verb: "confirm", confirmationId })).toContain("nicht mehr offen");
    expect((await bot.db()).quorumDeclarations).toHaveLength(2);
    expect(await bot.say("vorsitz", "Sind wir beschlussfähig?")).toContain("Nicht beschlussfähig: Der Vorsitz hat die Beschlussunfähigkeit festgestellt. 10 von 17");
  });

  it("the minutes state both the declaration and the count", async () => {
    bot.setNow("2022-05-12T14:00:00+02:00");
    const draft = await bot.say("gs-1", "/niederschrift");
    expect(draft).toContain("Der Vorsitz stellt um 10:30 Uhr die Beschlussunfähigkeit fest, obwohl nach der Zählung 10 von 17 stimmberechtigten Institutionen vertreten sind (erforderlich: 9, § 6 Abs. 4 GO)");
    expect(draft).toContain(`${caritasDeputy} – Stellvertretung für ${caritasMember}`);
  });
});
