/**
 * What the package build needs from the operator: the ids from the Azure bot registration,
 * the bot's host and the developer details, from arguments or environment variables.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { badArguments, guidMissing, notAGuid, notAHost, PLACEHOLDER_DEVELOPER } from "../texts/manifest.ts";

/** Values substituted for ${NAME} in manifest.template.json. */
export type TemplateVars = Record<string, string>;

export interface Settings {
  vars: TemplateVars;
  /** Names of the variables still at their example.org placeholder. */
  placeholders: string[];
  /** Where to write the zip; undefined means manifest/dist/. */
  outFile?: string;
}

export class SettingsError extends Error {}

/** Optional variables and the placeholder used when they are unset. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  BOT_DOMAIN: "lenkungsgruppe.example.org",
  DEVELOPER_NAME: PLACEHOLDER_DEVELOPER,
  DEVELOPER_URL: "https://example.org/lenkungsgruppe",
  PRIVACY_URL: "https://example.org/lenkungsgruppe/datenschutz",
  TERMS_URL: "https://example.org/lenkungsgruppe/nutzungsbedingungen",
};

// The pattern of the manifest schema's "guid" definition.
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// validDomains holds bare host names (wildcards allowed), no scheme or path.
const HOST = /^[A-Za-z0-9*.-]+$/;

/** Reads `--bot-id`, `--app-id`, `--out` from argv, falling back to BOT_ID, TEAMS_APP_ID etc. in env. */
export function readSettings(argv: string[], env: NodeJS.ProcessEnv): Settings {
  const args = parseArguments(argv);
  const botId = requireGuid("BOT_ID", args["bot-id"] ?? value(env.BOT_ID), "--bot-id");
  const appIdGiven = args["app-id"] ?? value(env.TEAMS_APP_ID);
  // One GUID for both is the usual setup: the Teams app id may equal the bot's Microsoft App ID.
  const appId = appIdGiven === undefined ? botId : requireGuid("TEAMS_APP_ID", appIdGiven, "--app-id");
  const vars: TemplateVars = { BOT_ID: botId, TEAMS_APP_ID: appId };
  const placeholders: string[] = [];
  for (const [name, placeholder] of Object.entries(PLACEHOLDERS)) {
    vars[name] = value(env[name]) ?? placeholder;
    if (vars[name] === placeholder) placeholders.push(name);
  }
  if (!HOST.test(vars.BOT_DOMAIN!)) {
    throw new SettingsError(notAHost(PLACEHOLDERS.BOT_DOMAIN!, vars.BOT_DOMAIN!));
  }
  return { vars, placeholders, outFile: args.out === undefined ? undefined : resolve(args.out) };
}

function parseArguments(argv: string[]): { "bot-id"?: string; "app-id"?: string; out?: string } {
  try {
    const options = { "bot-id": { type: "string" }, "app-id": { type: "string" }, out: { type: "string" } } as const;
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new SettingsError(badArguments((e as Error).message));
  }
}

function requireGuid(name: string, given: string | undefined, option: string): string {
  if (given === undefined) {
    throw new SettingsError(guidMissing(name, option));
  }
  if (!GUID.test(given)) {
    throw new SettingsError(notAGuid(name, given));
  }
  return given;
}

/** An environment value, trimmed; empty counts as unset. */
function value(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}
