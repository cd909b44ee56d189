/**
 * The first schema of the PostgreSQL store (adapters/pg-store.ts): one row per body holding its
 * data as one validated document, its append-only audit log, and the Teams activity ids it
 * processed (unique per body: a retry delivered to either bot instance is applied once).
 */
import type { MigrationBuilder } from "node-pg-migrate";

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable("bodies", {
    id: { type: "text", primaryKey: true },
    profile: { type: "text", notNull: true },
    data: { type: "jsonb", notNull: true },
    // Bumped by every change: a reader holding this version needs not fetch the data again.
    version: { type: "bigint", notNull: true, default: 1 },
    audit_lines: { type: "integer", notNull: true, default: 0 },
    created_at: { type: "timestamptz", notNull: true, default: pgm.func("current_timestamp") },
    updated_at: { type: "timestamptz", notNull: true, default: pgm.func("current_timestamp") },
  });

  pgm.createTable("audit", {
    body_id: { type: "text", notNull: true, references: "bodies", onDelete: "RESTRICT" },
    seq: { type: "integer", notNull: true },
    at: { type: "timestamptz", notNull: true },
    actor: { type: "text", notNull: true },
    action: { type: "text", notNull: true },
    details: { type: "jsonb", notNull: true, default: "{}" },
  });
  pgm.addConstraint("audit", "audit_pkey", { primaryKey: ["body_id", "seq"] });
  // Append-only: a line once written is never changed or removed, not even by a mistaken query.
  pgm.createFunction("audit_append_only", [], { returns: "trigger", language: "plpgsql" }, "BEGIN RAISE EXCEPTION 'audit is append-only'; END;");
  pgm.createTrigger("audit", "audit_no_update_or_delete", { when: "BEFORE", operation: ["UPDATE", "DELETE"], level: "ROW", function: "audit_append_only" });

  pgm.createTable("processed_activities", {
    body_id: { type: "text", notNull: true, references: "bodies", onDelete: "CASCADE" },
    activity_id: { type: "text", notNull: true },
    at: { type: "timestamptz", notNull: true, default: pgm.func("current_timestamp") },
  });
  pgm.addConstraint("processed_activities", "processed_activities_pkey", { primaryKey: ["body_id", "activity_id"] });
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable("processed_activities");
  pgm.dropTrigger("audit", "audit_no_update_or_delete");
  pgm.dropTable("audit");
  pgm.dropFunction("audit_append_only", []);
  pgm.dropTable("bodies");
}
