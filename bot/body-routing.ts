/**
 * One bot for many bodies: each activity runs in the Application of its own body — by the
 * team it comes from, else by its tenant and the sender's Entra object id, else the default
 * body (LG_BODY). One Application per body, kept, so the turn, its outbox and the work after the
 * reply all use that body's services and its Teams channel.
 */
import type { Activity, TurnContext } from "botbuilder";
import type { Application } from "./teams-ai.ts";
import type { Services } from "../services/context.ts";
import type { BodyServices } from "../services/open-services.ts";

/** What `startServer` needs of an Application. */
export type Runner = Pick<Application, "run">;

/** The routing keys Teams puts on every activity: team (channel messages, installation), tenant, sender. */
export function routingKeys(activity: Partial<Activity>): { teamId: string | null; tenantId: string | null; aadObjectId: string | null } {
  const data = (activity.channelData ?? {}) as { team?: { id?: string }; tenant?: { id?: string } };
  return {
    teamId: data.team?.id ?? null,
    tenantId: data.tenant?.id ?? activity.conversation?.tenantId ?? null,
    aadObjectId: activity.from?.aadObjectId ?? null,
  };
}

/** Without a database (one body), the one Application; with one, a runner that picks the body's per activity. */
export function routedApp(bodies: BodyServices, make: (services: Services) => Application): Runner {
  const apps = new Map<Services, Application>();
  const appOf = (services: Services) => {
    let app = apps.get(services);
    if (!app) apps.set(services, (app = make(services)));
    return app;
  };
  const fallback = appOf(bodies.fallback);
  const { route } = bodies;
  if (!route) return fallback;
  return { run: async (context: TurnContext) => appOf(await route(routingKeys(context.activity))).run(context) };
}
