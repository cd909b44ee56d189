/**
 * Which body in the database a Teams activity belongs to: the body whose installation has the
 * activity's team, else the one in the activity's tenant whose roster holds the sender's Entra
 * object id (a personal chat carries no team). Several bodies may share a tenant (a Kreis IT
 * service hosting many groups) and a person may sit in two of them; then the default body wins,
 * else the first by id, so the answer is always the same.
 *
 * The bodies' documents are large, so the answers are kept while this process hears every change
 * (LISTEN/NOTIFY, adapters/pg-schema.ts) and no body changed since: any announced change — an
 * installation, an import, a binding — makes the next activity ask again.
 */
import { ensureSchema, poolFor, watchFor, type Watch } from "./pg-schema.ts";

/** What an activity says about where it comes from; any part may be missing. */
export interface BodyKeys {
  teamId?: string | null;
  tenantId?: string | null;
  aadObjectId?: string | null;
}

const FIND = `
  SELECT id FROM bodies
  WHERE ($1::text IS NOT NULL AND data->'teams'->>'teamId' = $1)
     OR ($2::text IS NOT NULL AND $3::text IS NOT NULL AND data->'teams'->>'tenantId' = $2
         AND data->'persons' @> jsonb_build_array(jsonb_build_object('aadObjectId', $3::text)))
  ORDER BY (data->'teams'->>'teamId' IS NOT DISTINCT FROM $1) DESC, (id = $4) DESC, id
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
  if (!teamId && !(tenantId && aadObjectId)) return null;
  await ensureSchema(url);
  const mark = markOf(watchFor(url)); // before the query: a change committed after it moves the mark
  const key = JSON.stringify([teamId, tenantId, aadObjectId, preferred]);
  const known = kept.get(url);
  if (mark !== null && known?.mark === mark && known.answers.has(key)) return known.answers.get(key)!;
  const { rows } = await poolFor(url).query<{ id: string }>({ name: "lg-find-body", text: FIND, values: [teamId, tenantId, aadObjectId, preferred] });
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
