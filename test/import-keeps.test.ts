/**
 * Re-importing a roster keeps what the file has no column for: the Teams binding (the roster
 * needs no aadObjectId column, issue 14), the salutation, a person's "no reminders" choice and
 * the body's reminder settings — by person id; a value in the file wins. The audit says what stayed.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import type { Store } from "../adapters/store.ts";
import { importRosterFile as importRoster } from "../cli/import-roster.ts";
import { profiles } from "./support/profiles.ts";

const EXAMPLE_CSV = new URL("../data/roster-example.csv", import.meta.url).pathname;
const clock = fixedClock("2022-05-01T12:00:00+02:00");
const BOUND = "00000000-0000-4000-8000-0000000000aa";

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "lg-import-keeps-"));
  store = openJsonStore(join(dir, "db.json"), { clock });
  await store.read(); // the demo roster
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The shipped example, its aadObjectId column dropped, optionally with an `anrede` column. */
async function csvWithout(anrede?: Record<string, string>): Promise<string> {
  const lines = (await readFile(EXAMPLE_CSV, "utf8")).trim().split(/\r?\n/).map((l) => l.split(";"));
  const rows = lines.map((cells, i) => {
    const kept = [...cells.slice(0, 4), cells[5]!];
    if (!anrede) return kept;
    return [...kept, i === 0 ? "anrede" : (anrede[cells[3]!] ?? "")];
  });
  const path = join(dir, "roster.csv");
  await writeFile(path, rows.map((r) => r.join(";")).join("\n") + "\n");
  return path;
}

describe("re-importing the roster", () => {
  it("keeps Teams binding, salutation, the reminder opt-out and the reminder settings when the file has no such columns", async () => {
    await store.update({ actorId: "system" }, (db) => {
      const p = db.persons.find((x) => x.id === "m-jugendamt")!;
      Object.assign(p, { aadObjectId: BOUND, remindersOff: true, salutation: "ms" });
      db.body.reminders = { agendaProposalsDaysBefore: 5 };
    });
    const before = await store.read();
    await importRoster(store, profiles, await csvWithout(), "cli");
    const after = await store.read();
    expect(after.persons.find((p) => p.id === "m-jugendamt")).toMatchObject({ aadObjectId: BOUND, remindersOff: true, salutation: "ms" });
    // every other person keeps the object id the demo bound them with
    expect(after.persons.map((p) => [p.id, p.aadObjectId])).toEqual(before.persons.map((p) => [p.id, p.aadObjectId]));
    expect(after.body.reminders).toEqual({ agendaProposalsDaysBefore: 5 });
    const kept = (await store.auditLog()).at(-1)!.details.kept as Record<string, string[]>;
    expect(kept.aadObjectId).toHaveLength(before.persons.filter((p) => p.aadObjectId).length);
    expect(kept).toMatchObject({ salutation: ["m-jugendamt"], remindersOff: ["m-jugendamt"], body: ["reminders"] });
  });

  it("a salutation in the file wins; \"keine\" removes it; an empty cell keeps it", async () => {
    await store.update({ actorId: "system" }, (db) => {
      for (const id of ["m-jugendamt", "m-caritas", "vorsitz"]) db.persons.find((x) => x.id === id)!.salutation = "ms";
    });
    const emailOf = async (id: string) => (await store.read()).persons.find((p) => p.id === id)!.email;
    const file = await csvWithout({ [await emailOf("m-jugendamt")]: "Herr", [await emailOf("m-caritas")]: "keine" });
    await importRoster(store, profiles, file, "cli");
    const persons = (await store.read()).persons;
    expect(persons.find((p) => p.id === "m-jugendamt")!.salutation).toBe("mr");
    expect(persons.find((p) => p.id === "m-caritas")!.salutation).toBeUndefined();
    expect(persons.find((p) => p.id === "vorsitz")!.salutation).toBe("ms");
  });
});
