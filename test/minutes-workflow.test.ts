/**
 * The minutes after the session (§ 7 GO Rhein-Sieg), end to end on real parts: a temporary data
 * file, the files written to disk, a real SMTP server on loopback, every mail read back with
 * postal-mime, and the command line as a child process.
 * Session: Thu 12.05.2022 10:00 (minutes-fixture.ts); following meeting: Thu 15.09.2022 10:00.
 */
import { access, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ServiceError } from "../services/errors.ts";
import { worded, type Worded } from "./support/refusal.ts";
import { addAgendaItem } from "../services/add-agenda-item.ts";
import { minutesFiles } from "../adapters/minutes-files.ts";
import { lastHeldMeeting } from "../services/minutes-workflow.ts";
import { approveMinutes, draftMinutes, recordObjection, resolveObjections, sendMinutes } from "./support/worded-minutes.ts";
import { PDFParse } from "pdf-parse";
import PostalMime from "postal-mime";
import { GS, MEETING_ID, minutesWorld, NEXT_MEETING_ID, worldDb, type MinutesWorld } from "./support/minutes-workflow-fixture.ts";
import { oberhausen } from "./support/profiles.ts";
import { runCli } from "./support/store-process.ts";

const AFTER = "2022-05-13T09:00:00+02:00";
const SENDING = "2022-05-20T09:00:00+02:00";
const NEXT_START = "2022-09-15T10:05:00+02:00";
const SUBJECT = "Niederschrift der Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis vom Donnerstag, 12.05.2022";
const HEINEN = "hans.heinen@example.org"; // member for the Caritas
const GROSS = "gul.gro@example.org"; // member for the Agentur für Arbeit ("Gül Groß")

let w: MinutesWorld;
afterEach(async () => {
  await w?.close();
});

/** The HTML as a reader sees it: tags dropped, entities read. */
const visible = (html: string) =>
  html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<br>/g, "\n").replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** The attachments as bytes (postal-mime's default; the shared parser reads them as UTF-8 text). */
async function pdfAttachments(raw: Buffer | string): Promise<Buffer[]> {
  return (await PostalMime.parse(raw)).attachments.map((a) => Buffer.from(a.content as ArrayBuffer));
}

/** The text of a PDF as a reader extracts it (pdf-parse). */
async function pdfText(pdf: Buffer): Promise<string> {
  return (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
}

async function refusal(p: Promise<unknown>): Promise<Worded> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ServiceError);
  return worded(e as ServiceError);
}

async function memberEmails(): Promise<string[]> {
  const db = await w.store.read();
  return db.institutions.map((i) => db.persons.find((p) => p.id === i.memberId)!.email).sort();
}

/** Sends the minutes at `now` (by default the sending day). */
function sendAt(now = SENDING) {
  w.setNow(now);
  return sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
}

async function draftAndSend(now = SENDING) {
  w.setNow(AFTER);
  await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
  return sendAt(now);
}

/** A new world the day after the meeting, under another body's rules; answers the draft of its minutes. */
async function draftUnder(profile: string) {
  w = await minutesWorld(AFTER);
  await w.edit((db) => void (db.body.profile = profile));
  return draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
}

describe("lastHeldMeeting", () => {
  it("is the latest meeting that began before now, never a cancelled one", () => {
    const db = worldDb();
    expect(lastHeldMeeting(db, new Date("2022-05-12T09:00:00+02:00"))).toBeNull();
    expect(lastHeldMeeting(db, new Date("2022-05-12T10:30:00+02:00"))?.id).toBe(MEETING_ID);
    expect(lastHeldMeeting(db, new Date("2022-09-16T00:00:00+02:00"))?.id).toBe(NEXT_MEETING_ID);
    db.meetings[1]!.state = "cancelled";
    expect(lastHeldMeeting(db, new Date("2022-09-16T00:00:00+02:00"))?.id).toBe(MEETING_ID);
  });
});

