import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { demoDb } from "../adapters/demo.ts";
import { auditFileFor, openJsonStore } from "../adapters/json-store.ts";
import { loadProfile } from "../adapters/profiles.ts";
import { parseCsv, parseRosterJson, RosterError } from "../adapters/roster-file.ts";
import { importRosterFile as importRoster } from "../cli/import-roster.ts";
import { buildRoster, type RosterWarning } from "../services/roster-build.ts";
import { words } from "../texts/catalog.ts";
import type { Store } from "../adapters/store.ts";
import { profiles } from "./support/profiles.ts";

/** A warning as the command line prints it. */
const worded = (w: RosterWarning) => (typeof w === "string" ? w : words(w).de);
const clock = fixedClock("2022-05-01T12:00:00+02:00");
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const EXAMPLE_CSV = new URL("../data/roster-example.csv", import.meta.url).pathname;

let dir: string;
let file: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "lg-import-"));
  file = join(dir, "db.json");
  store = openJsonStore(file, { clock });
  await store.read(); // the demo roster
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RosterError);
  return (error as RosterError).problems;
}

/** Writes a roster file of these lines and answers what importing it under the Oberhausen rules is refused for. */
async function oberhausenRefusals(lines: string[]): Promise<string[]> {
  const csv = join(dir, "oberhausen.csv");
  await writeFile(csv, lines.join("\n"));
  return problemsOf(importRoster(store, profiles, csv, "cli", { profile: "oberhausen" }));
}

