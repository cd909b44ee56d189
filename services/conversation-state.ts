/**
 * What the bot keeps about a conversation besides the group's data: the person's half-finished
 * flow and where Teams reaches them. bot/ calls these and never touches the store itself.
 */
import { isDeepStrictEqual } from "node:util";
import { Flow } from "../domain/flow.ts";
import type { Db } from "../domain/model.ts";
import type { Services } from "./context.ts";
import type { Store } from "../adapters/store.ts";
import { identify, lastLang } from "./directory.ts";

const flowKey = (personId: string) => `flow:${personId}`;
const refKey = (personId: string) => `ref:${personId}`;

/** The person's open flow in this snapshot; an entry that no longer parses counts as none. */
export function flowOf(db: Db, personId: string): Flow | null {
  const parsed = Flow.safeParse(db.botState[flowKey(personId)]);
  return parsed.success ? parsed.data : null;
}

/** `activityId`: a flow step is the turn's change, so a redelivered answer is not taken twice. */
export async function setFlow(services: Services, personId: string, flow: Flow | null, activityId?: string): Promise<void> {
  await services.store.update({ actorId: personId, activityId }, (db) => {
    if (flow) db.botState[flowKey(personId)] = flow;
    else delete db.botState[flowKey(personId)];
  });
}

/** The Teams conversation the bot last saw this person in, or null. */
export async function conversationRef(services: Services, personId: string): Promise<unknown> {
  return (await services.store.read()).botState[refKey(personId)] ?? null;
}

/** Whether the bot has a stored 1:1 conversation with this person. */
export function hasConversation(db: Db, personId: string): boolean {
  return db.botState[refKey(personId)] !== undefined;
}

/** A 1:1 chat the bot opened itself (services/team-sync.ts says with whom): kept like one the person started. */
export async function storeConversationRef(services: Services, personId: string, reference: Record<string, unknown>): Promise<void> {
  await services.store.update({ actorId: "system" }, (db) => {
    db.botState[refKey(personId)] = reference;
  });
}

/** Only a 1:1 chat is where notices may go: a channel or group chat would show them to everyone. */
function isPersonal(reference: Record<string, unknown>): boolean {
  const type = (reference.conversation as { conversationType?: string } | undefined)?.conversationType;
  return type === undefined || type === "personal";
}

/** Whether `where` is the stored reference; by value, as PostgreSQL's jsonb hands objects back with their keys reordered. */
function sameReference(db: Db, personId: string, where: Record<string, unknown>): boolean {
  return isDeepStrictEqual(db.botState[refKey(personId)] ?? null, where);
}

type Writer = { personId: string; lang: "de" | "en" };

/**
 * Who wrote in this snapshot (null when not in the roster), the language they last wrote in, and
 * the change that remembers where they can be reached — null when that is not new: the reference
 * carries the id of the message just received, which says nothing about where to reach them, and
 * would make every turn rewrite the data file.
 */
function toKeep(db: Db, user: { aadObjectId?: string | null; email?: string | null }, reference: Record<string, unknown>): { writer: Writer | null; keep: ((d: Db) => void) | null } {
  const person = identify(db, user);
  if (!person) return { writer: null, keep: null };
  const writer = { personId: person.id, lang: lastLang(db, person.id) };
  const { activityId: _messageId, ...where } = reference;
  if (!isPersonal(where) || sameReference(db, person.id, where)) return { writer, keep: null };
  return { writer, keep: (d) => void (d.botState[refKey(person.id)] = where) };
}

/** After a turn: who wrote, and where they can be reached, written only when that changed (`toKeep`). */
export async function rememberConversation(
  services: Services,
  user: { aadObjectId?: string | null; email?: string | null },
  reference: Record<string, unknown>,
): Promise<Writer | null> {
  const { writer, keep } = toKeep(await services.store.read(), user, reference);
  if (writer && keep) {
    await services.store.update({ actorId: writer.personId }, keep).catch((e: unknown) => {
      // A data folder that cannot be written: the turn has already said so; the chat is remembered next time.
      if ((e as Error)?.name !== "StoreError") throw e;
    });
  }
  return writer;
}

/**
 * Before a turn: services whose store also records where the sender can be reached in the turn's
 * first change, when that is new — one write per answer instead of two (the first contact of a
 * whole body answering an invitation at once wrote every document twice, bench/README.md). A
 * turn that writes nothing, or whose change is refused, leaves it to `remember` after the reply,
 * which writes only what is still missing and says who wrote (`rememberConversation`).
 */
export async function keepingConversation(
  services: Services,
  user: { aadObjectId?: string | null; email?: string | null },
  reference: Record<string, unknown>,
): Promise<{ services: Services; remember: () => Promise<Writer | null>; writer: Writer | null }> {
  const remember = () => rememberConversation(services, user, reference);
  // Who wrote, as known before the turn: for the follow-up work should the write after the reply fail.
  const { writer, keep } = toKeep(await services.store.read(), user, reference);
  return { services: keep ? { ...services, store: alsoRecording(services.store, keep) } : services, remember, writer };
}

/** The store, with `extra` applied after the change of the first update that is written. */
function alsoRecording(store: Store, extra: (db: Db) => void): Store {
  let done = false;
  return {
    location: store.location,
    read: () => store.read(),
    auditLog: () => store.auditLog(),
    processed: (activityId) => store.processed(activityId),
    async update(options, change) {
      if (done) return store.update(options, change);
      const result = await store.update(options, (db, audit) => {
        const value = change(db, audit);
        if (!(value instanceof Promise)) extra(db);
        return value;
      });
      if (!result.duplicate) done = true;
      return result;
    },
  };
}
