/**
 * The journeys of DESIGN.md, end to end through the teams-ai Application (botbuilder's TestAdapter
 * stands in for Teams' cloud, which cannot run here), a real data file and a real SMTP server.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";

let bot: Harness;
const attendanceOf = async (institutionId: string) => (await bot.db()).attendance.find((a) => a.institutionId === institutionId);

beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
  const created = await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal");
  expect(created).toContain("Sitzung angelegt: Donnerstag, 12.05.2022, 10:00 Uhr bis 12:00 Uhr");
});
afterEach(() => bot.close());

describe("delegating to the deputy (§ 4 Abs. 6 GO)", () => {
  it("records the absence, hands the seat to the registered deputy, tells deputy and Geschäftsstelle, confirms naming the deputy", async () => {
    const answer = await bot.say("m-jugendamt", "Ich kann am 12. Mai nicht teilnehmen, bitte an meine Vertretung.");
    expect(answer).toContain("Michael Jäger vertritt Rhein-Sieg-Kreis - Jugendamt");
    expect(answer).toContain("§ 4 Abs. 6 GO");
    expect(answer).toContain("Geschäftsstelle ist informiert");
    expect(await attendanceOf("jugendamt")).toMatchObject({ status: "delegated", attendeeId: "d-jugendamt" });
    // Nobody has Teams conversations with the bot yet in this test, so the notices went by e-mail.
    expect((await bot.mailsTo("michael.jaeger@example.org")).map((m) => m.text).join()).toContain("Sie vertreten Rhein-Sieg-Kreis - Jugendamt");
    expect((await bot.mailsTo("miriam.oezdemir@example.org")).map((m) => m.text).join()).toContain("Sabine Fuchs (Rhein-Sieg-Kreis - Jugendamt) ist am");
    expect(answer).toContain("Per E-Mail benachrichtigt");
  });

  it("answers in English when spoken to in English", async () => {
    const answer = await bot.say("m-jugendamt", "I can't attend, send to my deputy");
    expect(answer).toContain("Michael Jäger represents Rhein-Sieg-Kreis - Jugendamt");
    expect(answer).toContain("Thursday, 12.05.2022");
  });

  it("a deputy cannot pass the seat on; the Geschäftsstelle is told", async () => {
    const answer = await bot.say("d-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    expect(answer).toContain("kann nicht weitergegeben werden");
    expect(await attendanceOf("jugendamt")).toBeUndefined();
    expect((await bot.mailsTo("miriam.oezdemir@example.org")).length).toBe(1);
  });

  it("no deputy registered: a clear answer, and the Geschäftsstelle is told", async () => {
    const { openJsonStore } = await import("../adapters/json-store.ts");
    await openJsonStore(bot.file).update({ actorId: "test" }, (db) => {
      db.institutions.find((i) => i.id === "gemeinde-much")!.deputyId = null;
    });
    const answer = await bot.say("m-gemeinde-much", "Bin verhindert, bitte meine Stellvertretung schicken");
    expect(answer).toContain("keine Stellvertretung hinterlegt");
    expect((await bot.mailsTo("paul.brueckner@example.org")).map((m) => m.subject).join()).toContain("Vertretung nicht möglich");
  });

  it("an absence without a word about the deputy is asked back, and nothing is recorded until answered", async () => {
    const question = await bot.say("m-jugendamt", "Ich kann nicht teilnehmen.");
    expect(question).toContain("Soll Ihre Stellvertretung Michael Jäger die Einladung erhalten");
    expect(question).toContain("[Ja, an Michael Jäger]");
    expect(await attendanceOf("jugendamt")).toBeUndefined();
    await bot.say("m-jugendamt", "Ja, bitte");
    expect(await attendanceOf("jugendamt")).toMatchObject({ status: "delegated", attendeeId: "d-jugendamt" });
  });

  it("'vielleicht' is a question, never a decision", async () => {
    const answer = await bot.say("m-jugendamt", "Vielleicht kann ich nicht teilnehmen, evtl. schicke ich meine Vertretung");
    expect(answer).toContain("Ich habe nichts eingetragen");
    expect(await attendanceOf("jugendamt")).toBeUndefined();
  });
});

describe("attendance", () => {
  it("confirms online by text, changes to in person by card button, then declines", async () => {
    expect(await bot.say("m-jugendamt", "Ich nehme teil (digital)")).toContain("Ihre Teilnahme (digital)");
    expect(await attendanceOf("jugendamt")).toMatchObject({ status: "attending", mode: "online", attendeeId: "m-jugendamt" });
    const meetingId = (await bot.db()).meetings[0]!.id;
    expect(await bot.press("m-jugendamt", { verb: "attend", mode: "in-person", meetingId })).toContain("(in Präsenz)");
    expect(await attendanceOf("jugendamt")).toMatchObject({ mode: "in-person" });
    expect(await bot.say("m-jugendamt", "Absage ohne Vertretung")).toContain("Ihre Absage");
    expect(await attendanceOf("jugendamt")).toMatchObject({ status: "declined", attendeeId: null });
  });

  it("Teams delivering the same message twice changes nothing the second time", async () => {
    await bot.say("m-jugendamt", "Ich nehme teil (digital)", "act-1");
    const auditBefore = (await bot.db()).attendance.length;
    expect(await bot.say("m-jugendamt", "Ich nehme teil (digital)", "act-1")).toContain("bereits bearbeitet");
    expect((await bot.db()).attendance.length).toBe(auditBefore);
  });

  it("an unknown Teams user is told whom to ask, and nothing is done", async () => {
    const answer = await bot.say("nobody", "Ich nehme teil");
    expect(answer).toContain("ich kenne Sie noch nicht");
    expect(answer).toContain("geschaeftsstelle-kim@example.org");
    expect((await bot.db()).attendance).toEqual([]);
  });
});

describe("agenda proposals (§ 4 Abs. 4 GO)", () => {
  it("guides through title, description, presenter and link, and the Geschäftsstelle sees it", async () => {
    expect(await bot.say("m-jugendamt", "Ich möchte einen TOP vorschlagen")).toContain("Donnerstag, 21.04.2022");
    expect(await bot.say("m-jugendamt", "Sprachkurse für Geflüchtete")).toContain("beschreiben");
    expect(await bot.say("m-jugendamt", "Stand der Kursplätze im Kreis")).toContain("Wer trägt vor");
    expect(await bot.say("m-jugendamt", "Frau Fuchs")).toContain("Link");
    const done = await bot.say("m-jugendamt", "nein");
    expect(done).toContain("fristgerecht");
    expect((await bot.db()).proposals).toMatchObject([{ title: "Sprachkurse für Geflüchtete", presenter: "Frau Fuchs", late: false, status: "submitted" }]);
    expect((await bot.mailsTo("miriam.oezdemir@example.org")).map((m) => m.subject).join()).toContain("Neuer TOP-Vorschlag");
    const review = await bot.say("gs-1", "/tagesordnung");
    expect(review).toContain("Sprachkurse für Geflüchtete");
    expect(review).toContain("[Aufnehmen] [Ablehnen]");
    expect(await bot.press("gs-1", { verb: "proposal.accept", proposalId: "p-1" })).toContain("TOP 1");
  });

  it("takes a late proposal in one message, marks it late and says so", async () => {
    bot.setNow("2022-04-22T00:30:00+02:00");
    const answer = await bot.say("m-jugendamt", "Ich möchte einen TOP vorschlagen: Wohnraum | Lage in den Gemeinden | Herr Kühn");
    expect(answer).toContain("verspätet");
    expect(answer).toContain("Donnerstag, 21.04.2022");
    expect((await bot.db()).proposals[0]).toMatchObject({ title: "Wohnraum", late: true });
  });
});

describe("questions", () => {
  it("deadlines with weekday, German date and paragraph", async () => {
    const proposals = await bot.say("m-caritas", "Bis wann kann ich Themen anmelden?");
    expect(proposals).toContain("Donnerstag, 21.04.2022");
    expect(proposals).toContain("§ 4 Abs. 4 GO");
    const invitation = await bot.say("gs-2", "Wann muss die Einladung raus?");
    expect(invitation).toContain("Mittwoch, 27.04.2022");
    expect(invitation).toContain("Mittwoch, 04.05.2022");
    expect(await bot.say("m-caritas", "When is the deadline for agenda items?")).toContain("Thursday, 21.04.2022");
  });

  it("next meeting, my deputy, the quorum and majority rules", async () => {
    expect(await bot.say("m-caritas", "Wann ist die nächste Sitzung?")).toContain("Donnerstag, 12.05.2022, 10:00 Uhr");
    expect(await bot.say("m-jugendamt", "Wer ist meine Vertretung?")).toContain("Michael Jäger");
    expect(await bot.say("m-jugendamt", "Wann ist die Lenkungsgruppe beschlussfähig?")).toContain("mindestens 9 der 17");
    expect(await bot.say("m-jugendamt", "Welche Mehrheit braucht ein Beschluss?")).toContain("§ 6 Abs. 2, 3 GO");
  });

  it("help shows what this person can do, by role", async () => {
    const member = await bot.say("m-jugendamt", "Hilfe");
    expect(member).toContain("bitte an meine Vertretung");
    expect(member).not.toContain("/einladen");
    expect(await bot.say("gs-1", "Hilfe")).toContain("/einladen");
  });
});

describe("roles", () => {
  it("secretariat and chair commands are refused to members", async () => {
    expect(await bot.say("m-jugendamt", "/einladen")).toContain("der Geschäftsstelle und dem Vorsitz vorbehalten");
    expect(await bot.say("m-jugendamt", "/abstimmung TOP 1: 9 ja, 0 nein, 0 enthaltung")).toContain("vorbehalten");
    expect((await bot.db()).votes).toEqual([]);
  });
});

describe("the Geschäftsstelle writing in English", () => {
  it("gets the refusal, the meeting and the long-meeting warning in English (§ 4 Abs. 1 GO)", async () => {
    const refused = await bot.say("gs-1", "/sitzung 19.05.2022 14:00-10:00 Town Hall, the meeting room");
    expect(refused).toBe("The end (Thursday, 19.05.2022, 10:00) must be after the start (Thursday, 19.05.2022, 14:00).");
    expect((await bot.db()).meetings).toHaveLength(1);

    const created = await bot.say("gs-1", "/sitzung 19.05.2022 10:00-14:00 Town Hall, the meeting room");
    expect(created).toContain("Meeting created: Thursday, 19.05.2022, 10:00 to 14:00, Town Hall, the meeting room");
    expect(created).toContain("\nThe meeting is longer than 2 hours; the chair or the body must decide that (§ 4 Abs. 1 GO).");
    expect(created).not.toMatch(/Sitzung|Stunden/);
  });

  it("is told in English that the invitation must be updated after adding an item", async () => {
    const { openJsonStore } = await import("../adapters/json-store.ts");
    await openJsonStore(bot.file).update({ actorId: "test" }, (db) => void (db.meetings[0]!.state = "invited"));
    const added = await bot.say("gs-1", "/top Report on the next meeting");
    expect(added).toBe('Item 1: Report on the next meeting is on the agenda.\nThe invitation has already gone out; the changed agenda must be sent on to the members (§ 4 Abs. 5 GO) ("/einladen aktualisieren").');
  });
});

describe("the live session (§ 6 GO)", () => {
  it("check-ins, 'Sind wir beschlussfähig?', and a vote by the 2/3 rule", async () => {
    await bot.say("gs-1", "/top Bericht der Geschäftsstelle");
    bot.setNow("2022-05-12T10:05:00+02:00");
    const ids = ["jugendamt", "caritas", "sozialamt", "jobcenter", "gemeinde-much", "stadt-troisdorf", "agentur-fuer-arbeit", "dezernat-ii"];
    for (const id of ids) expect(await bot.say(`m-${id}`, "Ich bin anwesend")).toContain("als anwesend eingetragen");
    expect(await bot.say("d-jugendamt", "Ich bin anwesend")).toContain("die Institution zählt einmal"); // the member is there: one institution counts once
    const short = await bot.say("vorsitz", "Sind wir beschlussfähig?");
    expect(short).toContain("8 von 17");
    expect(short).toContain("erforderlich sind 9");
    expect(short).toContain("solange der Vorsitz die Beschlussunfähigkeit nicht feststellt");
    expect(await bot.say("vorsitz", "/anwesend Kommunales Integrationszentrum")).toContain("als anwesend eingetragen");
    expect(await bot.say("vorsitz", "Sind wir beschlussfähig?")).toContain("Beschlussfähig. 9 von 17");
    expect(await bot.say("vorsitz", "/abstimmung TOP 1: 6 ja, 2 nein, 1 enthaltung")).toContain("Angenommen: 6 Ja, 2 Nein, 1 Enthaltung bei 9 anwesenden Institutionen; erforderlich sind 6");
    expect(await bot.say("vorsitz", "/abstimmung TOP 1: 9 ja, 1 nein, 0 enthaltung")).toContain("nur 9 Institutionen");
    expect((await bot.db()).votes).toHaveLength(1);
  });
});
