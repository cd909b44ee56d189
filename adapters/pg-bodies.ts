/**
 * Which body in the database a Teams activity belongs to: the body whose installation has the
 * activity's team, else the one in the activity's tenant whose roster holds the sender's Entra
 * object id (a personal chat carries no team). Several bodies may share a tenant (a Kreis IT
 * service hosting many groups) and a person may sit in two of them; then the default body wins,
 * else the first by id, so the answer is always the same.
 *
 * An installation may also name the installer's e-mail addresses (asked of Teams): the body whose
 * roster has one of them, so a group's first installation finds its body before anyone is bound.
 *
 * The query reads columns and an indexed table (`team_id`, `tenant_id`, `body_persons`: migrations/),
 * which the database keeps in step with each body's document in the transaction of every write.
 * The answers are also kept while this process hears every change
 * (LISTEN/NOTIFY, adapters/pg-schema.ts) and no body changed since: any announced change — a body
 * created or migrated, an installation, an import, a binding — makes the next activity ask again.
 */
import { ensureSchema, poolFor, watchFor, type Watch } from "./pg-schema.ts";
import { transaction } from "./pg-store.ts";

/** What an activity says about where it comes from; any part may be missing. */
export interface BodyKeys {
  teamId?: string | null;
  tenantId?: string | null;
  aadObjectId?: string | null;
  /** Only for an installation: the installer's addresses as Teams reports them, lower-cased. */
  emails?: string[] | null;
}

// By the columns and the indexed table of migration 1796140800000 (no body's document is read).
const FIND = `
  SELECT id FROM (
    SELECT id, team_id FROM bodies WHERE team_id = $1::text
    UNION
    SELECT b.id, b.team_id FROM body_persons p JOIN bodies b ON b.id = p.body_id WHERE p.aad_object_id = $3::text AND b.tenant_id = $2::text
    UNION
    SELECT b.id, b.team_id FROM body_persons p JOIN bodies b ON b.id = p.body_id WHERE p.email = ANY($5::text[])
  ) found
  ORDER BY (team_id IS NOT DISTINCT FROM $1::text) DESC, (id = $4::text) DESC, id
  LIMIT 1`;

/** Per database: the answers given since the mark last moved (a moved mark starts afresh, so this stays small). */
const kept = new Map<string, { mark: string; answers: Map<string, string | null> }>();

/** A mark that moves with every announced change: versions only grow, so their sum does too. */
function markOf(watch: Watch): string | null {
  if (!watch.live) return null;
  let sum = 0n;
  for (const v of watch.latest.values()) sum += v;
  return `${watch.latest.size}:${sum}`;
}

/** The id of the body `keys` route to, or null when none matches (then the caller's default). */
export async function findBody(url: string, keys: BodyKeys, preferred: string): Promise<string | null> {
  const teamId = keys.teamId || null;
  const tenantId = keys.tenantId || null;
  const aadObjectId = keys.aadObjectId || null;
  const emails = (keys.emails ?? []).map((e) => e.toLowerCase());
  if (!teamId && !(tenantId && aadObjectId) && emails.length === 0) return null;
  await ensureSchema(url);
  const mark = markOf(watchFor(url)); // before the query: a change committed after it moves the mark
  const key = JSON.stringify([teamId, tenantId, aadObjectId, emails, preferred]);
  const known = kept.get(url);
  if (mark !== null && known?.mark === mark && known.answers.has(key)) return known.answers.get(key)!;
  const { rows } = await poolFor(url).query<{ id: string }>({ name: "lg-find-body", text: FIND, values: [teamId, tenantId, aadObjectId, preferred, emails] });
  const body = rows[0]?.id ?? null;
  if (mark !== null) {
    const answers = known?.mark === mark ? known.answers : new Map<string, string | null>();
    kept.set(url, { mark, answers: answers.set(key, body) });
  }
  return body;
}

/** Every body in the database, by id: the reminder timer runs for each. */
export async function listBodies(url: string): Promise<string[]> {
  await ensureSchema(url);
  const { rows } = await poolFor(url).query<{ id: string }>("SELECT id FROM bodies ORDER BY id");
  return rows.map((r) => r.id);
}

export type Sweep<T> = { swept: true; value: T } | { swept: false };

/**
 * Runs `work` as this instance's sweep of `body` (the reminder timer), unless another instance is
 * sweeping it right now (its `reminder_sweeps` row is locked: SKIP LOCKED, so nobody queues
 * behind it) or one swept it less than `gapMs` ago by the database's clock. The row stays locked
 * until the work is done; a failed sweep records nothing, so the next instance tries again. The
 * reminders' exactly-once does not rest on this: their outbox claims guarantee it anyway.
 */
export async function sweepBody<T>(url: string, body: string, gapMs: number, work: () => Promise<T>): Promise<Sweep<T>> {
  await ensureSchema(url);
  const pool = poolFor(url);
  // Outside the sweep's transaction: a row another instance is inserting is not waited for in it.
  await pool.query("INSERT INTO reminder_sweeps (body_id, swept_at) VALUES ($1, '-infinity') ON CONFLICT DO NOTHING", [body]);
  const done = await transaction(pool, async (client) => {
    const { rows } = await client.query<{ recent: boolean }>(
      "SELECT swept_at > now() - make_interval(secs => $2) AS recent FROM reminder_sweeps WHERE body_id = $1 FOR UPDATE SKIP LOCKED",
      [body, gapMs / 1000],
    );
    if (!rows[0] || rows[0].recent) return { swept: false as const, rollback: true };
    const value = await work();
    await client.query("UPDATE reminder_sweeps SET swept_at = now() WHERE body_id = $1", [body]);
    return { swept: true as const, value };
  });
  return done.swept ? { swept: true, value: done.value } : { swept: false };
}
