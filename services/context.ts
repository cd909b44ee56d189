/**
 * What every service needs: the store, the clock, mail, and the rules profiles. The bot and the
 * CLI build one of these; services never reach for globals, and never load a profile themselves
 * (the faces load them once at start through adapters/profiles.ts).
 */
import type { Clock } from "../adapters/clock.ts";
import type { Mailer } from "../adapters/mail-transport.ts";
import type { Db } from "../domain/model.ts";
import type { Store } from "../adapters/store.ts";
import type { TeamsChannel } from "./outbox.ts";
import type { Profile, Profiles } from "../domain/profile.ts";
import type { Render } from "../texts/catalog.ts";

export interface Services {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  /** Teams as the outbox's channel, where the bot runs with a Teams adapter; absent: e-mail only. */
  teams?: TeamsChannel | null;
  /** Every rules profile, loaded and validated at start; the body's data names its own. */
  profiles: Profiles;
  /** How the face words what a command records worded (a notice's subject and text); services import no wording. */
  render?: Render;
}

/** The face's renderer; a command that records a notice needs one. */
export function renderOf(services: Pick<Services, "render">): Render {
  if (!services.render) throw new Error("Services.render is missing: the face (bot, CLI) words the notices a command records");
  return services.render;
}

/**
 * The body's rules profile in this snapshot of its data: read from the data each time, so a body
 * whose profile an import changed (in any process) runs under the new one at once.
 */
export function bodyProfile(services: Pick<Services, "profiles">, db: Db): Profile {
  return services.profiles.get(db.body.profile);
}

/**
 * Opening a body's services: a body whose data names a profile that was not loaded is refused
 * here, with ProfileError's one sentence, rather than inside a turn.
 */
export async function checkBodyProfile(services: Pick<Services, "store" | "profiles">): Promise<void> {
  bodyProfile(services, await services.store.read());
}
