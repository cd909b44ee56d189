/**
 * Invitation e-mails end to end: composed, sent through the pooled SMTP transport to a real SMTP
 * server on loopback (or written to the outbox), and read back as a recipient's mail client would.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeInvitation, type InvitationInput } from "../adapters/invitation-mail.ts";
import { createMailer, outboxMailer, smtpMailer, type Mailer, type MailMessage } from "../adapters/mail-transport.ts";
import { parseInstant } from "../rules/time.ts";
import { imipPart, parseMail } from "./support/mail-parse.ts";
import { startSmtp, type TestSmtp } from "./support/smtp.ts";

const berlin = (wallClock: string): Date => parseInstant(wallClock)!;
const SECRETARIAT = { name: "Geschäftsstelle KIM Rhein-Sieg", email: "kim@rhein-sieg.example.org" };
const JUERGEN = { name: "Jürgen Müller-Lüdenscheidt", email: "juergen.mueller@example.org" };
const ANNA = { name: "Anna Schäfer", email: "anna.schaefer@example.org" };
const REFUSED = "unbekannt@example.org";

function invitation(overrides: Partial<InvitationInput> = {}, meeting: Partial<InvitationInput["meeting"]> = {}): InvitationInput {
  return {
    kind: "request",
    meetingTitle: "Sitzung der Lenkungsgruppe KIM",
    meeting: {
      uid: "m-2022-05-12@kim.rhein-sieg.example.org",
      sequence: 0,
      start: berlin("2022-05-12T10:00"),
      end: berlin("2022-05-12T12:00"),
      location: "Großer Sitzungssaal, Kreishaus Siegburg",
      onlineUrl: null,
      agenda: [
        { number: 1, title: "Begrüßung und Feststellung der Beschlussfähigkeit", public: true, secondConvocation: false },
        { number: 2, title: "Haushalt 2023", public: false, secondConvocation: false },
      ],
      ...meeting,
    },
    secretariat: SECRETARIAT,
    recipient: JUERGEN,
    attendees: [JUERGEN, ANNA],
    citations: { nonPublic: "§ 4 Abs. 8 GO", secondConvocation: "§ 6 Abs. 5 GO" },
    stamp: new Date("2022-04-20T09:15:00Z"),
    ...overrides,
  };
}

let smtp: TestSmtp;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startSmtp({ failFor: (rcpt) => rcpt === REFUSED });
  mailer = smtpMailer(smtp.url);
});

afterAll(async () => {
  await mailer?.close();
  await smtp?.close();
});

/** Sends through SMTP and returns the message as the server received it, parsed. */
async function deliver(message: MailMessage) {
  const result = await mailer.send(message);
  expect(result, result.error).toMatchObject({ accepted: true });
  const received = smtp.messages.find((m) => m.raw.toString("utf8").includes(result.messageId!));
  if (!received) throw new Error(`message ${result.messageId} not received`);
  return { received, ...(await parseMail(received.raw)) };
}