describe("import with bad rows", () => {
  it("reports every bad row with its line number and changes nothing", async () => {
    const before = await readFile(file);
    const auditBefore = await readFile(auditFileFor(file));
    const problems = await problemsOf(importRoster(store, profiles, fixture("roster-bad.csv"), "cli"));
    expect(problems).toEqual([
      expect.stringMatching(/^Zeile 3: „Stadt Bonn“ hat schon ein Mitglied \(Zeile 2\)/),
      "Zeile 4: E-Mail-Adresse fehlt.",
      expect.stringMatching(/^Zeile 5: E-Mail-Adresse steht schon in Zeile 2/),
      expect.stringMatching(/^Zeile 6: Rolle „sekretaer“ ist unbekannt \(erlaubt: mitglied, stellvertretung, /),
      "Zeile 7: E-Mail-Adresse „frieda(at)example.org“ ist ungültig.",
      "Zeile 8: Name fehlt.",
      expect.stringMatching(/^Zeile 8: aadObjectId „nicht-guid“ ist keine gültige Objekt-ID/),
      "Zeile 9: Institution fehlt (nötig für Mitglied und Stellvertretung).",
      "Es fehlt eine gültige Zeile mit der Rolle „vorsitz“.",
      expect.stringMatching(/^Es fehlt mindestens eine gültige Zeile mit der Rolle „geschaeftsstelle“/),
    ]);
    expect(await readFile(file)).toEqual(before);
    expect(await readFile(auditFileFor(file))).toEqual(auditBefore);
  });

  it("names the file, and refuses a missing column, a non-UTF-8 file and an empty file", async () => {
    const csv = join(dir, "liste.csv");
    await writeFile(csv, "rolle;name;email\nvorsitz;A;a@example.org\n");
    await expect(importRoster(store, profiles, csv, "cli")).rejects.toThrow(/Die Datei „.*liste\.csv“ wurde nicht importiert[\s\S]*Zeile 1: Spalte „institution“ fehlt/);
    await writeFile(csv, Buffer.from("rolle;institution;name;email\nvorsitz;;J\xfcrgen;j@example.org\n", "latin1"));
    expect(await problemsOf(importRoster(store, profiles, csv, "cli"))).toEqual([expect.stringMatching(/nicht UTF-8-kodiert/)]);
    await writeFile(csv, "");
    expect(await problemsOf(importRoster(store, profiles, csv, "cli"))).toEqual([expect.stringMatching(/Die Datei ist leer/)]);
  });

  it("checks the composition: one chair, one head of the Geschäftsstelle, one deputy per institution", async () => {
    const csv = join(dir, "liste.csv");
    await writeFile(
      csv,
      [
        "rolle;institution;name;email",
        "mitglied;Stadt A;A Eins;a1@example.org",
        "stellvertretung;Stadt A;A Zwei;a2@example.org",
        "stellvertretung;Stadt A;A Drei;a3@example.org",
        "stellvertretung;Stadt B;B Zwei;b2@example.org",
        "vorsitz;;V Eins;v1@example.org",
        "vorsitz;;V Zwei;v2@example.org",
        "leitung-geschaeftsstelle;;G Eins;g1@example.org",
        "leitung-geschaeftsstelle;;G Zwei;g2@example.org",
      ].join("\n"),
    );
    expect(await problemsOf(importRoster(store, profiles, csv, "cli"))).toEqual([
      expect.stringMatching(/^Zeile 4: „Stadt A“ hat schon eine Stellvertretung \(Zeile 3\)/),
      "Zeile 5: Institution „Stadt B“ hat kein Mitglied (Zeile mit Rolle „mitglied“).",
      expect.stringMatching(/^Zeile 7: zweiter Vorsitz \(schon Zeile 6\)/),
      "Zeile 9: zweite Leitung der Geschäftsstelle (schon Zeile 8).",
    ]);
  });

  it("refuses import by someone outside the Geschäftsstelle", async () => {
    await expect(importRoster(store, profiles, EXAMPLE_CSV, "m-jugendamt")).rejects.toThrow(/Nur die Geschäftsstelle/);
  });
});

describe("a good import", () => {
  it("the shipped example CSV reproduces the demo roster, ids kept", async () => {
    const before = await store.read();
    const summary = await importRoster(store, profiles, EXAMPLE_CSV, "cli");
    expect(summary).toEqual({ institutions: 17, persons: 38, warnings: [] });
    const after = await store.read();
    expect(after.body).toEqual(before.body);
    expect(after.institutions).toEqual(before.institutions);
    expect(after.persons).toEqual(before.persons);
    expect((await store.auditLog()).at(-1)).toMatchObject({
      actorId: "cli",
      action: "roster.import",
      details: { file: "roster-example.csv", institutions: 17, persons: 38 },
    });
  });

  it("replaces the roster; meetings and history stay, with a warning for a lost institution", async () => {
    await store.update({ actorId: "system" }, (db) => {
      db.meetings.push({
        id: "s-2022-02-08",
        start: "2022-02-08T10:00:00+01:00",
        end: "2022-02-08T12:00:00+01:00",
        location: "Siegburg",
        mode: "in-person",
        onlineUrl: null,
        state: "held",
        agenda: [],
        createdAt: "2022-01-10T09:00:00+01:00",
      });
      db.attendance.push({
        meetingId: "s-2022-02-08",
        institutionId: "jugendamt",
        status: "attending",
        attendeeId: "m-jugendamt",
        mode: "in-person",
        present: true,
        checkedInAt: null,
        updatedAt: "2022-02-08T09:58:00+01:00",
        updatedBy: "gs-1",
      });
    });

    const summary = await importRoster(store, profiles, fixture("roster-small.csv"), "cli", { name: "Lenkungsgruppe Test" });
    expect(summary.institutions).toBe(2);
    expect(summary.persons).toBe(5);
    expect(summary.warnings).toEqual(
      expect.arrayContaining([
        "„Verein „Miteinander“ e.V.“ hat keine Stellvertretung (§ 2 Abs. 2 GO).",
        "„Rhein-Sieg-Kreis - Jugendamt“ (jugendamt) ist nicht mehr in der Liste, hat aber Anwesenheiten in 1 Sitzung(en); diese bleiben gespeichert.",
      ]),
    );
    const db = await store.read();
    expect(db.meetings).toHaveLength(1);
    expect(db.attendance).toHaveLength(1);
    expect(db.body).toMatchObject({ name: "Lenkungsgruppe Test", profile: "rhein-sieg-kreis", chairId: "vorsitz", secretariatIds: ["gs-1"], secretariatHeadId: "gs-1", guestIds: [] });
    expect(db.institutions).toEqual([
      // quoted field with a semicolon; a known person (same e-mail) keeps the id the history uses
      { id: "stadt-bonn-amt-fuer-integration", name: "Stadt Bonn; Amt für Integration", voting: true, memberId: "m-stadt-bonn-amt-fuer-integration", deputyId: "m-dezernat-ii" },
      { id: "verein-miteinander-e-v", name: "Verein „Miteinander“ e.V.", voting: false, memberId: "m-verein-miteinander-e-v", deputyId: null },
    ]);
    // m-jugendamt left the roster but is named in the attendance: kept for the history.
    expect(db.persons.map((p) => p.id).sort()).toEqual(["gs-1", "m-dezernat-ii", "m-jugendamt", "m-stadt-bonn-amt-fuer-integration", "m-verein-miteinander-e-v", "vorsitz"]);
  });

  it("the JSON format gives the same result as the CSV", async () => {
    const json = {
      body: { name: "Lenkungsgruppe JSON", profile: "oberhausen", secretariatEmail: "gs@example.org" },
      institutions: [{ id: "stadt-x", name: "Stadt X", voting: true }],
      persons: [
        { rolle: "mitglied", institution: "stadt-x", name: "Xaver Xylo", email: "x@example.org" },
        { rolle: "stellvertretung", institution: "Stadt X", name: "Yvonne Ypsilon", email: "y@example.org", aadObjectId: null },
        { rolle: "vorsitz", name: "Zora Zett", email: "z@example.org" },
        { rolle: "geschaeftsstelle", name: "Gustav Gans", email: "g@example.org" },
      ],
    };
    const path = join(dir, "liste.json");
    await writeFile(path, JSON.stringify(json));
    const summary = await importRoster(store, profiles, path, "gs-1");
    expect(summary).toMatchObject({ institutions: 1, persons: 4 });
    expect(summary.warnings).toEqual([expect.stringMatching(/Gustav Gans gilt als Leitung der Geschäftsstelle/)]);
    const db = await store.read();
    expect(db.body).toMatchObject({ name: "Lenkungsgruppe JSON", profile: "oberhausen", secretariatEmail: "gs@example.org", secretariatIds: ["gs-1"] });
    expect(db.institutions).toEqual([{ id: "stadt-x", name: "Stadt X", voting: true, memberId: "m-stadt-x", deputyId: "d-stadt-x" }]);
  });

  it("cites the rules of the profile the roster runs under, and none where that profile has none", async () => {
    const roster = (profile: string) => ({
      body: { name: "Lenkungskreis KIM", profile, secretariatEmail: "gs@example.org" },
      persons: [
        { rolle: "mitglied", institution: "Stadt X", name: "Xaver Xylo", email: "x@example.org" },
        { rolle: "vorsitz", name: "Zora Zett", email: "z@example.org" },
        { rolle: "geschaeftsstelle", name: "Gustav Gans", email: "g@example.org" },
      ],
    });
    const build = (profile: string, overrides = {}) => buildRoster(parseRosterJson(JSON.stringify(roster(profile))), null, overrides, loadProfile).warnings.map(worded);
    expect(build("rhein-sieg-kreis")).toEqual([
      "„Stadt X“ hat keine Stellvertretung (§ 2 Abs. 2 GO).",
      "Keine Zeile mit Rolle „leitung-geschaeftsstelle“: Gustav Gans gilt als Leitung der Geschäftsstelle (unterzeichnet die Niederschrift, § 7 Abs. 2 GO).",
    ]);
    expect(build("oberhausen")).toEqual([
      "„Stadt X“ hat keine Stellvertretung (Nr. 2.3 GO).",
      "Keine Zeile mit Rolle „leitung-geschaeftsstelle“: Gustav Gans gilt als Leitung der Geschäftsstelle (unterzeichnet die Niederschrift, Nr. 4.7 GO).",
    ]);
    // --profile on the command line wins over the file; the cooperation contract names neither rule.
    expect(build("oberhausen", { profile: "kreis-wesel" })).toEqual([
      "„Stadt X“ hat keine Stellvertretung.",
      "Keine Zeile mit Rolle „leitung-geschaeftsstelle“: Gustav Gans gilt als Leitung der Geschäftsstelle (unterzeichnet die Niederschrift; Praxis der Geschäftsstelle).",
    ]);
  });

  it("one member per institution cites the membership rule, not the deputies' paragraph", () => {
    const twice = (profile: string) => {
      const source = parseRosterJson(JSON.stringify({
        body: { name: "Lenkungskreis KIM", profile, secretariatEmail: "gs@example.org" },
        persons: [
          { rolle: "mitglied", institution: "Stadt X", name: "Xaver Xylo", email: "x@example.org" },
          { rolle: "vorsitz", name: "Zora Zett", email: "z@example.org" },
          { rolle: "geschaeftsstelle", name: "Gustav Gans", email: "g@example.org" },
          { rolle: "mitglied", institution: "Stadt X", name: "Yvonne Ypsilon", email: "y@example.org" },
        ],
      }));
      return () => buildRoster(source, null, {}, loadProfile);
    };
    // Rhein-Sieg § 2 Abs. 2: "bestimmt jede Institution ein Mitglied sowie eine Stellvertretung".
    expect(twice("rhein-sieg-kreis")).toThrow("persons[3]: „Stadt X“ hat schon ein Mitglied (persons[0]); je Institution ein Mitglied (§ 2 Abs. 2 GO).");
    // Oberhausen Nr. 2.1 lists the members: one per Bereich or institution, two for the AG Wohlfahrt.
    expect(twice("oberhausen")).toThrow("persons[3]: „Stadt X“ hat schon ein Mitglied (persons[0]); je Institution ein Mitglied, AG Wohlfahrt (AGW): zwei (Nr. 2.1 GO).");
    // The cooperation contract (§ 11 Abs. 2) lists the organisations but sets no number: both members stay, each on a record of their own.
    const wesel = twice("kreis-wesel")();
    expect(wesel.roster.institutions.map((i) => [i.id, i.name, i.memberId])).toEqual([
      ["stadt-x", "Stadt X", "m-stadt-x"],
      ["stadt-x-2", "Stadt X (2. Mitglied)", "m-stadt-x-2"],
    ]);
  });

  it("Oberhausen: the AG Wohlfahrt sends two members, each with their own deputy (Nr. 2.1, 2.3 GO)", async () => {
    const csv = join(dir, "oberhausen.csv");
    const rows = [
      "rolle;institution;name;email",
      "vorsitz;;Beate Beigeordnete;vorsitz@example.org",
      "leitung-geschaeftsstelle;;Karl KI;ki@example.org",
      "mitglied;Bereich 3-2/Soziales;Sonja Sozial;sozial@example.org",
      "stellvertretung;Bereich 3-2/Soziales;Stefan Sozial;sozial2@example.org",
      "mitglied;AG Wohlfahrt (AGW);Anna Caritas;caritas@example.org",
      "stellvertretung;AG Wohlfahrt (AGW);Anton Caritas;caritas2@example.org",
      "mitglied;AG Wohlfahrt (AGW);Dora Diakonie;diakonie@example.org",
      "stellvertretung;AG Wohlfahrt (AGW);Dirk Diakonie;diakonie2@example.org",
    ];
    await writeFile(csv, rows.join("\n"));
    const summary = await importRoster(store, profiles, csv, "cli", { profile: "oberhausen" });
    expect(summary).toMatchObject({ institutions: 3, persons: 8 });
    expect(summary.warnings).toContain(
      "„AG Wohlfahrt (AGW)“ entsendet zwei Mitglieder (Nr. 2.1 GO); je Mitglied ein Eintrag mit eigener Stellvertretung (in der Reihenfolge der Zeilen): „AG Wohlfahrt (AGW)“: Anna Caritas, Stellvertretung Anton Caritas; „AG Wohlfahrt (AGW) (2. Mitglied)“: Dora Diakonie, Stellvertretung Dirk Diakonie.",
    );
    const db = await store.read();
    const name = (id: string | null) => db.persons.find((p) => p.id === id)?.name ?? null;
    expect(db.institutions.map((i) => [i.name, name(i.memberId), name(i.deputyId)])).toEqual([
      ["Bereich 3-2/Soziales", "Sonja Sozial", "Stefan Sozial"],
      ["AG Wohlfahrt (AGW)", "Anna Caritas", "Anton Caritas"],
      ["AG Wohlfahrt (AGW) (2. Mitglied)", "Dora Diakonie", "Dirk Diakonie"],
    ]);

    // A third member is one too many, and so is a second one for anybody else.
    expect(await oberhausenRefusals([...rows, "mitglied;AG Wohlfahrt (AGW);Paula Parität;paritaet@example.org", "mitglied;Bereich 3-2/Soziales;Sven Sozial;sozial3@example.org"])).toEqual([
      "Zeile 10: „AG Wohlfahrt (AGW)“ hat schon zwei Mitglieder (Zeile 6, Zeile 8); AG Wohlfahrt (AGW): zwei Mitglieder (Nr. 2.1 GO).",
      "Zeile 11: „Bereich 3-2/Soziales“ hat schon ein Mitglied (Zeile 4); je Institution ein Mitglied, AG Wohlfahrt (AGW): zwei (Nr. 2.1 GO).",
    ]);
  });

  it("Oberhausen: refuses AGW deputies that cannot be told apart, and AGW members over two in total", async () => {
    const head = ["rolle;institution;name;email", "vorsitz;;Beate Beigeordnete;vorsitz@example.org", "leitung-geschaeftsstelle;;Karl KI;ki@example.org"];
    // Two members, one deputy: for whom? Row order cannot say.
    expect(await oberhausenRefusals([...head,
      "mitglied;AG Wohlfahrt (AGW);Anna Caritas;caritas@example.org",
      "mitglied;AG Wohlfahrt (AGW);Dora Diakonie;diakonie@example.org",
      "stellvertretung;AG Wohlfahrt (AGW);Dirk Diakonie;diakonie2@example.org",
    ])).toEqual([
      "Zeile 6: „AG Wohlfahrt (AGW)“ entsendet zwei Mitglieder, aber eine Stellvertretung; bei mehreren Mitgliedern bitte für jedes seine Stellvertretung angeben, in derselben Reihenfolge wie die Mitglieder (Nr. 2.3 GO).",
    ]);

    // Nr. 2.1: two for the AG Wohlfahrt as a whole, however the file splits it; the Arbeiterwohlfahrt is not the AGW.
    expect(await oberhausenRefusals([...head,
      "mitglied;AGW Caritas;Anna Caritas;caritas@example.org",
      "mitglied;AGW Diakonie;Dora Diakonie;diakonie@example.org",
      "mitglied;AGW Paritätischer;Paula Parität;paritaet@example.org",
      "mitglied;Arbeiterwohlfahrt;Arno Awo;awo@example.org",
      "mitglied;Arbeiterwohlfahrt;Alma Awo;awo2@example.org",
    ])).toEqual([
      "Zeile 6: AG Wohlfahrt (AGW) entsendet insgesamt zwei Mitglieder (schon Zeile 4, Zeile 5) (Nr. 2.1 GO).",
      "Zeile 8: „Arbeiterwohlfahrt“ hat schon ein Mitglied (Zeile 7); je Institution ein Mitglied, AG Wohlfahrt (AGW): zwei (Nr. 2.1 GO).",
    ]);
  });

  it("refuses a roster file naming an unknown rules profile", () => {
    const source = parseRosterJson(JSON.stringify({
      body: { name: "Lenkungsgruppe", profile: "hamburg", secretariatEmail: "gs@example.org" },
      persons: [{ rolle: "mitglied", institution: "Stadt X", name: "Xaver Xylo", email: "x@example.org" }, { rolle: "vorsitz", name: "Zora Zett", email: "z@example.org" }, { rolle: "geschaeftsstelle", name: "Gustav Gans", email: "g@example.org" }],
    }));
    expect(() => buildRoster(source, null, {}, loadProfile)).toThrow(/Unbekanntes Regelprofil "hamburg"/);
  });

  it("refuses a person id the command line or the bot acts under (it would carry the Geschäftsstelle's rights)", () => {
    const persons = [{ rolle: "mitglied", institution: "Stadt X", name: "Xaver Xylo", email: "x@example.org" }, { rolle: "vorsitz", name: "Zora Zett", email: "z@example.org" }, { rolle: "geschaeftsstelle", id: "cli", name: "Gustav Gans", email: "g@example.org" }];
    const source = parseRosterJson(JSON.stringify({ body: { name: "Lenkungsgruppe", profile: "rhein-sieg-kreis", secretariatEmail: "gs@example.org" }, persons }));
    expect(() => buildRoster(source, null, {}, loadProfile)).toThrow(/ID „cli“ ist für die Kommandozeile und den Bot selbst reserviert/);
  });

  it("JSON rows are reported by their path", () => {
    const source = parseRosterJson(JSON.stringify({ persons: [{ rolle: "vorsitz", name: "", email: "v@example.org" }] }));
    expect(() => buildRoster(source, demoDb(), {}, loadProfile)).toThrow(/persons\[0\]: Name fehlt/);
  });
});

describe("CSV reading", () => {
  it("reads quotes, doubled quotes, line breaks in quotes, CRLF, and counts lines", () => {
    const text = 'a;b\r\n"x; y";"sagt ""hallo"""\r\n"zwei\nZeilen";z\r\nletzte;zeile';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x; y", 'sagt "hallo"'] },
      { line: 3, cells: ["zwei\nZeilen", "z"] },
      { line: 5, cells: ["letzte", "zeile"] },
    ]);
  });

  it("names the line of a quote left open or text after a closing quote", () => {
    const head = "rolle;institution;name;email\n";
    expect(() => parseCsv(head + 'vorsitz;;"Offen;a@example.org\n')).toThrow(/Zeile 2: ein Anführungszeichen wird nicht geschlossen/);
    expect(() => parseCsv(head + 'vorsitz;;V;v@example.org\nvorsitz;;"A"B;a@example.org\n')).toThrow(/Zeile 3: kein gültiges CSV/);
  });

  it("takes commas when the header has no semicolon", () => {
    expect(parseCsv("rolle,name\nvorsitz,A")).toEqual([
      { line: 1, cells: ["rolle", "name"] },
      { line: 2, cells: ["vorsitz", "A"] },
    ]);
  });
});
