/**
 * The command line reaches Teams too: the commands that cause channel posts and Teams notices
 * (`invite`, `invite retry`, `invite update`, `meeting change`, `meeting cancel`, `minutes send`,
 * `outbox retry`) record them as the chat does, and send them themselves where this process may
 * talk to the connector (bot/cli-teams.ts: the bot's credentials, or a connector on this machine).
 * Otherwise they wait in the outbox for the running bot's next round, and the command says so in
 * one sentence on stderr (stdout stays the command's one JSON object).
 */
import type { Services } from "../services/context.ts";
import { sendWaitingForTeams, waitingForTeams } from "../services/channel-announcements.ts";
import { dispatchNotices } from "../services/outbox.ts";
import { runMailOut, type MailOut } from "../services/runner.ts";
import { noteLine } from "../texts/chat.ts";
import { teamsMessagesWaitForBot } from "../texts/teams.ts";
import { UserError } from "./context.ts";

/** The services with Teams as the outbox's channel where this process can reach it (botbuilder loads only here). */
export async function withTeamsReach(services: Services): Promise<Services> {
  // The one cli → bot import besides `chat`: botbuilder (the adapter, its tokens) stays in bot/.
  const { cliTeamsChannel } = await import("../bot/cli-teams.ts");
  try {
    return { ...services, teams: cliTeamsChannel(services, process.env) };
  } catch (e) {
    throw new UserError((e as Error).message); // a wrong BOT_ID or half the credentials: the user's to fix
  }
}

/**
 * Runs a mail-out as the Geschäftsstelle (actor "cli") and, before the command line exits, sends
 * what it recorded for others (the team channel's post, Teams notices), or says that they wait.
 */
export async function mailOut<I, R, S, B>(services: Services, command: MailOut<I, R, S, B>, input: I): Promise<S> {
  const ran = await runMailOut(services, command, { actorId: "cli", input });
  await dispatchNotices(services, ran.outbox, services.teams ?? null);
  await reachTeams(services);
  return ran.value;
}

/** After a command: sends whatever waits for Teams, or says that it waits for the bot. (The commands record their posts themselves.) */
export async function reachTeams(services: Services): Promise<void> {
  if (services.teams) {
    await sendWaitingForTeams(services);
    return;
  }
  const waiting = waitingForTeams(await services.store.read(), services.clock()).length;
  if (waiting) process.stderr.write(`${noteLine(teamsMessagesWaitForBot(waiting).de, "de")}\n`);
}
