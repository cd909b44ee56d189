/**
 * Test helper for crash safety: updates the store in a tight loop until killed. Each round bumps
 * a counter and grows or shrinks the attendance list, so the file's size keeps changing.
 * `store-update-loop.ts <db>` prints "ready" after the first successful update.
 */
import { openJsonStore } from "../../adapters/json-store.ts";

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: store-update-loop.ts <db>");
// A killed predecessor leaves its lock behind; the shortest stale time proper-lockfile allows.
const store = openJsonStore(file, { lock: { staleMs: 2000 } });

for (let round = 0; ; round++) {
  await store.update({ actorId: "system" }, (db, audit) => {
    const counter = Number(db.botState.counter ?? 0) + 1;
    db.botState.counter = counter;
    if (db.attendance.length > 40) db.attendance = [];
    db.attendance.push({
      meetingId: `s-loop-${counter}`,
      institutionId: "jugendamt",
      status: "attending",
      attendeeId: "m-jugendamt",
      mode: "online",
      present: false,
      checkedInAt: null,
      updatedAt: "2022-05-12T09:55:00+02:00",
      updatedBy: "system",
    });
    audit("loop.tick", { counter, padding: "x".repeat(counter % 500) });
  });
  if (round === 0) process.stdout.write("ready\n");
}
