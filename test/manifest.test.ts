/**
 * Issue 6: the Teams app package. Runs the real build, unpacks the zip and checks it with the
 * official schemas bundled in @microsoft/app-manifest (offline), and checks that bad input fails loudly.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPackage, MANIFEST_DIR, TEMPLATE_FILE, type Manifest } from "../manifest/app-package.ts";
import { commandProblems, localizationProblems, MAX_COMMANDS, MAX_DESCRIPTION, MAX_TITLE, MEETING_PERMISSIONS, permissionProblems } from "../manifest/checks.ts";
import { checkIcon, drawColorIcon, drawOutlineIcon } from "../manifest/icons.ts";
import { bundledSchemaPath, schemaErrors } from "../manifest/schema.ts";
import { PLACEHOLDERS, readSettings } from "../manifest/settings.ts";
import { readZip } from "../manifest/zip.ts";

const BOT_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const APP_ID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";
const ROOT = join(MANIFEST_DIR, "..");

const MEMBER_COMMANDS = ["Vertretung", "Zusage", "Absage", "TOP vorschlagen", "Fristen", "Nächste Sitzung", "Hilfe"];
const OFFICE_COMMANDS = ["/sitzung", "/tagesordnung", "/einladen", "/einladen dringend", "/rueckmeldungen", "/niederschrift"];
const CHAIR_COMMANDS = ["Sind wir beschlussfähig?", "/anwesend", "/abstimmung"];

/** Runs `tsx manifest/build.ts` as the operator would, with only the given build variables set. */
function runBuild(vars: Record<string, string>, args: string[] = []) {
  const env = { ...process.env };
  for (const name of ["BOT_ID", "TEAMS_APP_ID", ...Object.keys(PLACEHOLDERS)]) delete env[name];
  return spawnSync(process.execPath, ["--import", "tsx", "manifest/build.ts", ...args], {
    cwd: ROOT,
    env: { ...env, ...vars },
    encoding: "utf8",
  });
}

const tempZip = () => join(mkdtempSync(join(tmpdir(), "lg-manifest-")), "package.zip");
const json = (data: Buffer | undefined) => JSON.parse(String(data)) as Record<string, unknown>;
const commandsOf = (manifest: Manifest) => manifest.bots![0]!.commandLists!;

describe("the built Teams app package", () => {
  let result: ReturnType<typeof runBuild>;
  let zipFile: string;
  let files: Map<string, Buffer>;
  let manifest: Manifest;

  beforeAll(() => {
    zipFile = tempZip();
    result = runBuild({ BOT_ID, TEAMS_APP_ID: APP_ID, BOT_DOMAIN: "lg.kreis.example" }, ["--out", zipFile]);
    files = new Map(readZip(readFileSync(zipFile)).map((entry) => [entry.name, entry.data]));
    manifest = json(files.get("manifest.json")) as Manifest;
  });

  it("builds and prints the zip's path on the last line of stdout", () => {
    expect(result.stderr).not.toMatch(/Fehler/);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n").at(-1)).toBe(zipFile);
  });

  it("holds the manifest, both icons and the English localisation at the top level", () => {
    expect([...files.keys()].sort()).toEqual(["color.png", "en.json", "manifest.json", "outline.png"]);
  });

  it("passes the official schema of its version, checked by our validator and by Microsoft's", async () => {
    const version = manifest.manifestVersion;
    expect(Number(version.split(".")[1])).toBeGreaterThanOrEqual(22);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
    expect(schemaErrors("manifest", version, manifest, "manifest.json")).toEqual([]);
    const schema = JSON.parse(readFileSync(bundledSchemaPath("manifest", version), "utf8"));
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, schema)).toEqual([]);
  });

  it("carries the ids and the domain from the environment", () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots![0]).toMatchObject({ botId: BOT_ID, supportsFiles: false, isNotificationOnly: false });
    expect(manifest.validDomains).toEqual(["lg.kreis.example"]);
    expect(String(files.get("manifest.json"))).not.toContain("${");
  });

  it("offers the bot in personal, team and group chats, with a command menu for each", () => {
    const bot = manifest.bots![0]!;
    expect(bot.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    const menu = (scope: string) => commandsOf(manifest).find((list) => list.scopes.includes(scope))!.commands.map((c) => c.title);
    expect(menu("personal")).toEqual(expect.arrayContaining(MEMBER_COMMANDS));
    expect(menu("team")).toEqual(expect.arrayContaining([...CHAIR_COMMANDS, ...OFFICE_COMMANDS]));
    expect(menu("groupChat")).toEqual(menu("team"));
    for (const list of commandsOf(manifest)) {
      expect(list.commands.length).toBeLessThanOrEqual(MAX_COMMANDS);
      for (const { title, description } of list.commands) {
        expect(title.length).toBeLessThanOrEqual(MAX_TITLE);
        expect(description!.length).toBeGreaterThan(0);
        expect(description!.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
      }
    }
  });

  it("asks for the meeting events' resource-specific permissions for the bot's own app registration, and no calling", () => {
    expect(manifest.authorization).toEqual({
      permissions: {
        resourceSpecific: [
          { name: "OnlineMeeting.ReadBasic.Chat", type: "Application" },
          { name: "OnlineMeetingParticipant.Read.Chat", type: "Application" },
          { name: "ChannelMeeting.ReadBasic.Group", type: "Application" },
          { name: "ChannelMeetingParticipant.Read.Group", type: "Application" },
        ],
      },
    });
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://botid-${BOT_ID}` });
    expect(manifest.bots![0]).toMatchObject({ supportsCalling: false, supportsVideo: false });
    // The meeting chat is a group chat, a channel meeting belongs to the team.
    expect(manifest.bots![0]!.scopes).toEqual(expect.arrayContaining(["team", "groupChat"]));
  });

  it("is German by default and has a valid English localisation for every command", () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: "de-DE",
      additionalLanguages: [{ languageTag: "en", file: "en.json" }],
    });
    const english = json(files.get("en.json"));
    expect(schemaErrors("localization", manifest.manifestVersion, english, "en.json")).toEqual([]);
    expect(localizationProblems(manifest, english, "en.json")).toEqual([]);
  });

  it("has a 192×192 colour icon and a 32×32 white-on-transparent outline icon", () => {
    const color = PNG.sync.read(files.get("color.png")!);
    const outline = PNG.sync.read(files.get("outline.png")!);
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.data.length; i += 4) {
      alphas.add(outline.data[i + 3]!);
      if (outline.data[i + 3]! > 0) expect([...outline.data.subarray(i, i + 3)]).toEqual([255, 255, 255]);
    }
    expect(alphas).toContain(0);
    expect(alphas).toContain(255);
  });
});

