/**
 * `npm run -s manifest`: builds and validates the Teams app package. Problems go to stderr;
 * the last line on stdout is the zip's path, for scripts.
 */
import { isAbsolute, relative } from "node:path";
import { buildPackage, PackageError } from "./app-package.ts";
import { readSettings, SettingsError } from "./settings.ts";
import { packageBuilt, placeholdersLeft } from "../texts/manifest.ts";

function main(argv: string[]): number {
  try {
    const settings = readSettings(argv, process.env);
    const { zipFile, manifest } = buildPackage(settings);
    if (settings.placeholders.length > 0) {
      process.stderr.write(`${placeholdersLeft(settings.placeholders)}\n`);
    }
    process.stdout.write(`${packageBuilt(manifest.manifestVersion, manifest.id, settings.vars.BOT_ID!)}\n`);
    process.stdout.write(`${displayPath(zipFile)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof SettingsError) {
      process.stderr.write(`Fehler: ${e.message}\n`);
      return 1;
    }
    if (e instanceof PackageError) {
      process.stderr.write(`Fehler: ${e.message}\n${e.problems.map((problem) => `  ${problem}\n`).join("")}`);
      return 1;
    }
    throw e;
  }
}

/** Relative to the working directory when inside it, so the default prints manifest/dist/…. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

process.exitCode = main(process.argv.slice(2));
