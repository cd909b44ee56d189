/**
 * One way to run every state-changing command: parse its input → check who may → apply and audit
 * in one store update → record the messages it causes in the outbox, in that same update. The
 * update carries the Teams activity id, so a redelivered activity is applied once.
 *
 * A command with a mail-out (`MailOut`: invitations, minutes, outbox retry) runs the same way and
 * claims its messages in that update; then, outside the lock, `send` sends what was claimed and
 * records each answer (the outbox's claim → send → record), and `announce` records what the send
 * caused for others (the team channel's post). A redelivered activity sends nothing: `again`
 * answers with the state as it stands.
 */
import type { z } from "zod";
import type { Db } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import type { Audit } from "../adapters/store.ts";
import type { Services } from "./context.ts";
import { bodyProfile, renderOf } from "./context.ts";
import type { Render } from "../texts/catalog.ts";
import { ServiceError } from "./errors.ts";
import { invitationMailId, queueNotices, type Notice } from "./outbox.ts";
import type { Permission } from "./permissions.ts";
import { say } from "./say.ts";
import { limitOf } from "../domain/limits.ts";

/** What a command's `apply` works with: the freshest data under the lock, and its helpers. */
export interface CommandContext<I> {
  db: Db;
  input: I;
  actorId: string;
  now: Date;
  profile: Profile;
  audit: Audit;
  /** Records messages for other people; they are sent after the command returns. */
  notify(notices: Notice[], meetingId: string | null): void;
  /** Words a notice before it is recorded: the face's renderer (`Services.render`). */
  render: Render;
  /**
   * An invitation mail the command recorded without sending it (the deputy a delegation adds to
   * the invitation that went out): its outbox id joins the command's, and the face sends it after its reply.
   */
  mail(invitationId: string, personId: string): void;
}

/** A user-visible command, declared in one module: its input, who may run it, and what it does. */
export interface Command<I, R> {
  input: z.ZodType<I, z.ZodTypeDef, unknown>;
  may: Permission;
  /** Changes `ctx.db`, writes its audit entry, records its messages; synchronous, throws ServiceError to refuse. */
  apply(ctx: CommandContext<I>): R;
}

export interface Call {
  actorId: string;
  /** The Teams activity that asked; absent on the command line. */
  activityId?: string | undefined;
  input: unknown;
}

/**
 * A command that sends mail after its update. `apply` prepares the records and claims their
 * recipients under the lock (so two runs at once never send one message twice); `send` sends
 * outside the lock and records each server's answer.
 */
export interface MailOut<I, R, S, B = undefined> {
  input: z.ZodType<I, z.ZodTypeDef, unknown>;
  may: Permission;
  /** Asynchronous reading the update needs (files), after `may` on a snapshot; records nothing, may refuse. */
  before?(services: Services, ctx: { db: Db; input: I; actorId: string; now: Date }): Promise<B>;
  apply(ctx: CommandContext<I> & { before: B }): R;
  send(services: Services, prepared: R, call: { actorId: string; input: I }): Promise<S>;
  /** The same Teams activity again: nothing is sent, the state as it stands is told. */
  again(services: Services, input: I): Promise<S>;
  /** What the send caused for others (the team channel's post), recorded after it: outbox ids to send. */
  announce?(services: Services, call: { actorId: string; input: I }, sent: S): Promise<string[]>;
}

export type Ran<R> = { duplicate: true } | { duplicate: false; value: R; outbox: string[] };

export async function run<I, R>(services: Pick<Services, "store" | "clock" | "profiles" | "render">, command: Command<I, R>, call: Call): Promise<Ran<R>> {
  return update(services, command, call, parse(command.input, call.input), undefined);
}

/** A mail-out: parse → who may → (before) → apply, audit and claim in one update → send → announce. */
export async function runMailOut<I, R, S, B>(services: Services, command: MailOut<I, R, S, B>, call: Call): Promise<{ duplicate: boolean; value: S; outbox: string[] }> {
  const input = parse(command.input, call.input);
  let before = undefined as B;
  if (command.before) {
    const db = await services.store.read();
    command.may.check(db, call.actorId);
    before = await command.before(services, { db, input, actorId: call.actorId, now: services.clock() });
  }
  const ran = await update(services, command, call, input, before);
  if (ran.duplicate) return { duplicate: true, value: await command.again(services, input), outbox: [] };
  const who = { actorId: call.actorId, input };
  const value = await command.send(services, ran.value, who);
  const announced = command.announce ? await command.announce(services, who, value) : [];
  return { duplicate: false, value, outbox: [...ran.outbox, ...announced] };
}

function parse<I>(schema: z.ZodType<I, z.ZodTypeDef, unknown>, given: unknown): I {
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  // A text over its limit (domain/limits.ts) is told as such, with the limit, before any role or state check.
  const long = parsed.error.issues.find((i) => i.code === "too_big" && i.type === "string");
  const kind = long ? limitOf(long.message) : null;
  throw new ServiceError(kind ? say("limits.tooLongText", kind) : long?.code === "too_big" ? say("limits.fieldTooLongText", Number(long.maximum)) : say("turn.INVALID_INPUT"), "invalid");
}

async function update<I, R, B>(
  services: Pick<Services, "store" | "clock" | "profiles" | "render">,
  command: Pick<MailOut<I, R, unknown, B>, "may" | "apply">,
  call: Call,
  input: I,
  before: B,
): Promise<Ran<R>> {
  const now = services.clock();
  const { actorId, activityId } = call;
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    command.may.check(db, actorId);
    const outbox: string[] = [];
    const notify = (notices: Notice[], meetingId: string | null) => void outbox.push(...queueNotices(db, notices, { now, actorId, meetingId }));
    const mail = (invitationId: string, personId: string) => void outbox.push(invitationMailId(invitationId, personId));
    const value = command.apply({ db, input, actorId, now, profile: bodyProfile(services, db), audit, notify, mail, before, get render() { return renderOf(services); } });
    return { value, outbox };
  });
  return result.duplicate ? { duplicate: true } : { duplicate: false, ...result.value };
}

/**
 * The refusal a command would give now, or null: parse, who may and `apply` on a copy of the data,
 * nothing written, nothing recorded. A face asks "Soll ich …?" or says "Ich versende …" only for
 * work that can be done; what cannot is refused at once. An activity the store already processed
 * (a redelivery while the first run is still going) is not judged on the data it changed: null,
 * so the update's duplicate path answers.
 */
export async function refusalOf<I, R>(services: Pick<Services, "store" | "clock" | "profiles" | "render">, command: Pick<MailOut<I, R, unknown>, "input" | "may" | "apply">, call: Call): Promise<ServiceError | null> {
  if (call.activityId && (await services.store.processed(call.activityId))) return null;
  try {
    const input = parse(command.input, call.input);
    const db = structuredClone(await services.store.read());
    command.may.check(db, call.actorId);
    const ignore = () => {};
    command.apply({ db, input, actorId: call.actorId, now: services.clock(), profile: bodyProfile(services, db), audit: ignore, notify: ignore, mail: ignore, before: undefined, get render() { return renderOf(services); } });
    return null;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
}
