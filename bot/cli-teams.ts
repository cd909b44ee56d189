/**
 * Teams for the command line: the outbox's Teams channel (proactive.ts) on an adapter of its own,
 * so that `invite`, `minutes send`, `outbox retry` … post in the team's channel and in 1:1 chats
 * themselves instead of leaving that to the running bot. botbuilder stays in bot/; cli/teams-reach.ts
 * is the one command-line module that loads this (dynamically, only for the commands that send).
 *
 * When the command line may talk to the connector, by the bot's own rules (bot/main.ts):
 *   - with the bot's credentials in the environment (BOT_ID, BOT_PASSWORD, BOT_TENANT_ID): to every
 *     stored serviceUrl, with a token for the bot as botbuilder gets it;
 *   - without them (local mode), only to a serviceUrl on this machine (tests, a local emulator),
 *     and not in the Playground (PLAYGROUND not "0"), where every user shares one emulated chat;
 *   - otherwise not at all: the messages wait in the outbox for the bot's next round.
 */
import { TeamsAdapter } from "./teams-ai.ts";
import type { Services } from "../services/context.ts";
import type { TeamsChannel } from "../services/outbox.ts";
import { isLoopbackUrl } from "./activity-shape.ts";
import { proactiveChannel } from "./proactive.ts";
import { settingsFromEnv } from "./settings.ts";

/** The Teams channel the command line may use, or null when it cannot reach Teams from here. */
export function cliTeamsChannel(services: Services, env: NodeJS.ProcessEnv): TeamsChannel | null {
  const settings = settingsFromEnv(env);
  const { credentials } = settings;
  if (!credentials && settings.playground) return null;
  // Local mode: no token, so only a connector on this machine; elsewhere the person is "not in Teams" here.
  const channel = proactiveChannel({ services, adapter: new TeamsAdapter(credentials ?? {}), botAppId: credentials?.MicrosoftAppId ?? "", ...(credentials ? {} : { reaches: isLoopbackUrl }) });
  // Without credentials it does not read a team's members either (`readTeam` asks whatever connector the team names).
  return credentials ? channel : Object.assign((...args: Parameters<TeamsChannel>) => channel(...args), { drain: channel.drain! });
}
