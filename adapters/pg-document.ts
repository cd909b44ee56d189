/**
 * A body's document as the PostgreSQL store keeps it between queries, and what it validates.
 * Checking the whole document with zod on every change and on every fetch of another
 * instance's version cost about a third of a burst answer's CPU (bench/README.md), so, as the
 * JSON store does, only what differs is checked: the top-level fields a change touched and whose
 * JSON moved, and, on fetching a newer version, the fields whose JSON differs from the version
 * this process knows. What the database holds was checked when written; the first fetch in a
 * process checks it whole, so a row corrupted behind the store's back is still refused.
 */
import { Db, SCHEMA_VERSION } from "../domain/model.ts";
import { StoreError, newerVersionError } from "./store-errors.ts";
import { deepFreeze } from "./store-files.ts";
import { checkedFields, FIELDS, pickFields, usedFields } from "./store-change.ts";
import { invalidRow } from "../texts/store.ts";

export type Field = keyof Db;

/** The frozen data and each top-level field's JSON (to tell which fields a change or another instance moved). */
export interface Doc {
  db: Db;
  fields: Map<Field, string>;
}

function docOf(db: Db, fields?: Map<Field, string>): Doc {
  return { db: deepFreeze(db), fields: fields ?? new Map(FIELDS.map((f) => [f, JSON.stringify(db[f])])) };
}

/**
 * The document of a row, checked: whole when nothing is known yet, else the fields whose JSON
 * differs from `known` (the others are `known`'s, shared and frozen). Refused with one sentence.
 */
export function docFromRow(raw: unknown, known: Doc | null, where: string): Doc {
  const record = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const version = record.schemaVersion;
  if (typeof version === "number" && version > SCHEMA_VERSION) throw newerVersionError(where, version, SCHEMA_VERSION);
  const jsons = new Map(FIELDS.map((f) => [f, JSON.stringify(record[f])]));
  const moved = known ? FIELDS.filter((f) => jsons.get(f) !== known.fields.get(f)) : FIELDS;
  const result = pickFields(moved).safeParse(record);
  if (!result.success) throw new StoreError(invalidRow(where, result.error), where);
  const parsed = result.data as Record<string, unknown>;
  if (!known) return docOf(parsed as Db);
  const db: Record<string, unknown> = { ...known.db };
  const fields = new Map(known.fields);
  for (const f of moved) {
    db[f] = parsed[f];
    fields.set(f, JSON.stringify(parsed[f])); // as parsed: defaults filled in, as the next comparison sees it
  }
  return docOf(db as Db, fields);
}

/** What a change wrote: the changed top-level fields (to merge into the row) and the document after it. */
export interface Patch {
  changed: Field[];
  json: string;
  next: Doc;
}

/**
 * The fields of `db` (a lazy copy of `base`; `touched`: the fields the change used) that differ
 * from `base`, checked; null when nothing changed. An invalid result is refused and nothing is written.
 */
export function patchOf(base: Doc, db: Db, touched: Set<string>, where: string): Patch | null {
  const candidates = usedFields(db, touched);
  const jsons = new Map(candidates.map((f) => [f, JSON.stringify(db[f])]));
  const changed = candidates.filter((f) => jsons.get(f) !== base.fields.get(f));
  if (changed.length === 0) return null;
  const valid = checkedFields(db, changed, where, where);
  const patch: Record<string, unknown> = {};
  const next: Record<string, unknown> = { ...base.db };
  const fields = new Map(base.fields);
  for (const f of changed) {
    const json = JSON.stringify(valid[f]);
    patch[f] = valid[f];
    next[f] = JSON.parse(json); // as a fresh read gives it, sharing nothing with the caller
    fields.set(f, json);
  }
  return { changed, json: JSON.stringify(patch), next: docOf(next as Db, fields) };
}
