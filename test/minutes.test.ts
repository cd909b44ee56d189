import { describe, expect, it } from "vitest";
import { buildMinutes, type MinutesDoc } from "../adapters/minutes-document.ts";
import { ServiceError } from "../services/errors.ts";
import { words } from "../texts/catalog.ts";
import { renderHtml, renderMarkdown, restampHtml, restampMarkdown } from "../adapters/minutes-render.ts";
import { MEETING_ID, minutesFixture, XSS_TITLE } from "./support/minutes-fixture.ts";
import { oberhausen, rheinSieg, wesel } from "./support/profiles.ts";
import type { Db } from "../domain/model.ts";

const internal = (db: Db = minutesFixture(), profile = rheinSieg) => buildMinutes(db, MEETING_ID, profile, { version: "internal" });
const publicDoc = (db: Db = minutesFixture()) => buildMinutes(db, MEETING_ID, rheinSieg, { version: "public" });
/** A refusal as the Geschäftsstelle reads it (services say a code; texts/catalog.ts words it). */
const refusal = (build: () => unknown) => () => {
  try {
    build();
  } catch (e) {
    throw e instanceof ServiceError ? new Error(words(e.said).de) : e;
  }
};
const both = (doc: MinutesDoc) => ({ md: renderMarkdown(doc), html: renderHtml(doc) });
/** The HTML as a reader sees it: tags dropped, entities read. */
const visible = (html: string) =>
  html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<br>/g, "\n").replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ");
/** Markdown as a reader sees it: emphasis and escapes dropped. */
const plain = (md: string) => md.replace(/\*\*/g, "").replace(/\\(.)/g, "$1");

describe("minutes model (§ 7 Abs. 1 GO)", () => {
  it("takes place, day and times from the meeting, in Berlin time and German format", () => {
    expect(internal().session).toEqual({
      day: "Donnerstag, 12.05.2022", start: "10:00 Uhr", end: "12:00 Uhr",
      location: "Kreishaus Siegburg, Sitzungssaal 1.23", mode: "hybrid (in Präsenz und digital)",
    });
  });

  it("lists attendance by institution: deputies marked, excused members, institutions not represented", () => {
    const a = internal().attendance;
    expect(a.represented).toBe(12);
    expect(a.votingInstitutions).toBe(17);
    expect(a.present).toHaveLength(12);
    expect(a.present).toContainEqual({ institution: "Stadt Troisdorf", person: "Elif Kurz-Stein", deputyFor: "Rita Quast", online: false, voting: true });
    expect(a.present.find((p) => p.institution === "Rhein-Sieg-Kreis - Rechts- und Ordnungsamt")?.online).toBe(true);
    expect(a.excused).toEqual([
      { institution: "Gemeinde Much", person: "Jan Jansen", representedBy: null },
      { institution: "Gemeinde Windeck", person: "Lars Lorenz", representedBy: null },
      { institution: "Stadt Troisdorf", person: "Rita Quast", representedBy: "Elif Kurz-Stein" },
    ]);
    expect(a.notRepresented).toEqual([
      "Rhein-Sieg-Kreis - Jugendamt",
      "Untere Schulaufsichtsbehörde mit der Generalie Migration",
      "Stadt Meckenheim",
    ]);
  });

  it("keeps the votes as recorded, with the profile's majority rule", () => {
    const [top2] = internal().items.filter((i) => i.number === 2);
    expect(top2!.votes).toEqual([expect.objectContaining({
      label: "Beschluss", yes: 9, no: 2, abstain: 1, present: 12, required: 8, passed: true,
      rule: "Zwei-Drittel-Mehrheit der Anwesenden, § 6 Abs. 2, 3 GO",
    })]);
    expect(internal().items[4]!.votes[0]).toMatchObject({ label: "Beschlussvorschlag (abgelehnt)", passed: false });
  });

  it("defaults to Entwurf and shows a recorded state of the minutes", () => {
    expect(internal().status).toEqual({ state: "draft", label: "Entwurf" });
    const db = minutesFixture();
    const record = { meetingId: MEETING_ID, state: "sent" as const, createdAt: "2022-05-13T09:00:00+02:00", sentAt: "2022-05-20T09:00:00+02:00", objections: [], approvedAt: null };
    db.minutes.push(record);
    expect(internal(db).status).toEqual({ state: "sent", label: "versandt am 20.05.2022" });
    Object.assign(record, { state: "approved", approvedAt: "2022-09-15T10:05:00+02:00" });
    expect(internal(db).status).toEqual({ state: "approved", label: "genehmigt am 15.09.2022" });
  });

  it("refuses an unknown or cancelled meeting", () => {
    expect(refusal(() => buildMinutes(minutesFixture(), "s-1999-01-01", rheinSieg, { version: "internal" }))).toThrow(/gibt es nicht/);
    const db = minutesFixture();
    db.meetings[0]!.state = "cancelled";
    expect(refusal(() => internal(db))).toThrow(/abgesagt/);
  });
});

