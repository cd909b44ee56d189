/**
 * The command line's commands and global options (contract: DESIGN.md "A command-line face"),
 * with their help from texts/cli-help.ts. cli/index.ts runs it.
 */
import { Command } from "commander";
import { HELP } from "../texts/cli-help.ts";
import { describeCommands } from "./help.ts";
import { registerChatCommand } from "./chat-command.ts";
import { registerInvitationCommands } from "./invitation-commands.ts";
import { registerMigrateCommand } from "./migrate-command.ts";
import { registerMinutesCommands } from "./minutes-commands.ts";
import { registerOutboxCommands } from "./outbox-commands.ts";
import { registerReminderCommands } from "./reminder-commands.ts";
import { registerRulesCommands } from "./rules-commands.ts";
import { registerStoreCommands } from "./store-commands.ts";

export function buildProgram(): Command {
  const program = new Command("lg")
    .option("--json")
    .option("--db <file>")
    .option("--now <iso>")
    .option("--profile <id>")
    .option("--body <id>")
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
  describeCommands(program, HELP);
  return program;
}
