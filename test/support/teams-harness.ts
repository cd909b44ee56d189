/**
 * A bot under test that receives activities as Teams sends them: every message AND every card
 * action carries an activity id (Teams redelivers an activity with the same id when it did not
 * see the answer in time). Same parts as bot-harness.ts — a fresh demo data file, a real loopback
 * SMTP server, a clock the test moves, the very same teams-ai Application through `chatTurn` —
 * plus what a redelivery test needs to look at: the audit log and the server's received mails.
 *
 *   const bot = await startTeamsHarness("2022-04-01T09:00:00+02:00");
 *   await bot.say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus", "act-1");
 *   await bot.press("m-jugendamt", { verb: "attend", mode: "online", meetingId }, "act-2");
 */
import { openJsonStore } from "../../adapters/json-store.ts";
import type { AuditEntry, Db } from "../../domain/model.ts";
import { activitiesToText, chatTurn } from "../../bot/local-chat.ts";
import type { Services } from "../../services/context.ts";
import { fixture, type Fixture } from "./invitation-fixture.ts";

export interface TeamsHarness {
  file: string;
  world: Fixture;
  setNow(iso: string): void;
  /** A message activity; without an id a fresh one is made (as Teams gives every activity one). */
  say(personId: string, text: string, activityId?: string): Promise<string>;
  /** An Action.Execute invoke (a card button) with its activity id. */
  press(personId: string, action: Record<string, unknown>, activityId?: string): Promise<string>;
  /**
   * A redelivery whose turn read data that did not show its activity id yet (it arrived while
   * the first run was still going; with PostgreSQL another instance's read may lag its commit):
   * reads drop the id from `processedActivities`; the store's `update` and `processed` see it.
   */
  sayMeanwhile(personId: string, text: string, activityId: string): Promise<string>;
  db(): Promise<Db>;
  auditLog(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

let counter = 0;
const freshId = () => `teams-${process.pid}-${++counter}`;

export async function startTeamsHarness(now: string, initial?: Db): Promise<TeamsHarness> {
  const world = await fixture(now, initial);
  // A new store object per turn, as after a restart: nothing may live only in memory.
  const services = (): Services => ({ ...world.services, store: openJsonStore(world.file, { clock: world.services.clock }) });
  const from = async (personId: string) => {
    const p = (await services().store.read()).persons.find((x) => x.id === personId);
    if (!p) throw new Error(`no person ${personId} in the roster`);
    return { id: `user-${p.id}`, name: p.name, aadObjectId: p.aadObjectId };
  };
  return {
    file: world.file,
    world,
    setNow: world.setNow,
    say: async (personId, text, activityId = freshId()) =>
      activitiesToText(await chatTurn(services(), { from: await from(personId), text, activityId })),
    press: async (personId, action, activityId = freshId()) =>
      activitiesToText(await chatTurn(services(), { from: await from(personId), action, activityId })),
    sayMeanwhile: async (personId, text, activityId) => {
      const base = services();
      const read = async () => {
        const db = await base.store.read();
        return { ...db, processedActivities: db.processedActivities.filter((a) => a.id !== activityId) };
      };
      return activitiesToText(await chatTurn({ ...base, store: { ...base.store, read } }, { from: await from(personId), text, activityId }));
    },
    db: () => services().store.read(),
    auditLog: () => services().store.auditLog(),
    close: () => world.close(),
  };
}