describe("internal version: every § 7 part in Markdown and HTML", () => {
  const { md, html } = both(internal());
  const outputs = { markdown: plain(md), html: visible(html) };

  for (const [format, text] of Object.entries(outputs)) {
    it(`${format}: header, place, day and times`, () => {
      expect(text).toContain("Lenkungsgruppe KIM im Rhein-Sieg-Kreis");
      expect(text).toMatch(/Niederschrift/i);
      expect(text).toContain("Ergebnisprotokoll nach § 7 Abs. 1 GO");
      expect(text).toContain("Interne Fassung – enthält nicht öffentliche Punkte");
      expect(text).toContain("Entwurf");
      expect(text).toContain("Kreishaus Siegburg, Sitzungssaal 1.23");
      expect(text).toContain("Donnerstag, 12.05.2022");
      expect(text).toContain("10:00 Uhr");
      expect(text).toContain("12:00 Uhr");
    });

    it(`${format}: members present by institution, deputy, excused, not represented`, () => {
      expect(text).toContain("Vorsitz: Dr. Ursula Vorsitz");
      expect(text).toContain("12 von 17 stimmberechtigten Institutionen vertreten");
      expect(text).toMatch(/Caritasverband Rhein-Sieg e\.V\.:? +Hans Heinen/);
      expect(text).toMatch(/Stadt Troisdorf:? +Elif Kurz-Stein – Stellvertretung für Rita Quast/);
      expect(text).toMatch(/Paritätische[^\n]*\n?[^\n]*– digital/);
      expect(text).toMatch(/Entschuldigt:[\s\S]*Lars Lorenz \(Gemeinde Windeck\)[\s\S]*Rita Quast \(Stadt Troisdorf\) – vertreten durch Elif Kurz-Stein/);
      expect(text).toMatch(/Nicht vertreten:[\s\S]*Rhein-Sieg-Kreis - Jugendamt[\s\S]*Stadt Meckenheim/);
    });

    it(`${format}: agenda, resolutions and vote results`, () => {
      expect(text).toContain("TOP 1: Begrüßung und Feststellung der Tagesordnung");
      expect(text).toContain("Kein Beschluss erfasst.");
      expect(text).toContain("Beschluss:");
      expect(text).toContain("Die Lenkungsgruppe beschließt das Handlungskonzept KIM 2022/2023 in der vorgelegten Fassung.");
      expect(text).toContain("Abstimmungsergebnis: 9 Ja / 2 Nein / 1 Enthaltung");
      expect(text).toContain("anwesend: 12 Institutionen, erforderlich: 8 Ja-Stimmen (Zwei-Drittel-Mehrheit der Anwesenden, § 6 Abs. 2, 3 GO)");
      expect(text).toContain("angenommen");
      expect(text).toContain("Beschlussvorschlag (abgelehnt):");
      expect(text).toMatch(/6 Ja \/ 4 Nein \/ 2 Enthaltungen – abgelehnt/);
    });

    it(`${format}: postponed item, quorum declaration, personal statements`, () => {
      expect(text).toContain("Zurückgestellt wegen Beschlussunfähigkeit – erneute Einberufung nach § 6 Abs. 5 GO.");
      expect(text).toContain("Der Vorsitz stellt um 11:30 Uhr die Beschlussunfähigkeit fest: 8 von 17 stimmberechtigten Institutionen vertreten (§ 6 Abs. 4 GO).");
      expect(text).toContain("Persönliche Erklärung von Hans Heinen (Caritasverband Rhein-Sieg e.V.)");
      expect(text).toContain("hält die Finanzierung der Sprachmittlung aber für unzureichend");
    });

    it(`${format}: non-public item kept and marked`, () => {
      expect(text).toContain("TOP 3: Personalangelegenheiten Case-Management (nicht öffentlich)");
      expect(text).toContain("Frau Geheim");
      expect(text).toContain("Vertrauliche Erklärung zur Personalie.");
    });

    it(`${format}: distribution, approval and signatures`, () => {
      expect(text).toContain("per E-Mail zugesandt (§ 7 Abs. 3 GO)");
      expect(text).toContain("zu Beginn der nachfolgenden Sitzung einzubringen; andernfalls wird die Niederschrift als genehmigt festgestellt (§ 7 Abs. 4 GO)");
      expect(text).toContain("Unterschriften gemäß § 7 Abs. 2 GO");
      expect(text).toMatch(/Dr\. Ursula Vorsitz\s*\n?\s*Vorsitz|Vorsitz: Dr\. Ursula Vorsitz/);
      expect(text).toMatch(/Miriam Protokoll\s*\n?\s*Leitung der Geschäftsstelle|Leitung der Geschäftsstelle: Miriam Protokoll/);
    });
  }

  it("markdown: the signature block comes last, after the results", () => {
    expect(md.indexOf("Unterschriften")).toBeGreaterThan(md.indexOf("Abstimmungsergebnis"));
    expect(md.trimEnd().endsWith("Leitung der Geschäftsstelle: Miriam Protokoll")).toBe(true);
  });
});

