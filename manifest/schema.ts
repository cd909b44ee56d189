/**
 * Validates a Teams manifest and its localisation files against Microsoft's official JSON
 * schemas as bundled in @microsoft/app-manifest: offline, because its own helpers download
 * the schema named in `$schema` whenever the local copy is not found.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ajvDraft04 from "ajv-draft-04";
import type { ErrorObject, ValidateFunction } from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { at, noSchema } from "../texts/manifest.ts";

// Both are CommonJS with `exports.default`, the one spelling that satisfies tsc (NodeNext) and Node.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

export type SchemaKind = "manifest" | "localization";

const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: "MicrosoftTeams.schema.json",
  localization: "MicrosoftTeams.Localization.schema.json",
};

/** The URL a file of this kind and manifest version names in `$schema`. */
export function schemaUrl(kind: SchemaKind, version: string): string {
  return `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/${SCHEMA_FILES[kind]}`;
}

/** The bundled copy of that schema inside node_modules/@microsoft/app-manifest. */
export function bundledSchemaPath(kind: SchemaKind, version: string): string {
  const pkg = createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json");
  return join(dirname(pkg), "build", "json-schemas", "teams", `v${version}`, SCHEMA_FILES[kind]);
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: SchemaKind, version: string): ValidateFunction {
  const path = bundledSchemaPath(kind, version);
  let validate = compiled.get(path);
  if (!validate) {
    // Same clean-up and options as Microsoft's AppManifestUtils.validateAgainstSchema, plus
    // unicodeRegExp: false: the localisation schema has patterns that are invalid with the u flag.
    const text = readFileSync(path, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
    const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ["uri", "email", "regex"]);
    validate = ajv.compile(JSON.parse(text));
    compiled.set(path, validate);
  }
  return validate;
}

/**
 * Schema errors of `document` as "file path: message" lines (empty when valid).
 * `version` picks the schema: the manifest's manifestVersion.
 */
export function schemaErrors(kind: SchemaKind, version: string, document: unknown, file: string): string[] {
  let validate: ValidateFunction;
  try {
    validate = validatorFor(kind, version);
  } catch (e) {
    return [noSchema(file, version, (e as Error).message)];
  }
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${at(file, error.instancePath || "/")}: ${describe(error)}`);
}

function describe(error: ErrorObject): string {
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  return extra ? `${error.message} (${JSON.stringify(extra)})` : (error.message ?? error.keyword);
}
