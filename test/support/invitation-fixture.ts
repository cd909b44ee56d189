/**
 * A demo Lenkungsgruppe in a temporary data file, a clock the test moves, and a real SMTP server on
 * loopback whose refusals the test switches on and off. Every received mail can be read back
 * parsed (postal-mime + ical.js).
 */
import { render } from "../../texts/catalog.ts";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openJsonStore } from "../../adapters/json-store.ts";
import { smtpMailer } from "../../adapters/mail-transport.ts";
import type { AgendaItem, Db } from "../../domain/model.ts";
import type { Store } from "../../adapters/store.ts";
import { parseInstant } from "../../rules/time.ts";
import type { Services } from "../../services/context.ts";
import type { MeetingInput } from "../../services/meetings.ts";
import { addAgendaItem } from "../../services/add-agenda-item.ts";
import { createMeeting } from "../../services/create-meeting.ts";
import { parseMail, type ParsedMail } from "./mail-parse.ts";
import { startSmtp, type TestSmtp } from "./smtp.ts";
import { profiles } from "./profiles.ts";

export const SECRETARIAT_EMAIL = "geschaeftsstelle-kim@example.org";
/** Head of the Geschäftsstelle in the demo roster. */
export const GS = "gs-1";

export interface Fixture {
  dir: string;
  file: string;
  store: Store;
  services: Services;
  smtp: TestSmtp;
  /** Addresses the SMTP server refuses at RCPT TO while they are in this set. */
  refuse: Set<string>;
  setNow(iso: string): void;
  /** Creates a meeting (as the Geschäftsstelle) with these agenda titles. */
  meeting(input: MeetingInput, agenda?: string[]): Promise<string>;
  /** Changes the data directly, as an import or an older version might have left it. */
  edit(change: (db: Db) => void): Promise<void>;
  /** Every mail the server received so far, parsed. */
  mails(): Promise<(ParsedMail & { to: string[] })[]>;
  close(): Promise<void>;
}

/** A fresh demo data file, or the given data as the file holds it. */
export async function fixture(now: string, initial?: Db): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), "lg-fixture-"));
  const file = join(dir, "db.json");
  if (initial) await writeFile(file, JSON.stringify(initial, null, 2));
  let current = parseInstant(now)!;
  const clock = () => new Date(current.getTime());
  const store = openJsonStore(file, { clock });
  const refuse = new Set<string>();
  const smtp = await startSmtp({ failFor: (rcpt) => refuse.has(rcpt) });
  // The bot's and the CLI's wording for the notices commands record (Services.render).
  const services: Services = { store, clock, mailer: smtpMailer(smtp.url), render, profiles };
  return {
    dir,
    file,
    store,
    services,
    smtp,
    refuse,
    setNow(iso) {
      current = parseInstant(iso)!;
    },
    async meeting(input, agenda = ["Begrüßung und Feststellung der Beschlussfähigkeit"]) {
      const created = await createMeeting(services, input, GS, clock());
      for (const title of agenda) await addAgendaItem(services, created.value.id, title, true, GS);
      return created.value.id;
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

/** Marks an agenda item as a second convocation (the session service flags postponed items). */
export function flagSecondConvocation(db: Db, meetingId: string, number: number): void {
  const item: AgendaItem | undefined = db.meetings.find((m) => m.id === meetingId)?.agenda.find((a) => a.number === number);
  if (!item) throw new Error(`no TOP ${number}`);
  item.secondConvocation = true;
}
