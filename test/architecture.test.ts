import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectFile } from "../adapters/project-files.ts";

/** Every .ts file under `dir`, with its text. */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(projectFile(dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ file: join(dir, f), text: readFileSync(projectFile(dir, f), "utf8") }));
}

const IMPORT = /^\s*(?:import|export)\b[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

function imports(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe("teams-ai stays at the edge (Teams AI v1 is in maintenance)", () => {
  it("rules, storage and mail, services and the command line never import teams-ai, botbuilder or the bot", () => {
    const offenders = ["rules", "adapters", "services", "cli"]
      .flatMap(sources)
      .flatMap(({ file, text }) => imports(text).filter((m) => m.includes("teams-ai") || m === "botbuilder" || m.startsWith("botbuilder-") || /(^|\/)bot\//.test(m)).map((m) => `${file} → ${m}`))
      // The chat command drives the bot's own Application on purpose (same path as Teams).
      .filter((line) => !line.startsWith("cli/chat-command.ts → ../bot/"))
      // The command line's Teams channel (posts, 1:1 notices) is botbuilder's adapter, so it is built in bot/.
      .filter((line) => line !== "cli/teams-reach.ts → ../bot/cli-teams.ts");
    expect(offenders).toEqual([]);
  });

  it("inside bot/, only bot/teams-ai.ts names the package", () => {
    const direct = sources("bot").filter(({ text }) => imports(text).some((m) => m.startsWith("@microsoft/teams-ai")));
    expect(direct.map((s) => s.file)).toEqual(["bot/teams-ai.ts"]);
  });
});

describe("rules/ and services/ do no I/O of their own (the adapters do)", () => {
  const IO = new Set(["fs", "fs/promises", "child_process", "net", "http", "https"]);
  it("import no fs, child_process, net, http or https", () => {
    const offenders = ["rules", "services"]
      .flatMap(sources)
      .flatMap(({ file, text }) => imports(text).filter((m) => IO.has(m.replace(/^node:/, ""))).map((m) => `${file} → ${m}`));
    expect(offenders).toEqual([]);
  });
});

describe("the faces load the rules profiles; services/ and rules/ are handed them", () => {
  // adapters/profiles.ts reads data/profiles from disk: at start (bot/main.ts, the CLI's context), never inside a turn or the store lock.
  it("no file in services/ or rules/ imports adapters/profiles.ts", () => {
    const offenders = ["rules", "services"]
      .flatMap(sources)
      .flatMap(({ file, text }) => imports(text).filter((m) => /(^|\/)adapters\/profiles(\.ts)?$/.test(m)).map((m) => `${file} → ${m}`));
    expect(offenders).toEqual([]);
  });
});

const HOLE = "${…}";

/** Every string and template literal in a source, a template's `${…}` parts shown as such; comments, imports and types are not literals. */
function literals(file: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    // A developer's assertion (`new Error("unreachable: …")`) is read by developers, not by members; a `new RegExp(…)` is matched, not said.
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ["Error", "RegExp"].includes(node.expression.text)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(HOLE));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return found;
}

/**
 * Words as a sentence has them: two words with a space between (punctuation and `${…}` may stand
 * there too, so "bis ${day} (" counts), or a word ending in . ! ? (a one-word sentence, or a citation
 * such as "Abs.", which belongs in the profile). A single word stays allowed: codes, names of days, a unit.
 */
function isSentence(literal: string): boolean {
  return /\p{L}[^\p{L}]*\s[^\p{L}]*\p{L}|\p{L}[.!?]/u.test(literal.replaceAll(HOLE, " "));
}

describe("rules/ return data, texts/ word it (DESIGN.md)", () => {
  // Signature labels that stand in for a profile's `minutes.signers` where the document has no
  // minutes rule: profile data, not an answer; to move with the minutes' texts.
  const KNOWN = ["rules/profile.ts: Leitung der Geschäftsstelle", "rules/profile.ts: head of the Geschäftsstelle"];

  it("no string or template literal in rules/ is a sentence", () => {
    const offenders = sources("rules").flatMap(({ file, text }) => literals(file, text).filter(isSentence).map((l) => `${file}: ${l}`));
    expect(offenders).toEqual(KNOWN);
  });

  it("the check finds sentences in strings and templates, not in comments, codes or dates", () => {
    const probe = [
      'const a = "Beschlussfähig."; // Kein Satz, ein Kommentar.',
      "const b = `Quorate: ${n} of ${m}`;",
      "const c = `Frist bis ${day} (${citation}).`;",
      '/** Auch kein Satz. */ const d = ["not-regulated", "Sonntag", " Uhr", `${name}, ${d}.${m}.${y}`];',
    ].join("\n");
    expect(literals("probe.ts", probe).filter(isSentence)).toEqual(["Beschlussfähig.", "Quorate: ${…} of ${…}", "Frist bis ${…} (${…})."]);
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

/** A statement to the database: it starts with an SQL keyword in capitals, as every query here is written. */
const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|BEGIN|COMMIT|ROLLBACK)\b/;
/** Style sheet text: a rule (`html {`, `@page {`), only declarations (`font: 8.5pt …; color: #444;`), or a font-family list (`"Liberation Sans", Arial`). */
const CSS = /[\w-]+\s*\{|^\s*([a-z-]+\s*:\s*[^;:]+;\s*)+$|^("[^"]+"|[\w-]+)(,\s*("[^"]+"|[\w-]+))+$/;

/**
 * A sentence that is not code: audit actions and card verbs ("attendance.delegated"), paths,
 * MIME types, URLs, file names, SQL, CSS and HTML layout around a `${…}` are not wording.
 */
function isWording(literal: string): boolean {
  const prose = literal.replace(/<[^>]*>/g, " ").replaceAll(HOLE, " ");
  if (/^[\w.${}…\s/[\]-]+$/.test(literal) && !/\s/.test(literal.trim())) return false;
  if (/^\S+:\/\/\S*$|^[a-z]+\/[\w.+-]+(;|$)|\.(ts|js|json|ya?ml|ics|html)$/.test(literal)) return false;
  if (SQL.test(literal) || CSS.test(literal)) return false;
  return isSentence(prose);
}

/** Code the check must let pass (audit actions, MIME types, markup, SQL, paths, keys, CSS, a pattern, errors) and the sentences in it it must catch. */
const PROBE = {
  source: [
    'audit("attendance.delegated"); const t = "text/plain; charset=utf-8"; const u = `<li>${x}</li>`; const s = `Sie vertreten ${name}.`; throw new Error("unreachable: never");',
    'const q = "SELECT id FROM bodies WHERE id = $1"; const w = `WITH i AS (INSERT INTO audit (seq) VALUES ($1)) SELECT 1`; const f = `${dir}/LiberationSans-Regular.ttf`; const k = `bots[${b}].commands[${c}].description`;',
    'const c = `font: 8.5pt ${font}; color: #444;`; const l = `"Liberation Sans", Arial`; const r = new RegExp(`(am ${day} · )`); const h = "https://example.org/a b"; const e = "Select the meeting, please.";',
    'const css = `html { font-family: ${font}; }`; const n = `Hinweis: ${x} fehlt; bitte ergänzen.`;',
  ].join("\n"),
  caught: ["Sie vertreten ${…}.", "https://example.org/a b", "Select the meeting, please.", "Hinweis: ${…} fehlt; bitte ergänzen."],
};

/** The folders whose sentences belong in texts/ (texts/ itself, test/ and bench/ are not checked). */
const WORDED_ELSEWHERE = ["services", "bot", "cli", "adapters", "domain", "manifest"];

describe("services/, bot/, cli/, adapters/, domain/ and manifest/ word nothing themselves: every sentence is in texts/ (DESIGN.md)", () => {
  // Log lines for the operator (English, never shown to members) and the command line's syntax as a hint names it;
  // bot/understand.ts holds the words it recognises, not answers.
  const KNOWN = [
    "bot/app.ts: turn failed", "bot/main.ts: background work failed", "bot/main.ts: bot listening on /api/messages",
    "cli/invitation-commands.ts: invite retry", "cli/minutes-commands.ts: minutes send",
    // The claim marker old data files carry in `error`: matched when they are read, never shown.
    "domain/model.ts: in Zustellung seit ",
  ];
  const checked = (dir: string) => sources(dir).filter(({ file }) => file !== join("bot", "understand.ts"));

  it("no string or template literal in those folders is a sentence", () => {
    const offenders = WORDED_ELSEWHERE.flatMap(checked).flatMap(({ file, text }) => literals(file, text).filter(isWording).map((l) => `${file}: ${l}`));
    expect(offenders).toEqual(KNOWN);
  });

  it("the check tells wording from codes, types and markup", () => {
    expect(literals("probe.ts", PROBE.source).filter(isWording)).toEqual(PROBE.caught);
  });
});

/** The texts/ modules a source imports at run time (an `import type`, or only `type` names, is no run-time import). */
function runtimeTextImports(file: string, text: string): string[] {
  const found: string[] = [];
  const typeOnly = (node: ts.ImportDeclaration) => {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !typeOnly(node)) found.push(node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) found.push((node.arguments[0] as ts.StringLiteral).text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return found.filter((m) => /(^|\/)texts\//.test(m));
}

describe("services/ and rules/ return codes and facts; the faces word them (texts/catalog.ts)", () => {
  // Services other engineers change this session; they still return worded Texts. Shrinks, never grows.
  const KNOWN: string[] = [];

  it("no file in services/ or rules/ imports texts/ at run time (a type-only import is allowed)", () => {
    const offenders = ["services", "rules"].flatMap(sources).filter(({ file, text }) => runtimeTextImports(file, text).length > 0).map(({ file }) => file);
    expect(offenders.sort()).toEqual(KNOWN.sort());
  });

  it("the check tells a run-time import from a type-only one", () => {
    const probe = 'import type { Said } from "../texts/catalog.ts"; import { type Texts } from "../texts/turn.ts"; import { NO_SEAT } from "../texts/attendance.ts"; export { x } from "../texts/a.ts";';
    expect(runtimeTextImports("probe.ts", probe)).toEqual(["../texts/attendance.ts", "../texts/a.ts"]);
  });
});
