/** Test helpers: run the CLI or a helper script as a real child process (cwd: the repository). */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `node --import tsx <script> ...args` in the repository. */
export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env, LG_NOW: env.LG_NOW ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function finished(child: ChildProcess): Promise<Run> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  child.stderr?.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the CLI (`cli/index.ts`) to the end. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return finished(startScript("cli/index.ts", args, env));
}

/** Resolves once the child printed `line` on stdout; rejects if it exits first. */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    let stderr = "";
    child.stderr?.on("data", (d) => (stderr += d));
    child.stdout?.on("data", (d) => {
      seen += d;
      if (seen.split("\n").includes(line)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before "${line}": ${stderr}`)));
  });
}