describe("drafting the minutes (§ 7 Abs. 1, 2, 5 GO)", () => {
  it("writes internal and public Markdown and HTML with every § 7 part, and records a draft", async () => {
    w = await minutesWorld(AFTER);
    const result = await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });

    expect(result.files.internalHtml).toBe(join(w.outDir, "s-2022-05-12-niederschrift-intern.html"));
    expect(result.files.publicHtml).toBe(join(w.outDir, "s-2022-05-12-niederschrift-oeffentlich.html"));
    expect(result.state).toBe("draft");
    expect(result.text.de).toContain("§ 7 Abs. 2 GO");
    expect(await readFile(result.files.internalMd, "utf8")).toBe(result.markdown);

    const internal = visible(await readFile(result.files.internalHtml, "utf8"));
    for (const part of [
      "Kreishaus Siegburg, Sitzungssaal 1.23", "Donnerstag, 12.05.2022", "10:00 Uhr", "12:00 Uhr", // place, day, time
      "Anna Albers", "Elif Kurz-Stein – Stellvertretung für Rita Quast", // members present
      "TOP 2: Handlungskonzept KIM 2022/2023", "TOP 3: Personalangelegenheiten Case-Management (nicht öffentlich)", // agenda
      "9 Ja / 2 Nein / 1 Enthaltung", "angenommen", "6 Ja / 4 Nein / 2 Enthaltungen", // vote results
      "Die Lenkungsgruppe beschließt das Handlungskonzept", // resolution
      "Persönliche Erklärung von Hans Heinen", "Finanzierung der Sprachmittlung", // personal statement
      "Unterschriften gemäß § 7 Abs. 2 GO", "Dr. Ursula Vorsitz Vorsitz", "Miriam Protokoll Leitung der Geschäftsstelle", // signatures
    ]) expect(internal).toContain(part);

    const open = visible(await readFile(result.files.publicHtml!, "utf8"));
    expect(open).toContain("Öffentliche Fassung (§ 7 Abs. 5 GO)");
    expect(open).toContain("TOP 2: Handlungskonzept KIM 2022/2023");
    for (const secret of ["Personalangelegenheiten", "Frau Geheim", "Vertrauliche Erklärung"]) {
      expect(open).not.toContain(secret);
      expect(await readFile(result.files.publicMd!, "utf8")).not.toContain(secret);
    }

    const db = await w.store.read();
    expect(db.minutes).toEqual([{ meetingId: MEETING_ID, state: "draft", createdAt: AFTER, sentAt: null, objections: [], approvedAt: null }]);
  });

  it("marks an invited meeting as held once it has begun, and refuses one that has not", async () => {
    w = await minutesWorld("2022-05-12T09:30:00+02:00");
    await w.edit((db) => void (db.meetings[0]!.state = "invited"));
    const early = await refusal(draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(early.texts.de).toContain("hat noch nicht begonnen");

    w.setNow("2022-05-12T12:05:00+02:00");
    await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    expect((await w.store.read()).meetings[0]!.state).toBe("held");
  });

  it("drafts again after another vote: the files are overwritten, the record stays", async () => {
    w = await minutesWorld(AFTER);
    const first = await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    await w.edit((db) => {
      db.votes.push({ ...db.votes[0]!, id: "v-4", agendaItemId: `${MEETING_ID}-top-1`, resolution: "Die Tagesordnung wird festgestellt.", recordedAt: "2022-05-12T10:05:00+02:00" });
    });
    w.setNow("2022-05-14T09:00:00+02:00");
    const second = await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });

    expect(second.files).toEqual(first.files);
    expect(second.text.de).toContain("neu erstellt");
    expect(await readFile(second.files.internalHtml, "utf8")).toContain("Die Tagesordnung wird festgestellt.");
    expect((await w.store.read()).minutes).toHaveLength(1);
    expect((await w.store.read()).minutes[0]!.createdAt).toBe(AFTER);
    expect((await w.store.auditLog()).map((e) => e.action)).toEqual(expect.arrayContaining(["minutes.draft", "minutes.redraft"]));
  });

  it("is for the Geschäftsstelle and the chair only", async () => {
    w = await minutesWorld(AFTER);
    const e = await refusal(draftMinutes(w.services, "m-caritas", MEETING_ID, { folder: w.folder }));
    expect(e.kind).toBe("forbidden");
    expect(e.texts).toEqual({ de: "Die Niederschrift erstellt die Geschäftsstelle (oder der Vorsitz).", en: "The minutes are drawn up by the Geschäftsstelle (or the chair)." });
    await expect(access(w.outDir)).rejects.toThrow();
    expect((await w.store.read()).minutes).toEqual([]);
    await expect(draftMinutes(w.services, "vorsitz", MEETING_ID, { folder: w.folder })).resolves.toMatchObject({ state: "draft" });
    const send = await refusal(sendMinutes(w.services, "d-troisdorf", MEETING_ID, { folder: w.folder }));
    expect(send.kind).toBe("forbidden");
    expect(w.smtp.messages).toHaveLength(0);
  });
});

