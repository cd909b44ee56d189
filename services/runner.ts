/**
 * One way to run every state-changing command: parse its input → check who may → apply and audit
 * in one store update → record the messages it causes in the outbox, in that same update. The
 * update carries the Teams activity id, so a redelivered activity is applied once.
 */
import type { z } from "zod";
import type { Db } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import type { Audit } from "../adapters/store.ts";
import type { Services } from "./context.ts";
import { bodyProfile, renderOf } from "./context.ts";
import type { Render } from "../texts/catalog.ts";
import { ServiceError } from "./errors.ts";
import { queueNotices, type Notice } from "./outbox.ts";
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

export type Ran<R> = { duplicate: true } | { duplicate: false; value: R; outbox: string[] };

export async function run<I, R>(services: Pick<Services, "store" | "clock" | "profiles" | "render">, command: Command<I, R>, call: Call): Promise<Ran<R>> {
  const parsed = command.input.safeParse(call.input);
  if (!parsed.success) {
    // A text over its limit (domain/limits.ts) is told as such, with the limit, before any role or state check.
    const long = parsed.error.issues.find((i) => i.code === "too_big" && i.type === "string");
    const kind = long ? limitOf(long.message) : null;
    throw new ServiceError(kind ? say("limits.tooLongText", kind) : long?.code === "too_big" ? say("limits.fieldTooLongText", Number(long.maximum)) : say("turn.INVALID_INPUT"), "invalid");
  }
  const now = services.clock();
  const { actorId, activityId } = call;
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    command.may.check(db, actorId);
    const outbox: string[] = [];
    const notify = (notices: Notice[], meetingId: string | null) => void outbox.push(...queueNotices(db, notices, { now, actorId, meetingId }));
    const value = command.apply({ db, input: parsed.data, actorId, now, profile: bodyProfile(services, db), audit, notify, get render() { return renderOf(services); } });
    return { value, outbox };
  });
  return result.duplicate ? { duplicate: true } : { duplicate: false, ...result.value };
}
