/**
 * Documents a Kreis would send (issue 16.6), end to end through the chat of the Geschäftsstelle:
 * the minutes go out after one question that states the signatures (§ 7 Abs. 2 GO, per profile),
 * as the formatted print page in the mail's HTML and as PDF attachments of the final version; no
 * mail says "Entwurf". Letters open with the roster's salutation. Real parts: a demo data file, a
 * loopback SMTP server, every mail read back with postal-mime, every PDF with pdf-parse.
 */
import PostalMime, { type Email } from "postal-mime";
import { PDFParse } from "pdf-parse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { parseRosterCsv } from "../adapters/roster-file.ts";
import { loadProfile } from "../adapters/profiles.ts";
import { buildRoster } from "../services/roster-build.ts";
import { startHarness, type Harness } from "./support/bot-harness.ts";

const MEMBERS = ["dezernat-ii", "kommunales-integrationszentrum", "rechts-und-ordnungsamt", "amt-fuer-schule", "sozialamt", "jugendamt", "agentur-fuer-arbeit", "caritas", "diakonie"].map((id) => `m-${id}`);
const FUCHS = "sabine.fuchs@example.org"; // member for the Jugendamt

let bot: Harness;
beforeEach(async () => {
  bot = await startHarness("2022-04-01T09:00:00+02:00");
});
afterEach(() => bot.close());

async function expectSay(personId: string, text: string, expected: string): Promise<string> {
  const answer = await bot.say(personId, text);
  expect(answer, `${personId}: ${text}`).toContain(expected);
  return answer;
}

/** Invited, held with nine members present and one vote, the following meeting planned, minutes drafted. */
async function heldAndDrafted(): Promise<void> {
  await expectSay("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Großer Sitzungssaal", "Sitzung angelegt");
  await expectSay("gs-1", "/top Bericht der Geschäftsstelle", "TOP 1");
  await expectSay("gs-1", "/einladen", "Bitte bestätigen");
  await expectSay("gs-1", "ja", "18 von 18");
  bot.setNow("2022-05-12T10:05:00+02:00");
  for (const id of MEMBERS) await expectSay(id, "Ich bin anwesend", "als anwesend eingetragen");
  await expectSay("vorsitz", "/abstimmung TOP 1: 9 ja, 0 nein, 0 enthaltung; Beschluss: Der Bericht wird zur Kenntnis genommen.", "Angenommen");
  bot.setNow("2022-05-13T09:00:00+02:00");
  await expectSay("gs-1", "/sitzung 15.09.2022 10:00-12:00 Kreishaus Siegburg", "Sitzung angelegt");
  await expectSay("gs-1", "/niederschrift", "Entwurf der Niederschrift");
}

async function mailTo(email: string, from = 0): Promise<Email> {
  const raw = bot.smtp.messages.slice(from).find((m) => m.to.includes(email))!.raw;
  return PostalMime.parse(raw);
}

async function pdfText(content: ArrayBuffer | Uint8Array | string): Promise<string> {
  return (await new PDFParse({ data: new Uint8Array(content as ArrayBuffer) }).getText()).text;
}

