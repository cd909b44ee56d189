/**
 * The services over a data file, as `npm start` and the command line run them: the JSON store,
 * the clock, and mail to `smtpUrl` or, without it, as .eml files to `outbox/` beside the data file.
 * Choosing the store happens here, so bot/ and cli/ never name one.
 */
import { dirname, join, resolve } from "node:path";
import type { Clock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { createMailer } from "../adapters/mail-transport.ts";
import type { Services } from "./context.ts";

export interface ServiceOptions {
  db: string;
  clock: Clock;
  smtpUrl?: string;
  /** Where the store's remarks go that are not errors (a torn audit line). */
  onWarning?: (message: string) => void;
}

export function openServices(o: ServiceOptions): Services {
  return {
    store: openJsonStore(o.db, { clock: o.clock, onWarning: o.onWarning }),
    clock: o.clock,
    mailer: createMailer({ smtpUrl: o.smtpUrl, outboxDir: join(dirname(resolve(o.db)), "outbox"), now: o.clock }),
  };
}
