/**
 * The Store on a JSON file (lowdb), safe when the bot server and command-line calls use one file
 * at the same time: every change is read-modify-write under a cross-process lock, queued within
 * the process, validated, and written atomically; the audit log is a JSON-lines file beside it,
 * written ahead of the data: a change's lines carry its number (`auditSeq` + 1), and lines of a
 * change that never reached the data file are never read and are cut off by the next change.
 * (Creating and migrating the file write their one line after the data, as before.)
 * A file that is not valid is refused and never overwritten.
 *
 * Years of data must not make every turn slower, so the store keeps the data it last read or
 * wrote (a snapshot) and reads the file again only when the file changed (`fileKey`: another
 * process wrote it). A change copies, checks and re-serialises only the top-level fields it
 * uses; the others are written back as they were. The snapshot is deeply frozen: `read()` hands
 * the same object to every caller, so nobody may change it (changes go through `update`).
 */
import { mkdir, readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Low } from "lowdb";
import { clockFromEnv, type Clock } from "./clock.ts";
import { demoDb } from "./demo.ts";
import { Db, SCHEMA_VERSION, StoredAuditEntry, type AuditEntry } from "../domain/model.ts";
import type { Audit, Store, UpdateOptions, UpdateResult } from "./store.ts";
import { invalidDataError, newerVersionError } from "./store-errors.ts";
import { applyChange, auditEntry, checkedFields, FIELDS as fields, processedIn, usedFields } from "./store-change.ts";
import { quoted, unreadableAuditLines } from "../texts/store.ts";
import {
  AtomicJsonFile,
  DEFAULT_LOCK_TIMING,
  appendLog,
  lastLogSeq,
  deepFreeze,
  enqueue,
  fieldBytes,
  fileKey,
  objectBytes,
  readJsonLines,
  readText,
  removeStaleTempFiles,
  uncommittedSeq,
  withFileLock,
  writeFileAtomic,
  writeNewFile,
  type LockTiming,
} from "./store-files.ts";
import { PRIVATE_FOLDER } from "./private-files.ts";
import { DbV1, auditTextWithMoved, migrateV1 } from "./store-migrate.ts";

export { StoreError } from "./store-errors.ts";

export { KEPT_ACTIVITY_IDS } from "./store-change.ts";

export interface JsonStoreOptions {
  clock?: Clock;
  /** Lock timing; tests shorten it. */
  lock?: Partial<LockTiming>;
  /** Where remarks go that are not errors (a torn audit line); default: a process warning. */
  onWarning?: (message: string) => void;
}

/** `data/db.json` → `data/db.audit.jsonl`. */
export function auditFileFor(file: string): string {
  return file.replace(/\.json$/i, "") + ".audit.jsonl";
}

