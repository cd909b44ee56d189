/**
 * The bot as `npm start` runs it (bot/main.ts, local mode, with Microsoft's Agents Playground), in
 * its own process group, and the Playground page in Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import type { Db } from "../../domain/model.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian's Chromium: /usr/bin/chromium, else `chromium` on PATH; null when there is none. */
export function findChromium(): string | null {
  const onPath = (process.env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, "chromium"));
  return ["/usr/bin/chromium", ...onPath].find(isExecutable) ?? null;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BotOptions {
  db: string;
  user: string;
  now: string;
}

/** `npm start` as a child process group; `url` is the Playground page. */
export class PlaygroundBot {
  private output = "";
  private closed: Promise<void>;
  private exited = false;

  private constructor(private readonly child: ChildProcess, readonly botPort: number) {
    child.stdout!.setEncoding("utf8").on("data", (s: string) => (this.output += s));
    child.stderr!.setEncoding("utf8").on("data", (s: string) => (this.output += s));
    // "close" comes once every holder of the stdout pipe is gone: bot/main.ts and the Playground it
    // started (which inherits that pipe).
    this.closed = new Promise((resolve) => child.once("close", () => resolve()));
    child.once("exit", () => (this.exited = true));
  }

  static async start(options: BotOptions): Promise<PlaygroundBot & { url: string }> {
    const botPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(botPort),
      LG_DB: options.db,
      LG_NOW: options.now,
      PLAYGROUND: "1",
      PLAYGROUND_USER: options.user,
      TEAMSAPPTESTER_BROWSER: "none",
    };
    // Local mode, mail into the outbox: whatever the caller's shell has set.
    for (const key of ["BOT_ID", "BOT_PASSWORD", "BOT_TENANT_ID", "SMTP_URL"]) delete env[key];
    // Exactly what a user runs: npm builds the bot (dist/) and starts it with the options of its start script.
    const child = spawn("npm", ["start", "--silent"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const bot = new PlaygroundBot(child, botPort);
    try {
      const port = await bot.playgroundPort(60_000);
      const url = `http://localhost:${port}/`;
      await bot.untilAnswers(url, 30_000);
      return Object.assign(bot, { url });
    } catch (e) {
      await bot.stop();
      throw e;
    }
  }

  /** The last lines the bot and the Playground wrote, for failure messages. */
  log(lines = 40): string {
    return this.output.trim().split("\n").slice(-lines).join("\n");
  }

  /** The Playground's own "Listening on <port>" line (56150, or a random port when that is taken). */
  private async playgroundPort(timeout: number): Promise<number> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const port = /^Listening on (\d+)$/m.exec(this.output)?.[1];
      if (port) return Number(port);
      if (this.exited) throw new Error(`npm start ended before the Playground listened:\n${this.log()}`);
      if (Date.now() > deadline) throw new Error(`no "Listening on <port>" from the Playground within ${timeout} ms:\n${this.log()}`);
      await sleep(100);
    }
  }

  private async untilAnswers(url: string, timeout: number): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const status = await fetch(url).then((r) => r.status, () => 0);
      if (status === 200) return;
      if (Date.now() > deadline) throw new Error(`the Playground page ${url} did not answer 200 (last: ${status}):\n${this.log()}`);
      await sleep(250);
    }
  }

  /** SIGTERM to the whole process group, SIGKILL if it is still there after 10 s. */
  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined) return;
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-pid, s);
      } catch {
        /* group already gone */
      }
    };
    signal("SIGTERM");
    const gone = await Promise.race([this.closed.then(() => true), sleep(10_000).then(() => false)]);
    if (!gone) {
      signal("SIGKILL");
      await Promise.race([this.closed, sleep(5_000)]);
    }
  }
}

/** The Playground page: the chat as the current user sees it. */
export class PlaygroundPage {
  /** The bot's chat bubbles (cards included), oldest first; not the log panel or the chat list. */
  readonly botMessages: Locator;
  readonly editor: Locator;

  private constructor(readonly context: BrowserContext, readonly page: Page) {
    this.botMessages = page.locator(".fai-OutputCard");
    this.editor = page.locator('[data-lexical-editor="true"]');
  }

  static async open(browser: Browser, url: string): Promise<PlaygroundPage> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(url);
    return new PlaygroundPage(context, page);
  }

  /** The bot's messages from index `from` on, each as its visible text. */
  async botTextsFrom(from: number): Promise<string[]> {
    return (await this.botMessages.allInnerTexts()).slice(from);
  }

  /**
   * Waits until the bot's messages from index `from` on contain every one of `expected` (in one
   * message or spread over several) and returns them.
   */
  async botSays(from: number, expected: string[], timeout = 45_000): Promise<string> {
    await expect
      .poll(async () => (await this.botTextsFrom(from)).join("\n\n"), { timeout, interval: 250, message: `bot reply containing ${JSON.stringify(expected)}` })
      .toSatisfy((text: string) => expected.every((e) => text.includes(e)));
    return (await this.botTextsFrom(from)).join("\n\n");
  }

  /** Types `text` into the message box and sends it; returns the index the bot's reply will have. */
  async send(text: string): Promise<number> {
    const before = await this.botMessages.count();
    await this.editor.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
    return before;
  }

  /** Sends `text` and waits until the bot's reply contains every one of `expected`. */
  async ask(text: string, expected: string[]): Promise<string> {
    return this.botSays(await this.send(text), expected);
  }

  async screenshot(path: string): Promise<string> {
    await this.page.screenshot({ path });
    return path;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** The data file as the bot wrote it. */
export function readDb(file: string): Db {
  return JSON.parse(readFileSync(file, "utf8")) as Db;
}
