/**
 * After the invitation: a deputy who takes over gets their own REQUEST, a change goes out as an
 * update (same UID, SEQUENCE + 1), a cancellation as METHOD:CANCEL; and the command line.
 */
import { afterEach, describe, expect, it } from "vitest";
import { delegate } from "../services/delegate-seat.ts";
import { ServiceError } from "../services/errors.ts";
import { worded, type Worded } from "./support/refusal.ts";
import { cancelMeeting, changeMeeting, sendDelegatedInvitation, sendInvitation, sendUpdate } from "./support/worded-invitations.ts";
import { addAgendaItem } from "../services/add-agenda-item.ts";
import { retryOutbox } from "../services/outbox-retry.ts";
import { minutesFolder } from "../adapters/minutes-files.ts";
import { join } from "node:path";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";
import { imipPart, type CalendarPart } from "./support/mail-parse.ts";
import { runCli } from "./support/store-process.ts";

const MEETING = { start: "2022-05-12T10:00", location: "Kreishaus Siegburg, Großer Sitzungssaal" };
const NORMAL = { urgent: false, reason: null };
const MEMBER = { id: "m-paritaetischer", name: "Gabriele Krüger", email: "gabriele.krueger@example.org" };
const DEPUTY = { id: "d-paritaetischer", name: "Kemal Yıldız", email: "kemal.yildiz@example.org" };
const INSTITUTION = "Der Paritätische NRW e.V., Kreisgruppe Rhein-Sieg-Kreis";

let f: Fixture;
afterEach(async () => {
  await f?.close();
});

function attendee(part: CalendarPart, email: string) {
  const prop = part.vevent.getAllProperties("attendee").find((p) => String(p.getFirstValue()).toLowerCase() === `mailto:${email}`);
  if (!prop) throw new Error(`no ATTENDEE ${email}`);
  return prop;
}

/** The calendar text with folded lines joined again (RFC 5545 § 3.1). */
function unfolded(part: CalendarPart): string {
  return part.text.replace(/\r?\n[ \t]/g, "");
}

/** The iTIP facts a calendar client goes by: the MIME part's method and the calendar's, the meeting's UID, the SEQUENCE. */
function itip(part: CalendarPart) {
  return {
    mimeMethod: part.mimeMethod,
    method: part.vcalendar.getFirstPropertyValue("method"),
    uid: part.vevent.getFirstPropertyValue("uid"),
    sequence: part.vevent.getFirstPropertyValue("sequence"),
  };
}

/** A fresh world whose meeting's invitation went out at `invitedAt`; the clock then stands at `now`. */
async function invitedMeeting(invitedAt: string, now: string): Promise<string> {
  f = await fixture(invitedAt);
  const id = await f.meeting(MEETING);
  await sendInvitation(f.services, GS, id, NORMAL);
  f.setNow(now);
  return id;
}

/** The 18 mails after the 18 invitations: each with this subject, this line of text and these iTIP facts. Answers their calendar parts. */
async function followUps(expected: { subject: string; text: string; itip: Record<string, unknown> }): Promise<CalendarPart[]> {
  const mails = (await f.mails()).slice(18);
  expect(mails).toHaveLength(18);
  return mails.map((mail) => {
    expect(mail.email.subject).toBe(expected.subject);
    expect(mail.email.text).toContain(expected.text);
    const part = imipPart(mail);
    expect(itip(part)).toMatchObject(expected.itip);
    return part;
  });
}

async function mailsTo(email: string) {
  return (await f.mails()).filter((m) => m.to.includes(email));
}

