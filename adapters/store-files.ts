/**
 * The file mechanics under the JSON store: durable atomic writes, the cross-process lock, the
 * in-process queue and the append-only audit log. No knowledge of the domain model here.
 */
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import { constants } from "node:fs";
import { access, open, readdir, readFile, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import lockfile from "proper-lockfile";
import type { Adapter } from "lowdb";
import { notJsonError, StoreError } from "./store-errors.ts";
import { folderNotWritable, lockedTooLong, lockLost, NOT_AN_OBJECT, shortWrite } from "../texts/store.ts";
import { PRIVATE_FILE } from "./private-files.ts";

/**
 * Writes `data` (text, or the file's bytes in pieces) so that a crash at any moment leaves either
 * the old or the new file: write a temp file beside it, fsync it, rename it over the target
 * (atomic on POSIX), fsync the folder so the rename itself survives a power cut. (lowdb's own
 * writer skips both fsyncs.)
 */
export async function writeFileAtomic(file: string, data: string | readonly Uint8Array[]): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(tmp, "w", PRIVATE_FILE);
    try {
      if (typeof data === "string") await handle.writeFile(data, "utf8");
      else {
        const { bytesWritten } = await handle.writev(data);
        const size = data.reduce((n, piece) => n + piece.length, 0);
        if (bytesWritten !== size) throw new Error(shortWrite(tmp, bytesWritten, size));
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await syncFolder(dirname(file));
}

/** Creates `file` with `data` and syncs it; false if it already exists (never overwrites). */
export async function writeNewFile(file: string, data: Uint8Array): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "wx", PRIVATE_FILE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncFolder(dirname(file));
  return true;
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic there.
  }
}

