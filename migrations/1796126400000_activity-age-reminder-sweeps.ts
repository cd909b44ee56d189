/**
 * Second schema step of the PostgreSQL store: an index to find a body's old activity ids by age
 * (they are pruned after a retention, adapters/pg-store.ts), and one row per body recording its
 * last reminder sweep, which a sweep locks (FOR UPDATE SKIP LOCKED) so two bot instances never
 * sweep one body at once nor twice within one timer interval (adapters/pg-bodies.ts).
 */
import type { MigrationBuilder } from "node-pg-migrate";

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createIndex("processed_activities", ["body_id", "at"], { name: "processed_activities_body_at" });
  pgm.createTable("reminder_sweeps", {
    body_id: { type: "text", primaryKey: true, references: "bodies", onDelete: "CASCADE" },
    // The database's clock (shared by all instances), not the bot's: this paces the timer only.
    swept_at: { type: "timestamptz", notNull: true },
  });
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable("reminder_sweeps");
  pgm.dropIndex("processed_activities", ["body_id", "at"], { name: "processed_activities_body_at" });
}
