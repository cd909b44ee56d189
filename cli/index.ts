/**
 * The command-line face of the assistant (contract: DESIGN.md "A command-line face").
 * `npm run -s cli -- <command> [--json] [--db file] [--now ISO] [--profile id] [--body id]`.
 */
import { words } from "../texts/catalog.ts";
import { CommanderError } from "commander";
import { ProfileError } from "../adapters/profiles.ts";
import { RosterError } from "../adapters/roster-file.ts";
import { StoreError } from "../adapters/store-errors.ts";
import { RuleInputError } from "../rules/errors.ts";
import { ServiceError } from "../services/errors.ts";
import { UserError } from "./context.ts";
import { buildProgram } from "./program.ts";
import { withCliOption } from "../texts/hints.ts";
import { ruleInputText } from "../texts/errors.ts";
import { errorLine, unexpectedErrorLine } from "../texts/cli.ts";

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
