/**
 * The import command: the roster from a file (read by adapters/roster-file.ts) replaces the
 * body's; what the file has no column for (Teams binding, salutation, "no reminders", the body's
 * reminder settings) stays as stored, by person id, and the audit names what was kept. A command
 * on the runner: checked against the freshest data inside the store update, so nothing changes
 * unless the whole file is good; only the Geschäftsstelle (or the command line) may
 * (`replaceRoster`); audited with the same update.
 */
import { basename } from "node:path";
import { z } from "zod";
import { RosterError, type BodyFields, type RosterSource } from "../adapters/roster-file.ts";
import type { Db } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import type { Services } from "./context.ts";
import { SYSTEM_ACTORS, type Permission } from "./permissions.ts";
import { buildRoster, type ProfileLookup, type Roster, type RosterWarning } from "./roster-build.ts";
import { run, type Command } from "./runner.ts";
import { say } from "./say.ts";

export interface ImportRequest {
  source: RosterSource;
  /** The file as the person named it: in the refusal; its base name goes to the audit. */
  file: string;
  actorId: string;
  /** From the command line; they win over the file's body. */
  overrides?: BodyFields;
  profiles: ProfileLookup;
}

export interface ImportSummary {
  institutions: number;
  persons: number;
  warnings: RosterWarning[];
}

/** The roster is the Geschäftsstelle's (the command line and the system act for it); refused as a roster problem, naming the file. */
export const replaceRoster: Permission = {
  allows: (db, actorId) => SYSTEM_ACTORS.has(actorId) || db.body.secretariatIds.includes(actorId),
  check(db, actorId) {
    if (!this.allows(db, actorId)) throw new RosterError([say("roster.importForbidden")]);
  },
};

// The file was read and checked for its form by adapters/roster-file.ts; the rows are checked by buildRoster.
const Input = z.object({
  source: z.custom<RosterSource>((v) => typeof v === "object" && v !== null && Array.isArray((v as RosterSource).rows)),
  file: z.string(),
  overrides: z.custom<BodyFields>((v) => typeof v === "object" && v !== null),
  profiles: z.custom<ProfileLookup>((v) => typeof v === "function"),
});
type Input = z.infer<typeof Input>;

export const importRosterCommand: Command<Input, ImportSummary> = {
  input: Input,
  may: replaceRoster,
  apply({ db, audit, render, input: { source, file, overrides, profiles } }) {
    const built = withFile(file, () => buildRoster(source, db, overrides, profiles));
    applyRoster(db, built.roster);
    const summary: ImportSummary = { institutions: built.roster.institutions.length, persons: activeCount(built.roster), warnings: built.warnings };
    // The audit keeps the warnings as the CLI printed them (German), not their codes.
    const warnings = summary.warnings.map((w) => (typeof w === "string" ? w : (render(w) as Texts).de));
    audit("roster.import", { file: basename(file), ...summary, warnings, kept: built.kept });
    return summary;
  },
};

export async function importRoster(services: Pick<Services, "store" | "clock" | "profiles" | "render">, request: ImportRequest): Promise<ImportSummary> {
  const { source, file, actorId, overrides = {}, profiles } = request;
  const ran = await withFile(file, () => run(services, importRosterCommand, { actorId, input: { source, file, overrides, profiles } }));
  if (ran.duplicate) throw new Error("unreachable: an import has no activity id");
  return ran.value;
}

/** A refusal names the file it is about (the permission's, too). */
function withFile<T>(file: string, build: () => T): T {
  try {
    const result = build();
    return result instanceof Promise ? (result.catch((e: unknown) => { throw named(e, file); }) as T) : result;
  } catch (e) {
    throw named(e, file);
  }
}

function named(e: unknown, file: string): unknown {
  return e instanceof RosterError ? e.forFile(file) : e;
}

/** Replaces the roster (the built one carries over what the file did not give); meetings and all history stay. */
export function applyRoster(db: Db, roster: Roster): void {
  db.body = roster.body;
  db.institutions = roster.institutions;
  db.persons = roster.persons;
}

/** Persons on a role of the roster (not those kept only for the history). */
function activeCount(roster: Roster): number {
  const onRoster = new Set([
    roster.body.chairId,
    ...roster.body.secretariatIds,
    ...roster.body.guestIds,
    ...roster.institutions.flatMap((i) => [i.memberId, i.deputyId ?? ""]),
  ]);
  return roster.persons.filter((p) => onRoster.has(p.id)).length;
}