describe("a member delegates after the invitation went out", () => {
  it("the delegation records the deputy's invitation at once: after a crash before sending, outbox retry sends it, once", async () => {
    const id = await invitedMeeting("2022-04-20T09:15:00+02:00", "2022-04-25T11:00:00+02:00");
    await delegate(f.services, MEMBER.id, id); // the process dies here, before the bot sends the deputy's invitation

    const pending = (await f.store.read()).invitations[0]!.recipients.find((r) => r.personId === DEPUTY.id);
    expect(pending).toMatchObject({ role: "deputy", acceptedAt: null, attempts: 0 });
    expect(await mailsTo(DEPUTY.email)).toHaveLength(0);

    const retried = await retryOutbox(f.services, GS, { minutes: minutesFolder(join(f.dir, "minutes")) });
    // The Geschäftsstelle's notices of the delegation were recorded with it and wait as well.
    expect(retried.messages.map((m) => [m.personId, m.purpose, m.state])).toEqual([[DEPUTY.id, "invitation", "accepted"], [GS, "notice", "accepted"], ["gs-2", "notice", "accepted"]]);
    const mails = await mailsTo(DEPUTY.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.email.text).toContain(`Sie vertreten ${MEMBER.name} (${INSTITUTION}).`);

    expect((await retryOutbox(f.services, GS, { minutes: minutesFolder(join(f.dir, "minutes")) })).messages).toEqual([]);
    expect(await mailsTo(DEPUTY.email)).toHaveLength(1);
  });

  it("the deputy gets a REQUEST of their own, delegated from the member; only once", async () => {
    const id = await invitedMeeting("2022-04-20T09:15:00+02:00", "2022-04-25T11:00:00+02:00");
    await delegate(f.services, MEMBER.id, id);

    const result = await sendDelegatedInvitation(f.services, id, MEMBER.id);

    expect(result.sent).toBe(true);
    expect(result.text.de).toBe(`${DEPUTY.name} (Vertretung für ${MEMBER.name}) hat die Einladung per E-Mail erhalten.`);
    expect(f.smtp.messages).toHaveLength(19);
    const [mail] = await mailsTo(DEPUTY.email);
    const part = imipPart(mail!);
    expect(itip(part)).toMatchObject({ method: "REQUEST", uid: `${id}@example.org`, sequence: 0 });
    expect(unfolded(part)).toContain(`DELEGATED-FROM="mailto:${MEMBER.email}"`);
    const deputy = attendee(part, DEPUTY.email);
    expect(deputy.getParameter("cn")).toBe(DEPUTY.name);
    expect(deputy.getParameter("rsvp")).toBe("TRUE");
    const member = attendee(part, MEMBER.email);
    expect(member.getParameter("partstat")).toBe("DELEGATED");
    expect(unfolded(part)).toContain(`DELEGATED-TO="mailto:${DEPUTY.email}"`);
    expect(mail!.email.text).toContain(`Guten Tag ${DEPUTY.name}`);
    expect(mail!.email.text).toContain(`Sie vertreten ${MEMBER.name} (${INSTITUTION}).`);

    const record = (await f.store.read()).invitations[0]!;
    expect(record.recipients).toHaveLength(19);
    expect(record.recipients.find((r) => r.personId === DEPUTY.id)).toMatchObject({ role: "deputy", acceptedAt: "2022-04-25T11:00:00+02:00" });

    const again = await sendDelegatedInvitation(f.services, id, MEMBER.id);
    expect(again).toEqual({ sent: false, text: expect.objectContaining({ de: `${DEPUTY.name} hat die Einladung bereits erhalten.` }) });
    expect(f.smtp.messages).toHaveLength(19);
  });

  it("before the invitation: nothing yet; the invitation then goes to member (delegated) and deputy", async () => {
    f = await fixture("2022-04-18T09:00:00+02:00");
    const id = await f.meeting(MEETING);
    await delegate(f.services, MEMBER.id, id);
    const early = await sendDelegatedInvitation(f.services, id, MEMBER.id);
    expect(early).toEqual({ sent: false, text: expect.objectContaining({ de: `Die Einladung ist noch nicht versandt; ${DEPUTY.name} erhält sie mit dem Versand.` }) });
    expect(f.smtp.messages).toHaveLength(0);

    const report = await sendInvitation(f.services, GS, id, NORMAL);
    expect(report).toMatchObject({ total: 19, accepted: 19 });
    const [toMember] = await mailsTo(MEMBER.email);
    const memberPart = imipPart(toMember!);
    expect(attendee(memberPart, MEMBER.email).getParameter("partstat")).toBe("DELEGATED");
    expect(attendee(memberPart, MEMBER.email).getParameter("rsvp")).toBe("FALSE");
    const [toDeputy] = await mailsTo(DEPUTY.email);
    expect(toDeputy!.email.text).toContain(`Sie vertreten ${MEMBER.name}`);
    expect(unfolded(imipPart(toDeputy!))).toContain(`DELEGATED-FROM="mailto:${MEMBER.email}"`);
  });
});

