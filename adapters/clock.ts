/**
 * The clock every time-dependent path asks. `LG_NOW` (or the CLI's `--now`) fixes it so that
 * demos and tests are exact; otherwise it is the real time.
 */
import { parseInstant } from "../rules/time.ts";
import { unreadableNow } from "../texts/setup.ts";

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stopped at `iso`; throws a clear error for an unreadable time. */
export function fixedClock(iso: string): Clock {
  const at = parseInstant(iso);
  if (!at) throw new Error(unreadableNow(iso));
  return () => new Date(at.getTime());
}

/** The clock for this process: fixed by `LG_NOW` when set, the real one otherwise. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  return env.LG_NOW ? fixedClock(env.LG_NOW) : systemClock;
}
