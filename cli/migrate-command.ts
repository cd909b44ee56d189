/**
 * `migrate --from <db.json> [--body <id>]`: copies a JSON data file and its audit log into the
 * database of DATABASE_URL (adapters/pg-migrate-json.ts) and says what it copied and checked.
 */
import type { Command } from "commander";
import { migrateJsonFile } from "../adapters/pg-migrate-json.ts";
import { DEFAULT_BODY } from "../adapters/pg-store.ts";
import { migrationReportText, MIGRATE_NEEDS_DATABASE } from "../texts/cli.ts";
import { contextOf, emit, UserError } from "./context.ts";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .requiredOption("--from <db.json>")
    .action(async (opts: { from: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const url = process.env.DATABASE_URL;
      if (!url) throw new UserError(MIGRATE_NEEDS_DATABASE.de);
      const report = await migrateJsonFile({ file: opts.from, url, body: ctx.body ?? DEFAULT_BODY, clock: ctx.clock });
      emit(ctx, report, migrationReportText(report).de);
    });
}
