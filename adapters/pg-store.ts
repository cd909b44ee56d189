/**
 * The Store on PostgreSQL (node-postgres), for many bodies in one database and several bot
 * instances on it. Each body is one row of `bodies` holding its data as one document, checked
 * as the JSON file's: whole on first fetch, then the fields that moved (`pg-document.ts`); only
 * the changed fields are sent and merged into the row. A change runs in one transaction: the body's row is locked
 * (`SELECT … FOR UPDATE`, so changes of one body queue up across processes and instances while
 * other bodies go on), the Teams activity id is claimed in `processed_activities` (unique per
 * body: a retry to either instance is applied once), the changed fields are written and the change's
 * audit lines are appended to `audit` (append-only, a trigger refuses changes) — all or nothing.
 *
 * Reads keep the document they last fetched with its version. Every commit announces the body's
 * new version (LISTEN/NOTIFY, delivered at commit); while this process listens and nothing newer
 * was announced, a read answers from that snapshot without a query, else it asks for the version
 * and fetches the document only when it moved. A change never relies on the snapshot unchecked:
 * under the row lock it compares versions. So a read may lag a commit of another process by the
 * announcement's way over loopback or the network (milliseconds); a change never does.
 */
import type pg from "pg";
import { clockFromEnv, type Clock } from "./clock.ts";
import { demoDb } from "./demo.ts";
import type { AuditEntry, Db } from "../domain/model.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Audit, Store, UpdateOptions, UpdateResult } from "./store.ts";
import { StoreError } from "./store-errors.ts";
import { docFromRow, patchOf, type Doc } from "./pg-document.ts";
import { CHANGES_CHANNEL, ensureSchema, noteVersion, poolFor, shownUrl, watchFor, type Watch } from "./pg-schema.ts";
import { applyChange, auditEntry } from "./store-change.ts";
import { bodyIn, unknownBody } from "../texts/store.ts";

/** The body the CLI and the bot work on without `--body` / `LG_BODY`. */
export const DEFAULT_BODY = "default";

/**
 * How long a body remembers a Teams activity id against redelivery. Teams retries within
 * minutes; 30 days also cover a connector or operator replaying a stuck queue much later, and
 * keep `processed_activities` at about a month of one body's turns instead of growing forever.
 */
export const ACTIVITY_RETENTION_DAYS = 30;

export interface PgStoreOptions {
  url: string;
  body?: string;
  clock?: Clock;
  /**
   * Whether a body that does not exist yet is created with the demo group on first use.
   * Default: only the default body (a mistyped `--body` must not found a new body).
   */
  create?: boolean;
  /**
   * The store's `location`: a data-file path beside which the body's files live (minutes,
   * outbox folder), so that two bodies never share them. Default: the database and body.
   */
  location?: string;
}

type Row = { data: unknown; version: string; audit_lines: number };
/** The document last read or written, with its version and its JSON (to tell whether a change changed it). */
type Cached = Doc & { version: string; watch: Watch | null };