describe("sending the minutes to every member (§ 7 Abs. 3 GO)", () => {
  it("sends one mail per member with both versions attached as PDF, and marks the minutes sent", async () => {
    w = await minutesWorld(AFTER);
    const report = await draftAndSend();

    expect(report).toMatchObject({ total: 17, accepted: 17, sentNow: 17, failed: [], delivery: "attachment", state: "sent", sentAt: SENDING, transport: "smtp" });
    expect(report.text.de).toBe("Niederschrift der Sitzung vom Donnerstag, 12.05.2022: 17 von 17 versandt.");
    // Counted at the server: one message per member, nobody else (no deputy, not the chair).
    expect(w.smtp.messages.every((m) => m.to.length === 1)).toBe(true);
    expect(w.smtp.messages.map((m) => m.to[0]).sort()).toEqual(await memberEmails());

    const mails = await w.mails();
    const heinen = mails.find((m) => m.to[0] === HEINEN)!;
    expect(heinen.email.subject).toBe(SUBJECT);
    expect(heinen.email.from).toMatchObject({ address: "geschaeftsstelle-kim@example.org", name: "Geschäftsstelle der Lenkungsgruppe KIM im Rhein-Sieg-Kreis" });
    expect(heinen.email.date).toBe(new Date(SENDING).toISOString());
    expect(heinen.email.text).toContain("Guten Tag Hans Heinen,");
    expect(heinen.email.text).toContain("(§ 7 Abs. 3 GO)");
    expect(heinen.email.text).toContain("zu Beginn der nachfolgenden Sitzung am Donnerstag, 15.09.2022 ein; andernfalls wird die Niederschrift als genehmigt festgestellt (§ 7 Abs. 4 GO)");
    expect(heinen.email.text).toContain("9 Ja / 2 Nein / 1 Enthaltung"); // the minutes themselves, in the body
    expect(visible(heinen.email.html!)).toContain("9 Ja / 2 Nein / 1 Enthaltung");

    // The PDFs of the final version (issue 16.6), kept beside the files: what was attached.
    expect(heinen.email.attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      ["s-2022-05-12-niederschrift-intern.pdf", "application/pdf"],
      ["s-2022-05-12-niederschrift-oeffentlich.pdf", "application/pdf"],
    ]);
    const [intern, open] = await pdfAttachments(w.smtp.messages.find((m) => m.to[0] === HEINEN)!.raw);
    expect(intern!.equals(await readFile(join(w.outDir, "s-2022-05-12-niederschrift-intern.pdf")))).toBe(true);
    const internText = await pdfText(intern!);
    expect(internText).toContain("Personalangelegenheiten Case-Management");
    expect(internText).toContain("versandt am 20.05.2022");
    expect(await pdfText(open!)).not.toContain("Personalangelegenheiten");
    // The HTML part is the print page, formatted; the files on disk got the new status.
    expect(heinen.email.html).toContain('<div class="status">versandt am 20.05.2022</div>');
    expect(heinen.email.html).not.toContain("<pre");
    expect(await readFile(join(w.outDir, "s-2022-05-12-niederschrift-intern.html"), "utf8")).toContain('<div class="status">versandt am 20.05.2022</div>');

    const delivered = (await w.store.auditLog()).filter((e) => e.action === "minutes.delivered");
    expect(delivered).toHaveLength(1);
    expect((delivered[0]!.details.accepted as unknown[]).length).toBe(17);
  });

  it("puts download links instead of attachments above the size limit, and refuses without a link", async () => {
    w = await minutesWorld(AFTER);
    await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    w.setNow(SENDING);

    const refused = await refusal(sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder, maxAttachmentBytes: 1000 }));
    expect(refused.texts.de).toMatch(/zu groß für einen Anhang: bitte s-2022-05-12-niederschrift-intern\.pdf und s-2022-05-12-niederschrift-oeffentlich\.pdf in der Cloud ablegen .*\(§ 7 Abs\. 3 GO\)/);
    // The PDFs to upload are there beside the other files.
    expect((await readdir(w.outDir)).filter((f) => f.endsWith(".pdf"))).toEqual(["s-2022-05-12-niederschrift-intern.pdf", "s-2022-05-12-niederschrift-oeffentlich.pdf"]);
    expect(w.smtp.messages).toHaveLength(0);

    const report = await sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder, maxAttachmentBytes: 1000, downloadUrlBase: "https://cloud.example.org/kim/2022-05-12/" });
    const link = "https://cloud.example.org/kim/2022-05-12/s-2022-05-12-niederschrift-intern.pdf";
    expect(report).toMatchObject({ accepted: 17, delivery: "link", links: [link, "https://cloud.example.org/kim/2022-05-12/s-2022-05-12-niederschrift-oeffentlich.pdf"] });
    expect(report.text.de).toContain("Download-Links");
    const [mail] = await w.mails();
    expect(mail!.email.attachments).toEqual([]);
    expect(mail!.email.text).toContain(`wegen ihrer Größe nicht angehängt, sondern zum Download hinterlegt (§ 7 Abs. 3 GO):\n\n${link}`);
    expect(mail!.email.html).toContain(`<a href="${link}">`);
  });

  it("reports 15 of 17 when the server refuses two; a second call sends exactly those two", async () => {
    w = await minutesWorld(AFTER);
    w.refuse.add(HEINEN).add(GROSS);
    const first = await draftAndSend();

    expect(first).toMatchObject({ total: 17, accepted: 15, sentNow: 15, state: "draft", sentAt: null });
    expect(first.failed.map((f) => f.name).sort()).toEqual(["Gül Groß", "Hans Heinen"]);
    expect(first.text.de).toMatch(/^Niederschrift der Sitzung vom Donnerstag, 12\.05\.2022: 15 von 17 versandt, 2 fehlgeschlagen: /);
    expect(first.text.de).toContain(`Hans Heinen <${HEINEN}> – `);
    expect(first.text.de).toContain("geht nur an die fehlenden Mitglieder");
    expect((await w.store.read()).minutes[0]!.state).toBe("draft");

    // Fifteen have the text now: it is not drafted again.
    const redraft = await refusal(draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(redraft.texts.de).toContain("bereits an 15 von 17 Mitgliedern versandt");

    w.refuse.clear();
    w.setNow("2022-05-21T08:00:00+02:00");
    const retry = await sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    expect(retry).toMatchObject({ total: 17, accepted: 17, sentNow: 2, failed: [], state: "sent", sentAt: "2022-05-21T08:00:00+02:00" });
    expect(w.smtp.messages.slice(15).map((m) => m.to[0]).sort()).toEqual([GROSS, HEINEN]);
    expect(w.smtp.messages).toHaveLength(17);

    const again = await sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    expect(again).toMatchObject({ sentNow: 0, accepted: 17 });
    expect(again.text.de).toContain("bereits an alle 17 Mitglieder versandt");
    expect(w.smtp.messages).toHaveLength(17);
  });

  it("needs a draft first", async () => {
    w = await minutesWorld(SENDING);
    const e = await refusal(sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(e.texts.de).toContain("noch keinen Entwurf");
  });
});

