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
import type { Render } from "../texts/catalog.ts";

export interface Services {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  /** Teams as the outbox's channel, where the bot runs with a Teams adapter; absent: e-mail only. */
  teams?: TeamsChannel | null;
  /** How the face words what a command records worded (a notice's subject and text); services import no wording. */
  render?: Render;
}

/** The face's renderer; a command that records a notice needs one. */
export function renderOf(services: Pick<Services, "render">): Render {
  if (!services.render) throw new Error("Services.render is missing: the face (bot, CLI) words the notices a command records");
  return services.render;
}

const profiles = new Map<string, Profile>();

/** The body's profile (validated once per process). */
export function profileOf(db: Db): Profile {
  const id = db.body.profile;
  if (!profiles.has(id)) profiles.set(id, loadProfile(id));
  return profiles.get(id)!;
}

