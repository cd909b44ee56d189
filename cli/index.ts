/**
 * The command-line face of the assistant (contract: DESIGN.md "A command-line face").
 * `npm run -s cli -- <command> [--json] [--db file] [--now ISO] [--profile id] [--body id]`.
 */
import { words } from "../texts/catalog.ts";
import { Command, CommanderError } from "commander";
import { ProfileError } from "../adapters/profiles.ts";
import { RosterError } from "../adapters/roster-file.ts";
import { StoreError } from "../adapters/store-errors.ts";
import { RuleInputError } from "../rules/errors.ts";
import { ServiceError } from "../services/errors.ts";
import { UserError } from "./context.ts";
import { withCliOption } from "../texts/hints.ts";
import { registerChatCommand } from "./chat-command.ts";
import { registerInvitationCommands } from "./invitation-commands.ts";
import { registerMigrateCommand } from "./migrate-command.ts";
import { registerMinutesCommands } from "./minutes-commands.ts";
import { registerOutboxCommands } from "./outbox-commands.ts";
import { registerReminderCommands } from "./reminder-commands.ts";
import { registerRulesCommands } from "./rules-commands.ts";
import { registerStoreCommands } from "./store-commands.ts";
import { ruleInputText } from "../texts/errors.ts";
import { errorLine, unexpectedErrorLine } from "../texts/cli.ts";

export function buildProgram(): Command {
  const program = new Command("lg")
    .description("Assistent der Geschäftsstelle einer KIM-Lenkungsgruppe")
    .option("--json", "eine JSON-Antwort auf stdout")
    .option("--db <file>", "Datendatei (Standard: data/db.json oder LG_DB)")
    .option("--now <iso>", "feste Uhrzeit statt der echten (ISO 8601)")
    .option("--profile <id>", "Regelprofil (Geschäftsordnung), z. B. rhein-sieg-kreis")
    .option("--body <id>", "Gremium in der Datenbank (DATABASE_URL; Standard: LG_BODY oder das Standardgremium)")
    .exitOverride()
    .showHelpAfterError(false);
  registerRulesCommands(program);
  registerStoreCommands(program);
  registerInvitationCommands(program);
  registerMinutesCommands(program);
  registerOutboxCommands(program);
  registerReminderCommands(program);
  registerChatCommand(program);
  registerMigrateCommand(program);
  return program;
}

/** Refusals of bad input or state: one sentence for the user, no stack trace. */
function isUserError(e: unknown): e is Error {
  return [UserError, StoreError, ServiceError, ProfileError, RuleInputError, RosterError].some((kind) => e instanceof kind);
}

/** The one sentence for stderr, with the option to use where a service names the input it is about. */
function userMessage(e: Error): string {
  if (e instanceof RuleInputError) return ruleInputText(e.problem).de;
  if (e instanceof ServiceError) return withCliOption(words(e.said).de, e.field);
  return e.message;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isUserError(e)) {
      process.stderr.write(`${errorLine(userMessage(e)).de}\n`);
      return 2;
    }
    process.stderr.write(`${unexpectedErrorLine(String((e as Error).stack ?? e)).de}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
