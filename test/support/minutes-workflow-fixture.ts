/**
 * The held session of minutes-fixture.ts in a temporary data file (plus the following meeting on
 * Thu 15.09.2022, where the minutes are approved), a clock the test moves, and a real SMTP server
 * on loopback whose refusals the test switches on and off.
 */
import { join } from "node:path";
import { minutesFolder, type MinutesFolder } from "../../adapters/minutes-files.ts";
import { Db } from "../../domain/model.ts";
import { fixture, type Fixture } from "./invitation-fixture.ts";
import { MEETING_ID, minutesFixture } from "./minutes-fixture.ts";

export { MEETING_ID };
export const NEXT_MEETING_ID = "s-2022-09-15";
/** Head of the Geschäftsstelle in the fixture. */
export const GS = "gs-1";

export type MinutesWorld = Fixture & { outDir: string; folder: MinutesFolder };

/** The fixture with the following meeting, as the data file holds it. */
export function worldDb(): Db {
  const db = minutesFixture();
  const held = db.meetings[0]!;
  db.meetings.push({
    ...held, id: NEXT_MEETING_ID, start: "2022-09-15T10:00:00+02:00", end: "2022-09-15T12:00:00+02:00", state: "invited",
    agenda: [{ ...held.agenda[0]!, id: `${NEXT_MEETING_ID}-top-1` }],
  });
  return Db.parse(db);
}

export async function minutesWorld(now: string): Promise<MinutesWorld> {
  const world = await fixture(now, worldDb());
  const outDir = join(world.dir, "minutes");
  return { ...world, outDir, folder: minutesFolder(outDir) };
}
