/**
 * The invitation service end to end: the demo Lenkungsgruppe is invited through a real SMTP server
 * on loopback, every mail is read back with postal-mime and every calendar part with ical.js.
 * Meeting: Thursday 12.05.2022, 10:00 Berlin — last normal day 27.04., last urgent day 04.05.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Invitation } from "../domain/model.ts";
import { ServiceError } from "../services/errors.ts";
import { worded, type Worded } from "./support/refusal.ts";
import { sendInvitation } from "./support/worded-invitations.ts";
import { fixture, flagSecondConvocation, GS, SECRETARIAT_EMAIL, type Fixture } from "./support/invitation-fixture.ts";
import { imipPart, type CalendarPart } from "./support/mail-parse.ts";

const PLACE = "Kreishaus Siegburg, Großer Sitzungssaal (Raum 1.14), Kaiser-Wilhelm-Platz 1";
const MEETING = { start: "2022-05-12T10:00", location: PLACE };
const NORMAL = { urgent: false, reason: null };
const TITLE = "Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis";

let f: Fixture;
afterEach(async () => {
  await f?.close();
});

/** The 17 members of the demo roster and the chair. */
async function expectedRecipients(): Promise<string[]> {
  const db = await f.store.read();
  const emails = db.institutions.map((i) => db.persons.find((p) => p.id === i.memberId)!.email);
  return [...emails, db.persons.find((p) => p.id === db.body.chairId)!.email].sort();
}

function attendees(part: CalendarPart) {
  return part.vevent.getAllProperties("attendee").map((p) => ({
    email: String(p.getFirstValue()).replace(/^mailto:/i, ""),
    cn: p.getParameter("cn"),
    rsvp: p.getParameter("rsvp"),
    partstat: p.getParameter("partstat"),
  }));
}

async function refusal(promise: Promise<unknown>): Promise<Worded> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return worded(e as ServiceError);
}

async function records(): Promise<Invitation[]> {
  return (await f.store.read()).invitations;
}