describe("objections and approval (§ 7 Abs. 4 GO)", () => {
  it("without objections the minutes are approved at the start of the next meeting", async () => {
    w = await minutesWorld(AFTER);
    await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    const unsent = await refusal(approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(unsent.texts.de).toContain("noch nicht an alle Mitglieder versandt");

    await sendAt();
    w.setNow("2022-09-15T09:30:00+02:00");
    const early = await refusal(approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(early.texts.de).toBe("Die Niederschrift wird zu Beginn der nachfolgenden Sitzung als genehmigt festgestellt (§ 7 Abs. 4 GO), also frühestens am Donnerstag, 15.09.2022, 10:00 Uhr.");

    w.setNow(NEXT_START);
    const approved = await approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    expect(approved).toMatchObject({ state: "approved", approvedAt: NEXT_START, changed: true });
    expect(approved.text.de).toContain("ist genehmigt (§ 7 Abs. 4 GO)");
    const db = await w.store.read();
    expect(db.minutes[0]).toMatchObject({ state: "approved", approvedAt: NEXT_START });
    expect(db.meetings.find((m) => m.id === MEETING_ID)!.state).toBe("minutes-approved");
    expect((await refusal(addAgendaItem(w.services, MEETING_ID, "Nachtrag", true, GS))).texts.de).toContain("ist abgeschlossen (Niederschrift genehmigt)");

    // Approved means fixed: no new draft, no more objections; approving again changes nothing.
    expect((await refusal(draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder }))).texts.de).toContain("bereits am Donnerstag, 15.09.2022 genehmigt");
    expect((await refusal(recordObjection(w.services, "m-caritas", MEETING_ID, "zu spät"))).kind).toBe("conflict");
    expect(await approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder })).toMatchObject({ changed: false, state: "approved" });
  });

  it("with an objection approval is refused naming it, until the chair resolves it", async () => {
    w = await minutesWorld(AFTER);
    await draftAndSend();
    w.setNow("2022-09-15T10:01:00+02:00");

    const guest = await refusal(recordObjection(w.services, "gast-1", MEETING_ID, "Mein Beitrag fehlt."));
    expect(guest.kind).toBe("forbidden");
    // Control characters and a direction override (from the CLI's --text, say) never reach the minutes.
    const objection = await recordObjection(w.services, "m-caritas", MEETING_ID, "  Zu TOP 2:\u0000 Der Caritasverband\u202E hat sich enthalten.\u000B  ");
    expect(objection.open).toBe(1);
    expect(objection.text.de).toContain("zu Beginn der nachfolgenden Sitzung am Donnerstag, 15.09.2022 behandelt (§ 7 Abs. 4 GO)");

    w.setNow(NEXT_START);
    const refused = await refusal(approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(refused.kind).toBe("conflict");
    expect(refused.texts.de).toContain("liegt ein Änderungswunsch vor – Hans Heinen: „Zu TOP 2: Der Caritasverband hat sich enthalten.“");
    expect((await w.store.read()).minutes[0]!.state).toBe("sent");

    expect((await refusal(resolveObjections(w.services, "m-caritas", MEETING_ID, "erledigt"))).kind).toBe("forbidden");
    const resolved = await resolveObjections(w.services, "vorsitz", MEETING_ID, "TOP 2 wird berichtigt: 8 Ja, 2 Nein, 2 Enthaltungen.");
    expect(resolved.text.de).toContain("Ein Änderungswunsch ist als erledigt vermerkt");
    const entry = (await w.store.auditLog()).find((e) => e.action === "minutes.objections-resolved")!;
    expect(entry).toMatchObject({ actorId: "vorsitz", details: { meetingId: MEETING_ID, note: "TOP 2 wird berichtigt: 8 Ja, 2 Nein, 2 Enthaltungen." } });
    expect(entry.details.objections).toEqual([{ personId: "m-caritas", text: "Zu TOP 2: Der Caritasverband hat sich enthalten.", at: "2022-09-15T10:01:00+02:00" }]);

    await expect(approveMinutes(w.services, "vorsitz", MEETING_ID, { folder: w.folder })).resolves.toMatchObject({ state: "approved" });
  });

  it("approval is for the Geschäftsstelle and the chair only", async () => {
    w = await minutesWorld(AFTER);
    await draftAndSend();
    w.setNow(NEXT_START);
    expect((await refusal(approveMinutes(w.services, "m-caritas", MEETING_ID, { folder: w.folder }))).kind).toBe("forbidden");
    expect((await w.store.read()).minutes[0]!.state).toBe("sent");
  });
});