export function openJsonStore(file: string, options: JsonStoreOptions = {}): Store {
  const clock = options.clock ?? clockFromEnv();
  const timing: LockTiming = { ...DEFAULT_LOCK_TIMING, ...options.lock };
  const warn = options.onWarning ?? ((m: string) => process.emitWarning(m, "StoreWarning"));
  const auditFile = auditFileFor(file);
  const queueKey = resolve(file);
  const adapter = new AtomicJsonFile(file);
  let tempFilesChecked = false;

  const entry = (actorId: string, action: string, details?: Record<string, unknown>) => auditEntry(clock, actorId, action, details);
  /** Appends `entries` as part of change number `seq`, cutting what an uncommitted change left. */
  const appendAudit = (entries: AuditEntry[], seq: number, committed: number) =>
    appendLog(auditFile, entries.map((e) => JSON.stringify({ ...e, seq })), committed);

  /** The data as the file holds it (`key`), frozen, with each top-level field's bytes as written. */
  type Snapshot = { key: string | null; db: Db; bytes: Map<keyof Db, Buffer> };
  let snapshot: Snapshot | null = null;

  function snapshotOf(key: string | null, db: Db, bytes = new Map(fields.map((f) => [f, fieldBytes(f, db[f])!]))): Snapshot {
    return { key, db: deepFreeze(db), bytes };
  }

  type Loaded = { kind: "missing" } | { kind: "current"; snapshot: Snapshot } | { kind: "v1"; db: DbV1 };

  /** Reads and classifies the file (unless it is unchanged since last time); anything unusable is a StoreError. */
  async function load(): Promise<Loaded> {
    const key = fileKey(file); // before reading: if the file changes in between, the key no longer matches
    if (key !== null && snapshot?.key === key) return { kind: "current", snapshot };
    const low = new Low<unknown>(adapter, null); // one per call: concurrent reads must not share `data`
    await low.read();
    const raw = low.data as Record<string, unknown> | null;
    if (raw === null) return { kind: "missing" };
    const version = raw.schemaVersion;
    if (typeof version === "number" && version > SCHEMA_VERSION) throw newerVersionError(file, version, SCHEMA_VERSION);
    const parsed = version === 1 ? DbV1.safeParse(raw) : Db.safeParse(raw);
    if (!parsed.success) throw invalidDataError(file, parsed.error);
    if (version === 1) return { kind: "v1", db: parsed.data as DbV1 };
    snapshot = snapshotOf(key, parsed.data as Db);
    return { kind: "current", snapshot };
  }

  /** Writes the fields' bytes as the file (under the lock) and keeps it as the snapshot. */
  async function write(next: Snapshot): Promise<Snapshot> {
    await writeFileAtomic(file, objectBytes(fields.map((f) => next.bytes.get(f)!)));
    snapshot = { ...next, key: fileKey(file) };
    return snapshot;
  }

  /** Under the lock: the current data, creating the demo file or migrating an old one first. */
  async function loadCurrent(): Promise<Snapshot> {
    const loaded = await load();
    if (loaded.kind === "current") return loaded.snapshot;
    if (loaded.kind === "missing") {
      const db = demoDb();
      // A log left beside a removed data file is kept whole: the new file continues its numbering.
      db.auditSeq = await lastLogSeq(auditFile);
      const written = await write(snapshotOf(null, db));
      await appendAudit([entry("system", "store.create", { demo: db.body.name })], db.auditSeq, db.auditSeq);
      return written;
    }
    return migrateFromV1(loaded.db);
  }

  /** Backup first (durable), then the audit lines, then the data file: each step can be repeated. */
  async function migrateFromV1(v1: DbV1): Promise<Snapshot> {
    const backup = await keepBackup(file, 1);
    const { db, audit } = migrateV1(v1);
    await writeFileAtomic(auditFile, auditTextWithMoved((await readText(auditFile)) ?? "", audit));
    db.auditSeq = await lastLogSeq(auditFile); // a numbered log beside it stays whole, as for a new file
    const written = await write(snapshotOf(null, db));
    await appendAudit([entry("system", "store.migrate", { from: 1, to: SCHEMA_VERSION, backup, auditEntriesMoved: audit.length })], db.auditSeq, db.auditSeq);
    return written;
  }

  /** Runs `work` in this process's queue for the file and under the cross-process lock. */
  function exclusive<T>(work: (assertHeld: () => void) => Promise<T>): Promise<T> {
    return enqueue(queueKey, async () => {
      await mkdir(dirname(file), { recursive: true, mode: PRIVATE_FOLDER });
      return withFileLock(file, timing, async (assertHeld) => {
        if (!tempFilesChecked) {
          await removeStaleTempFiles(file);
          tempFilesChecked = true;
        }
        return work(assertHeld);
      });
    });
  }

  async function read(): Promise<Db> {
    // The file is replaced atomically, so a plain read is a consistent snapshot.
    const loaded = await load();
    if (loaded.kind === "current") return loaded.snapshot.db;
    return (await exclusive(() => loadCurrent())).db;
  }

  function update<T>(options: UpdateOptions, change: (db: Db, audit: Audit) => T): Promise<UpdateResult<T>> {
    return exclusive(async (assertHeld) => {
      const current = await loadCurrent();
      const { activityId } = options;
      if (activityId && processedIn(current.db, activityId)) return { duplicate: true as const };

      const { db, touched, entries, value } = applyChange(current.db, options, clock, change);
      // Only the fields the change used can differ; of those, check the ones whose JSON did.
      const changed = usedFields(db, touched).filter((f) => !fieldBytes(f, db[f])?.equals(current.bytes.get(f)!));
      const committed = current.db.auditSeq;
      if (changed.length === 0) {
        // Nothing to write: the audit lines (if any) are committed as they are appended.
        assertHeld();
        await appendAudit(entries, committed, committed);
        return { duplicate: false as const, value };
      }
      const valid = checkedFields(db, changed, quoted(file), file);
      const bytes = new Map(current.bytes);
      const next: Record<string, unknown> = { ...current.db };
      for (const f of changed) {
        bytes.set(f, fieldBytes(f, valid[f])!);
        next[f] = JSON.parse(JSON.stringify(valid[f])); // as a fresh read gives it, sharing nothing with the caller
      }
      // Audit first, numbered as the next change, then the data that commits it: a crash in
      // between leaves lines above the data's auditSeq, which the next append cuts off.
      const seq = entries.length > 0 ? committed + 1 : committed;
      next.auditSeq = seq;
      bytes.set("auditSeq", fieldBytes("auditSeq", seq)!);
      assertHeld();
      await appendAudit(entries, seq, committed);
      assertHeld();
      await write(snapshotOf(null, next as Db, bytes));
      return { duplicate: false as const, value };
    });
  }

  /**
   * The log's lines with the number of the last committed change, read so that they agree: the
   * number is the same before and after reading the log (else read again, up to five times; then
   * the number from before, which the lines read always contain).
   */
  async function committedLog(): Promise<{ values: unknown[]; badLines: number[]; auditSeq: number }> {
    for (let attempt = 1; ; attempt++) {
      const before = (await read()).auditSeq; // creates or migrates first, so the log is complete
      const lines = await readJsonLines(auditFile);
      const after = (await read()).auditSeq;
      if (after === before || attempt === 5) return { ...lines, auditSeq: before };
    }
  }

  async function auditLog(): Promise<AuditEntry[]> {
    const { values, badLines, auditSeq } = await committedLog();
    const stored: StoredAuditEntry[] = [];
    values.forEach((v) => {
      const parsed = StoredAuditEntry.safeParse(v);
      if (parsed.success) stored.push(parsed.data);
      else badLines.push(-1);
    });
    // The lines at the end numbered auditSeq + 1 belong to a change not (or not yet) committed.
    let end = stored.length;
    while (end > 0 && uncommittedSeq(stored[end - 1]!.seq, auditSeq)) end--;
    const entries = stored.slice(0, end).map(({ seq: _seq, ...line }) => line);
    if (badLines.length > 0) {
      const where = badLines.filter((n) => n > 0);
      warn(unreadableAuditLines(auditFile, badLines.length, where));
    }
    return entries;
  }

  const processed = async (activityId: string) => processedIn(await read(), activityId);

  return { location: file, read, update, auditLog, processed };
}

/** Copies the file to `<file>.v<version>.bak` (a numbered name if that exists), synced to disk. */
async function keepBackup(file: string, version: number): Promise<string> {
  const bytes = await readFile(file);
  for (let n = 1; ; n++) {
    const backup = `${file}.v${version}${n === 1 ? "" : `.${n}`}.bak`;
    if (await writeNewFile(backup, bytes)) return backup;
  }
}