describe("sending the invitation", () => {
  it("reaches every institution's member and the chair, each with a valid calendar invitation", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING, ["Begrüßung und Feststellung der Beschlussfähigkeit", "Förderrichtlinie Übergänge Schule – Beruf"]);

    const report = await sendInvitation(f.services, GS, id, NORMAL);

    expect(report).toMatchObject({ total: 18, accepted: 18, sentNow: 18, failed: [], skippedAlreadyAccepted: 0, urgent: false, transport: "smtp" });
    expect(report.text.de).toContain("18 von 18 versandt");
    const mails = await f.mails();
    expect(mails).toHaveLength(18);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(await expectedRecipients());
    const db = await f.store.read();
    const notInvited = [...db.body.secretariatIds, ...db.body.guestIds, ...db.institutions.map((i) => i.deputyId!)].map((pid) => db.persons.find((p) => p.id === pid)!.email);
    for (const email of notInvited) expect(mails.flatMap((m) => m.to)).not.toContain(email);

    for (const mail of mails) {
      const { email } = mail;
      const person = db.persons.find((p) => p.email === mail.to[0])!;
      expect(email.subject).toBe(`Einladung: ${TITLE} am Donnerstag, 12.05.2022`);
      expect(email.from?.address).toBe(SECRETARIAT_EMAIL);
      expect(email.from?.name).toBe("Geschäftsstelle der Lenkungsgruppe KIM im Rhein-Sieg-Kreis");
      for (const body of [email.text!, email.html!]) {
        expect(body).toContain(`Guten Tag ${person.name}`); // Jürgen Müller, Martina Weiß, Dr. Ursula Lehmann-Görtz …
        expect(body).toContain(PLACE);
        expect(body).toContain("Förderrichtlinie Übergänge Schule – Beruf");
        expect(body).toContain("nicht öffentlich (§ 4 Abs. 8 GO)");
      }
      expect(mail.calendars.map((c) => c.mimeMethod)).toContain("REQUEST");
      const part = imipPart(mail);
      expect(part.vcalendar.getFirstPropertyValue("method")).toBe("REQUEST");
      expect(part.vevent.getFirstPropertyValue("uid")).toBe(`${id}@example.org`);
      expect(part.vevent.getFirstPropertyValue("sequence")).toBe(0);
      expect(part.text).toMatch(/\nDTSTAMP:20220420T071500Z\n/);
      expect(part.text).toContain("\nDTSTART;TZID=Europe/Berlin:20220512T100000\n");
      expect(part.vcalendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
      expect(part.event.startDate.toJSDate().toISOString()).toBe("2022-05-12T08:00:00.000Z");
      expect(part.event.location).toBe(PLACE);
      expect(part.event.summary).toBe(TITLE);
      expect(String(part.vevent.getFirstPropertyValue("organizer"))).toBe(`mailto:${email.from?.address}`);
      const list = attendees(part);
      expect(list).toHaveLength(18);
      expect(list.every((a) => a.rsvp === "TRUE" && a.partstat === "NEEDS-ACTION")).toBe(true);
      expect(list.find((a) => a.email === person.email)?.cn).toBe(person.name);
    }
    expect(attendees(imipPart(mails[0]!)).map((a) => a.cn)).toEqual(expect.arrayContaining(["Monika Lührs", "Dr. Ursula Lehmann-Görtz"]));
  });

  it("records per recipient when the server accepted it, completes the record and marks the meeting invited", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const report = await sendInvitation(f.services, GS, id, NORMAL);

    const [invitation] = await records();
    expect(invitation).toMatchObject({ id: report.invitationId, meetingId: id, kind: "request", sequence: 0, urgent: false, reason: null, createdBy: GS, sentAt: "2022-04-20T09:15:00+02:00" });
    expect(invitation!.recipients.map((r) => r.role).sort()).toEqual([...Array(17).fill("member"), "chair"].sort());
    for (const r of invitation!.recipients) expect(r).toMatchObject({ acceptedAt: "2022-04-20T09:15:00+02:00", error: null, attempts: 1 });
    expect((await f.store.read()).meetings[0]!.state).toBe("invited");
    const actions = (await f.store.auditLog()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["invitation.created", "invitation.claimed", "invitation.delivered"]));
  });

  it("writes an online meeting across the switch to summer time in Berlin time, with the join link", async () => {
    f = await fixture("2026-03-02T09:00:00+01:00");
    const url = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_kim%40thread.v2/0";
    const id = await f.meeting({ start: "2026-03-30T10:00", mode: "online", onlineUrl: url });
    await sendInvitation(f.services, GS, id, NORMAL);

    const mails = await f.mails();
    expect(mails).toHaveLength(18);
    for (const mail of mails) {
      const part = imipPart(mail);
      expect(part.text).toContain("\nDTSTART;TZID=Europe/Berlin:20260330T100000\n");
      expect(part.text).toMatch(/\nDTSTAMP:20260302T080000Z\n/);
      // 10:00 in summer time is 08:00 UTC (in winter time it would be 09:00).
      expect(part.event.startDate.toJSDate().toISOString()).toBe("2026-03-30T08:00:00.000Z");
      expect(part.vcalendar.getFirstSubcomponent("vtimezone")!.getAllSubcomponents("daylight").length).toBeGreaterThan(0);
      expect(part.vevent.getFirstPropertyValue("url")).toBe(url);
      expect(part.event.location).toContain(url);
      expect(mail.email.text).toContain(`Online teilnehmen: ${url}`);
      expect(mail.email.html).toContain(`href="${url}"`);
    }
  });

  it("does not send again for the same Teams activity", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    await sendInvitation(f.services, GS, id, NORMAL, "activity-1");
    const again = await sendInvitation(f.services, GS, id, NORMAL, "activity-1");
    expect(again).toMatchObject({ sentNow: 0, accepted: 18, failed: [] });
    expect(again.text.de).toContain("bereits bearbeitet");
    expect(f.smtp.messages).toHaveLength(18);
  });

  it("sends nothing the second time when everyone already has it", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    await sendInvitation(f.services, GS, id, NORMAL);
    const again = await sendInvitation(f.services, GS, id, NORMAL);
    expect(again).toMatchObject({ sentNow: 0, accepted: 18, skippedAlreadyAccepted: 18 });
    expect(again.text.de).toContain("bereits an alle 18 Empfänger versandt");
    expect(f.smtp.messages).toHaveLength(18);
    expect(await records()).toHaveLength(1);
  });
});

