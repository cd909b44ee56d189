/**
 * Test helper: records one institution's attendance through Store.update, as a separate process.
 * `store-record-attendance.ts <db> <institutionId> [goFile]`: prints "ready", then waits until
 * `goFile` exists so that many processes start their update at the same moment.
 */
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { fixedClock } from "../../adapters/clock.ts";
import { openJsonStore } from "../../adapters/json-store.ts";

const [file, institutionId, goFile] = process.argv.slice(2);
if (!file || !institutionId) throw new Error("usage: store-record-attendance.ts <db> <institutionId> [goFile]");

const store = openJsonStore(file, { clock: fixedClock("2022-05-12T09:55:00+02:00") });
process.stdout.write("ready\n");
while (goFile && !existsSync(goFile)) await sleep(5);

await store.update({ actorId: `m-${institutionId}` }, (db, audit) => {
  db.attendance.push({
    meetingId: "s-2022-05-12",
    institutionId,
    status: "attending",
    attendeeId: `m-${institutionId}`,
    mode: "in-person",
    present: false,
    checkedInAt: null,
    updatedAt: "2022-05-12T09:55:00+02:00",
    updatedBy: `m-${institutionId}`,
  });
  audit("attendance.record", { institutionId });
});
process.stdout.write("done\n");
