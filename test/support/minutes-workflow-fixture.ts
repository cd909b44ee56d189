/**
 * The held session of minutes-fixture.ts in a temporary data file (plus the following meeting on
 * Thu 15.09.2022, where the minutes are approved), a clock the test moves, and a real SMTP server
 * on loopback whose refusals the test switches on and off.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openJsonStore } from "../../adapters/json-store.ts";
import { smtpMailer } from "../../adapters/mail-transport.ts";
import { Db } from "../../adapters/schema.ts";
import type { Store } from "../../adapters/store.ts";
import { parseInstant } from "../../rules/time.ts";
import type { Services } from "../../services/context.ts";
import { parseMail, type ParsedMail } from "./mail-parse.ts";
import { MEETING_ID, minutesFixture } from "./minutes-fixture.ts";
import { startSmtp, type TestSmtp } from "./smtp.ts";

export { MEETING_ID };
export const NEXT_MEETING_ID = "s-2022-09-15";
/** Head of the Geschäftsstelle in the fixture. */
export const GS = "gs-1";

export interface MinutesWorld {
  dir: string;
  file: string;
  outDir: string;
  store: Store;
  services: Services;
  smtp: TestSmtp;
  /** Addresses the SMTP server refuses at RCPT TO while they are in this set. */
  refuse: Set<string>;
  setNow(iso: string): void;
  edit(change: (db: Db) => void): Promise<void>;
  mails(): Promise<(ParsedMail & { to: string[] })[]>;
  close(): Promise<void>;
}

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
  const dir = await mkdtemp(join(tmpdir(), "lg-minutes-"));
  const file = join(dir, "db.json");
  await writeFile(file, JSON.stringify(worldDb(), null, 2));
  let current = parseInstant(now)!;
  const clock = () => new Date(current.getTime());
  const store = openJsonStore(file, { clock });
  const refuse = new Set<string>();
  const smtp = await startSmtp({ failFor: (rcpt) => refuse.has(rcpt) });
  const services: Services = { store, clock, mailer: smtpMailer(smtp.url) };
  return {
    dir,
    file,
    outDir: join(dir, "minutes"),
    store,
    services,
    smtp,
    refuse,
    setNow(iso) {
      current = parseInstant(iso)!;
    },
    async edit(change) {
      await store.update({ actorId: "test" }, (db) => change(db));
    },
    async mails() {
      return Promise.all(smtp.messages.map(async (m) => ({ ...(await parseMail(m.raw)), to: m.to })));
    },
    async close() {
      await services.mailer.close();
      await smtp.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
