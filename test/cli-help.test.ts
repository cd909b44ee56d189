/**
 * `--help` says what each command, option and argument is for, in the words of texts/cli-help.ts
 * (cli/ names only commands and flags). In-process: commander renders exactly what the command
 * line prints for `--help` (test/cli-store.test.ts runs a few through the real process).
 */
import { Command, Option } from "commander";
import { describe, expect, it } from "vitest";
import { describeCommands } from "../cli/help.ts";
import { buildProgram } from "../cli/program.ts";
import { HELP } from "../texts/cli-help.ts";

/** The command at `path` in a freshly built program. */
function commandAt(path: string[]): Command {
  let cmd = buildProgram();
  for (const name of path) cmd = cmd.commands.find((c) => c.name() === name)!;
  return cmd;
}

/** What `lg <path> --help` prints, with the text after the options. */
function helpOf(...path: string[]): string {
  const cmd = commandAt(path);
  let out = "";
  cmd.configureOutput({ writeOut: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

/** Every command of the program with its path. */
function commands(cmd: Command, path: string[] = []): { path: string[]; cmd: Command }[] {
  return [{ path, cmd }, ...cmd.commands.flatMap((sub) => commands(sub, [...path, sub.name()]))];
}

const partName = (part: Option | { name(): string }) => (part instanceof Option ? part.attributeName() : part.name());

describe("the command line's help (texts/cli-help.ts)", () => {
  it("names each option of `meeting create` with what it is for, and the mode's default", () => {
    const help = helpOf("meeting", "create");
    // commander wraps at 80 columns: compare the words.
    expect(help.replace(/\s+/g, " ")).toMatch(/^Usage: lg meeting create \[options\] eine Sitzung anlegen \(Standarddauer: die Höchstdauer im Regelprofil, sonst zwei Stunden\)/);
    expect(help).toMatch(/--location <text>\s+Ort \(bei Präsenz und hybrid nötig\)/);
    expect(help).toMatch(/--mode <mode>\s+in-person \| online \| hybrid \(default: "in-person"\)/);
  });

  it("says the size limit of `minutes send` and, after `import`'s options, how to set the profile", () => {
    expect(helpOf("minutes", "send")).toMatch(/--max-attachment-mb <n>\s+Größengrenze der Anhänge in MB \(Standard: 2\)/);
    expect(helpOf("import")).toMatch(/\nMit der globalen Option --profile <id> wird auch das Regelprofil des Gremiums gesetzt\.\n$/);
    expect(helpOf("chat")).toMatch(/Arguments:\n\s+message\s+die Nachricht/);
  });

  it("gives every command, option and argument its line", () => {
    const missing = commands(buildProgram()).flatMap(({ path, cmd }) => [
      ...(cmd.description() ? [] : [path.join(" ") || "lg"]),
      ...[...cmd.options, ...cmd.registeredArguments].filter((p) => !p.description).map((p) => `${path.join(" ")} ${partName(p)}`),
    ]);
    expect(missing).toEqual([]);
  });

  it("holds no line that no command, option or argument uses", () => {
    const stale = (entry: unknown, cmd: Command, path: string[]): string[] => {
      if (typeof entry === "string") return [];
      const used = new Set(["description", "after", ...cmd.options.map(partName), ...cmd.registeredArguments.map(partName), ...cmd.commands.map((c) => c.name())]);
      return Object.entries(entry as object).flatMap(([key, value]) => {
        const sub = cmd.commands.find((c) => c.name() === key);
        if (sub) return stale(value, sub, [...path, key]);
        return used.has(key) ? [] : [[...path, key].join(".")];
      });
    };
    expect(stale(HELP, buildProgram(), ["HELP"])).toEqual([]);
  });

  it("refuses to build a program whose new option has no line (a developer's slip, not a blank in --help)", () => {
    const program = new Command("lg");
    program.command("members").option("--surprise <x>");
    expect(() => describeCommands(program, { description: "Programm", members: { description: "Mitglieder" } })).toThrow('no help for "lg members surprise"');
  });
});