describe("the minutes mail", () => {
  it("asks once, stating who signed (§ 7 Abs. 2 GO), then sends formatted HTML and the PDF, and nothing says 'Entwurf'", async () => {
    await heldAndDrafted();
    bot.setNow("2022-05-20T09:00:00+02:00");
    const before = bot.smtp.messages.length;
    const question = await bot.say("gs-1", "/niederschrift senden");
    expect(question).toContain("endgültige Fassung");
    expect(question).toContain("Mit „ja“ bestätigen Sie, dass Vorsitz (Dr. Ursula Lehmann-Görtz) und Leitung der Geschäftsstelle");
    expect(question).toContain("unterschrieben haben (§ 7 Abs. 2 GO)");
    expect(question).toContain("Empfänger (17)");
    expect(bot.smtp.messages.length).toBe(before);

    expect(await bot.say("gs-1", "ja")).toContain("17 von 17 versandt");
    expect(bot.smtp.messages.length - before).toBe(17);
    const mail = await mailTo(FUCHS, before);

    // The HTML part is the print page: headings, the table of those present, the status box — no Markdown.
    const html = mail.html!;
    expect(html).not.toContain("<pre");
    expect(html).not.toMatch(/\*\*|^#+ /m);
    expect(html).toContain('<table class="present">');
    expect(html).toContain("<h2>Anwesenheit</h2>");
    expect(html).toContain('<div class="status">versandt am 20.05.2022</div>');

    const pdfs = mail.attachments.filter((a) => a.mimeType === "application/pdf");
    expect(pdfs.map((a) => a.filename)).toEqual(["s-2022-05-12-niederschrift-intern.pdf", "s-2022-05-12-niederschrift-oeffentlich.pdf"]);
    expect(mail.attachments.some((a) => /\.html$/.test(a.filename ?? ""))).toBe(false);
    const text = await pdfText(pdfs[0]!.content);
    expect(text).toContain("Der Bericht wird zur Kenntnis genommen.");
    expect(text).toContain("9 Ja / 0 Nein / 0 Enthaltungen – angenommen");
    expect(text).toContain("gez. Dr. Ursula Lehmann-Görtz");
    expect(text).toMatch(/Seite 1 von \d/);

    for (const said of [mail.subject ?? "", mail.text ?? "", html, text, await pdfText(pdfs[1]!.content)]) expect(said).not.toContain("Entwurf");
  });

  it("Oberhausen: the question names the signers and the paragraph of its own rulebook", async () => {
    await heldAndDrafted();
    await openJsonStore(bot.file).update({ actorId: "test" }, (db) => void (db.body.profile = "oberhausen"));
    await expectSay("gs-1", "/niederschrift", "Entwurf");
    const oberhausen = loadProfile("oberhausen");
    if (!oberhausen.minutes.regulated) throw new Error("the Oberhausen profile regulates the minutes");
    const question = await bot.say("gs-1", "/niederschrift senden");
    for (const signer of oberhausen.minutes.signers) expect(question).toContain(signer.role.de);
    expect(question).toContain(`(${oberhausen.minutes.signaturesCitation})`);
    expect(question).not.toContain("§ 7 Abs. 2 GO");
  });
});

describe("objections to the minutes are settled in the chat (§ 7 Abs. 4 GO)", () => {
  it("a member objects, the chair settles it with /niederschrift einwand erledigt <Vermerk>, then the minutes are approved", async () => {
    await heldAndDrafted();
    bot.setNow("2022-05-20T09:00:00+02:00");
    await expectSay("gs-1", "/niederschrift senden", "Bitte bestätigen");
    await expectSay("gs-1", "ja", "17 von 17");
    await expectSay("m-caritas", "Einwand gegen die Niederschrift: Zu TOP 1 fehlt der Hinweis auf die Kursplätze.", "vermerkt");
    bot.setNow("2022-09-15T10:05:00+02:00");
    expect(await bot.say("vorsitz", "/niederschrift genehmigen")).toContain("Zu TOP 1 fehlt der Hinweis auf die Kursplätze");
    expect(await bot.say("vorsitz", "/niederschrift einwand")).toContain("„/niederschrift einwand erledigt <Vermerk>“");
    await expectSay("vorsitz", "/niederschrift einwand erledigt In der Sitzung ergänzt: 120 Kursplätze.", "In der Sitzung ergänzt: 120 Kursplätze");
    await expectSay("vorsitz", "/niederschrift genehmigen", "genehmigt");
    expect((await bot.db()).minutes[0]!.state).toBe("approved");
  });
});

describe("letters open with the roster's salutation", () => {
  it("the column anrede is read and stored on the person", () => {
    const csv = "rolle;institution;name;email;anrede\nmitglied;Jugendamt;Sabine Fuchs;sabine.fuchs@example.org;Frau\nstellvertretung;Jugendamt;Michael Jäger;michael.jaeger@example.org;Herr\nvorsitz;;Dr. Ursula Lehmann-Görtz;u@example.org;\ngeschaeftsstelle;;Paul Brückner;p@example.org;divers\nleitung-geschaeftsstelle;;Paula Brandt;pb@example.org;Frau";
    const built = buildRoster(parseRosterCsv(csv), null, { name: "Lenkungsgruppe", secretariatEmail: "gs@example.org", profile: "rhein-sieg-kreis" }, loadProfile);
    const salutation = (name: string) => built.roster.persons.find((p) => p.name === name)?.salutation;
    expect([salutation("Sabine Fuchs"), salutation("Michael Jäger"), salutation("Dr. Ursula Lehmann-Görtz"), salutation("Paul Brückner")]).toEqual(["ms", "mr", undefined, undefined]);
    const bad = () => buildRoster(parseRosterCsv(csv.replace(";Frau\n", ";Madame\n")), null, { name: "Lenkungsgruppe", secretariatEmail: "gs@example.org", profile: "rhein-sieg-kreis" }, loadProfile);
    expect(bad).toThrow(/anrede „Madame“ ist keine Anrede/);
  });

  it("invitation, notice and minutes say 'Sehr geehrte Frau …' / 'Sehr geehrter Herr …', else 'Guten Tag …'; the delegating member is not asked again", async () => {
    await openJsonStore(bot.file).update({ actorId: "test" }, (db) => {
      db.persons.find((p) => p.email === FUCHS)!.salutation = "ms";
      db.persons.find((p) => p.email === "michael.jaeger@example.org")!.salutation = "mr";
    });
    await expectSay("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg", "Sitzung angelegt");
    await expectSay("gs-1", "/top Bericht der Geschäftsstelle", "TOP 1");
    await expectSay("m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung", "erhält die Einladung");
    // The deputy's notice: a letter from the Geschäftsstelle.
    const notice = await mailTo("michael.jaeger@example.org");
    expect(notice.from).toMatchObject({ name: "Geschäftsstelle der Lenkungsgruppe KIM im Rhein-Sieg-Kreis" });
    expect(notice.text).toMatch(/^Sehr geehrter Herr Jäger,\n/);
    expect(notice.text).toMatch(/Mit freundlichen Grüßen\nGeschäftsstelle der Lenkungsgruppe KIM im Rhein-Sieg-Kreis\s*$/);

    const before = bot.smtp.messages.length;
    await expectSay("gs-1", "/einladen", "Bitte bestätigen");
    await expectSay("gs-1", "ja", "versandt");
    const member = await mailTo(FUCHS, before);
    expect(member.text).toContain("Sehr geehrte Frau Fuchs,");
    expect(member.text).toContain("Sie haben Ihre Stellvertretung Michael Jäger geschickt");
    expect(member.text).not.toContain("Bitte teilen Sie uns mit, ob Sie teilnehmen");
    expect((await mailTo("michael.jaeger@example.org", before)).text).toContain("Sehr geehrter Herr Jäger,");
    expect((await mailTo("monika.luehrs@example.org", before)).text).toContain("Guten Tag Monika Lührs,");
  });
});