describe("refusals (nothing is recorded, nothing is sent)", () => {
  async function expectNothingHappened() {
    expect(f.smtp.messages).toHaveLength(0);
    expect(await records()).toEqual([]);
  }

  it("without an agenda, naming what is missing", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING, []);
    const e = await refusal(sendInvitation(f.services, GS, id, NORMAL));
    expect(e.texts.de).toBe(
      "Die Einladung kann so nicht versandt werden: Es fehlt die Tagesordnung (mindestens ein TOP). Aus der Einladung müssen Ort, Termin und Tagesordnung hervorgehen (§ 4 Abs. 5 GO).",
    );
    await expectNothingHappened();
  });

  it("without a place (nor agenda): both named; an online meeting without its link too", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING, []);
    await f.edit((db) => void (db.meetings[0]!.location = ""));
    expect((await refusal(sendInvitation(f.services, GS, id, NORMAL))).texts.de).toContain("Es fehlen der Ort und die Tagesordnung (mindestens ein TOP).");
    await f.edit((db) => Object.assign(db.meetings[0]!, { mode: "online", onlineUrl: null }));
    expect((await refusal(sendInvitation(f.services, GS, id, NORMAL))).texts.de).toContain("Es fehlen der Link zur Videokonferenz und die Tagesordnung");
    await expectNothingHappened();
  });

  // Refused for the day or the sender: who asks when, with what; the kind of refusal where it matters; what it says.
  const refusals = [
    {
      name: "after the last normal day unless urgent, naming the last day",
      now: "2022-04-28T08:00:00+02:00", actor: GS, input: NORMAL, kind: "conflict",
      says: ["Der letzte Versandtag war Mittwoch, 27.04.2022 (§ 4 Abs. 5 GO)", "/einladen dringend <Grund>"],
    },
    { name: "urgent without a reason", now: "2022-04-28T08:00:00+02:00", actor: GS, input: { urgent: true, reason: "  " }, says: ["braucht eine Begründung"] },
    {
      name: "after the urgent last day not at all, naming that day and the rule",
      now: "2022-05-05T08:00:00+02:00", actor: GS, input: { urgent: true, reason: "Haushalt" },
      says: ["Der letzte mögliche Versandtag war Mittwoch, 04.05.2022 (§ 4 Abs. 5 Satz 3 GO)"],
    },
    { name: "from someone who is neither Geschäftsstelle nor chair", now: "2022-04-20T09:15:00+02:00", actor: "m-jugendamt", input: NORMAL, kind: "forbidden", says: [] },
  ];

  for (const { name, now, actor, input, kind, says } of refusals) {
    it(name, async () => {
      f = await fixture(now);
      const id = await f.meeting(MEETING);
      const e = await refusal(sendInvitation(f.services, actor, id, input));
      expect(e).toMatchObject(kind ? { kind } : {});
      for (const part of says) expect(e.texts.de).toContain(part);
      await expectNothingHappened();
    });
  }
});

describe("urgent invitations", () => {
  it("go out inside the urgent window with the reason stated and stored", async () => {
    f = await fixture("2022-05-04T16:00:00+02:00");
    const id = await f.meeting(MEETING);
    const reason = "Der Förderantrag an das Land muss vor dem 15.05. beschlossen werden.";
    const report = await sendInvitation(f.services, "vorsitz", id, { urgent: true, reason });
    expect(report).toMatchObject({ accepted: 18, urgent: true, reason });
    expect(report.text.de).toContain(`Grund (vermerkt): ${reason}`);
    expect((await records())[0]).toMatchObject({ urgent: true, reason, createdBy: "vorsitz" });
    const [mail] = await f.mails();
    expect(mail!.email.subject).toBe(`Dringende Einladung: ${TITLE} am Donnerstag, 12.05.2022`);
    expect(mail!.email.text).toContain(`Die Ladungsfrist ist wegen Dringlichkeit verkürzt. Grund: ${reason}`);
  });

  it("asked for while the normal notice can still be kept, go out as normal ones, and the Geschäftsstelle is told", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const report = await sendInvitation(f.services, GS, id, { urgent: true, reason: "eilt" });
    expect(report).toMatchObject({ urgent: false, reason: null, accepted: 18 });
    expect(report.text.de).toContain("Die reguläre Ladungsfrist ist noch gewahrt (Versand bis Mittwoch, 27.04.2022)");
  });
});

describe("second convocation", () => {
  it("carries the express reference to the rule in every mail", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING, ["Begrüßung", "Verteilung der Landesmittel (zurückgestellt)"]);
    await f.edit((db) => flagSecondConvocation(db, id, 2));
    await sendInvitation(f.services, GS, id, NORMAL);
    const mails = await f.mails();
    expect(mails).toHaveLength(18);
    for (const { email } of mails) {
      for (const body of [email.text!, email.html!]) {
        expect(body).toContain("Hinweis nach § 6 Abs. 5 GO zu TOP 2");
        expect(body).toContain("ohne Rücksicht auf die Zahl der Anwesenden beschlussfähig");
      }
    }
  });

  it("refuses an urgent invitation that would carry it: the rule needs the full notice", async () => {
    f = await fixture("2022-05-02T09:00:00+02:00");
    const id = await f.meeting(MEETING, ["Begrüßung", "Verteilung der Landesmittel (zurückgestellt)"]);
    await f.edit((db) => flagSecondConvocation(db, id, 2));
    const e = await refusal(sendInvitation(f.services, GS, id, { urgent: true, reason: "Fristablauf" }));
    expect(e.texts.de).toContain("Eine dringende Einladung kann keine zweite Einberufung tragen: TOP 2");
    expect(e.texts.de).toContain("§ 6 Abs. 5 GO");
    expect(e.texts.de).toContain("14 Kalendertagen");
    expect(f.smtp.messages).toHaveLength(0);
  });
});