describe("the build with missing or wrong settings", () => {
  it("fails with one clear sentence when BOT_ID is missing", () => {
    const result = runBuild({});
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toMatch(/^Fehler: BOT_ID fehlt: .*GUID\.$/);
  });

  it("fails when BOT_ID or TEAMS_APP_ID is not a GUID", () => {
    expect(runBuild({ BOT_ID: "my-bot" }).stderr).toMatch(/BOT_ID ist keine GUID: "my-bot"/);
    const appId = runBuild({ BOT_ID, TEAMS_APP_ID: "1234" });
    expect(appId.status).not.toBe(0);
    expect(appId.stderr).toMatch(/TEAMS_APP_ID ist keine GUID/);
  });

  it("uses the bot id as app id when TEAMS_APP_ID is unset, and takes --bot-id/--app-id", () => {
    const { manifest } = buildPackage({ ...readSettings([], { BOT_ID }), outFile: tempZip() });
    expect(manifest.id).toBe(BOT_ID);
    expect(readSettings(["--bot-id", BOT_ID, "--app-id", APP_ID], {}).vars).toMatchObject({ BOT_ID, TEAMS_APP_ID: APP_ID });
  });

  it("rejects a URL where a bare host name belongs in BOT_DOMAIN", () => {
    expect(() => readSettings([], { BOT_ID, BOT_DOMAIN: "https://bot.example.org/api/messages" })).toThrow(/BOT_DOMAIN/);
  });

  it("prints every schema error with its path when the manifest is broken", () => {
    const result = runBuild({ BOT_ID, PRIVACY_URL: "datenschutz.html", DEVELOPER_NAME: "x".repeat(40) });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Das App-Paket ist ungültig (2 Fehler)");
    expect(result.stderr).toMatch(/manifest\.json \/developer\/privacyUrl: must match pattern/);
    expect(result.stderr).toMatch(/manifest\.json \/developer\/name: must NOT have more than 32 characters/);
  });
});