describe("public version (§ 7 Abs. 5 GO)", () => {
  const doc = publicDoc();
  const { md, html } = both(doc);

  it("leaves out the non-public item's title, vote and statement", () => {
    for (const text of [plain(md), visible(html)]) {
      expect(text).not.toContain("Personalangelegenheiten");
      expect(text).not.toContain("Frau Geheim");
      expect(text).not.toContain("Vertrauliche Erklärung");
      expect(text).not.toContain("12 Ja / 0 Nein");
      expect(text).toContain("TOP 3 – nicht öffentlicher Teil, nicht in dieser Fassung");
      expect(text).toContain("Öffentliche Fassung (§ 7 Abs. 5 GO)");
      expect(text).not.toContain("Interne Fassung");
    }
  });

  it("keeps the agenda numbering and the public items' results", () => {
    expect(doc.agenda.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.items[2]).toEqual({ number: 3, title: null, public: false, notes: [], votes: [], statements: [] });
    expect(plain(md)).toContain("TOP 4: Änderung der Geschäftsordnung");
    expect(plain(md)).toContain("9 Ja / 2 Nein / 1 Enthaltung");
    expect(plain(md)).toContain("Persönliche Erklärung von Hans Heinen");
  });
});

describe("HTML page", () => {
  const html = renderHtml(internal());

  it("is a complete, German, print-ready A4 document without external resources", () => {
    expect(html.startsWith("<!doctype html>\n<html lang=\"de\">")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/@page \{ size: A4; margin: 2cm;/);
    expect(html).toContain("</html>");
    expect(html).not.toMatch(/<link|@import|url\(|<script/i);
    // The video link is not for a document that may be published.
    expect(html).not.toContain("example.org/meet");
  });

  it("escapes stored text", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("TOP 5: Bericht &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Sonstiges&quot;");
    expect(visible(html)).toContain(`TOP 5: ${XSS_TITLE}`);
  });

  it("markdown escapes it too, so no raw HTML reaches a renderer", () => {
    const md = renderMarkdown(internal());
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>");
  });
});

describe("other profiles and edge cases", () => {
  it("without a minutes rule: still minutes, but no citations (Kreis Wesel)", () => {
    const { md, html } = both(internal(minutesFixture(), wesel));
    for (const text of [md, visible(html)]) {
      expect(text).not.toMatch(/§|\bKV\b|\bGO\b/);
      expect(text).toContain("Zurückgestellt wegen Beschlussunfähigkeit.");
      expect(text).toContain("Ergebnisprotokoll");
      expect(text).toContain("Unterschriften");
    }
  });

  it("without a minutes rule: approval is given as the Geschäftsstelle's practice, and nothing is said to be public (Kreis Wesel)", () => {
    const doc = internal(minutesFixture(), wesel);
    expect(doc.notes).toEqual([
      "Eine Niederschrift ist im Kooperationsvertrag nicht geregelt.",
      "Verfahren der Geschäftsstelle: Die Niederschrift geht jedem Mitglied per E-Mail zu; Änderungswünsche zum Inhalt bitte zu Beginn der nachfolgenden Sitzung einbringen, andernfalls wird die Niederschrift als genehmigt festgestellt.",
    ]);
    expect(doc.versionLabel).toBe("Fassung für die Mitglieder – enthält nicht öffentliche Punkte");
    expect(refusal(() => buildMinutes(minutesFixture(), MEETING_ID, wesel, { version: "public" }))).toThrow("Für die Niederschrift dieses Gremiums ist keine öffentliche Fassung vorgesehen.");
  });

  it("Oberhausen: the Geschäftsführung signs, the moderator (the chair, who leads the meeting) countersigns (Nr. 4.7 GO)", () => {
    const doc = internal(minutesFixture(), oberhausen);
    expect(doc.signatures).toEqual({
      citation: "Nr. 4.7 GO",
      signers: [
        { role: "Geschäftsführung (Protokoll)", name: "Miriam Protokoll" },
        { role: "Moderation (Gegenzeichnung)", name: "Dr. Ursula Vorsitz" },
      ],
    });
    const md = renderMarkdown(doc);
    expect(md.trimEnd().endsWith("Moderation (Gegenzeichnung): Dr. Ursula Vorsitz")).toBe(true);
    expect(md).not.toContain("Leitung der Geschäftsstelle: ");
  });

  it("Oberhausen: no public version, and the minutes say the body meets in closed session (Nr. 4.2 GO)", () => {
    const doc = internal(minutesFixture(), oberhausen);
    expect(doc.notes).toContain("Eine Veröffentlichung der Niederschrift sieht die Geschäftsordnung nicht vor, und der Lenkungskreis tagt nicht öffentlich (Nr. 4.2 GO).");
    expect(doc.notes.join(" ")).not.toMatch(/ist öffentlich|öffentliche Fassung/);
    expect(renderHtml(doc)).toContain("· Fassung für die Mitglieder\"");
    expect(refusal(() => buildMinutes(minutesFixture(), MEETING_ID, oberhausen, { version: "public" }))).toThrow("Für die Niederschrift dieses Gremiums ist keine öffentliche Fassung vorgesehen.");
  });

  it("cites the profile's own paragraphs (Oberhausen: Nr. 4.7, consensus)", () => {
    const text = plain(renderMarkdown(internal(minutesFixture(), oberhausen)));
    // Nr. 4.7 says "zeitnah zugesandt", not "per E-Mail": the sentence is the profile's.
    expect(text).toContain("Die Niederschrift wird allen Mitgliedern zeitnah zugesandt (Nr. 4.7 GO).");
    expect(text).not.toContain("per E-Mail zugesandt");
    expect(text).toContain("Ergebnisprotokoll nach Nr. 4.7 GO");
    expect(text).toContain("Unterschriften gemäß Nr. 4.7 GO");
    expect(text).toContain("(Konsens, kein Widerspruch, Nr. 5.1 GO)");
    expect(text).not.toContain("§");
  });

  it("shows a second convocation, and votes and statements without an agenda item", () => {
    const db = minutesFixture();
    db.meetings[0]!.agenda[3]!.secondConvocation = true;
    db.votes.push({ ...db.votes[0]!, id: "v-x", agendaItemId: null, resolution: "Die nächste Sitzung findet am 08.09.2022 statt." });
    db.personalStatements.push({ ...db.personalStatements[0]!, id: "ps-x", agendaItemId: null, personId: "gast-1", text: "Dank an die Geschäftsstelle." });
    const text = plain(renderMarkdown(internal(db)));
    expect(text).toContain("Erneut einberufen nach Zurückstellung wegen Beschlussunfähigkeit (§ 6 Abs. 5 GO): beschlussfähig ohne Rücksicht auf die Zahl der Anwesenden.");
    expect(text).toMatch(/Ohne Zuordnung zu einem Tagesordnungspunkt[\s\S]*Die nächste Sitzung findet am 08\.09\.2022 statt\.[\s\S]*Dr\. Hannah Gast \(Gast\)/);
  });

  it("Oberhausen: the next meeting confirms the minutes, objections at the latest there (Nr. 4.7, 4.8 GO)", () => {
    const db = minutesFixture();
    db.minutes.push({ meetingId: MEETING_ID, state: "approved", createdAt: "2022-05-13T09:00:00+02:00", sentAt: "2022-05-20T09:00:00+02:00", objections: [], approvedAt: "2022-09-15T10:05:00+02:00" });
    const doc = internal(db, oberhausen);
    expect(doc.notes).toContain("Änderungswünsche zum Inhalt sind spätestens in der nachfolgenden Sitzung einzubringen; dort wird die Niederschrift bestätigt (Nr. 4.7, 4.8 GO).");
    expect(doc.notes.join(" ")).not.toMatch(/zu Beginn|als genehmigt festgestellt/);
    expect(doc.status).toEqual({ state: "approved", label: "bestätigt am 15.09.2022" });
    // Rhein-Sieg keeps its own wording.
    expect(internal(db).notes).toContain("Änderungswünsche zum Inhalt sind zu Beginn der nachfolgenden Sitzung einzubringen; andernfalls wird die Niederschrift als genehmigt festgestellt (§ 7 Abs. 4 GO).");
  });

  it("builds the same document from the same data (a pure function)", () => {
    expect(internal()).toEqual(internal());
  });
});

describe("a new status on files already written", () => {
  const withStatus = (label: string): MinutesDoc => ({ ...internal(), status: { state: "sent", label } });

  it("gives exactly the file the renderer would write with that status, in Markdown and HTML", () => {
    const draft = both(internal());
    const sent = both(withStatus("versandt am 20.05.2022"));
    expect(restampMarkdown(draft.md, "versandt am 20.05.2022")).toBe(sent.md);
    expect(restampHtml(draft.html, "versandt am 20.05.2022")).toBe(sent.html);
    const pub = buildMinutes(minutesFixture(), MEETING_ID, rheinSieg, { version: "public" });
    expect(restampHtml(renderHtml(pub), "genehmigt am 15.09.2022")).toBe(renderHtml({ ...pub, status: { state: "approved", label: "genehmigt am 15.09.2022" } }));
  });

  it("leaves a file alone that does not carry the status where the renderer puts it", () => {
    expect(restampMarkdown("# Niederschrift\n\nvon Hand geschrieben\n", "versandt am 20.05.2022")).toBeNull();
    expect(restampHtml(renderHtml(internal()).replace(/<div class="status">[^<]*<\/div>/, ""), "versandt am 20.05.2022")).toBeNull();
  });
});
