/**
 * Rules the JSON schema does not express but Teams or this project relies on. They assume a
 * schema-valid manifest, so run them only after the schema check passed.
 */
import { schemaUrl } from "./schema.ts";
import {
  at, descriptionTooLong, emptyResource, noCommandList, notHttps, notInManifest, notTheBotId, permissionMissing, titleTooLong, tooManyCommands,
  translationMissing, wrongSchema,
} from "../texts/manifest.ts";

interface Command {
  title: string;
  description?: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Bot {
  botId?: string;
  scopes: string[];
  commandLists?: CommandList[];
}
interface Permission {
  name: string;
  type: string;
}
/** The parts of a (schema-valid) manifest these checks read. */
export interface ManifestShape {
  $schema?: string;
  manifestVersion: string;
  developer?: Record<string, string>;
  bots?: Bot[];
  webApplicationInfo?: { id?: string; resource?: string };
  authorization?: { permissions?: { resourceSpecific?: Permission[] } };
}

/**
 * What the digital session needs (issue 14): meeting start and end, and who joins and leaves, in
 * the meeting chat of a scheduled meeting (…Chat) and in a channel meeting (…Group). Application
 * permissions: Teams delivers the events to the bot without anyone signed in.
 */
export const MEETING_PERMISSIONS: readonly string[] = [
  "OnlineMeeting.ReadBasic.Chat",
  "OnlineMeetingParticipant.Read.Chat",
  "ChannelMeeting.ReadBasic.Group",
  "ChannelMeetingParticipant.Read.Group",
];

// Teams' documented limits for the bot command menu; newer schemas accept more than Teams shows.
export const MAX_COMMANDS = 10;
export const MAX_TITLE = 32;
export const MAX_DESCRIPTION = 128;

/** Every bot scope has a command menu within Teams' limits. */
export function commandProblems(manifest: ManifestShape): string[] {
  const problems: string[] = [];
  (manifest.bots ?? []).forEach((bot, b) => {
    const lists = bot.commandLists ?? [];
    for (const scope of bot.scopes) {
      if (lists.some((list) => list.scopes.includes(scope))) continue;
      problems.push(noCommandList(at("manifest.json", `/bots/${b}`), scope));
    }
    lists.forEach((list, l) => problems.push(...listProblems(list, at("manifest.json", `/bots/${b}/commandLists/${l}`))));
  });
  return problems;
}

function listProblems(list: CommandList, where: string): string[] {
  const problems: string[] = [];
  const count = list.commands.length;
  if (count > MAX_COMMANDS) problems.push(tooManyCommands(where, count, MAX_COMMANDS));
  for (const { title, description = "" } of list.commands) {
    if (title.length > MAX_TITLE) {
      problems.push(titleTooLong(where, title, MAX_TITLE));
    }
    if (description.length > MAX_DESCRIPTION) {
      problems.push(descriptionTooLong(where, title, MAX_DESCRIPTION));
    }
  }
  return problems;
}

/** The schema accepts http://, Teams' app validation wants the developer's pages on https://. */
export function developerUrlProblems(manifest: ManifestShape): string[] {
  return Object.entries(manifest.developer ?? {})
    .filter(([key, url]) => key.endsWith("Url") && !url.startsWith("https://"))
    .map(([key, url]) => notHttps(at("manifest.json", `/developer/${key}`), url));
}

/** `$schema` names the schema of the manifest's own version, so validators and Teams agree. */
export function schemaReferenceProblems(file: string, document: { $schema?: unknown }, expected: string): string[] {
  if (document.$schema === expected) return [];
  return [wrongSchema(at(file, "/$schema"), expected, document.$schema)];
}

/**
 * A localisation file only translates strings that exist in the manifest, and translates every
 * command description (titles stay German on purpose: Teams sends the title as the message text).
 */
export function localizationProblems(
  manifest: ManifestShape,
  localization: Record<string, unknown>,
  file: string,
): string[] {
  const problems = schemaReferenceProblems(file, localization, schemaUrl("localization", manifest.manifestVersion));
  for (const [key, text] of Object.entries(localization)) {
    if (key === "$schema" || typeof text !== "string") continue;
    if (typeof lookup(manifest, key) !== "string") problems.push(notInManifest(at(file, key)));
  }
  (manifest.bots ?? []).forEach((bot, b) =>
    (bot.commandLists ?? []).forEach((list, l) =>
      list.commands.forEach((_, c) => {
        const key = `bots[${b}].commandLists[${l}].commands[${c}].description`;
        if (!(key in localization)) problems.push(translationMissing(file, key));
      }),
    ),
  );
  return problems;
}

/** Resolves a localisation key such as "bots[0].commandLists[1].commands[2].title". */
function lookup(document: unknown, key: string): unknown {
  return key
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), document);
}

function isObject(node: unknown): node is Record<string, unknown> {
  return typeof node === "object" && node !== null;
}

/**
 * The meeting events' RSC permissions are requested, as application permissions, and granted to the
 * bot's own app registration: Teams requires `webApplicationInfo` (id = that registration, a
 * non-empty resource) for any RSC permission.
 */
export function permissionProblems(manifest: ManifestShape): string[] {
  const requested = manifest.authorization?.permissions?.resourceSpecific ?? [];
  const problems = MEETING_PERMISSIONS.filter((name) => !requested.some((p) => p.name === name && p.type === "Application")).map(
    (name) => permissionMissing(at("manifest.json", "/authorization/permissions/resourceSpecific"), name),
  );
  if (requested.length === 0) return problems;
  const info = manifest.webApplicationInfo;
  const botId = manifest.bots?.[0]?.botId;
  if (!info?.id || info.id !== botId) problems.push(notTheBotId(at("manifest.json", "/webApplicationInfo/id"), botId, info?.id));
  if (!info?.resource) problems.push(emptyResource(at("manifest.json", "/webApplicationInfo/resource")));
  return problems;
}
