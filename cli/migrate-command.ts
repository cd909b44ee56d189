/**
 * `migrate --from <db.json> [--body <id>]`: copies a JSON data file and its audit log into the
 * database of DATABASE_URL (adapters/pg-migrate-json.ts) and says what it copied and checked.
 */
import type { Command } from "commander";
import { migrateJsonFile, type MigrationReport } from "../adapters/pg-migrate-json.ts";
import { DEFAULT_BODY } from "../adapters/pg-store.ts";
import { contextOf, emit, UserError } from "./context.ts";

const LABELS: Record<keyof MigrationReport["counts"], string> = {
  persons: "Personen",
  institutions: "Institutionen",
  meetings: "Sitzungen",
  proposals: "Themenanmeldungen",
  attendance: "Teilnahmeangaben",
  invitations: "Einladungen",
  quorumDeclarations: "Feststellungen der Beschlussfähigkeit",
  votes: "Abstimmungen",
  personalStatements: "persönliche Erklärungen",
  minutes: "Niederschriften",
  outbox: "Nachrichten im Postausgang",
  processedActivities: "verarbeitete Teams-Aktivitäten",
};

function reportText(r: MigrationReport): string {
  const counts = Object.entries(r.counts).map(([k, n]) => `${n} ${LABELS[k as keyof typeof LABELS]}`).join(", ");
  return `„${r.from}“ ist als Gremium „${r.body}“ in der Datenbank: ${counts} und ${r.auditLines} Zeilen des Änderungsprotokolls, mit denselben Kennungen. Nach dem Schreiben geprüft: alles vollständig und gleich.`;
}

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("eine JSON-Datendatei mit ihrem Änderungsprotokoll in die Datenbank (DATABASE_URL) übernehmen")
    .requiredOption("--from <db.json>", "die Datendatei")
    .action(async (opts: { from: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const url = process.env.DATABASE_URL;
      if (!url) throw new UserError("migrate braucht die Zieldatenbank: bitte DATABASE_URL (postgres://…) setzen.");
      const report = await migrateJsonFile({ file: opts.from, url, body: ctx.body ?? DEFAULT_BODY, clock: ctx.clock });
      emit(ctx, report, reportText(report));
    });
}