/** Removes temp files that a killed writer left beside `file`; call only while holding the lock. */
export async function removeStaleTempFiles(file: string): Promise<void> {
  const prefix = `${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(prefix) && /\.\d+\.[0-9a-f]{8}\.tmp$/.test(n));
  await Promise.all(stale.map((n) => rm(join(dirname(file), n), { force: true })));
}

/** lowdb adapter for the data file: JSON in, durable atomic JSON out; unreadable JSON is a StoreError. */
export class AtomicJsonFile implements Adapter<unknown> {
  constructor(readonly file: string) {}

  async read(): Promise<unknown> {
    const text = await readText(this.file);
    if (text === null) return null;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw notJsonError(this.file, e);
    }
    // lowdb treats a falsy value as "no file"; an array or `null` must be refused, not replaced.
    if (typeof data !== "object" || data === null || Array.isArray(data)) throw notJsonError(this.file, NOT_AN_OBJECT);
    return data;
  }

  write(data: unknown): Promise<void> {
    return writeFileAtomic(this.file, JSON.stringify(data, null, 2) + "\n");
  }
}

/** The file's text, or null when it does not exist. */
export async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Knowing when a file changed, and writing back only what changed

/**
 * The file's identity and version: device, inode, size, and modification and change times in
 * nanoseconds; null when it does not exist. An atomic replace (ours or another process's) gives
 * a new inode, an edit in place new times, so an unchanged key means unchanged content.
 */
export function fileKey(file: string): string | null {
  try {
    // Synchronous on purpose: a stat of a local file takes microseconds, a thread-pool round trip ten times as long.
    const s = statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** Freezes `value` and everything in it (parts already frozen are taken as frozen throughout). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A field of an object as `JSON.stringify(object, null, 2)` writes it (`  "key": value`), UTF-8;
 * null when the value has no JSON (undefined).
 */
export function fieldBytes(key: string, value: unknown): Buffer | null {
  const json = JSON.stringify(value, null, 2);
  return json === undefined ? null : Buffer.from(`  ${JSON.stringify(key)}: ${json.replace(/\n/g, "\n  ")}`);
}

const OPEN = Buffer.from("{\n");
const COMMA = Buffer.from(",\n");
const CLOSE = Buffer.from("\n}\n");

/** The bytes of an object's file from its fields' bytes: `JSON.stringify(object, null, 2)` and a newline. */
export function objectBytes(fields: Uint8Array[]): Uint8Array[] {
  return [OPEN, ...fields.flatMap((f, i) => (i === 0 ? [f] : [COMMA, f])), CLOSE];
}

/**
 * A mutable copy of a frozen object that copies each field only when it is first used, and
 * says which fields were used (read or assigned) — the others are still the original.
 */
export function lazyCopy<T extends object>(original: T): { copy: T; touched: Set<string> } {
  const copy = {} as T;
  const touched = new Set<string>();
  for (const [key, frozen] of Object.entries(original)) {
    let value: unknown;
    Object.defineProperty(copy, key, {
      enumerable: true,
      configurable: true,
      get() {
        if (!touched.has(key)) {
          touched.add(key);
          value = structuredClone(frozen);
        }
        return value;
      },
      set(v: unknown) {
        touched.add(key);
        value = v;
      },
    });
  }
  return { copy, touched };
}

// ---------------------------------------------------------------------------------------------
// Locking

export interface LockTiming {
  /** A lock not refreshed for this long belongs to a dead process and is taken over (min. 2000). */
  staleMs: number;
  /** How long to wait for the lock in total before giving up. */
  waitMs: number;
}

export const DEFAULT_LOCK_TIMING: LockTiming = { staleMs: 10_000, waitMs: 60_000 };

/**
 * Runs `work` while holding the cross-process lock of `file` (a `<file>.lock` folder, which
 * proper-lockfile creates atomically with mkdir and refreshes while we hold it). Waiting retries
 * with randomised backoff, so many processes queue up instead of failing.
 */
export async function withFileLock<T>(file: string, timing: LockTiming, work: (assertHeld: () => void) => Promise<T>): Promise<T> {
  let compromised: Error | null = null;
  const maxTimeout = 100; // poll at least every 100 ms once the backoff is at its cap
  let release: () => Promise<void>;
  await assertWritableFolder(file);
  try {
    release = await lockfile.lock(file, {
      lockfilePath: `${file}.lock`,
      realpath: false,
      stale: timing.staleMs,
      retries: { retries: Math.ceil(timing.waitMs / maxTimeout), factor: 1.3, minTimeout: 5, maxTimeout, randomize: true },
      // The default throws from a timer and kills the process; instead refuse the write.
      onCompromised: (e) => {
        compromised = e;
      },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new StoreError(lockedTooLong(file, Math.round(timing.waitMs / 1000)), file);
    }
    throw e;
  }
  const assertHeld = () => {
    if (compromised) {
      throw new StoreError(lockLost(file, compromised.message), file);
    }
  };
  try {
    return await work(assertHeld);
  } finally {
    await release().catch(() => undefined); // a compromised lock may already be gone
  }
}

/**
 * proper-lockfile retries every failure to create its lock folder, a read-only folder too, for the
 * whole wait (60 s, past Teams' reply window): ask the folder first and refuse at once.
 */
async function assertWritableFolder(file: string): Promise<void> {
  try {
    await access(dirname(file), constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EACCES" && code !== "EPERM" && code !== "EROFS") throw e;
    throw new StoreError(folderNotWritable(dirname(file), code), file);
  }
}

/**
 * One queue per file for this process: concurrent turns in one process take the file one after
 * the other (proper-lockfile would otherwise make them fight over the lock folder).
 */
const queues = new Map<string, Promise<unknown>>();

export function enqueue<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(work, work);
  const tail = result.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Append-only JSON lines

/**
 * Appends lines (JSON objects carrying `seq`) in one write and fsyncs them, after cutting off
 * what a crash left at the end of the log: a torn last line, and the lines numbered
 * `committed + 1` (written ahead of a data change that never reached the data file). Only the
 * last change can have left such lines, since every change cuts them before it appends; higher
 * numbers (history beside a data file restored from a backup) stay. Call only under the lock.
 */
export async function appendLog(file: string, lines: string[], committed: number): Promise<void> {
  if (lines.length === 0) return;
  const handle = await open(file, "a+", PRIVATE_FILE);
  try {
    const { size, mode } = await handle.stat();
    if ((mode & 0o777) !== PRIVATE_FILE) await handle.chmod(PRIVATE_FILE); // a log from before this rule
    const end = await committedEnd(handle, size, committed);
    if (end < size) await handle.truncate(end);
    await handle.writeFile(lines.map((l) => l + "\n").join(""), "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The highest change number in the log (the last numbered line's); 0 when it has none or does not exist. */
export async function lastLogSeq(file: string): Promise<number> {
  const numbered = (await readJsonLines(file)).values.map(seqOf).filter((s): s is number => typeof s === "number");
  return numbered.at(-1) ?? 0;
}

/** Whether a line numbered `seq` belongs to the change after the committed one, which may have died. */
export function uncommittedSeq(seq: unknown, committed: number): boolean {
  return seq === committed + 1;
}

function seqOf(value: unknown): unknown {
  return (value as { seq?: unknown } | null)?.seq;
}

/** The byte offset where the log's committed lines end (`size` when nothing is to be cut). */
async function committedEnd(handle: FileHandle, size: number, committed: number): Promise<number> {
  for (let window = 16 * 1024; ; window *= 4) {
    const start = Math.max(0, size - window);
    const tail = Buffer.alloc(size - start);
    await handle.read(tail, 0, tail.length, start);
    const end = committedEndIn(tail, committed, start === 0);
    if (end !== null) return start + end;
  }
}

/**
 * Walks `tail` back line by line while the last line is torn or uncommitted; null when it would
 * have to look before the start of `tail` and the file holds more (a larger window is needed).
 */
function committedEndIn(tail: Buffer, committed: number, wholeFile: boolean): number | null {
  const lineStart = (end: number) => (end <= 0 ? -1 : tail.lastIndexOf(0x0a, end - 1)) + 1;
  let end = tail.length;
  if (end > 0 && tail[end - 1] !== 0x0a) {
    end = lineStart(end); // a torn last line: an append that never finished
    if (end === 0 && !wholeFile) return null;
  }
  while (end > 0) {
    const begin = lineStart(end - 1);
    if (begin === 0 && !wholeFile) return null;
    if (!uncommitted(tail.subarray(begin, end - 1).toString("utf8"), committed)) break;
    end = begin;
  }
  return end;
}

function uncommitted(line: string, committed: number): boolean {
  try {
    return uncommittedSeq(seqOf(JSON.parse(line)), committed);
  } catch {
    return false; // a whole line that is not JSON was not written by us; the reader reports it
  }
}

export interface JsonLines {
  values: unknown[];
  /** 1-based numbers of lines that are not JSON (a torn write). */
  badLines: number[];
}

export async function readJsonLines(file: string): Promise<JsonLines> {
  const text = (await readText(file)) ?? "";
  const values: unknown[] = [];
  const badLines: number[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    // A last line without its newline is an append that never finished, even if it parses.
    if (i === lines.length - 1) return void badLines.push(i + 1);
    try {
      values.push(JSON.parse(line));
    } catch {
      badLines.push(i + 1);
    }
  });
  return { values, badLines };
}