describe("the files show the state of the minutes", () => {
  it("say 'Entwurf', then 'versandt am …', then 'genehmigt am …', and keep the text that was sent", async () => {
    w = await minutesWorld(AFTER);
    const { files } = await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    const read = async () => Promise.all([files.internalMd, files.internalHtml, files.publicMd!, files.publicHtml!].map((f) => readFile(f, "utf8")));
    for (const text of await read()) expect(text).toContain("Entwurf");

    await sendAt();
    const [md, html, publicMd, publicHtml] = await read();
    expect(md).toMatch(/^\*\*versandt am 20\.05\.2022\*\* · Interne Fassung/m);
    expect(publicMd).toMatch(/^\*\*versandt am 20\.05\.2022\*\* · Öffentliche Fassung/m);
    expect(html).toContain('<div class="status">versandt am 20.05.2022</div>');
    expect(html).toContain('content: "Niederschrift vom 12.05.2022 · versandt am 20.05.2022 · Interne Fassung"'); // the printed footer
    expect(publicHtml).toContain('<div class="status">versandt am 20.05.2022</div>');
    for (const text of [md, html, publicMd, publicHtml]) expect(text).not.toContain("Entwurf");

    // A vote recorded after sending does not creep into the files: members approve what they got.
    await w.edit((db) => void db.votes.push({ ...db.votes[0]!, id: "v-late", resolution: "Nachträglich erfasster Beschluss." }));
    w.setNow(NEXT_START);
    await approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    const approved = await read();
    expect(approved[0]).toMatch(/^\*\*genehmigt am 15\.09\.2022\*\* · Interne Fassung/m);
    expect(approved[1]).toContain('<div class="status">genehmigt am 15.09.2022</div>');
    expect(approved[1]).toContain("· genehmigt am 15.09.2022 · Interne Fassung");
    expect(approved[3]).toContain('<div class="status">genehmigt am 15.09.2022</div>');
    for (const text of approved) {
      expect(text).not.toMatch(/Entwurf|versandt am/);
      expect(text).not.toContain("Nachträglich erfasster Beschluss");
    }
    expect(approved[0]).toBe(md!.replace("versandt am 20.05.2022", "genehmigt am 15.09.2022"));
  });

  it("a draft changed by hand, or with something recorded since, is not sent: what goes out is made from the data", async () => {
    w = await minutesWorld(AFTER);
    const { files } = await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    await writeFile(files.internalMd, (await readFile(files.internalMd, "utf8")).replace("Kreishaus Siegburg", "Kreishaus Siegburg (Altbau)"));
    w.setNow(SENDING);
    const refused = await refusal(sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(refused.texts.de).toContain("nicht mehr auf dem Stand des Entwurfs (s-2022-05-12-niederschrift-intern.md");
    expect(refused.texts.de).toContain("nichts versandt");
    expect(w.smtp.messages).toHaveLength(0);

    await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    await w.edit((db) => void db.votes.push({ ...db.votes[0]!, id: "v-after-draft", resolution: "Nach dem Entwurf erfasst." }));
    await refusal(sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(w.smtp.messages).toHaveLength(0);
    await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    expect(await sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder })).toMatchObject({ accepted: 17, state: "sent" });
  });

  it("names a file it could not update, and leaves it alone", async () => {
    w = await minutesWorld(AFTER);
    const { files } = await draftMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    w.setNow(SENDING);
    await sendMinutes(w.services, GS, MEETING_ID, { folder: w.folder, maxAttachmentBytes: 10_000_000 });
    // Set anew by hand after sending: the approval cannot restamp it and says so.
    await writeFile(files.publicHtml!, "<p>Von Hand neu gesetzt</p>");
    w.setNow(NEXT_START);
    const report = await approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    expect(report.state).toBe("approved");
    expect(report.text.de).toContain("Diese Dateien zeigen den neuen Stand nicht, weil sie fehlen oder von Hand geändert wurden: s-2022-05-12-niederschrift-oeffentlich.html.");
    expect(report.text.en).toContain("These files do not show the new status");
    expect(await readFile(files.publicHtml!, "utf8")).toBe("<p>Von Hand neu gesetzt</p>");
    expect(await readFile(files.internalHtml, "utf8")).toContain("genehmigt am 15.09.2022");
  });
});

