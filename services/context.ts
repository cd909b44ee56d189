/**
 * What every service needs: the store, the clock, and the body's rules profile. The bot and the
 * CLI build one of these; services never reach for globals.
 */
import type { Clock } from "../adapters/clock.ts";
import type { Mailer } from "../adapters/mail-transport.ts";
import { loadProfile } from "../adapters/profiles.ts";
import type { Db } from "../domain/model.ts";
import type { Store } from "../adapters/store.ts";
import type { TeamsChannel } from "./outbox.ts";
import type { Profile } from "../domain/profile.ts";

export interface Services {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  /** Teams as the outbox's channel, where the bot runs with a Teams adapter; absent: e-mail only. */
  teams?: TeamsChannel | null;
}

const profiles = new Map<string, Profile>();

/** The body's profile (validated once per process). */
export function profileOf(db: Db): Profile {
  const id = db.body.profile;
  if (!profiles.has(id)) profiles.set(id, loadProfile(id));
  return profiles.get(id)!;
}

