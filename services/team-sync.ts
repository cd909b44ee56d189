/**
 * The bot in the group's team: on installation and on `/abgleich` it takes the team's member list
 * (all pages, read by bot/), binds everyone whose e-mail address is on the roster, keeps the team,
 * the tenant and the General channel, and tells the Geschäftsstelle in one message who in the
 * roster is not in the team and who in the team is not in the roster.
 *
 * It also keeps what Teams said about reaching people: a member Teams refuses a 1:1 chat with
 * (403, the app is not available to them) is marked, so the bot goes straight to e-mail, and the
 * Geschäftsstelle is told once why. A new `/abgleich` clears the marks (the admin may have fixed it).
 */
import { z } from "zod";
import type { Db, TeamsInstallation } from "../domain/model.ts";
import { toBerlinIso } from "../rules/time.ts";
import { renderOf, type Services } from "./context.ts";
import { bindAccount, TeamsAccount, addressesOf } from "./bind-identity.ts";
import { queueNotices } from "./outbox.ts";
import { manageMeetings } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { say } from "./say.ts";

const SyncInput = z.object({
  team: z.object({
    teamId: z.string().min(1),
    name: z.string().nullish(),
    tenantId: z.string().min(1),
    serviceUrl: z.string().url(),
    generalChannelId: z.string().min(1),
    botId: z.string().min(1),
  }),
  members: z.array(TeamsAccount),
});
export type SyncInput = z.infer<typeof SyncInput>;

export interface SyncResult {
  bound: string[];
  notInTeam: string[];
  notInRoster: { name: string; email: string | null }[];
}

const UNREACHABLE = "teams-unreachable:";

export const syncTeam: Command<SyncInput, SyncResult> = {
  input: SyncInput,
  may: manageMeetings,
  apply(ctx) {
    const { db, input } = ctx;
    const userIds: Record<string, string> = {};
    const notInRoster: SyncResult["notInRoster"] = [];
    for (const account of input.members) {
      const person = bindAccount(ctx, account);
      if (person) userIds[person.id] = account.id;
      else notInRoster.push({ name: account.name || account.id, email: addressesOf(account)[0] ?? null });
    }
    for (const key of Object.keys(db.botState)) if (key.startsWith(UNREACHABLE)) delete db.botState[key];
    const team = { ...input.team, name: input.team.name ?? null };
    db.teams = { ...team, syncedAt: toBerlinIso(ctx.now), membersRead: true, userIds };
    const result: SyncResult = {
      bound: Object.keys(userIds),
      notInTeam: db.persons.filter((p) => !userIds[p.id]).map((p) => p.id),
      notInRoster,
    };
    ctx.audit("teams.synced", { teamId: team.teamId, tenantId: team.tenantId, ...result });
    const name = (id: string) => db.persons.find((p) => p.id === id)?.name ?? id;
    const notice = ctx.render(say("teams.teamComparisonNotice", { teamName: team.name, bound: result.bound.length, notInTeam: result.notInTeam.map(name), notInRoster }));
    ctx.notify(db.body.secretariatIds.map((personId) => ({ personId, ...notice })), null);
    return result;
  },
};

/** Runs the comparison; `outbox`: the Geschäftsstelle's message, to send. */
/** `input` is parsed by the command (SyncInput): the members come from Teams. */
export async function syncTeamMembers(services: Pick<Services, "store" | "clock" | "profiles" | "render">, actorId: string, input: unknown, activityId?: string) {
  return run(services, syncTeam, { actorId, activityId, input });
}

/**
 * Installed, but Teams did not hand out the member list: the team is kept (so `/abgleich` can
 * read it later) and the Geschäftsstelle is told once; returns the notice's outbox ids.
 */
export async function rememberTeam(services: Pick<Services, "store" | "clock" | "render">, input: SyncInput["team"]): Promise<string[]> {
  const now = services.clock();
  const render = renderOf(services);
  const done = await services.store.update({ actorId: "system" }, (db, audit) => {
    if (db.teams?.teamId === input.teamId) return [];
    db.teams = { ...input, name: input.name ?? null, syncedAt: toBerlinIso(now), membersRead: false, userIds: {} };
    audit("teams.installed", { teamId: input.teamId, tenantId: input.tenantId, membersRead: false });
    const notice = render(say("teams.teamUnreadNotice", input.name ?? null));
    return queueNotices(db, db.body.secretariatIds.map((personId) => ({ personId, ...notice })), { now, actorId: "system", meetingId: null });
  });
  return done.duplicate ? [] : done.value;
}

/** The stored team, or null before the bot was installed in one. */
export function installation(db: Db): TeamsInstallation | null {
  return db.teams ?? null;
}

/** Where the bot may open a 1:1 chat with this person: the team's service URL, tenant and their Teams id. */
export function oneToOneTarget(db: Db, personId: string): { serviceUrl: string; tenantId: string; userId: string } | null {
  const team = db.teams;
  const userId = team?.userIds[personId];
  if (!team || !userId || db.botState[UNREACHABLE + personId]) return null;
  return { serviceUrl: team.serviceUrl, tenantId: team.tenantId, userId };
}

/**
 * Teams refused to reach this person: marks them and queues the Geschäftsstelle's notice, once
 * (returns its outbox ids, empty when they were told before).
 */
export async function reportUnreachable(services: Pick<Services, "store" | "clock" | "render">, personId: string, reason: string): Promise<string[]> {
  const now = services.clock();
  const render = renderOf(services);
  const done = await services.store.update({ actorId: "system" }, (db, audit) => {
    if (db.botState[UNREACHABLE + personId]) return [];
    db.botState[UNREACHABLE + personId] = { at: toBerlinIso(now), reason };
    audit("teams.unreachable", { personId, reason });
    const name = db.persons.find((p) => p.id === personId)?.name ?? personId;
    const notice = render(say("teams.unreachableNotice", name, reason));
    const to = db.body.secretariatIds.filter((id) => id !== personId);
    return queueNotices(db, to.map((id) => ({ personId: id, ...notice })), { now, actorId: "system", meetingId: null });
  });
  return done.duplicate ? [] : done.value;
}

/** The bot was removed from the team: nothing more is sent there, and a new installation syncs afresh. */
export async function forgetTeam(services: Pick<Services, "store">, teamId: string): Promise<void> {
  await services.store.update({ actorId: "system" }, (db, audit) => {
    if (db.teams?.teamId !== teamId) return;
    db.teams = null;
    audit("teams.removed", { teamId });
  });
}