describe("Oberhausen: the next meeting confirms the minutes (Nr. 4.7, 4.8 GO)", () => {
  it("words the files, the mail and the answers as confirmation, with objections at the latest in that meeting", async () => {
    const draft = await draftUnder("oberhausen");
    expect(draft.markdown).toContain("Änderungswünsche zum Inhalt sind spätestens in der nachfolgenden Sitzung einzubringen; dort wird die Niederschrift bestätigt (Nr. 4.7, 4.8 GO).");
    expect(draft.markdown).not.toContain("genehmigt");

    await sendAt();
    const [mail] = await w.mails();
    expect(mail!.email.text).toContain("Änderungswünsche zum Inhalt bringen Sie bitte spätestens in der nachfolgenden Sitzung am Donnerstag, 15.09.2022 ein; dort wird die Niederschrift bestätigt (Nr. 4.7, 4.8 GO).");
    expect(mail!.email.text).not.toContain("als genehmigt festgestellt");

    w.setNow("2022-09-15T09:30:00+02:00");
    const early = await refusal(approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder }));
    expect(early.texts.de).toBe("Die Niederschrift wird in der nachfolgenden Sitzung bestätigt (Nr. 4.7, 4.8 GO), also frühestens am Donnerstag, 15.09.2022, 10:00 Uhr.");
    expect(early.texts.en).toBe("The minutes are confirmed in the following meeting (Nr. 4.7, 4.8 GO), so not before Thursday, 15.09.2022, 10:00.");
    const objection = await recordObjection(w.services, "m-caritas", MEETING_ID, "Zu TOP 2: Enthaltung der Caritas.");
    expect(objection.text.de).toContain("er wird in der nachfolgenden Sitzung am Donnerstag, 15.09.2022 behandelt (Nr. 4.7, 4.8 GO)");
    const resolved = await resolveObjections(w.services, "vorsitz", MEETING_ID, "berichtigt");
    expect(resolved.text.de).toContain("Die Niederschrift kann jetzt bestätigt werden.");

    w.setNow(NEXT_START);
    const confirmed = await approveMinutes(w.services, GS, MEETING_ID, { folder: w.folder });
    expect(confirmed.text.de).toBe("Die Niederschrift der Sitzung vom Donnerstag, 12.05.2022 ist bestätigt (Nr. 4.7, 4.8 GO); festgestellt am Donnerstag, 15.09.2022.");
    expect(confirmed.text.en).toContain("are confirmed (Nr. 4.7, 4.8 GO)");
    expect(await readFile(minutesFiles(w.outDir, MEETING_ID, oberhausen).internalHtml, "utf8")).toContain('<div class="status">bestätigt am 15.09.2022</div>');
    expect(confirmed.text.de).not.toContain("Diese Dateien zeigen den neuen Stand nicht");

    // The confirmed meeting is shown as such where someone still tries to change it.
    const closed = await refusal(addAgendaItem(w.services, MEETING_ID, "Nachtrag", true, GS));
    expect(closed.texts.de).toBe(`Die Sitzung ${MEETING_ID} ist abgeschlossen (Niederschrift bestätigt); ihre Tagesordnung kann nicht mehr ergänzt werden.`);
    expect(closed.texts.en).toContain("closed (minutes confirmed)");
  });

  it("signs as the rulebook says: the Geschäftsführung draws them up, the moderator countersigns (Nr. 4.7 GO)", async () => {
    const draft = await draftUnder("oberhausen");
    expect(draft.text.de).toContain("Vor dem Versand bitte unterschreiben lassen – Geschäftsführung (Protokoll): Miriam Protokoll, Moderation (Gegenzeichnung): Dr. Ursula Vorsitz (Nr. 4.7 GO);");
    expect(draft.text.en).toContain("have them signed – Geschäftsführung (minutes): Miriam Protokoll, moderator (countersignature): Dr. Ursula Vorsitz (Nr. 4.7 GO);");
    const page = visible(await readFile(draft.files.internalHtml, "utf8"));
    expect(page).toMatch(/Unterschriften gemäß Nr\. 4\.7 GO .*Miriam Protokoll Geschäftsführung \(Protokoll\) Dr\. Ursula Vorsitz Moderation \(Gegenzeichnung\)/);
    expect(draft.markdown).not.toMatch(/^Vorsitz: /m);
  });

  it("writes and sends no public version, and claims no publicity: the Lenkungskreis meets in closed session (Nr. 4.2 GO)", async () => {
    const draft = await draftUnder("oberhausen");
    expect(draft.files).toMatchObject({ publicMd: null, publicHtml: null });
    expect(await readdir(w.outDir)).toEqual(["s-2022-05-12-niederschrift-intern.html", "s-2022-05-12-niederschrift-intern.md"]);
    expect(draft.text.de).toContain("Eine öffentliche Fassung wird nicht erstellt: Eine Veröffentlichung der Niederschrift sieht die Geschäftsordnung nicht vor, und der Lenkungskreis tagt nicht öffentlich (Nr. 4.2 GO).");
    expect(draft.text.de).not.toContain("öffentliche Fassung s-");
    expect(draft.markdown).toContain("Eine Veröffentlichung der Niederschrift sieht die Geschäftsordnung nicht vor, und der Lenkungskreis tagt nicht öffentlich (Nr. 4.2 GO).");
    expect(draft.markdown).toContain("Fassung für die Mitglieder – enthält nicht öffentliche Punkte");
    expect(draft.markdown).not.toMatch(/ist öffentlich|öffentliche Fassung|Interne Fassung/);

    const report = await sendAt();
    expect(report).toMatchObject({ accepted: 17, state: "sent" });
    expect(report.text.de).not.toContain("Diese Dateien zeigen den neuen Stand nicht");
    const [mail] = await w.mails();
    expect(mail!.email.attachments.map((a) => a.filename)).toEqual(["s-2022-05-12-niederschrift-intern.pdf"]);
    expect(mail!.email.text).toContain("als PDF-Datei und unten im Text.");
    expect(mail!.email.text).toContain("Eine Veröffentlichung der Niederschrift sieht die Geschäftsordnung nicht vor, und der Lenkungskreis tagt nicht öffentlich (Nr. 4.2 GO).");
    expect(mail!.email.text).not.toMatch(/ist öffentlich|öffentliche Fassung/);
  });
});

