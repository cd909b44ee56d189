/**
 * The command line's face of the import: the file is read here (adapters/roster-file.ts), the
 * profiles are the ones the face loaded at start, and services/import-roster.ts does the rest.
 */
import type { Profiles } from "../domain/profile.ts";
import { readRosterFile, type BodyFields } from "../adapters/roster-file.ts";
import type { Store } from "../adapters/store.ts";
import { clockFromEnv } from "../adapters/clock.ts";
import { importRoster, type ImportSummary } from "../services/import-roster.ts";
import { render, words } from "../texts/catalog.ts";

/** The summary with its warnings worded (German: the import is the Geschäftsstelle's). */
export type WordedSummary = Omit<ImportSummary, "warnings"> & { warnings: string[] };

export async function importRosterFile(store: Store, profiles: Profiles, file: string, actorId: string, overrides: BodyFields = {}): Promise<WordedSummary> {
  const source = await readRosterFile(file);
  const summary = await importRoster({ store, clock: clockFromEnv(), profiles, render }, { source, file, actorId, overrides, profiles: profiles.get });
  return { ...summary, warnings: summary.warnings.map((w) => (typeof w === "string" ? w : words(w).de)) };
}
