/**
 * When the mail server does not take everything: partial refusals, a retry that sends exactly the
 * missing ones, two sending runs at the same moment, a server that is down, and the outbox folder.
 * Every message is counted at the (real, loopback) SMTP server: nobody may get one twice.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { outboxMailer, smtpMailer } from "../adapters/mail-transport.ts";
import { composer, newRecord } from "../services/invitation-core.ts";
import type { Recipient } from "../domain/model.ts";
import { claimRecipients, recordDeliveries, sendAll, type Batch } from "../services/invitation-delivery.ts";
import { deliveryStatus as recipientState } from "../services/outbox.ts";
import { currentRecipients } from "../services/invitation-recipients.ts";
import { deliver, retryInvitation, sendInvitation } from "./support/worded-invitations.ts";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";
import { imipPart, parseMail } from "./support/mail-parse.ts";
import { startSmtp } from "./support/smtp.ts";
import { bodyProfile } from "../services/context.ts";

const MEETING = { start: "2022-05-12T10:00", location: "Kreishaus Siegburg, Großer Sitzungssaal" };
const NORMAL = { urgent: false, reason: null };
const FUCHS = "sabine.fuchs@example.org";
const LUEHRS = "monika.luehrs@example.org";

let f: Fixture;
afterEach(async () => {
  await f?.close();
});

/** How many messages each address received. */
function countsByRecipient(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of f.smtp.messages) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

/** Step 1 of a mail-out as the invitation service runs it: a new request record, its recipients claimed. `fails` picks who cannot be composed. */
async function claimRequest(id: string, fails: (personId: string) => boolean = () => false): Promise<Batch> {
  const now = f.services.clock();
  const claimed = await f.store.update({ actorId: GS }, (db, audit) => {
    const meeting = db.meetings.find((m) => m.id === id)!;
    const invitation = newRecord(db, meeting, { kind: "request", urgent: false, reason: null, recipients: currentRecipients(db, meeting), createdBy: GS }, now);
    const compose = composer(db, meeting, invitation, now, bodyProfile(f.services, db));
    const draft = (r: Recipient) => (fails(r.personId) ? () => { throw new Error("kein Kalender"); } : compose(r));
    return { ...claimRecipients(invitation, now, draft, audit), warnings: [] };
  });
  if (claimed.duplicate) throw new Error("no activity id given");
  return claimed.value;
}

describe("the SMTP server refuses some recipients", () => {
  it("reports exactly who failed, and a retry sends only to them — never twice", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    f.refuse.add(FUCHS).add(LUEHRS);

    const first = await sendInvitation(f.services, GS, id, NORMAL);

    expect(first).toMatchObject({ total: 18, accepted: 16, sentNow: 16 });
    expect(first.failed.map((x) => [x.personId, x.name, x.email])).toEqual(
      expect.arrayContaining([
        ["m-jugendamt", "Sabine Fuchs", FUCHS],
        ["m-caritas", "Monika Lührs", LUEHRS],
      ]),
    );
    expect(first.failed.every((x) => /550|Empfänger unbekannt/.test(x.error))).toBe(true);
    expect(first.text.de).toMatch(/^Einladung zur Sitzung am Donnerstag, 12\.05\.2022: 16 von 18 versandt, 2 fehlgeschlagen: /);
    expect(first.text.de).toContain(`Sabine Fuchs <${FUCHS}> – `);
    expect(first.text.de).toContain("geht nur an die fehlenden Empfänger");
    const [record] = (await f.store.read()).invitations;
    expect(record!.sentAt).toBeNull();
    const fuchs = record!.recipients.find((r) => r.email === FUCHS)!;
    expect(fuchs).toMatchObject({ acceptedAt: null, attempts: 1 });
    expect(fuchs.error).toMatch(/Empfänger unbekannt/);
    // The proof is per recipient: the meeting counts as invited, the record is not complete.
    expect((await f.store.read()).meetings[0]!.state).toBe("invited");

    f.refuse.clear();
    f.setNow("2022-04-21T08:00:00+02:00");
    const retry = await retryInvitation(f.services, GS, id);

    expect(retry).toMatchObject({ total: 18, accepted: 18, sentNow: 2, failed: [], skippedAlreadyAccepted: 16 });
    expect(retry.text.de).toContain("18 von 18 versandt");
    expect(retry.text.de).toContain("16 Empfänger hatten sie schon und erhalten sie nicht noch einmal");
    expect(f.smtp.messages).toHaveLength(18);
    expect([...countsByRecipient().values()].every((n) => n === 1)).toBe(true);
    const after = (await f.store.read()).invitations[0]!;
    expect(after.sentAt).toBe("2022-04-21T08:00:00+02:00");
    expect(after.recipients.find((r) => r.email === FUCHS)).toMatchObject({ acceptedAt: "2022-04-21T08:00:00+02:00", error: null, attempts: 2 });
    expect(after.recipients.find((r) => r.email === "juergen.mueller@example.org")).toMatchObject({ acceptedAt: "2022-04-20T09:15:00+02:00", attempts: 1 });

    // Calling "invite" again changes nothing either.
    await sendInvitation(f.services, GS, id, NORMAL);
    expect(f.smtp.messages).toHaveLength(18);
  });

  it("a late retry still goes out, with a warning that those recipients were not invited in time", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    f.refuse.add(FUCHS);
    await sendInvitation(f.services, GS, id, NORMAL);
    f.refuse.clear();
    f.setNow("2022-04-29T08:00:00+02:00");
    const retry = await retryInvitation(f.services, GS, id);
    expect(retry.sentNow).toBe(1);
    expect(retry.text.de).toContain("Hinweis: Der letzte Versandtag für eine fristgerechte Einladung war Mittwoch, 27.04.2022, § 4 Abs. 5 GO");
    expect((await f.store.read()).invitations[0]!.recipients.find((r) => r.email === FUCHS)!.acceptedAt).toBe("2022-04-29T08:00:00+02:00");
  });
});

