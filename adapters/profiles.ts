/**
 * Loads rules profiles from `data/profiles/<id>.json`. A broken file is refused with a message
 * that names the file and the field, so the operator knows what to fix. The faces call
 * `loadProfiles` once at start and hand the result in (`Services.profiles`); services never load.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { Profile, ProfileError, type Profiles } from "../domain/profile.ts";
import { projectFile } from "./project-files.ts";
import { profileIdMismatch, profileInvalid, profileNotJson, unknownProfile as unknownProfileText } from "../texts/profiles.ts";

export const PROFILES_DIR = projectFile("data", "profiles");

export { ProfileError };

/** The ids of all profiles shipped in `dir`. */
export function profileIds(dir = PROFILES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Reads and validates one profile; throws ProfileError naming the file and the field. */
export function loadProfile(id: string, dir = PROFILES_DIR): Profile {
  if (!profileIds(dir).includes(id)) {
    throw unknownProfile(id, profileIds(dir));
  }
  const file = join(dir, `${id}.json`);
  const shown = relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ProfileError(profileNotJson(shown, (e as Error).message));
  }
  const parsed = Profile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProfileError(profileInvalid(shown, issue.path.join("."), issue.message));
  }
  if (parsed.data.id !== id) {
    throw new ProfileError(profileIdMismatch(shown, parsed.data.id, id));
  }
  return parsed.data;
}

/** Validates every shipped profile (at start, so a broken file stops the bot before it answers). */
export function loadAllProfiles(dir = PROFILES_DIR): Profile[] {
  return profileIds(dir).map((id) => loadProfile(id, dir));
}

/** Every shipped profile, validated once (the faces call this at start and pass the result in). */
export function loadProfiles(dir = PROFILES_DIR): Profiles {
  const byId = new Map(loadAllProfiles(dir).map((p) => [p.id, p]));
  const ids = [...byId.keys()];
  return {
    ids,
    get: (id) => {
      // A profile added to the folder while the bot runs (an import in another process may name it) is validated once, on first use.
      if (!byId.has(id) && profileIds(dir).includes(id)) {
        byId.set(id, loadProfile(id, dir));
        ids.push(id);
      }
      const profile = byId.get(id);
      if (!profile) throw unknownProfile(id, ids);
      return profile;
    },
  };
}

function unknownProfile(id: string, known: readonly string[]): ProfileError {
  return new ProfileError(unknownProfileText(id, known));
}
