/**
 * Files shipped with the project (rule profiles, the demo roster), found from the project folder
 * (the one with package.json), so the path is the same whether the code runs from its sources
 * (tsx, tests, CLI) or compiled in dist/ (`npm start`).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageDirectorySync } from "package-directory";
import { noProjectFolder } from "../texts/setup.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = packageDirectorySync({ cwd: here });

export function projectFile(...parts: string[]): string {
  if (!root) throw new Error(noProjectFolder(here));
  return join(root, ...parts);
}