describe("changes after the invitation", () => {
  it("a new place goes out as an update: same UID, SEQUENCE 1, subject and note say what changed", async () => {
    const id = await invitedMeeting("2022-04-20T09:15:00+02:00", "2022-04-22T10:00:00+02:00");

    const outcome = await changeMeeting(f.services, GS, id, { location: "Rathaus Troisdorf, Ratssaal (Erdgeschoss)" }, "Der große Saal wird renoviert.");

    expect(outcome.meeting.location).toBe("Rathaus Troisdorf, Ratssaal (Erdgeschoss)");
    expect(outcome.update).toMatchObject({ kind: "update", sequence: 1, total: 18, accepted: 18 });
    expect(outcome.text.de).toContain("Die Sitzung ist geändert. Geänderte Einladung zur Sitzung am Donnerstag, 12.05.2022: 18 von 18 versandt.");
    const updates = await followUps({
      subject: "Geänderte Einladung: Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis am Donnerstag, 12.05.2022",
      text: "Geändert: Ort (bisher Kreishaus Siegburg, Großer Sitzungssaal). Der große Saal wird renoviert.",
      itip: { mimeMethod: "REQUEST", method: "REQUEST", uid: `${id}@example.org`, sequence: 1 },
    });
    for (const part of updates) {
      expect(part.event.location).toBe("Rathaus Troisdorf, Ratssaal (Erdgeschoss)");
      expect(part.text).toMatch(/\nDTSTAMP:20220422T080000Z\n/);
    }
    const records = (await f.store.read()).invitations;
    expect(records.map((r) => [r.kind, r.sequence, r.sentAt !== null])).toEqual([["request", 0, true], ["update", 1, true]]);
  });

  it("a moved start keeps the length; agenda items added later go out with sendUpdate (SEQUENCE 2)", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    await sendInvitation(f.services, GS, id, NORMAL);
    const moved = await changeMeeting(f.services, GS, id, { start: "2022-05-12T14:00" }, null);
    expect(moved.meeting).toMatchObject({ start: "2022-05-12T14:00:00+02:00", end: "2022-05-12T16:00:00+02:00" });
    const [lastMoved] = (await f.mails()).slice(-1);
    expect(imipPart(lastMoved!).text).toContain("\nDTSTART;TZID=Europe/Berlin:20220512T140000\n");
    expect(lastMoved!.email.text).toContain("Geändert: Termin (bisher Donnerstag, 12.05.2022, 10:00–12:00 Uhr).");

    await addAgendaItem(f.services, id, "Bericht aus der Arbeitsgruppe Wohnen", true, GS);
    const update = await sendUpdate(f.services, GS, id, "TOP 2 neu aufgenommen.");
    expect(update).toMatchObject({ sequence: 2, accepted: 18 });
    const [last] = (await f.mails()).slice(-1);
    expect(imipPart(last!).vevent.getFirstPropertyValue("sequence")).toBe(2);
    expect(last!.email.text).toContain("TOP 2: Bericht aus der Arbeitsgruppe Wohnen");
    expect(f.smtp.messages).toHaveLength(54);
  });

  it("before the invitation, a change sends nothing", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const outcome = await changeMeeting(f.services, GS, id, { location: "Rathaus Much" }, null);
    expect(outcome.update).toBeNull();
    expect(outcome.text.de).toContain("Eine Einladung ist noch nicht versandt");
    expect(f.smtp.messages).toHaveLength(0);
    await expect(sendUpdate(f.services, GS, id, null)).rejects.toBeInstanceOf(ServiceError);
  });
});

