/**
 * What the Geschäftsstelle reads in its outbox listing without a mail server, and what members read:
 * no commands, no promises a mail cannot keep, one full stop. Through the real Application
 * (bot/local-chat.ts), with the real outbox folder (.eml files) or the loopback SMTP server.
 */
import { afterEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import { readdirSync } from "node:fs";
import { outboxMailer } from "../adapters/mail-transport.ts";
import { activitiesToText, chatTurn } from "../bot/local-chat.ts";
import type { Services } from "../services/context.ts";
import { reminderTexts, remindersRunText } from "../texts/reminders.ts";
import { proposalTimingText } from "../texts/timing.ts";
import { proposalTiming } from "../rules/timing.ts";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";
import { startHarness, type Harness } from "./support/bot-harness.ts";
import { rheinSieg } from "./support/profiles.ts";
import { parseRosterCsv } from "../adapters/roster-file.ts";

let world: Fixture | null = null;
let bot: Harness | null = null;
afterEach(async () => {
  await world?.close();
  await bot?.close();
  world = bot = null;
});

/** The bot with no SMTP_URL: mails become .eml files in the outbox folder. */
async function withoutSmtp(now: string) {
  world = await fixture(now);
  const folder = join(world.dir, "outbox");
  const services: Services = { ...world.services, mailer: outboxMailer(folder, world.services.clock) };
  const say = async (personId: string, text: string) => {
    const p = (await services.store.read()).persons.find((x) => x.id === personId)!;
    return activitiesToText(await chatTurn(services, { from: { id: `user-${p.id}`, name: p.name, aadObjectId: p.aadObjectId }, text }));
  };
  return { say, folder, services };
}

/** On 01.04 the Geschäftsstelle schedules the meeting of 12.05 and sends its invitation. */
async function invitedWithoutSmtp() {
  const bot = await withoutSmtp("2022-04-01T10:00:00+02:00");
  for (const text of ["/sitzung 12.05.2022 10:00-12:00 Kreishaus", "/top Bericht", "/einladen", "ja"]) await bot.say(GS, text);
  return bot;
}

describe("the outbox listing without a mail server", () => {
  it("says the invitation mails lie as files in the outbox folder and were not sent", async () => {
    const { say, folder } = await invitedWithoutSmtp();
    expect(readdirSync(folder).length).toBeGreaterThan(0);
    const listing = await say(GS, "/postausgang");
    expect(listing).toContain("als .eml-Datei im Postausgang-Ordner abgelegt, NICHT versandt");
    expect(listing).not.toContain("zugestellt (E-Mail)");
    expect(listing).toMatch(/nur als Datei im Postausgang-Ordner abgelegt/);
  });

  it("lists a deputy's invitation, sent a day later, at its own time", async () => {
    const { say, services } = await invitedWithoutSmtp();
    world!.setNow("2022-04-02T11:00:00+02:00");
    const db = await services.store.read();
    const seat = db.institutions.find((i) => i.deputyId)!;
    await say(seat.memberId, "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    const deputy = db.persons.find((p) => p.id === seat.deputyId)!.name;
    const line = (await say(GS, "/postausgang")).split("\n").find((l) => l.includes(`Einladung an ${deputy}`));
    expect(line).toContain("Samstag, 02.04.2022, 11:00 Uhr");
  });
});

describe("what members read", () => {
  it("a member asking for the next meeting when none is scheduled hears no command; the Geschäftsstelle does", async () => {
    bot = await startHarness("2022-04-01T10:00:00+02:00");
    const db = await bot.db();
    const member = db.institutions[0]!.memberId;
    const toMember = await bot.say(member, "Wann ist die nächste Sitzung?");
    expect(toMember).toContain("keine Sitzung angesetzt");
    expect(toMember).not.toMatch(/\/sitzung/);
    expect(await bot.say(GS, "Wann ist die nächste Sitzung?")).toContain("„/sitzung“");
  });

  it("the reminder to answer promises no buttons a mail does not have", () => {
    const meeting = { start: "2022-05-12T10:00:00+02:00", end: "2022-05-12T12:00:00+02:00", location: "Kreishaus", mode: "in-person" } as never;
    const text = reminderTexts({ kind: "unanswered", meeting } as never).text;
    expect(text.de).not.toMatch(/Knöpfe/);
    expect(text.en).not.toMatch(/button/);
    expect(text.de).toContain("„Ich nehme teil“");
  });

  it("an objection that ends in a full stop gets no second one in the chair's reminder", () => {
    const meeting = { start: "2022-05-12T10:00:00+02:00", end: "2022-05-12T12:00:00+02:00", location: "Kreishaus", mode: "in-person" } as never;
    const text = reminderTexts({ kind: "minutes-approval", meeting, previous: { start: "2022-03-10T10:00:00+01:00" }, objections: [{ name: "Anna Beispiel", text: "Mein Beitrag ist falsch wiedergegeben." }], approval: "deemed", citation: null } as never).text;
    expect(text.de).toContain("falsch wiedergegeben. Ohne Einwände");
    expect(text.de).not.toContain("..");
  });

  it("a late proposal is told it is accepted and marked late, as the profile says, without a contradiction", () => {
    const profile = rheinSieg;
    const timing = proposalTiming(new Date("2022-05-12T10:00:00+02:00"), new Date("2022-05-01T10:00:00+02:00"), profile);
    expect(timing.late).toBe(true);
    const text = proposalTimingText(timing);
    expect(text.de).toContain("angenommen und als verspätet markiert");
    expect(text.de).not.toMatch(/entscheidet der Vorsitz/);
  });
});

describe("a late proposal still open when its meeting passes", () => {
  it("is listed for the next meeting as carried over, naming its meeting, and accepting puts it on the next agenda", async () => {
    bot = await startHarness("2022-04-01T10:00:00+02:00");
    await bot.say(GS, "/sitzung 12.05.2022 10:00-12:00 Kreishaus");
    bot.setNow("2022-05-05T10:00:00+02:00"); // after the last day for proposals: late
    expect(await bot.say("m-caritas", "Ich möchte einen TOP vorschlagen: Wohnraum | Lage in den Gemeinden | Herr Kühn")).toContain("verspätet");
    bot.setNow("2022-05-20T10:00:00+02:00");
    await bot.say(GS, "/sitzung 23.06.2022 10:00-12:00 Kreishaus");
    const agenda = await bot.say(GS, "/tagesordnung");
    expect(agenda).toContain("Tagesordnung für Donnerstag, 23.06.2022");
    expect(agenda).toContain("Offene Vorschläge: 1, davon 1 aus früheren Sitzungen übertragen");
    expect(agenda).toContain("Wohnraum – offen geblieben aus der Sitzung am Donnerstag, 12.05.2022");
    const proposal = (await bot.db()).proposals.find((p) => p.title === "Wohnraum")!;
    await bot.say(GS, `/tagesordnung annehmen ${proposal.id}`);
    const db = await bot.db();
    const june = db.meetings.find((m) => m.start.startsWith("2022-06-23"))!;
    expect(june.agenda.map((a) => a.title)).toContain("Wohnraum");
    expect(db.meetings.find((m) => m.start.startsWith("2022-05-12"))!.agenda.map((a) => a.title)).not.toContain("Wohnraum");
  });
});

describe("hostile characters in names", () => {
  it("the roster import removes every direction control and invisible character, not only U+202E", () => {
    const csv = "rolle;institution;name;email\nmitglied;Jugend\u061Camt;Sa\u200Bbine\u2060 Fuchs\uFEFF\u202E;sabine@example.org\n";
    expect(parseRosterCsv(csv).rows[0]!.fields).toMatchObject({ institution: "Jugendamt", name: "Sabine Fuchs" });
  });
});

describe("reminders run", () => {
  it("names the channel in German, and says when a mail was only filed", () => {
    const text = remindersRunText("de", [
      { name: "Jürgen Müller", kind: "unanswered", via: "email", accepted: true },
      { name: "Aylin Demir", kind: "unanswered", via: "email", accepted: true, filed: true },
    ]);
    expect(text).toContain("Jürgen Müller: versandt (E-Mail)");
    expect(text).toContain("Aylin Demir: als .eml-Datei im Postausgang-Ordner abgelegt, NICHT versandt");
    expect(text).not.toContain("(email)");
  });
});