describe("Kreis Wesel: the cooperation contract has no minutes rule", () => {
  it("gives approval as the Geschäftsstelle's own procedure, not as a rule, and writes no public version", async () => {
    const draft = await draftUnder("kreis-wesel");
    expect(draft.markdown).toContain("Eine Niederschrift ist im Kooperationsvertrag nicht geregelt.");
    expect(draft.markdown).toContain("Verfahren der Geschäftsstelle: Die Niederschrift geht jedem Mitglied per E-Mail zu; Änderungswünsche zum Inhalt bitte zu Beginn der nachfolgenden Sitzung einbringen, andernfalls wird die Niederschrift als genehmigt festgestellt.");
    expect(draft.markdown).not.toContain("Änderungswünsche zum Inhalt sind");
    expect(draft.text.de).toContain("Eine öffentliche Fassung wird nicht erstellt: Eine Niederschrift ist im Kooperationsvertrag nicht geregelt.");
    expect(await readdir(w.outDir)).toEqual(["s-2022-05-12-niederschrift-intern.html", "s-2022-05-12-niederschrift-intern.md"]);

    await sendAt();
    const [mail] = await w.mails();
    expect(mail!.email.text).toContain("Eine Niederschrift ist im Kooperationsvertrag nicht geregelt. Verfahren der Geschäftsstelle: Änderungswünsche zum Inhalt bringen Sie bitte zu Beginn der nachfolgenden Sitzung am Donnerstag, 15.09.2022 ein; andernfalls wird die Niederschrift als genehmigt festgestellt.");
  });
});

