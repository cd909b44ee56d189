/**
 * What the commands share: running with the services, the `list` commands (outbox, reminders)
 * that read once, check who may see, and answer with JSON or a listing, a command of such
 * subcommands, and a result's text worded for `--json`.
 */
import type { Command, OptionValues } from "commander";
import type { Db } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import type { Services } from "../services/context.ts";
import { formatDateTime } from "../rules/time.ts";
import { words, type Said, type SentenceCode } from "../texts/catalog.ts";
import { contextOf, emit, withServices, type CliContext } from "./context.ts";

/**
 * Runs `work` with the services (refusals become one sentence and exit 2 in cli/index.ts). The
 * options include the parent command's, so `--meeting` may stand before or after a subcommand.
 */
export function servicesAction<O extends OptionValues = OptionValues>(work: (ctx: CliContext, services: Services, opts: O) => Promise<void>) {
  return async (_opts: O, cmd: Command) => {
    const ctx = contextOf(cmd);
    await withServices(ctx, (services) => work(ctx, services, cmd.optsWithGlobals<O>()));
  };
}

/** A result as `--json` prints it: its `text` worded in German and English, in its place (no result stays null). */
export function worded<R extends { text: Said<SentenceCode> } | null>(result: R): R extends null ? null : Omit<R, "text"> & { text: Texts } {
  return (result && { ...result, text: words(result.text) }) as never;
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

type Action = (opts: OptionValues, cmd: Command) => Promise<void>;

/** A command made of subcommands without options (`outbox`, `reminders`): each with its action, in that order. */
export function subcommands(program: Command, name: string, actions: Record<string, Action>): void {
  const group = program.command(name);
  for (const [sub, action] of Object.entries(actions)) group.command(sub).action(action);
}
