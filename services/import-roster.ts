/**
 * The import command: the roster from a file (read by adapters/roster-file.ts) replaces the
 * body's; what the file has no column for (Teams binding, salutation, "no reminders", the body's
 * reminder settings) stays as stored, by person id, and the audit names what was kept. Checked against the freshest data inside the store update, so nothing changes unless
 * the whole file is good; only the Geschäftsstelle (or the command line) may; audited with the
 * same update.
 */
import { basename } from "node:path";
import { RosterError, type BodyFields, type RosterSource } from "../adapters/roster-file.ts";
import type { Store } from "../adapters/store.ts";
import type { Db } from "../domain/model.ts";
import { importText } from "../texts/roster.ts";
import { buildRoster, type ProfileLookup, type Roster } from "./roster-build.ts";

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
  warnings: string[];
}

export async function importRoster(store: Store, request: ImportRequest): Promise<ImportSummary> {
  const { source, file, actorId, overrides = {}, profiles } = request;
  const result = await store.update({ actorId }, (db, audit) => {
    if (!mayImport(db, actorId)) throw new RosterError([importText.forbidden], file);
    const built = withFile(file, () => buildRoster(source, db, overrides, profiles));
    applyRoster(db, built.roster);
    const summary: ImportSummary = { institutions: built.roster.institutions.length, persons: activeCount(built.roster), warnings: built.warnings };
    audit("roster.import", { file: basename(file), ...summary, kept: built.kept });
    return summary;
  });
  if (result.duplicate) throw new Error("unreachable: an import has no activity id");
  return result.value;
}

/** The roster is the Geschäftsstelle's; the command line and the system act for it. */
function mayImport(db: Db, actorId: string): boolean {
  return actorId === "cli" || actorId === "system" || db.body.secretariatIds.includes(actorId);
}

/** A refusal names the file it is about. */
function withFile<T>(file: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    throw e instanceof RosterError ? e.forFile(file) : e;
  }
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