describe("cancelling", () => {
  it("sends METHOD:CANCEL with the next SEQUENCE to everyone invited and closes the meeting", async () => {
    const id = await invitedMeeting("2022-04-20T09:15:00+02:00", "2022-05-02T12:00:00+02:00");

    const outcome = await cancelMeeting(f.services, GS, id, "Die Vorlagen des Landes liegen noch nicht vor.");

    expect(outcome.report).toMatchObject({ kind: "cancel", sequence: 1, total: 18, accepted: 18 });
    expect(outcome.text.de).toContain(`Die Sitzung ${id} ist abgesagt. Absage der Sitzung am Donnerstag, 12.05.2022: 18 von 18 versandt.`);
    const cancels = await followUps({
      subject: "Abgesagt: Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis am Donnerstag, 12.05.2022",
      text: "Die Vorlagen des Landes liegen noch nicht vor.",
      itip: { mimeMethod: "CANCEL", method: "CANCEL", uid: `${id}@example.org`, sequence: 1 },
    });
    for (const part of cancels) expect(part.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect((await f.store.read()).meetings[0]!.state).toBe("cancelled");
    const refused = await sendInvitation(f.services, GS, id, NORMAL).catch((e: ServiceError) => worded(e));
    expect((refused as Worded).texts.de).toBe(`Die Sitzung ${id} ist abgesagt.`);
    expect((refused as Worded).texts.en).toBe(`The meeting ${id} is cancelled.`);
  });

  it("before the invitation: no mail", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const outcome = await cancelMeeting(f.services, GS, id, null);
    expect(outcome.report).toBeNull();
    expect(f.smtp.messages).toHaveLength(0);
    expect((await f.store.read()).meetings[0]!.state).toBe("cancelled");
  });
});

describe("command line", () => {
  it("invite sends through SMTP_URL; two processes at once still send each invitation once", { timeout: 60_000 }, async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const env = { SMTP_URL: f.smtp.url };
    const args = ["--json", "--db", f.file, "--now", "2022-04-20T09:30:00+02:00", "invite"];
    const runs = await Promise.all([runCli(args, env), runCli(args, env)]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const reports = runs.map((r) => JSON.parse(r.stdout) as { invitationId: string; sentNow: number; total: number });
    expect(reports.map((r) => r.invitationId)).toEqual([`${id}-request-0`, `${id}-request-0`]);
    expect(reports[0]!.sentNow + reports[1]!.sentNow).toBe(18);
    expect(f.smtp.messages).toHaveLength(18);
    expect(new Set(f.smtp.messages.flatMap((m) => m.to)).size).toBe(18);
  });

  it("a late invite exits non-zero with the German refusal; --urgent <Grund> works", { timeout: 60_000 }, async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    await f.meeting(MEETING);
    const env = { SMTP_URL: f.smtp.url };
    const late = await runCli(["--db", f.file, "--now", "2022-04-30T09:00:00+02:00", "invite"], env);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain("Fehler: Die reguläre Ladungsfrist ist nicht mehr einzuhalten: Der letzte Versandtag war Mittwoch, 27.04.2022");
    expect(f.smtp.messages).toHaveLength(0);

    const urgent = await runCli(["--db", f.file, "--now", "2022-04-30T09:00:00+02:00", "invite", "--urgent", "Beschluss zur Förderung eilt"], env);
    expect(urgent.code, urgent.stderr).toBe(0);
    expect(urgent.stdout).toContain("18 von 18 versandt");
    expect(urgent.stdout).toContain("Grund (vermerkt): Beschluss zur Förderung eilt");
    expect(f.smtp.messages).toHaveLength(18);
  });

  it("invite retry and meeting cancel", { timeout: 60_000 }, async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    f.refuse.add("sabine.fuchs@example.org");
    const env = { SMTP_URL: f.smtp.url };
    const now = ["--db", f.file, "--now", "2022-04-20T09:30:00+02:00"];
    const first = await runCli([...now, "invite"], env);
    expect(first.code).toBe(2);
    expect(first.stdout).toContain("17 von 18 versandt, 1 fehlgeschlagen: Sabine Fuchs <sabine.fuchs@example.org>");
    expect(first.stderr).toContain("Fehler: 1 von 18 Nachrichten wurden nicht versandt");
    f.refuse.clear();
    const retry = await runCli([...now, "--json", "invite", "retry", "--meeting", id], env);
    expect(retry.code, retry.stderr).toBe(0);
    expect(JSON.parse(retry.stdout)).toMatchObject({ sentNow: 1, accepted: 18, skippedAlreadyAccepted: 17 });
    const cancel = await runCli([...now, "meeting", "cancel", "--id", id, "--reason", "Raum nicht verfügbar"], env);
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stdout).toContain("ist abgesagt");
    expect(f.smtp.messages).toHaveLength(36);
  });
});
