/**
 * Defects an exploratory tester found in invitations and attendance, through the same teams-ai
 * Application as Teams; mails at a real loopback SMTP server, calendar parts read with ical.js.
 * Meeting: Thu 12.05.2022 10:00; now Fri 01.04.2022 10:00.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot-harness.ts";
import { imipPart, parseMail } from "./support/mail-parse.ts";

let bot: Harness;

beforeEach(async () => {
  bot = await startHarness("2022-04-01T10:00:00+02:00");
});
afterEach(() => bot.close());

async function invited(where = "Kreishaus"): Promise<void> {
  await bot.say("gs-1", `/sitzung 12.05.2022 10:00-12:00 ${where}`);
  await bot.say("gs-1", "/top Bericht");
  await bot.say("gs-1", "/einladen");
  await bot.say("gs-1", "ja");
}

/** Every mail to `email`, oldest first, with its calendar part's METHOD, UID and SEQUENCE. */
async function calendarMails(email: string) {
  const raws = bot.smtp.messages.filter((m) => m.to.includes(email));
  return Promise.all(raws.map(async (m) => {
    const mail = await parseMail(m.raw);
    const part = mail.calendars.length ? imipPart(mail) : null;
    return {
      subject: mail.email.subject ?? "", text: mail.email.text ?? "",
      method: part?.vcalendar.getFirstPropertyValue("method") ?? null,
      uid: part?.event.uid ?? null, sequence: part?.event.sequence ?? -1,
      attendees: part ? part.vevent.getAllProperties("attendee").map((a) => String(a.getFirstValue())) : [],
    };
  }));
}

async function deputyOf(memberId: string) {
  const db = await bot.db();
  const institution = db.institutions.find((i) => i.memberId === memberId)!;
  return db.persons.find((p) => p.id === institution.deputyId)!;
}

describe("a deputy released when the member attends after all", () => {
  it("gets the calendar entry cancelled and no later update, until delegated again", async () => {
    await invited();
    const deputy = await deputyOf("m-jugendamt");
    await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    const reply = await bot.say("m-jugendamt", "Ich kann doch kommen, in Präsenz");
    expect(reply).toContain(deputy.name);

    let mails = await calendarMails(deputy.email);
    const [request, release] = mails.filter((m) => m.method);
    expect(request).toMatchObject({ method: "REQUEST" });
    expect(release).toMatchObject({ method: "CANCEL", uid: request!.uid, sequence: request!.sequence + 1 });
    expect(release!.attendees.map((a) => a.toLowerCase())).toEqual([`mailto:${deputy.email}`]);
    expect(release!.text).toContain("nun selbst teil");
    expect(release!.text).not.toContain("wird abgesagt");
    // One mail says it: no separate notice besides the calendar cancellation.
    expect(mails.filter((m) => m.subject.includes("Vertretung nicht mehr nötig"))).toHaveLength(1);

    await bot.say("gs-1", "/sitzung ändern 13.05.2022 14:00-16:00");
    await bot.say("gs-1", "ja");
    mails = await calendarMails(deputy.email);
    expect(mails).toHaveLength(2);
    const member = await calendarMails((await bot.db()).persons.find((p) => p.id === "m-jugendamt")!.email);
    expect(member.at(-1)).toMatchObject({ method: "REQUEST", sequence: release!.sequence + 1 });

    await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    mails = await calendarMails(deputy.email);
    expect(mails.at(-1)).toMatchObject({ method: "REQUEST" });
    expect(mails.at(-1)!.sequence).toBeGreaterThan(release!.sequence);
    await bot.say("gs-1", "/sitzung absagen Vorsitz erkrankt");
    await bot.say("gs-1", "ja");
    expect((await calendarMails(deputy.email)).at(-1)).toMatchObject({ method: "CANCEL" });
  });

  it("delegated again right after, gets a REQUEST above the cancellation's SEQUENCE", async () => {
    await invited();
    const deputy = await deputyOf("m-jugendamt");
    await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    await bot.say("m-jugendamt", "Ich kann doch kommen, in Präsenz");
    const reply = await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    expect(reply).toContain(deputy.name);
    const mails = (await calendarMails(deputy.email)).filter((m) => m.method);
    expect(mails.map((m) => m.method)).toEqual(["REQUEST", "CANCEL", "REQUEST"]);
    expect(mails[2]!.sequence).toBeGreaterThan(mails[1]!.sequence);
    expect(mails[2]!.text).toContain("Sie vertreten");
  });

  it("is not offered to send a deputy in an update's letter", async () => {
    await invited();
    const deputy = await deputyOf("m-jugendamt");
    await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    await bot.say("gs-1", "/sitzung ändern 13.05.2022 14:00-16:00");
    await bot.say("gs-1", "ja");
    const letters = (await calendarMails(deputy.email)).filter((m) => m.method === "REQUEST");
    expect(letters).toHaveLength(2);
    for (const letter of letters) expect(letter.text).not.toContain("Vertretung schicken");
  });
});