describe("two sending runs at the same moment", () => {
  it("send each invitation once: the second run finds the recipients claimed", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const [a, b] = await Promise.all([sendInvitation(f.services, GS, id, NORMAL), sendInvitation(f.services, "vorsitz", id, NORMAL)]);
    expect(a.sentNow + b.sentNow).toBe(18);
    expect(a.inProgress + b.inProgress).toBe(18);
    expect([a, b].find((r) => r.sentNow === 0)!.text.de).toContain("werden gerade von einem anderen Vorgang versandt");
    expect(f.smtp.messages).toHaveLength(18);
    expect([...countsByRecipient().values()].every((n) => n === 1)).toBe(true);
    expect((await f.store.read()).invitations).toHaveLength(1);
  });
});

describe("the SMTP server is down", () => {
  it("marks nothing as sent and says so clearly; a later run sends to all", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const down = await startSmtp();
    await down.close(); // nothing listens on this port any more
    await f.services.mailer.close();
    f.services.mailer = smtpMailer(down.url);

    const report = await sendInvitation(f.services, GS, id, NORMAL);

    expect(report).toMatchObject({ total: 18, accepted: 0, sentNow: 0 });
    expect(report.failed).toHaveLength(18);
    expect(report.text.de).toMatch(new RegExp(`^Einladung zur Sitzung am Donnerstag, 12\\.05\\.2022: nichts versandt – ${down.url.replace(/[.]/g, "\\.")} meldet: .*ECONNREFUSED`));
    expect(report.text.de).toContain("Keine Nachricht ist als versandt vermerkt (0 von 18)");
    const db = await f.store.read();
    expect(db.invitations[0]!.recipients.every((r) => r.acceptedAt === null && r.error !== null)).toBe(true);
    expect(db.invitations[0]!.sentAt).toBeNull();
    expect(db.meetings[0]!.state).toBe("planned");

    await f.services.mailer.close();
    f.services.mailer = smtpMailer(f.smtp.url);
    const retry = await retryInvitation(f.services, GS, id);
    expect(retry).toMatchObject({ accepted: 18, sentNow: 18 });
    expect(f.smtp.messages).toHaveLength(18);
    expect((await f.store.read()).meetings[0]!.state).toBe("invited");
  });
});

describe("a mail that cannot be composed", () => {
  it("counts as not sent, with the reason, and its claim is released so that a retry tries again", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const batch = await claimRequest(id, (personId) => personId === "m-jugendamt");

    const deliveries = await sendAll(f.services, batch.outgoing);
    await f.store.update({ actorId: GS }, (db, audit) => void recordDeliveries(db, batch.invitationId, deliveries, "smtp", audit));

    expect(f.smtp.messages).toHaveLength(17);
    expect(countsByRecipient().has(FUCHS)).toBe(false);
    const fuchs = (await f.store.read()).invitations[0]!.recipients.find((r) => r.personId === "m-jugendamt")!;
    expect(fuchs).toMatchObject({ acceptedAt: null, error: "Die Nachricht konnte nicht erstellt werden: kein Kalender", attempts: 1 });
    expect(recipientState(fuchs, f.services.clock())).toBe("open");
    const retry = await retryInvitation(f.services, GS, id);
    expect(retry).toMatchObject({ accepted: 18, sentNow: 1 });
    expect(countsByRecipient().get(FUCHS)).toBe(1);
  });
});

describe("no mail can be composed at all", () => {
  it("reports it as the bot's own fault, not as the mail server's answer, in German and English", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const report = await deliver(f.services, GS, await claimRequest(id, () => true));

    expect(report).toMatchObject({ accepted: 0, sentNow: 0 });
    expect(report.text.de).toContain("nichts versandt – die Nachrichten konnten nicht erstellt werden (kein Kalender); das ist ein Fehler des Bots, nicht des Mailservers.");
    expect(report.text.en).toContain("nothing sent – the messages could not be composed (kein Kalender); this is a fault of the bot, not of the mail server.");
    expect(report.text.de).not.toContain("meldet");
    expect(f.smtp.messages).toHaveLength(0);
  });
});

