/**
 * What every command gets from the global options: output mode, data file, clock, profile.
 * Commands print through `emit` so that `--json` always yields exactly one JSON object on stdout.
 */
import { render } from "../texts/catalog.ts";
import type { Command } from "commander";
import { MailSettingsError, mailSettingsFromEnv, type MailSettings } from "../adapters/mail-settings.ts";
import { clockFromEnv, fixedClock, type Clock } from "../adapters/clock.ts";
import { checkBodyProfile, type Services } from "../services/context.ts";
import { loadProfiles } from "../adapters/profiles.ts";
import type { Profiles } from "../domain/profile.ts";
import type { Store } from "../adapters/store.ts";
import { filesPlace, openServices, openStore } from "../services/open-services.ts";
import { bodyNeedsDatabase, notACount } from "../texts/cli.ts";

/** A problem with the user's input: printed as one sentence on stderr, exit code 2. */
export class UserError extends Error {}

export interface CliContext {
  json: boolean;
  /** The path beside which the body's files are (minutes/, outbox/): the data file, or with a database, its body's place. */
  db: string;
  /** `--db` / LG_DB: the JSON data file (without DATABASE_URL). */
  dataFile: string;
  /** `--body` / LG_BODY: the body in the database (DATABASE_URL); undefined: the default body. */
  body: string | undefined;
  clock: Clock;
  /** Set only when `--profile` was given; otherwise the body's own profile applies. */
  profileId: string | undefined;
  /** Every rules profile, loaded and validated once when the command starts. */
  profiles: Profiles;
}

export function contextOf(command: Command): CliContext {
  const o = command.optsWithGlobals<{ json?: boolean; db?: string; now?: string; profile?: string; body?: string }>();
  let clock: Clock;
  try {
    clock = o.now ? fixedClock(o.now) : clockFromEnv();
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  if (o.body && !process.env.DATABASE_URL) {
    throw new UserError(bodyNeedsDatabase(o.body).de);
  }
  const dataFile = o.db ?? process.env.LG_DB ?? "data/db.json";
  const body = o.body ?? (process.env.LG_BODY || undefined);
  const profiles = loadProfiles();
  if (o.profile) profiles.get(o.profile); // an unknown `--profile` is refused before anything runs
  return { json: Boolean(o.json), db: filesPlace({ db: dataFile, clock, body }), dataFile, body, clock, profileId: o.profile, profiles };
}

/** The store the command works on: the body in DATABASE_URL, else the data file. `create`: a new body may be made (import). */
export function storeOf(ctx: CliContext, create = false): Store {
  return openStore({ db: ctx.dataFile, clock: ctx.clock, body: ctx.body, createBody: create });
}

/** Prints the JSON object with `--json`, the human text otherwise. */
export function emit(ctx: CliContext, json: unknown, text: string): void {
  process.stdout.write(ctx.json ? JSON.stringify(json, null, 2) + "\n" : text.replace(/\n?$/, "\n"));
}

/** Parses a whole, non-negative number option or refuses it clearly. */
export function count(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UserError(notACount(name, value).de);
  return Number(value);
}

/**
 * Runs `work` with the services the bot uses: the data file, the clock, and mail to `SMTP_URL` (with
 * `SMTP_OAUTH_*` through Microsoft 365) or, without it, as .eml files to `outbox/` beside the data
 * file. The mail pool is closed afterwards.
 */
export async function withServices<T>(ctx: CliContext, work: (services: Services) => Promise<T>): Promise<T> {
  const services = openServices({ db: ctx.dataFile, body: ctx.body, clock: ctx.clock, mail: mailFromEnv(), profiles: ctx.profiles, render });
  try {
    await checkBodyProfile(services);
    return await work(services);
  } finally {
    await services.mailer.close();
  }
}

/** The mail settings as the bot reads them; a wrong one is the user's to fix (exit code 2). */
function mailFromEnv(): MailSettings {
  try {
    return mailSettingsFromEnv(process.env);
  } catch (e) {
    throw e instanceof MailSettingsError ? new UserError(e.message) : e;
  }
}