describe("command line", () => {
  it("`minutes draft --json` drafts the last held meeting beside the data file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lg-minutes-cli-"));
    try {
      const file = join(dir, "db.json");
      await writeFile(file, JSON.stringify(worldDb(), null, 2));
      const run = await runCli(["--db", file, "--now", AFTER, "minutes", "draft", "--json"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout) as { meetingId: string; state: string; files: Record<string, string> };
      expect(out).toEqual({
        meetingId: MEETING_ID,
        state: "draft",
        files: {
          internalMd: join(dir, "minutes", "s-2022-05-12-niederschrift-intern.md"),
          internalHtml: join(dir, "minutes", "s-2022-05-12-niederschrift-intern.html"),
          publicMd: join(dir, "minutes", "s-2022-05-12-niederschrift-oeffentlich.md"),
          publicHtml: join(dir, "minutes", "s-2022-05-12-niederschrift-oeffentlich.html"),
        },
      });
      expect(await readFile(out.files.internalHtml!, "utf8")).toContain("Unterschriften gemäß § 7 Abs. 2 GO");
      const db = JSON.parse(await readFile(file, "utf8")) as { minutes: unknown[] };
      expect(db.minutes).toEqual([expect.objectContaining({ meetingId: MEETING_ID, state: "draft" })]);

      const approve = await runCli(["--db", file, "--now", AFTER, "minutes", "approve"]);
      expect(approve.code).toBe(2);
      expect(approve.stderr).toContain("Fehler: Die Niederschrift der Sitzung vom Donnerstag, 12.05.2022 ist noch nicht an alle Mitglieder versandt");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
