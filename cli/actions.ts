/**
 * The actions the commands without arguments share: run with the services, and the `list`
 * commands (outbox, reminders) that read once, check who may see, and answer with JSON or a listing.
 */
import type { Command, OptionValues } from "commander";
import type { Db } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import type { Services } from "../services/context.ts";
import { formatDateTime } from "../rules/time.ts";
import { contextOf, emit, withServices, type CliContext } from "./context.ts";

/** Runs `work` with the services (refusals become one sentence and exit 2 in cli/index.ts). */
export function servicesAction<O extends OptionValues = OptionValues>(work: (ctx: CliContext, services: Services, opts: O) => Promise<void>) {
  return async (_opts: O, cmd: Command) => {
    const ctx = contextOf(cmd);
    await withServices(ctx, (services) => work(ctx, services, cmd.opts<O>()));
  };
}

/** The German listing's times, as the Geschäftsstelle reads them ("Donnerstag, 21.04.2022, 10:00"). */
export const listingTime = (iso: string) => formatDateTime(new Date(iso));

interface Listing<R> {
  /** The key of the rows in `--json`. */
  key: string;
  /** Throws the refusal when the actor may not see them. */
  check: (db: Db) => void;
  rows: (db: Db, ctx: CliContext, services: Services) => R[];
  text: (lang: keyof Texts, rows: R[], when: (iso: string) => string) => string;
}

/** A `list` command: one read of the store, the permission check, then the rows. */
export function listAction<R>(listing: Listing<R>) {
  return servicesAction(async (ctx, services) => {
    const db = await services.store.read();
    listing.check(db);
    const rows = listing.rows(db, ctx, services);
    emit(ctx, { [listing.key]: rows }, listing.text("de", rows, listingTime));
  });
}