describe("an online meeting", () => {
  it("offers only online attendance and records an in-person answer online, saying so", async () => {
    await invited("https://teams.microsoft.com/l/meetup-join/abc");
    const meeting = (await bot.db()).meetings[0]!;
    expect(meeting.mode).toBe("online");
    const card = await bot.say("m-caritas", "Wann ist die nächste Sitzung?");
    expect(card).toContain("[Ich nehme digital teil]");
    expect(card).not.toContain("Präsenz teil]");
    const reply = await bot.say("m-caritas", "Ich nehme in Präsenz teil");
    expect(reply).toContain("nur digital");
    const record = (await bot.db()).attendance.find((a) => a.meetingId === meeting.id && a.attendeeId === "m-caritas");
    expect(record).toMatchObject({ status: "attending", mode: "online" });
  });
});

describe("a card for a meeting that does not exist", () => {
  it("says so in one sentence and records nothing", async () => {
    await invited();
    const reply = await bot.press("m-caritas", { verb: "attend", mode: "online", meetingId: "s-nonexistent" });
    expect(reply).toContain("nicht (mehr) geplant");
    expect((await bot.db()).attendance).toHaveLength(0);
  });
});

describe("cancelling a meeting nobody was invited to yet", () => {
  it("asks and starts without promising anyone a cancellation", async () => {
    await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus");
    const question = await bot.say("gs-1", "/sitzung absagen Vorsitz erkrankt");
    expect(question).toContain("niemand erhält eine Nachricht");
    expect(question).not.toContain("Eingeladenen");
    const started = await bot.say("gs-1", "ja");
    expect(started).not.toContain("Eingeladenen");
    expect(started).toContain("abgesagt");
    expect((await bot.db()).meetings[0]!.state).toBe("cancelled");
    expect(bot.smtp.messages).toHaveLength(0);
  });

  it("still says the invitees get a cancellation once the invitation went out", async () => {
    await invited();
    const question = await bot.say("gs-1", "/sitzung absagen Vorsitz erkrankt");
    expect(question).toContain("die Eingeladenen erhalten eine Absage");
    expect(await bot.say("gs-1", "ja")).toContain("benachrichtige die Eingeladenen");
  });
});

describe("a released deputy's cancellation that the mail server refused", () => {
  it("is sent by the outbox retry, once", async () => {
    await invited();
    const deputy = await deputyOf("m-jugendamt");
    await bot.say("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    bot.refuse.add(deputy.email);
    await bot.say("m-jugendamt", "Ich kann doch kommen, in Präsenz");
    expect((await calendarMails(deputy.email)).filter((m) => m.method === "CANCEL")).toHaveLength(0);

    bot.refuse.delete(deputy.email);
    await bot.say("gs-1", "/postausgang erneut");
    await bot.say("gs-1", "/postausgang erneut");
    const cancels = (await calendarMails(deputy.email)).filter((m) => m.method === "CANCEL");
    expect(cancels).toHaveLength(1);
    expect(cancels[0]!.text).toContain("nun selbst teil");
  });
});
