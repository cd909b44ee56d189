/**
 * Binding a Teams user to a roster person by the e-mail address Teams reports for them: the
 * Geschäftsstelle knows addresses, never Entra object ids. The binding is the person's
 * `aadObjectId` (what `members --json` shows), audited; later turns find them by it.
 *
 * Which address counts: `email` first (for guests it is their real address), then the user
 * principal name unless it is a guest UPN, then the address a guest UPN was made from
 * (`name_org.de#EXT#@kreis.onmicrosoft.com` → `name@org.de`) — all case-insensitive.
 */
import { z } from "zod";
import type { Db, Person } from "../domain/model.ts";
import { manageMeetings } from "./permissions.ts";
import { run, type Command, type CommandContext } from "./runner.ts";
import type { Services } from "./context.ts";
import { say } from "./say.ts";

/** A Teams account as the connector's members endpoint gives it. */
export const TeamsAccount = z.object({
  /** The Teams user id (29:…): what a 1:1 chat is opened with. */
  id: z.string().min(1),
  aadObjectId: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
});
export type TeamsAccount = z.infer<typeof TeamsAccount>;

const GUEST_UPN = /^(.+)_([^_@]+)#EXT#@/i;

/** The addresses this account may be known by, most trustworthy first, lower-cased. */
export function addressesOf(a: Pick<TeamsAccount, "email" | "userPrincipalName">): string[] {
  const out: string[] = [];
  if (a.email) out.push(a.email);
  const upn = a.userPrincipalName ?? "";
  const guest = upn.match(GUEST_UPN);
  if (guest) out.push(`${guest[1]}@${guest[2]}`);
  else if (upn.includes("@")) out.push(upn);
  return [...new Set(out.map((x) => x.trim().toLowerCase()))];
}

/** The roster person with one of the account's addresses, or null. */
export function personForAccount(db: Db, a: Pick<TeamsAccount, "email" | "userPrincipalName">): Person | null {
  for (const address of addressesOf(a)) {
    const p = db.persons.find((x) => x.email.toLowerCase() === address);
    if (p) return p;
  }
  return null;
}

/**
 * Binds the account to its person inside a store update; returns the person, or null when no
 * address matches. A person already bound to another Teams user keeps that binding (two accounts
 * with one address: the Geschäftsstelle sorts that out, nobody is silently re-bound).
 */
export function bindAccount(ctx: Pick<CommandContext<unknown>, "db" | "audit">, a: TeamsAccount): Person | null {
  const byObjectId = ctx.db.persons.find((p) => p.aadObjectId?.toLowerCase() === a.aadObjectId.toLowerCase());
  if (byObjectId) return byObjectId;
  const person = personForAccount(ctx.db, a);
  if (!person || person.aadObjectId) return null;
  person.aadObjectId = a.aadObjectId;
  ctx.audit("identity.bound", { personId: person.id, aadObjectId: a.aadObjectId, email: a.email ?? null, userPrincipalName: a.userPrincipalName ?? null });
  return person;
}

const unknownKey = (aadObjectId: string) => `teams-unknown:${aadObjectId.toLowerCase()}`;

/**
 * A Teams user wrote and is not bound yet: bind them by e-mail, or, when no address is on the
 * roster (or its person is bound to another Teams account), tell the Geschäftsstelle once per
 * Teams user (the outbox ids come back to send).
 */
export const bindIdentity: Command<TeamsAccount, Person | null> = {
  input: TeamsAccount,
  may: manageMeetings, // the bot acts on Teams' word as "system"
  apply(ctx) {
    const bound = bindAccount(ctx, ctx.input);
    if (bound) return bound;
    const key = unknownKey(ctx.input.aadObjectId);
    if (ctx.db.botState[key]) return null;
    ctx.db.botState[key] = { at: ctx.now.toISOString(), email: ctx.input.email ?? ctx.input.userPrincipalName ?? null };
    ctx.audit("identity.unknown", { aadObjectId: ctx.input.aadObjectId, email: ctx.input.email ?? null, userPrincipalName: ctx.input.userPrincipalName ?? null });
    const who = { name: ctx.input.name || ctx.input.aadObjectId, email: addressesOf(ctx.input)[0] ?? null };
    const taken = personForAccount(ctx.db, ctx.input); // the address is on the roster, bound to another Teams account
    const notice = ctx.render(taken ? say("teams.otherAccountNotice", who, taken.name) : say("teams.unknownTeamsUserNotice", who));
    ctx.notify(ctx.db.body.secretariatIds.map((personId) => ({ personId, ...notice })), null);
    return null;
  },
};

/** Runs `bindIdentity` as the bot; `outbox`: the Geschäftsstelle's notice about an unknown user, to send. */
export async function bindTeamsUser(services: Pick<Services, "store" | "clock" | "profiles" | "render">, account: TeamsAccount): Promise<{ bound: Person | null; outbox: string[] }> {
  const ran = await run(services, bindIdentity, { actorId: "system", input: account });
  return ran.duplicate ? { bound: null, outbox: [] } : { bound: ran.value, outbox: ran.outbox };
}
