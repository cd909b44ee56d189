/**
 * Local mode: the Microsoft 365 Agents Playground (Microsoft's offline Teams emulator) with the
 * group's own people as its users, so a person can chat at http://localhost:56150.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Db, Person } from "../domain/model.ts";
import { PRIVATE_FILE, PRIVATE_FOLDER } from "../adapters/private-files.ts";
import { PLAYGROUND_NAMES } from "../texts/cli.ts";

export const PLAYGROUND_PORT = 56150;
/** The Playground accepts at most five further users; these show every role. */
const MAX_USERS = 5;
const SHOWCASE = ["gs-1", "vorsitz", "m-jugendamt", "d-jugendamt", "m-caritas", "gs-2"];

function user(p: Person) {
  const [given = p.name, ...rest] = p.name.split(" ");
  return {
    id: `user-${p.id}`,
    name: p.name,
    userPrincipleName: p.email,
    aadObjectId: p.aadObjectId ?? p.id,
    givenName: given,
    surname: rest.join(" ") || given,
    email: p.email,
  };
}

/** The Playground's config file: the current user (by person id) and everyone else as users. */
export function playgroundConfig(db: Db, currentPersonId: string): string {
  const current = db.persons.find((p) => p.id === currentPersonId) ?? db.persons.find((p) => p.id === db.body.secretariatIds[0])!;
  const others = SHOWCASE.filter((id) => id !== current.id)
    .map((id) => db.persons.find((p) => p.id === id))
    .filter((p): p is Person => Boolean(p))
    .slice(0, MAX_USERS);
  const config = {
    version: "0.1.1",
    tenantId: "00000000-0000-4000-8000-000000000000",
    bot: { id: "00000000-0000-4000-8000-0000000000b0", name: PLAYGROUND_NAMES.bot },
    currentUser: user(current),
    users: others.map(user),
    personalChat: { id: "personal-chat" },
    groupChat: { id: "group-chat", name: db.body.name },
    team: { id: "team-lenkungsgruppe", name: db.body.name, aadGroupId: "00000000-0000-4000-8000-0000000000c0", channels: [{ id: "channel-general", name: PLAYGROUND_NAMES.channel }] },
  };
  // YAML is a superset of JSON, so the Playground reads this as its .yml file.
  return JSON.stringify(config, null, 2);
}

/** Starts the Playground against the bot; its config lives in `dir`. */
export function startPlayground(db: Db, options: { dir: string; botPort: number; currentPersonId: string }): ChildProcess {
  // The config names the group's people: owner only, like the data it comes from.
  mkdirSync(options.dir, { recursive: true, mode: PRIVATE_FOLDER });
  writeFileSync(join(options.dir, ".m365agentsplayground.yml"), playgroundConfig(db, options.currentPersonId), { mode: PRIVATE_FILE });
  const cli = createRequire(import.meta.url).resolve("@microsoft/m365agentsplayground/cli.js");
  return spawn(process.execPath, [cli, "start", "-e", `http://127.0.0.1:${options.botPort}/api/messages`, "-c", "msteams", "-p", String(PLAYGROUND_PORT), "--dt"], {
    cwd: options.dir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? "none" },
    stdio: ["ignore", "inherit", "inherit"],
  });
}
