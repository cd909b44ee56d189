/**
 * The storage boundary. `bot/`, `services/` and the CLI talk to this interface only: the JSON
 * file (`json-store.ts`) and PostgreSQL (`pg-store.ts`, one store object per body) both implement
 * it, and test/store-contract.test.ts holds both to the same behaviour.
 */
import type { AuditEntry, Db } from "../domain/model.ts";

/** Records audit lines for the change being applied: who (the update's actor) did what. */
export type Audit = (action: string, details?: Record<string, unknown>) => void;

export interface UpdateOptions {
  /** Who makes the change (a person id, or "system"/"cli"). */
  actorId: string;
  /** The Teams activity id: a change whose id was already processed is not applied again. */
  activityId?: string;
}

export type UpdateResult<T> = { duplicate: false; value: T } | { duplicate: true };

export interface Store {
  /** Where the data lives ("data/db.json"); the body's files (minutes/, outbox/) are beside it. */
  readonly location: string;
  /** A consistent snapshot of all data. */
  read(): Promise<Db>;
  /**
   * Applies `change` to the freshest data under an exclusive lock that holds across processes
   * (PostgreSQL: a transaction holding the body's row lock, so across bot instances too),
   * validates the result and writes it atomically. Its audit lines count exactly when its data
   * was written: a crash between the two loses no line of a change made and leaves none of a
   * change not made. (Lines of a change that alters no data count as they are appended.)
   * If `change` throws, nothing is written.
   */
  update<T>(options: UpdateOptions, change: (db: Db, audit: Audit) => T): Promise<UpdateResult<T>>;
  /** The whole audit log, oldest first. */
  auditLog(): Promise<AuditEntry[]>;
  /**
   * Whether a change with this Teams activity id was applied already (its redelivery will not be):
   * a face that answers before its update (a refusal, a question) leaves a redelivery to the update's duplicate path.
   */
  processed(activityId: string): Promise<boolean>;
}
