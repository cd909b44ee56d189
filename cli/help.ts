/**
 * What `--help` says: the lines of texts/cli-help.ts, put beside the commands once they are all
 * registered, so that cli/ names commands and flags only. A command, option or argument without
 * its line is a developer's slip, refused when the program is built (every CLI test then fails).
 */
import { Option, type Command } from "commander";

/** A command's entry: its one line, or its line with its options', arguments' and subcommands' entries. */
type Entry = string | { readonly description: string; readonly after?: string };

function entryOf(value: unknown, path: string): Exclude<Entry, string> {
  if (typeof value === "string") return { description: value };
  if (value && typeof value === "object" && typeof (value as { description?: unknown }).description === "string") return value as Exclude<Entry, string>;
  throw new Error(`unreachable: texts/cli-help.ts has no help for "${path}"`);
}

/** Each option and argument of `cmd` gets the entry of its name, unless the command gave it one itself (a line with a number in it). */
function describeParts(cmd: Command, entry: Record<string, unknown>, path: string): void {
  for (const part of [...cmd.options, ...cmd.registeredArguments]) {
    const key = part instanceof Option ? part.attributeName() : part.name();
    if (part.description) continue;
    const line = entry[key];
    if (typeof line !== "string") throw new Error(`unreachable: texts/cli-help.ts has no help for "${path} ${key}"`);
    part.description = line;
  }
}

/** Describes `cmd` and every command below it from `help` (texts/cli-help.ts's HELP, by the commands' names). */
export function describeCommands(cmd: Command, help: unknown, path = cmd.name()): void {
  const entry = entryOf(help, path);
  cmd.description(entry.description);
  if (entry.after) cmd.addHelpText("after", entry.after);
  describeParts(cmd, entry as Record<string, unknown>, path);
  for (const sub of cmd.commands) describeCommands(sub, (entry as Record<string, unknown>)[sub.name()], `${path} ${sub.name()}`);
}
