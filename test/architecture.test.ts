import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectFile } from "../adapters/project-files.ts";

/** Every .ts file under `dir`, with its text. */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(projectFile(dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ file: join(dir, f), text: readFileSync(projectFile(dir, f), "utf8") }));
}

const IMPORT = /^\s*(?:import|export)\b[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

function imports(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

describe("teams-ai stays at the edge (Teams AI v1 is in maintenance)", () => {
  it("rules, storage and mail, services and the command line never import teams-ai, botbuilder or the bot", () => {
    const offenders = ["rules", "adapters", "services", "cli"]
      .flatMap(sources)
      .flatMap(({ file, text }) => imports(text).filter((m) => m.includes("teams-ai") || m === "botbuilder" || m.startsWith("botbuilder-") || /(^|\/)bot\//.test(m)).map((m) => `${file} → ${m}`))
      // The chat command drives the bot's own Application on purpose (same path as Teams).
      .filter((line) => !line.startsWith("cli/chat-command.ts → ../bot/"));
    expect(offenders).toEqual([]);
  });

  it("inside bot/, only bot/teams-ai.ts names the package", () => {
    const direct = sources("bot").filter(({ text }) => imports(text).some((m) => m.startsWith("@microsoft/teams-ai")));
    expect(direct.map((s) => s.file)).toEqual(["bot/teams-ai.ts"]);
  });
});

describe("bot/ never imports the store (DESIGN.md: queries and conversation state are services)", () => {
  // The store's modules: its interface, the JSON file and its helpers (errors, files, migration).
  const STORE_MODULE = /(^|\/)adapters\/(json-store|store(-[a-z]+)?)(\.ts)?$/;

  it("no file in bot/ imports a store module, not even for a type", () => {
    const offenders = sources("bot").flatMap(({ file, text }) => imports(text).filter((m) => STORE_MODULE.test(m)).map((m) => `${file} → ${m}`));
    expect(offenders).toEqual([]);
  });
});
