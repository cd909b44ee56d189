/**
 * What both stores (json-store.ts, pg-store.ts) do alike with one change: apply it to a lazy copy
 * of the data with its audit entries and the activity id, and check the fields it moved against
 * the model before anything is written.
 */
import { Db, type AuditEntry } from "../domain/model.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Clock } from "./clock.ts";
import type { Audit, UpdateOptions } from "./store.ts";
import { StoreError } from "./store-errors.ts";
import { lazyCopy } from "./store-files.ts";
import { invalidChange } from "../texts/store.ts";

/** The data's top-level fields: what a change is checked and written by. */
export const FIELDS = Object.keys(Db.shape) as (keyof Db)[];

/** Activity ids remembered against duplicate delivery; Teams redelivers within minutes. */
export const KEPT_ACTIVITY_IDS = 1000;

/** Whether the data records `activityId` as applied (the JSON store keeps the ids in the data). */
export function processedIn(db: Db, activityId: string): boolean {
  return db.processedActivities.some((a) => a.id === activityId);
}

/** An audit line stamped now (Berlin time). */
export function auditEntry(clock: Clock, actorId: string, action: string, details: Record<string, unknown> = {}): AuditEntry {
  return { at: toBerlinIso(clock()), actorId, action, details };
}

export interface Applied<T> {
  /** The lazy copy after the change, the activity id recorded. */
  db: Db;
  /** The fields the change used (read or assigned): only these can differ. */
  touched: Set<string>;
  entries: AuditEntry[];
  value: T;
}

/** Runs `change` (synchronous) on a lazy copy of `base`, collecting its audit lines and recording the activity id. */
export function applyChange<T>(base: Db, options: UpdateOptions, clock: Clock, change: (db: Db, audit: Audit) => T): Applied<T> {
  const { copy: db, touched } = lazyCopy(base);
  const entries: AuditEntry[] = [];
  const value = change(db, (action, details) => void entries.push(auditEntry(clock, options.actorId, action, details)));
  if (value instanceof Promise) throw new Error("Store.update: change muss synchron sein (kein async).");
  if (options.activityId) {
    db.processedActivities = [...db.processedActivities, { id: options.activityId, at: toBerlinIso(clock()) }].slice(-KEPT_ACTIVITY_IDS);
  }
  return { db, touched, entries, value };
}

/** The fields a change may have moved: those it used (read or assigned) and those it deleted. */
export function usedFields(db: Db, touched: Set<string>): (keyof Db)[] {
  return FIELDS.filter((f) => touched.has(f) || !(f in db));
}

/** The model picked to some top-level fields. */
export function pickFields(fields: (keyof Db)[]) {
  return Db.pick(Object.fromEntries(fields.map((f) => [f, true])) as { [F in keyof Db]?: true });
}

/**
 * The `changed` fields of `db`, parsed (defaults filled in); a result the model refuses is a
 * StoreError naming `where` (as texts/store.ts's `quoted` or `bodyIn` words it) and `location`.
 */
export function checkedFields(db: Db, changed: (keyof Db)[], where: string, location: string): Record<string, unknown> {
  const checked = pickFields(changed).safeParse(db);
  if (!checked.success) throw new StoreError(invalidChange(where, checked.error), location);
  return checked.data as Record<string, unknown>;
}