describe("an invitation by e-mail", () => {
  it("reaches the member in German with date, time, place, agenda and how to answer", async () => {
    const { received, email } = await deliver(composeInvitation(invitation()));
    expect(received.to).toEqual([JUERGEN.email]);
    expect(email.subject).toBe("Einladung: Sitzung der Lenkungsgruppe KIM am Donnerstag, 12.05.2022");
    expect(email.from).toMatchObject({ name: SECRETARIAT.name, address: SECRETARIAT.email });
    expect(email.to).toEqual([{ name: JUERGEN.name, address: JUERGEN.email }]);
    for (const body of [email.text!, email.html!]) {
      expect(body).toContain("Guten Tag Jürgen Müller-Lüdenscheidt");
      expect(body).toContain("Donnerstag, 12.05.2022, 10:00–12:00 Uhr");
      expect(body).toContain("Großer Sitzungssaal, Kreishaus Siegburg");
      expect(body).toContain("TOP 1: Begrüßung und Feststellung der Beschlussfähigkeit");
      expect(body).toContain("TOP 2: Haushalt 2023 (nicht öffentlich)");
      expect(body).toContain("Die Sitzung ist nicht öffentlich (§ 4 Abs. 8 GO).");
      expect(body).toContain("Teams");
      expect(body).toContain("Antwort auf diese E-Mail");
      expect(body).toContain("oder Ihre Vertretung schicken");
    }
  });

  it("carries a calendar REQUEST from the Geschäftsstelle that places the meeting at 08:00 UTC", async () => {
    const { email, calendars } = await deliver(composeInvitation(invitation()));
    // The iMIP part for the mail client and the same file as attachment for manual import.
    expect(calendars.map((c) => c.mimeType)).toEqual(["text/calendar", "application/ics"]);
    for (const cal of calendars) expect(cal.vcalendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const part = imipPart({ email, calendars });
    expect(part.mimeMethod).toBe("REQUEST");
    expect(part.text).toMatch(/\nDTSTAMP:20220420T091500Z\r?\n/);
    expect(part.text).toContain("DTSTART;TZID=Europe/Berlin:20220512T100000");
    expect(part.vcalendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    expect(part.event.startDate.toJSDate().toISOString()).toBe("2022-05-12T08:00:00.000Z");
    expect(part.vevent.getFirstPropertyValue("organizer")).toBe(`mailto:${email.from!.address}`);
    const attendees = part.vevent.getAllProperties("attendee");
    expect(attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${JUERGEN.email}`, `mailto:${ANNA.email}`]);
    expect(attendees.map((a) => a.getParameter("rsvp"))).toEqual(["TRUE", "TRUE"]);
    expect(attendees[0]!.getParameter("cn")).toBe("Jürgen Müller-Lüdenscheidt");
    expect(part.vevent.getFirstPropertyValue("location")).toBe("Großer Sitzungssaal, Kreishaus Siegburg");
  });

  it("for an online meeting gives the join link in text, HTML and calendar, and the digital non-public duty", async () => {
    const url = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?a=1&b=2";
    const { email, calendars } = await deliver(composeInvitation(invitation({}, { onlineUrl: url, location: "" })));
    expect(email.text).toContain(`Online teilnehmen: ${url}`);
    expect(email.html).toContain(`<a href="${url.replace(/&/g, "&amp;")}">`);
    expect(email.text).toContain("Nicht-Öffentlichkeit während der ganzen Sitzung");
    const part = imipPart({ email, calendars });
    expect(part.vevent.getFirstPropertyValue("url")).toBe(url);
    expect(part.vevent.getFirstPropertyValue("location")).toContain(url);
    expect(part.vevent.getFirstPropertyValue("x-microsoft-skypeteamsmeetingurl")).toBe(url);
  });

  it("to a deputy says whom they represent and marks the delegation in the calendar", async () => {
    const member = { name: "Max Beispiel", email: "max.beispiel@example.org" };
    const input = invitation({
      recipient: { ...JUERGEN, represents: { name: member.name, institution: "Jobcenter Rhein-Sieg" } },
      attendees: [
        { ...member, delegatedTo: JUERGEN.email },
        { ...JUERGEN, delegatedFrom: member.email },
      ],
    });
    const { email, calendars } = await deliver(composeInvitation(input));
    expect(email.text).toContain("Sie vertreten Max Beispiel (Jobcenter Rhein-Sieg).");
    expect(email.html).toContain("Sie vertreten Max Beispiel (Jobcenter Rhein-Sieg).");
    expect(email.text).not.toContain("Vertretung schicken"); // a deputy cannot pass it on
    const [memberLine, deputyLine] = imipPart({ email, calendars }).vevent.getAllProperties("attendee");
    expect(memberLine!.getParameter("partstat")).toBe("DELEGATED");
    expect(memberLine!.getParameter("delegated-to")).toBe(`mailto:${JUERGEN.email}`);
    expect(deputyLine!.getParameter("delegated-from")).toBe(`mailto:${member.email}`);
    expect(deputyLine!.getParameter("rsvp")).toBe("TRUE");
  });

  it("when urgent says so in the subject and gives the reason", async () => {
    const reason = "Fristablauf der Förderanträge am 10.05.2022";
    const { email } = await deliver(composeInvitation(invitation({ urgentReason: reason })));
    expect(email.subject).toBe("Dringende Einladung: Sitzung der Lenkungsgruppe KIM am Donnerstag, 12.05.2022");
    expect(email.text).toContain(`Grund: ${reason}`);
  });

  it("for a second convocation points expressly to the rule the caller cites", async () => {
    const agenda = [{ number: 3, title: "Verteilung der Fallmanagement-Stellen", public: true, secondConvocation: true }];
    const { email } = await deliver(composeInvitation(invitation({}, { agenda })));
    const sentence =
      "Hinweis nach § 6 Abs. 5 GO zu TOP 3 („Verteilung der Fallmanagement-Stellen“): Diese Angelegenheit wurde wegen Beschlussunfähigkeit zurückgestellt. " +
      "Mit dieser zweiten Einberufung ist das Gremium für diesen Tagesordnungspunkt ohne Rücksicht auf die Zahl der Anwesenden beschlussfähig.";
    expect(email.text).toContain(sentence);
    const other = composeInvitation(
      invitation({ meetingTitle: "Sitzung des Lenkungskreises KIM", citations: { nonPublic: "§ 3 Abs. 2 GO", secondConvocation: "§ 9 Abs. 1 GO" } }, { agenda }),
    );
    expect(other.subject).toBe("Einladung: Sitzung des Lenkungskreises KIM am Donnerstag, 12.05.2022");
    expect(other.text).toContain("Hinweis nach § 9 Abs. 1 GO zu TOP 3");
    expect(other.text).toContain("Die Sitzung ist nicht öffentlich (§ 3 Abs. 2 GO).");
    expect(() => composeInvitation(invitation({ citations: {} }, { agenda }))).toThrow(/zweite Einberufung/);
  });

  it("escapes HTML in titles and places but keeps them verbatim in text and calendar", async () => {
    const title = 'Budget <b>2023</b> & "Planung"';
    const input = invitation({}, {
      location: "Raum <script>alert(1)</script>",
      onlineUrl: "javascript:alert(1)",
      agenda: [{ number: 1, title, public: true, secondConvocation: false }],
    });
    const { email, calendars } = await deliver(composeInvitation(input));
    expect(email.html).toContain("TOP 1: Budget &lt;b&gt;2023&lt;/b&gt; &amp; &quot;Planung&quot;");
    expect(email.html).not.toContain("<b>2023");
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain('href="javascript:');
    expect(email.text).toContain(`TOP 1: ${title}`);
    expect(imipPart({ email, calendars }).vevent.getFirstPropertyValue("description")).toContain(`TOP 1: ${title}`);
  });
});

describe("a change and a cancellation", () => {
  it("update the same calendar entry: same UID, higher SEQUENCE, new time", async () => {
    const first = await deliver(composeInvitation(invitation()));
    const moved = invitation({ kind: "update", note: "Die Sitzung beginnt erst um 14:00 Uhr." }, {
      sequence: 1,
      start: berlin("2022-05-12T14:00"),
      end: berlin("2022-05-12T16:00"),
    });
    const second = await deliver(composeInvitation(moved));
    const [a, b] = [imipPart(first), imipPart(second)];
    expect(second.email.subject).toBe("Geänderte Einladung: Sitzung der Lenkungsgruppe KIM am Donnerstag, 12.05.2022");
    expect(second.email.text).toContain("Donnerstag, 12.05.2022, 14:00–16:00 Uhr");
    expect(second.email.text).toContain("Die Sitzung beginnt erst um 14:00 Uhr.");
    expect(b.mimeMethod).toBe("REQUEST");
    expect(b.event.uid).toBe(a.event.uid);
    expect(b.event.sequence).toBe(a.event.sequence + 1);
    expect(b.event.startDate.toJSDate().toISOString()).toBe("2022-05-12T12:00:00.000Z");
  });

  it("cancel it with METHOD:CANCEL in the file and in the MIME part", async () => {
    const cancel = invitation({ kind: "cancel", note: "Der Vorsitz hat die Sitzung abgesagt." }, { sequence: 2 });
    const { email, calendars } = await deliver(composeInvitation(cancel));
    expect(email.subject).toBe("Abgesagt: Sitzung der Lenkungsgruppe KIM am Donnerstag, 12.05.2022");
    expect(email.text).toContain("die Sitzung der Lenkungsgruppe KIM am Donnerstag, 12.05.2022, 10:00–12:00 Uhr wird abgesagt");
    expect(email.text).toContain("Der Vorsitz hat die Sitzung abgesagt.");
    const part = imipPart({ email, calendars });
    expect(part.mimeMethod).toBe("CANCEL");
    expect(part.vcalendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(part.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(part.event.uid).toBe(invitation().meeting.uid);
    expect(part.event.sequence).toBe(2);
  });
});

describe("SMTP failures", () => {
  it("report a refused recipient with the server's answer while the others are delivered", async () => {
    const people = [ANNA, { name: "Unbekannt", email: REFUSED }, JUERGEN];
    const results = await Promise.all(people.map((p) => mailer.send(composeInvitation(invitation({ recipient: p })))));
    expect(results.map((r) => r.accepted)).toEqual([true, false, true]);
    expect(results[1]!.error).toMatch(/550/);
    expect(results[1]!.error).toContain(REFUSED);
    expect(smtp.refused).toContain(REFUSED);
    for (const ok of [results[0]!, results[2]!]) {
      expect(smtp.messages.some((m) => m.raw.toString("utf8").includes(ok.messageId!))).toBe(true);
    }
  });

  it("return a clear error when the server cannot be reached, without throwing", async () => {
    const gone = await startSmtp();
    await gone.close(); // the port is free again: connection refused
    const down = smtpMailer(gone.url);
    try {
      const result = await down.send(composeInvitation(invitation()));
      expect(result.accepted).toBe(false);
      expect(result.error).toMatch(/ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });
});

describe("without SMTP_URL", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kim-outbox-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes each invitation as an .eml file a mail program can open, in sending order", async () => {
    const times = [new Date("2022-04-27T08:15:00.123Z"), new Date("2022-04-27T08:15:01Z")];
    const outbox = outboxMailer(join(dir, "outbox"), () => times.shift()!);
    const first = await outbox.send(composeInvitation(invitation({ recipient: JUERGEN })));
    const second = await outbox.send(composeInvitation(invitation({ recipient: ANNA })));
    await outbox.close();
    expect(first.accepted && second.accepted).toBe(true);
    const files = await readdir(join(dir, "outbox"));
    expect(files.sort()).toEqual([first.file, second.file].map((f) => f!.split("/").pop()));
    expect(files[0]).toMatch(/^20220427T081500123Z_juergen\.mueller@example\.org_.+\.eml$/);

    const raw = await readFile(first.file!);
    expect(raw.toString("utf8").replace(/\r\n/g, "")).not.toMatch(/\n/); // CRLF only
    const mail = await parseMail(raw);
    expect(mail.email.subject).toBe("Einladung: Sitzung der Lenkungsgruppe KIM am Donnerstag, 12.05.2022");
    expect(mail.email.text).toContain("Großer Sitzungssaal, Kreishaus Siegburg");
    const part = imipPart(mail);
    expect(part.mimeMethod).toBe("REQUEST");
    expect(part.event.startDate.toJSDate().toISOString()).toBe("2022-05-12T08:00:00.000Z");
  });

  it("createMailer picks the outbox, and SMTP when a URL is given (without showing the password)", async () => {
    const outbox = createMailer({ smtpUrl: "", outboxDir: dir });
    const smtpOne = createMailer({ smtpUrl: "smtp://kim:geheim@mail.example.org:587", outboxDir: dir });
    expect([outbox.kind, outbox.target]).toEqual(["outbox", dir]);
    expect([smtpOne.kind, smtpOne.target]).toEqual(["smtp", "smtp://mail.example.org:587"]);
    await outbox.close();
    await smtpOne.close();
  });
});
