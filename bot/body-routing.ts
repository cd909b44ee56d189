/**
 * One bot for many bodies: each activity runs in the Application of its own body — by the
 * team it comes from, else by its tenant and the sender's Entra object id, else the default
 * body (LG_BODY). One Application per body, kept, so the turn, its outbox and the work after the
 * reply all use that body's services and its Teams channel.
 *
 * Installations are the exception to the default: the team an installation names becomes the
 * body's team (services/team-sync.ts keeps it in `db.teams`, with its tenant and General channel,
 * and tells the Geschäftsstelle). An installation in a team no body knows goes to the body whose
 * roster has the installer's e-mail (asked of Teams, as the first installation of a group comes
 * before anyone is bound), and to no body when there is none: LG_BODY's installation stays as it
 * is, its Geschäftsstelle is not told of a stranger's team, and the operator reads it in the log
 * (the app removed and added again sends the installation anew, once the installer is on a roster).
 * Other activities from such a team still go to LG_BODY, which answers as to any stranger.
 */
import { TeamsInfo, type Activity, type TurnContext } from "botbuilder";
import type { Application } from "./teams-ai.ts";
import type { Services } from "../services/context.ts";
import { addressesOf } from "../services/bind-identity.ts";
import type { BodyServices } from "../services/open-services.ts";

/** What `startServer` needs of an Application. */
export type Runner = Pick<Application, "run">;

/** An installation no body takes, for the operator's log. */
export interface Unrouted {
  teamId: string | null;
  tenantId: string | null;
  installer: string | null;
}

/** The routing keys Teams puts on every activity: team (channel messages, installation), tenant, sender. */
export function routingKeys(activity: Partial<Activity>): { teamId: string | null; tenantId: string | null; aadObjectId: string | null } {
  const data = (activity.channelData ?? {}) as { team?: { id?: string }; tenant?: { id?: string } };
  return {
    teamId: data.team?.id ?? null,
    tenantId: data.tenant?.id ?? activity.conversation?.tenantId ?? null,
    aadObjectId: activity.from?.aadObjectId ?? null,
  };
}

/** Whether the activity installs the bot in a team (Teams sends both a conversationUpdate and an installationUpdate). */
function installsInTeam(activity: Partial<Activity>): boolean {
  if (!routingKeys(activity).teamId) return false;
  if (activity.type === "installationUpdate") return !String(activity.action ?? "add").startsWith("remove");
  return activity.type === "conversationUpdate" && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

/** The installer's addresses as Teams reports them (none when Teams does not answer). */
async function installerAddresses(context: TurnContext): Promise<string[]> {
  const id = context.activity.from?.id;
  if (!id) return [];
  try {
    return addressesOf(await TeamsInfo.getMember(context, id));
  } catch {
    return [];
  }
}

/** Without a database (one body), the one Application; with one, a runner that picks the body's per activity. */
export function routedApp(bodies: BodyServices, make: (services: Services) => Application, log: { unrouted?: (what: Unrouted) => void } = {}): Runner {
  const apps = new Map<Services, Application>();
  const appOf = (services: Services) => {
    let app = apps.get(services);
    if (!app) apps.set(services, (app = make(services)));
    return app;
  };
  const fallback = appOf(bodies.fallback);
  const { find } = bodies;
  if (!find) return fallback;
  const bodyOf = async (context: TurnContext): Promise<Services | null> => {
    const keys = routingKeys(context.activity);
    const found = await find(keys);
    if (found || !installsInTeam(context.activity)) return found ?? bodies.fallback;
    const emails = await installerAddresses(context);
    return emails.length ? find({ ...keys, emails }) : null;
  };
  return {
    run: async (context: TurnContext) => {
      const services = await bodyOf(context);
      if (services) return appOf(services).run(context);
      const { teamId, tenantId } = routingKeys(context.activity);
      log.unrouted?.({ teamId, tenantId, installer: context.activity.from?.aadObjectId ?? context.activity.from?.id ?? null });
      return true;
    },
  };
}
