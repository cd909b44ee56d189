/**
 * The command line's face of the import: the file is read here (adapters/roster-file.ts), the
 * profiles are the ones the face loaded at start, and services/import-roster.ts does the rest.
 */
import type { Profiles } from "../domain/profile.ts";
import { readRosterFile, type BodyFields } from "../adapters/roster-file.ts";
import type { Store } from "../adapters/store.ts";
import { clockFromEnv } from "../adapters/clock.ts";
import { importRoster, type ImportSummary } from "../services/import-roster.ts";

export async function importRosterFile(store: Store, profiles: Profiles, file: string, actorId: string, overrides: BodyFields = {}): Promise<ImportSummary> {
  const source = await readRosterFile(file);
  return importRoster({ store, clock: clockFromEnv(), profiles }, { source, file, actorId, overrides, profiles: profiles.get });
}
