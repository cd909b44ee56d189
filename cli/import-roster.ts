/**
 * The command line's face of the import: the file is read here (adapters/roster-file.ts), the
 * profiles come from data/profiles, and services/import-roster.ts does the rest.
 */
import { loadProfile } from "../adapters/profiles.ts";
import { readRosterFile, type BodyFields } from "../adapters/roster-file.ts";
import type { Store } from "../adapters/store.ts";
import { clockFromEnv } from "../adapters/clock.ts";
import { importRoster, type ImportSummary } from "../services/import-roster.ts";

export async function importRosterFile(store: Store, file: string, actorId: string, overrides: BodyFields = {}): Promise<ImportSummary> {
  const source = await readRosterFile(file);
  return importRoster({ store, clock: clockFromEnv() }, { source, file, actorId, overrides, profiles: loadProfile });
}
