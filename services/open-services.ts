/**
 * The services over a data file, as `npm start` and the command line run them: the JSON store,
 * the clock, and mail as `mail` says (SMTP, Microsoft 365 with OAuth2) or, without SMTP_URL, as .eml files to `outbox/` beside the data file.
 * Choosing the store happens here, so bot/ and cli/ never name one.
 */
import { dirname, join, resolve } from "node:path";
import type { Clock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import type { MailSettings } from "../adapters/mail-settings.ts";
import { createMailer } from "../adapters/mail-transport.ts";
import type { Services } from "./context.ts";

export interface ServiceOptions {
  db: string;
  clock: Clock;
  /** From `mailSettingsFromEnv`; missing → the outbox folder. */
  mail?: MailSettings;
  /** Where the store's remarks go that are not errors (a torn audit line). */
  onWarning?: (message: string) => void;
}

export function openServices(o: ServiceOptions): Services {
  return {
    store: openJsonStore(o.db, { clock: o.clock, onWarning: o.onWarning }),
    clock: o.clock,
    mailer: createMailer({ ...o.mail, outboxDir: join(dirname(resolve(o.db)), "outbox"), now: o.clock }),
  };
}
