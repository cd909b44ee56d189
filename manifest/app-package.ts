/**
 * Builds the Teams app package: fills manifest.template.json, checks manifest, localisation
 * and icons (official schemas, then Teams' further rules) and zips them flat, as Teams expects.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  commandProblems,
  developerUrlProblems,
  localizationProblems,
  permissionProblems,
  schemaReferenceProblems,
  type ManifestShape,
} from "./checks.ts";
import { ACCENT, checkIcon, writeIcons } from "./icons.ts";
import { schemaErrors, schemaUrl } from "./schema.ts";
import type { Settings, TemplateVars } from "./settings.ts";
import { writeZip, type ZipEntry } from "./zip.ts";
import { fileMissing, notJson, packageInvalid, unknownPlaceholder } from "../texts/manifest.ts";

export const MANIFEST_DIR = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_FILE = join(MANIFEST_DIR, "manifest.template.json");
export const DEFAULT_ZIP = join(MANIFEST_DIR, "dist", "lenkungsgruppe-bot.zip");

/** The package did not pass the checks; `problems` lists every finding, one line each. */
export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(packageInvalid(problems.length));
  }
}

export interface Manifest extends ManifestShape {
  id: string;
  icons: { color: string; outline: string };
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
  [key: string]: unknown;
}

export interface BuiltPackage {
  zipFile: string;
  manifest: Manifest;
}

/** Builds and writes the zip, or throws PackageError listing everything wrong with it. */
export function buildPackage(settings: Settings): BuiltPackage {
  if (!["color.png", "outline.png"].every((icon) => existsSync(join(MANIFEST_DIR, icon)))) writeIcons(MANIFEST_DIR);
  const vars = { ...settings.vars, APP_VERSION: appVersion(), ACCENT_COLOR: ACCENT };
  const manifest = fillTemplate(readJson(TEMPLATE_FILE), vars) as Manifest;
  const files = packageFiles(manifest);
  const problems = packageProblems(manifest, files);
  if (problems.length > 0) throw new PackageError(problems);
  const zipFile = settings.outFile ?? DEFAULT_ZIP;
  mkdirSync(dirname(zipFile), { recursive: true });
  writeFileSync(zipFile, writeZip(files));
  return { zipFile, manifest };
}

/** manifest.json plus the icons and localisation files it names, read from manifest/. */
function packageFiles(manifest: Manifest): ZipEntry[] {
  const named = [
    manifest.icons?.color,
    manifest.icons?.outline,
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
  ].filter((name): name is string => typeof name === "string");
  const missing = named.filter((name) => !existsSync(join(MANIFEST_DIR, name)));
  if (missing.length > 0) throw new PackageError(missing.map(fileMissing));
  const manifestJson = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const others = named.map((name) => ({ name, data: readFileSync(join(MANIFEST_DIR, name)) }));
  return [{ name: "manifest.json", data: manifestJson }, ...others];
}

/** Every problem of the package: schema errors first; Teams' further rules only on a schema-valid manifest. */
function packageProblems(manifest: Manifest, files: ZipEntry[]): string[] {
  const version = String(manifest.manifestVersion);
  const problems = schemaErrors("manifest", version, manifest, "manifest.json");
  if (problems.length > 0) return problems;
  problems.push(...schemaReferenceProblems("manifest.json", manifest, schemaUrl("manifest", version)));
  problems.push(...developerUrlProblems(manifest), ...commandProblems(manifest), ...permissionProblems(manifest));
  const file = (name: string) => files.find((entry) => entry.name === name)!.data;
  problems.push(...checkIcon(manifest.icons.color, file(manifest.icons.color), "color"));
  problems.push(...checkIcon(manifest.icons.outline, file(manifest.icons.outline), "outline"));
  for (const { file: name } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const localization = parseJson(file(name), name);
    const errors = schemaErrors("localization", version, localization, name);
    problems.push(...(errors.length > 0 ? errors : localizationProblems(manifest, localization, name)));
  }
  return problems;
}

/** Replaces ${NAME} in every string of the template; an unknown name is an error, not an empty string. */
function fillTemplate(template: unknown, vars: TemplateVars): unknown {
  if (typeof template === "string") {
    return template.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      if (vars[name] === undefined) throw new PackageError([unknownPlaceholder(name)]);
      return vars[name];
    });
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, vars));
  if (template && typeof template === "object") {
    return Object.fromEntries(Object.entries(template).map(([key, item]) => [key, fillTemplate(item, vars)]));
  }
  return template;
}

/** The app version Teams compares on update: the project's version from package.json. */
function appVersion(): string {
  return (readJson(join(MANIFEST_DIR, "..", "package.json")) as { version: string }).version;
}

function readJson(path: string): unknown {
  return parseJson(readFileSync(path), path);
}

function parseJson(data: Buffer, name: string): Record<string, unknown> {
  try {
    return JSON.parse(data.toString("utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new PackageError([notJson(name, (e as Error).message)]);
  }
}
