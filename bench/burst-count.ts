/**
 * What the burst left in the database, counted there and not from the replies: answers lost
 * (acknowledged by a bot, yet no attendance) and recorded twice (attendance entries, audit lines).
 */
import { poolFor } from "../adapters/pg-schema.ts";
import { openPgStore } from "../adapters/pg-store.ts";
import { answerKey } from "./burst-answers.ts";
import type { BurstBody } from "./burst-data.ts";
import { clock } from "./data.ts";

/** Waits (at most a minute) until no body's version moved for two seconds: work the instances still do after a given-up request is not miscounted. */
export async function settle(url: string): Promise<void> {
  const sum = async () => (await poolFor(url).query<{ s: string | null }>("SELECT sum(version)::text AS s FROM bodies")).rows[0]!.s;
  let last = await sum();
  for (let waited = 0; waited < 60_000; waited += 2000) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = await sum();
    if (now === last) return;
    last = now;
  }
}

/** Lost and duplicated, from each body's data and audit log in the database. */
export async function count(url: string, bodies: BurstBody[], acknowledged: Set<string>) {
  let lost = 0;
  let undelivered = 0;
  let duplicateAttendance = 0;
  let duplicateAudit = 0;
  for (const body of bodies) {
    const store = openPgStore({ url, body: body.id, clock });
    const db = await store.read();
    const audit = await store.auditLog();
    for (const m of body.members) {
      const entries = db.attendance.filter((a) => a.meetingId === body.meetingId && a.institutionId === m.institutionId);
      // Lost is what a bot acknowledged (200) and did not keep; what no bot acknowledged, Teams would send again.
      if (!entries.some((a) => a.status === "attending" && a.attendeeId === m.personId)) {
        if (acknowledged.has(answerKey(body, m))) lost++;
        else undelivered++;
      }
      duplicateAttendance += Math.max(0, entries.length - 1);
      const lines = audit.filter((e) => e.action.startsWith("attendance.") && e.details.meetingId === body.meetingId && e.details.institutionId === m.institutionId);
      duplicateAudit += Math.max(0, lines.length - 1);
    }
  }
  return { lost, undelivered, duplicateAttendance, duplicateAudit };
}

