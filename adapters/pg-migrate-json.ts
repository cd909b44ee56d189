/**
 * `migrate --from <db.json>`: a JSON data file and its audit log copied into a new body in the
 * database, ids and history as they are. One transaction that checks before it commits: the
 * document read back equals the file's data, and the audit lines read back equal the log's, line
 * for line; else nothing is kept. A body that exists already is refused, never overwritten.
 */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Clock } from "./clock.ts";
import { openJsonStore } from "./json-store.ts";
import { Db, type AuditEntry } from "../domain/model.ts";
import { toBerlinIso } from "../rules/time.ts";
import { StoreError } from "./store-errors.ts";
import { bodyExists, copyDiffers, noSourceFile } from "../texts/store.ts";
import { ensureSchema, poolFor, shownUrl } from "./pg-schema.ts";
import { insertAudit, insertBody, transaction } from "./pg-store.ts";

/** The lists of the data file that are counted before and after. */
const COUNTED = ["persons", "institutions", "meetings", "proposals", "attendance", "invitations", "quorumDeclarations", "votes", "personalStatements", "minutes", "outbox", "processedActivities"] as const;
export type Counts = Record<(typeof COUNTED)[number], number>;

export interface MigrationReport {
  from: string;
  body: string;
  counts: Counts;
  /** Audit lines copied from the file's log (the line recording the migration not included). */
  auditLines: number;
  /** The copy was read back inside the transaction and equals the file. */
  checked: true;
}

export async function migrateJsonFile(o: { file: string; url: string; body: string; clock: Clock }): Promise<MigrationReport> {
  if (!existsSync(o.file)) throw new StoreError(noSourceFile(o.file), o.file);
  const source = openJsonStore(o.file, { clock: o.clock });
  const db = await source.read();
  const log = await source.auditLog();
  const counts = Object.fromEntries(COUNTED.map((k) => [k, db[k].length])) as Counts;
  await ensureSchema(o.url);
  await transaction(poolFor(o.url), async (client) => {
    // Announced at commit like any change: a bot that routed this team to no body asks again.
    if (!(await insertBody(client, o.body, db, log.length + 1))) {
      throw new StoreError(bodyExists(shownUrl(o.url), o.body), o.body);
    }
    const done: AuditEntry = { at: toBerlinIso(o.clock()), actorId: "cli", action: "store.migrate-json", details: { from: basename(o.file), auditLines: log.length, ...counts } };
    await insertAudit(client, o.body, 1, [...log, done]);
    await client.query("INSERT INTO processed_activities (body_id, activity_id, at) SELECT $1, x.id, x.at FROM jsonb_to_recordset($2::jsonb) AS x(id text, at timestamptz)", [
      o.body,
      JSON.stringify(db.processedActivities),
    ]);
    await checkCopy(client, o, db, log);
  });
  return { from: o.file, body: o.body, counts, auditLines: log.length, checked: true };
}

/** Reads the copy back in the same transaction; a difference throws, which rolls everything back. */
async function checkCopy(client: import("pg").PoolClient, o: { file: string; body: string }, db: Db, log: AuditEntry[]): Promise<void> {
  const data = (await client.query<{ data: unknown }>("SELECT data FROM bodies WHERE id = $1", [o.body])).rows[0]?.data;
  const back = Db.safeParse(data);
  const lines = (await client.query<{ at: Date; actor: string; action: string; details: Record<string, unknown> }>(
    "SELECT at, actor, action, details FROM audit WHERE body_id = $1 ORDER BY seq",
    [o.body],
  )).rows.map((r) => ({ at: toBerlinIso(r.at), actorId: r.actor, action: r.action, details: r.details }));
  const expected = log.map((e) => ({ ...e, at: toBerlinIso(new Date(e.at)) }));
  const sameLog = lines.length === expected.length + 1 && expected.every((e, i) => isDeepStrictEqual(lines[i], e));
  if (!back.success || !isDeepStrictEqual(back.data, structuredClone(db)) || !sameLog) {
    throw new StoreError(copyDiffers(o.file), o.file);
  }
}
