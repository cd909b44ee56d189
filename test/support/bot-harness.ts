/**
 * A bot under test: a fresh demo data file, a real loopback SMTP server for the e-mails, a fixed
 * clock that the test moves, and `say(personId, text)` through the very same teams-ai Application.
 */
import { openJsonStore } from "../../adapters/json-store.ts";
import type { Db } from "../../domain/model.ts";
import { activitiesToText, chatTurn } from "../../bot/local-chat.ts";
import type { Services } from "../../services/context.ts";
import { fixture } from "./invitation-fixture.ts";
import { parseMail } from "./mail-parse.ts";
import type { TestSmtp } from "./smtp.ts";

export interface Harness {
  file: string;
  smtp: TestSmtp;
  /** Addresses the SMTP server refuses at RCPT TO while they are in this set. */
  refuse: Set<string>;
  setNow(iso: string): void;
  say(personId: string, text: string, activityId?: string): Promise<string>;
  press(personId: string, action: Record<string, unknown>): Promise<string>;
  db(): Promise<Db>;
  /** Subjects and plain texts of the mails received so far for an address. */
  mailsTo(email: string): Promise<{ subject: string; text: string }[]>;
  close(): Promise<void>;
}

export async function startHarness(now: string): Promise<Harness> {
  const world = await fixture(now);
  // A new store object per turn, as after a restart: nothing may live only in memory.
  const services = (): Services => ({ ...world.services, store: openJsonStore(world.file, { clock: world.services.clock }) });
  const from = async (personId: string) => {
    const p = (await services().store.read()).persons.find((x) => x.id === personId);
    return p ? { id: `user-${p.id}`, name: p.name, aadObjectId: p.aadObjectId } : { id: "stranger", name: "Fremde Person", aadObjectId: "99999999-9999-4999-8999-999999999999" };
  };
  return {
    file: world.file,
    smtp: world.smtp,
    refuse: world.refuse,
    setNow: world.setNow,
    say: async (personId, text, activityId) => activitiesToText(await chatTurn(services(), { from: await from(personId), text, activityId })),
    press: async (personId, action) => activitiesToText(await chatTurn(services(), { from: await from(personId), action })),
    db: () => services().store.read(),
    mailsTo: async (email) => {
      const mails = await Promise.all(world.smtp.messages.filter((m) => m.to.includes(email)).map((m) => parseMail(m.raw)));
      return mails.map((m) => ({ subject: m.email.subject ?? "", text: m.email.text ?? "" }));
    },
    close: () => world.close(),
  };
}