describe("a part every mail shares cannot be built", () => {
  it("fails every mail, not only the first, and each is recorded with the reason", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    // A second convocation under a profile without that rule: no mail may go out without its notice.
    await f.store.update({ actorId: GS }, (db) => {
      db.body.profile = "oberhausen";
      db.meetings[0]!.agenda[0]!.secondConvocation = true;
    });
    const report = await deliver(f.services, GS, await claimRequest(id));

    expect(report).toMatchObject({ accepted: 0, sentNow: 0 });
    expect(f.smtp.messages).toHaveLength(0);
    const recipients = (await f.store.read()).invitations[0]!.recipients;
    expect(recipients.length).toBeGreaterThan(1);
    for (const r of recipients) expect(r.error).toMatch(/^Die Nachricht konnte nicht erstellt werden: TOP 1 ist eine zweite Einberufung/);
  });
});

describe("a sending run that died after claiming its recipients", () => {
  /** Step 1 of a run; the process then "dies" (never sends or records). */
  const claimAndDie = (id: string) => claimRequest(id);

  it("leaves its recipients alone for 15 minutes, then a retry sends to them, each once", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    await claimAndDie(id);
    const claimed = (await f.store.read()).invitations[0]!.recipients;
    expect(claimed.every((r) => r.claimedAt === "2022-04-20T09:15:00+02:00" && r.acceptedAt === null && r.error === null)).toBe(true);

    f.setNow("2022-04-20T09:25:00+02:00");
    const early = await retryInvitation(f.services, GS, id);
    expect(early).toMatchObject({ sentNow: 0, inProgress: 18 });
    expect(f.smtp.messages).toHaveLength(0);

    f.setNow("2022-04-20T09:31:00+02:00");
    const later = await retryInvitation(f.services, GS, id);
    expect(later).toMatchObject({ accepted: 18, sentNow: 18 });
    expect([...countsByRecipient().values()].every((n) => n === 1)).toBe(true);
    const recipients = (await f.store.read()).invitations[0]!.recipients;
    expect(recipients.every((r) => r.claimedAt === null && r.acceptedAt === "2022-04-20T09:31:00+02:00" && r.attempts === 2)).toBe(true);
  });

  it("reads a claim that an older version wrote into `error` as a claim: left alone while fresh, its reason not shown as a failure", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    await claimAndDie(id);
    const raw = JSON.parse(await readFile(f.file, "utf8"));
    for (const r of raw.invitations[0].recipients) {
      delete r.claimedAt;
      r.error = "in Zustellung seit 2022-04-20T09:15:00+02:00";
    }
    await writeFile(f.file, JSON.stringify(raw));

    const reopened = openJsonStore(f.file, { clock: f.services.clock });
    const recipients = (await reopened.read()).invitations[0]!.recipients;
    expect(recipients.every((r) => r.claimedAt === "2022-04-20T09:15:00+02:00" && r.error === null)).toBe(true);
    f.setNow("2022-04-20T09:20:00+02:00");
    expect(await retryInvitation({ ...f.services, store: reopened }, GS, id)).toMatchObject({ sentNow: 0, inProgress: 18 });
    f.setNow("2022-04-20T09:31:00+02:00");
    expect(await retryInvitation({ ...f.services, store: reopened }, GS, id)).toMatchObject({ accepted: 18, sentNow: 18 });
  });

  it("reads a data file from before claims had their own field as unclaimed", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    await claimAndDie(id);
    const raw = JSON.parse(await readFile(f.file, "utf8"));
    for (const r of raw.invitations[0].recipients) delete r.claimedAt;
    await writeFile(f.file, JSON.stringify(raw));

    const reopened = openJsonStore(f.file, { clock: f.services.clock });
    expect((await reopened.read()).invitations[0]!.recipients.every((r) => r.claimedAt === null)).toBe(true);
    const retry = await retryInvitation({ ...f.services, store: reopened }, GS, id);
    expect(retry).toMatchObject({ accepted: 18, sentNow: 18 });
  });
});

describe("without SMTP_URL (outbox folder)", () => {
  it("writes one .eml per recipient and says plainly that nothing was sent", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting(MEETING);
    const outbox = join(f.dir, "outbox");
    await f.services.mailer.close();
    f.services.mailer = outboxMailer(outbox, f.services.clock);

    const report = await sendInvitation(f.services, GS, id, NORMAL);

    expect(report).toMatchObject({ transport: "outbox", accepted: 18, sentNow: 18 });
    expect(report.text.de).toContain(`18 von 18 als .eml-Datei im Ausgangsordner ${outbox} abgelegt`);
    expect(report.text.de).toContain("Diese E-Mails wurden NICHT versandt");
    const files = await readdir(outbox);
    expect(files).toHaveLength(18);
    const mail = await parseMail(await readFile(join(outbox, files.find((n) => n.includes(FUCHS))!)));
    expect(mail.email.subject).toContain("Einladung: Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis");
    expect(imipPart(mail).vcalendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const delivered = (await f.store.auditLog()).find((e) => e.action === "invitation.delivered")!;
    expect(delivered.details.transport).toBe("outbox");
    expect(f.smtp.messages).toHaveLength(0);
  });
});
