/**
 * Older data files and how they become current. Version 1 kept the audit log inside the data
 * file (`audit`) and had neither `processedActivities` nor `botState`; version 2 moved the audit
 * log to its own append-only JSON-lines file so the data file does not grow with every change.
 */
import { z } from "zod";
import { AuditEntry, Db, SCHEMA_VERSION } from "../domain/model.ts";

export const DbV1 = Db.omit({ schemaVersion: true, processedActivities: true, botState: true, auditSeq: true }).extend({
  schemaVersion: z.literal(1),
  audit: z.array(AuditEntry),
});
export type DbV1 = z.infer<typeof DbV1>;

/** The v2 data and the audit entries that now belong in the JSON-lines file. */
export function migrateV1(v1: DbV1): { db: Db; audit: AuditEntry[] } {
  const { audit, schemaVersion: _v1, ...rest } = v1;
  return { db: { ...rest, schemaVersion: SCHEMA_VERSION, outbox: [], processedActivities: [], botState: {}, auditSeq: 0 }, audit };
}

/**
 * The audit file's text after moving `entries` to its front. Idempotent: if a migration was
 * interrupted after the audit file was written, running it again does not duplicate the lines.
 */
export function auditTextWithMoved(existing: string, entries: AuditEntry[]): string {
  const moved = entries.map((e) => JSON.stringify(e) + "\n").join("");
  if (moved === "" || existing.startsWith(moved)) return existing;
  const rest = existing === "" || existing.endsWith("\n") ? existing : existing + "\n";
  return moved + rest;
}