describe("the validators", () => {
  const version = String(json(readFileSync(TEMPLATE_FILE)).manifestVersion);

  it("report each schema error of a manifest with path and message", () => {
    const broken = { manifestVersion: version, id: "not-a-guid", version: "1.0.0", unknownField: true };
    const errors = schemaErrors("manifest", version, broken, "manifest.json");
    expect(errors).toEqual(
      expect.arrayContaining([
        "manifest.json /id: must match pattern \"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$\"",
        "manifest.json /: must have required property 'name'",
        "manifest.json /: must NOT have additional properties (\"unknownField\")",
      ]),
    );
  });

  it("report a broken localisation file and keys that translate nothing", () => {
    expect(schemaErrors("localization", version, { "name.short": "X" }, "en.json")).toContain(
      "en.json /: must have required property 'description.short'",
    );
    const commands = [{ title: "Hilfe", description: "Hilfe" }];
    const manifest = { manifestVersion: version, bots: [{ scopes: ["personal"], commandLists: [{ scopes: ["personal"], commands }] }] };
    const english = { $schema: "https://example.org/old.json", "bots[0].commandLists[0].commands[4].title": "Help" };
    expect(localizationProblems(manifest, english, "en.json")).toEqual([
      `en.json /$schema: muss https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json sein, ist "https://example.org/old.json"`,
      "en.json bots[0].commandLists[0].commands[4].title: gibt es im Manifest nicht",
      "en.json: Übersetzung fehlt für bots[0].commandLists[0].commands[0].description",
    ]);
  });

  it("require the meeting permissions and webApplicationInfo naming the bot's app", () => {
    const bots = [{ botId: BOT_ID, scopes: ["personal"] }];
    const all = MEETING_PERMISSIONS.map((name) => ({ name, type: "Application" }));
    const base = { manifestVersion: version, bots, webApplicationInfo: { id: BOT_ID, resource: `api://botid-${BOT_ID}` } };
    expect(permissionProblems({ ...base, authorization: { permissions: { resourceSpecific: all } } })).toEqual([]);
    const delegated = all.map((p, i) => (i === 1 ? { ...p, type: "Delegated" } : p));
    expect(permissionProblems({ ...base, webApplicationInfo: { id: APP_ID, resource: "" }, authorization: { permissions: { resourceSpecific: delegated } } })).toEqual([
      "manifest.json /authorization/permissions/resourceSpecific: OnlineMeetingParticipant.Read.Chat (Application) fehlt; ohne sie meldet Teams keine Sitzungsereignisse",
      `manifest.json /webApplicationInfo/id: muss die App-ID des Bots (${BOT_ID}) sein, ist "${APP_ID}"`,
      "manifest.json /webApplicationInfo/resource: darf für RSC-Berechtigungen nicht leer sein",
    ]);
    expect(permissionProblems({ manifestVersion: version, bots })).toHaveLength(MEETING_PERMISSIONS.length);
  });

  it("enforce Teams' command menu limits beyond the schema", () => {
    const commands = Array.from({ length: 11 }, (_, i) => ({ title: `Befehl ${i}`, description: "x" }));
    commands[0]!.title = "Ein viel zu langer Befehlstitel für das Menü";
    const bot = { scopes: ["personal", "team"], commandLists: [{ scopes: ["personal"], commands }] };
    const manifest = { manifestVersion: version, bots: [bot] };
    expect(commandProblems(manifest)).toEqual([
      "manifest.json /bots/0: keine Befehlsliste für team",
      "manifest.json /bots/0/commandLists/0: 11 Befehle, Teams zeigt höchstens 10",
      `manifest.json /bots/0/commandLists/0: Titel "${commands[0]!.title}" ist länger als 32 Zeichen`,
    ]);
  });

  it("reject icons of the wrong size and coloured outlines", () => {
    expect(checkIcon("color.png", drawColorIcon(), "color")).toEqual([]);
    expect(checkIcon("outline.png", drawOutlineIcon(), "outline")).toEqual([]);
    expect(checkIcon("color.png", drawOutlineIcon(), "color")).toEqual(["color.png: ist 32×32 Pixel groß, Teams verlangt 192×192"]);
    const colored = new PNG({ width: 32, height: 32 });
    colored.data.fill(128);
    expect(checkIcon("outline.png", PNG.sync.write(colored), "outline")).toEqual([
      "outline.png: darf nur weiße oder transparente Pixel enthalten",
    ]);
  });

  it("keep the committed icons what icons.ts draws (pixels, not bytes: zlib versions differ)", () => {
    const pixels = (png: Buffer) => PNG.sync.read(png).data;
    expect(pixels(readFileSync(join(MANIFEST_DIR, "color.png"))).equals(pixels(drawColorIcon()))).toBe(true);
    expect(pixels(readFileSync(join(MANIFEST_DIR, "outline.png"))).equals(pixels(drawOutlineIcon()))).toBe(true);
  });
});