export function openPgStore(options: PgStoreOptions): Store {
  const { url } = options;
  const body = options.body ?? DEFAULT_BODY;
  const clock = options.clock ?? clockFromEnv();
  const create = options.create ?? body === DEFAULT_BODY;
  const pool = poolFor(url);
  const where = bodyIn(shownUrl(url), body);
  let cached: Cached | null = null;

  function missing(): StoreError {
    return new StoreError(unknownBody(shownUrl(url), body), where);
  }

  /** Creates the body with the demo group and its first audit line, unless it exists (then nothing). */
  async function createBody(client: pg.PoolClient): Promise<void> {
    const db = demoDb();
    if (await insertBody(client, body, db, 1)) await insertAudit(client, body, 1, [auditEntry(clock, "system", "store.create", { demo: db.body.name })]);
  }

  /**
   * The body's row, locked for this transaction; created first where allowed. The document comes
   * along only when it differs from `known` (`data` null: it is `known`).
   */
  async function lockBody(client: pg.PoolClient, known: Cached | null): Promise<Row> {
    const select = () =>
      client.query<Row>({ name: "lg-lock-body", text: "SELECT version, audit_lines, CASE WHEN version = $2 THEN NULL ELSE data END AS data FROM bodies WHERE id = $1 FOR UPDATE", values: [body, known?.version ?? null] });
    let { rows } = await select();
    if (rows.length === 0 && create) {
      await createBody(client);
      ({ rows } = await select());
    }
    if (rows.length === 0) throw missing();
    return rows[0]!;
  }

  /** Whether `known` is still the newest: fetched while listening, and nothing newer announced since. */
  function current(known: Cached, watch: Watch): boolean {
    return known.watch === watch && watch.live && (watch.latest.get(body) ?? -1n) <= BigInt(known.version);
  }

  async function read(): Promise<Db> {
    await ensureSchema(url);
    const watch = watchFor(url);
    const known = cached;
    if (known && current(known, watch)) return known.db;
    const listening = watch.live ? watch : null; // before the query: any later commit is announced to it
    // A named (prepared) statement: every turn reads, so the server plans this once per connection.
    const { rows } = await pool.query<{ version: string; data: unknown }>({
      name: "lg-read-body",
      text: "SELECT version, CASE WHEN version = $2 THEN NULL ELSE data END AS data FROM bodies WHERE id = $1",
      values: [body, known?.version ?? null],
    });
    const row = rows[0];
    if (!row) {
      if (!create) throw missing();
      await transaction(pool, createBody);
      return read();
    }
    if (row.data === null && known) {
      cached = { ...known, watch: listening };
      return known.db;
    }
    cached = { ...docFromRow(row.data, known, where), version: row.version, watch: listening };
    return cached.db;
  }

  async function update<T>(options: UpdateOptions, change: (db: Db, audit: Audit) => T): Promise<UpdateResult<T>> {
    await ensureSchema(url);
    const watch = watchFor(url);
    const listening = watch.live ? watch : null;
    const known = cached;
    const result = await transaction(pool, async (client) => {
      const row = await lockBody(client, known);
      const { activityId } = options;
      if (activityId) {
        const claimed = await claimActivity(client, body, activityId, clock());
        if (!claimed) return { duplicate: true as const, rollback: true };
      }
      const base: Doc = row.data === null && known ? known : docFromRow(row.data, known, where);
      const { db, touched, entries, value } = applyChange(base.db, options, clock, change);
      if (entries.length > 0) db.auditSeq += 1;
      const patch = patchOf(base, db, touched, where);
      let next: Cached | null = null;
      if (patch) {
        // Only the changed fields travel (merged into the row's document); written and announced
        // in one statement, the announcement reaches the listeners at commit.
        const written = await client.query<{ version: string }>({
          name: "lg-write-body",
          text: `WITH w AS (UPDATE bodies SET data = data || $2::jsonb, profile = $3, version = version + 1, audit_lines = audit_lines + $4, updated_at = now() WHERE id = $1 RETURNING version)
           SELECT version, pg_notify('${CHANGES_CHANNEL}', json_build_object('b', $1::text, 'v', version::text)::text) FROM w`,
          values: [body, patch.json, patch.next.db.body.profile, entries.length],
        });
        next = { ...patch.next, version: written.rows[0]!.version, watch: listening };
      } else if (entries.length > 0) {
        await client.query("UPDATE bodies SET audit_lines = audit_lines + $2 WHERE id = $1", [body, entries.length]);
      }
      await insertAudit(client, body, row.audit_lines + 1, entries);
      return { duplicate: false as const, value, next };
    });
    if ("rollback" in result) return { duplicate: true };
    if (result.next) {
      // Only once committed: a version number is the database's word. Other store objects of this process learn it now.
      cached = result.next;
      noteVersion(watch, body, BigInt(result.next.version));
    }
    return { duplicate: false, value: result.value };
  }

  async function auditLog(): Promise<AuditEntry[]> {
    await read(); // creates the body where allowed, refuses an unknown one
    const { rows } = await pool.query<{ at: Date; actor: string; action: string; details: Record<string, unknown> }>(
      "SELECT at, actor, action, details FROM audit WHERE body_id = $1 ORDER BY seq",
      [body],
    );
    return rows.map((r) => ({ at: toBerlinIso(r.at), actorId: r.actor, action: r.action, details: r.details }));
  }

  /** Asked of the table the claims go to (the document's list is not what a change checks). */
  async function processed(activityId: string): Promise<boolean> {
    await read(); // creates the body where allowed, refuses an unknown one
    const { rowCount } = await pool.query("SELECT 1 FROM processed_activities WHERE body_id = $1 AND activity_id = $2", [body, activityId]);
    return rowCount === 1;
  }

  return { location: options.location ?? where, read, update, auditLog, processed };
}

/**
 * Records a body's new row and announces it like a change (LISTEN/NOTIFY at commit), so that a
 * routing answer "no body for this team" kept by any instance is asked again. False when the
 * body exists already (then nothing is written).
 */
export async function insertBody(client: pg.PoolClient, body: string, db: Db, auditLines: number): Promise<boolean> {
  const inserted = await client.query(
    `WITH i AS (INSERT INTO bodies (id, profile, data, audit_lines) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id, version)
     SELECT pg_notify('${CHANGES_CHANNEL}', json_build_object('b', id, 'v', version::text)::text) FROM i`,
    [body, db.body.profile, JSON.stringify(db), auditLines],
  );
  return inserted.rowCount === 1;
}

/**
 * Claims the activity id for the body (false: it was applied before) and, in the same statement,
 * forgets the body's ids older than the retention — under the body's row lock, so the claims of
 * one body never race their pruning, and by the index on (body_id, at) it costs no extra trip.
 */
async function claimActivity(client: pg.PoolClient, body: string, activityId: string, now: Date): Promise<boolean> {
  const cutoff = new Date(now.getTime() - ACTIVITY_RETENTION_DAYS * 86_400_000);
  const claimed = await client.query({
    name: "lg-claim-activity",
    text: `WITH pruned AS (DELETE FROM processed_activities WHERE body_id = $1 AND at < $4)
           INSERT INTO processed_activities (body_id, activity_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    values: [body, activityId, now.toISOString(), cutoff.toISOString()],
  });
  return claimed.rowCount === 1;
}

/** Appends audit lines numbered from `firstSeq` (the body's row must be locked or new). */
export async function insertAudit(client: pg.PoolClient, body: string, firstSeq: number, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const lines = entries.map((e, i) => ({ seq: firstSeq + i, at: e.at, actor: e.actorId, action: e.action, details: e.details }));
  await client.query(
    `INSERT INTO audit (body_id, seq, at, actor, action, details)
     SELECT $1, x.seq, x.at, x.actor, x.action, x.details FROM jsonb_to_recordset($2::jsonb) AS x(seq int, at timestamptz, actor text, action text, details jsonb)`,
    [body, JSON.stringify(lines)],
  );
}

/**
 * Runs `work` in a transaction on one client of the pool: committed when it returns, rolled back
 * when it throws or returns an object with `rollback: true`.
 */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    const rollback = typeof result === "object" && result !== null && "rollback" in result;
    await client.query(rollback ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
