/**
 * The rules profiles are loaded and validated once when a face starts (adapters/profiles.ts) and
 * handed in through `Services.profiles`: a body whose data names a profile that does not exist is
 * refused when the bot or a command starts, in one sentence, not in the middle of a turn; and a
 * body whose profile an import changed runs under the new one in the very same services.
 */
import { mkdtempSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../adapters/clock.ts";
import { openJsonStore } from "../adapters/json-store.ts";
import { loadProfiles, PROFILES_DIR } from "../adapters/profiles.ts";
import { activitiesToText, chatTurn } from "../bot/local-chat.ts";
import { importRosterFile } from "../cli/import-roster.ts";
import { createMeeting } from "../services/create-meeting.ts";
import { openServices } from "../services/open-services.ts";
import { profiles } from "./support/profiles.ts";
import { finished, runCli, startScript } from "./support/store-process.ts";

const NOW = "2022-04-01T09:00:00+02:00";
const SLOW = { timeout: 120_000 }; // child processes on a busy machine; nothing here measures time
const UNKNOWN = /Unbekanntes Regelprofil "hamburg"\. Verfügbar: kreis-wesel, oberhausen, rhein-sieg-kreis\./;

/** A data file of the demo group whose body names a profile that no file in data/profiles has. */
async function fileNamingHamburg(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "profiles-start-")), "db.json");
  await openJsonStore(file, { clock: fixedClock(NOW) }).update({ actorId: "test" }, (db) => void (db.body.profile = "hamburg"));
  return file;
}

describe("a profile that does not exist is refused at start, in one sentence", () => {
  it("the bot does not start on data that names it", SLOW, async () => {
    const file = await fileNamingHamburg();
    const bot = startScript("bot/main.ts", [], { LG_DB: file, PLAYGROUND: "0", PORT: String(40_000 + Math.floor(Math.random() * 20_000)), SMTP_URL: "" });
    // Were it to start after all, it would listen for ever: stop it, and the assertions below fail.
    bot.stdout?.on("data", (d) => String(d).includes("bot listening") && bot.kill());
    const run = await finished(bot);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(UNKNOWN);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a command that works with the data refuses before it runs, with exit code 2", SLOW, async () => {
    const file = await fileNamingHamburg();
    const [listed, chat] = await Promise.all([
      runCli(["outbox", "list", "--db", file, "--now", NOW]),
      runCli(["chat", "--as", "gs-1", "Hilfe", "--db", file, "--now", NOW]),
    ]);
    for (const run of [listed, chat]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(UNKNOWN);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("so does an unknown --profile, whatever the command", SLOW, async () => {
    const dir = mkdtempSync(join(tmpdir(), "profiles-option-"));
    const run = await runCli(["members", "--profile", "hamburg", "--db", join(dir, "db.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(UNKNOWN);
  });
});

describe("a body whose profile an import changes runs under the new one", () => {
  it("the same services, as a running bot keeps them, answer by the new Geschäftsordnung at once", SLOW, async () => {
    const file = join(mkdtempSync(join(tmpdir(), "profiles-import-")), "db.json");
    const clock = fixedClock(NOW);
    const services = openServices({ db: file, clock, profiles });
    try {
      await createMeeting(services, { start: "2022-05-12T10:00", location: "Kreishaus Siegburg" }, "gs-1", clock());
      const ask = async () => {
        const member = (await services.store.read()).persons.find((p) => p.email === "juergen.mueller@example.org")!;
        const from = { id: `user-${member.id}`, name: member.name, aadObjectId: member.aadObjectId, email: member.email };
        return activitiesToText(await chatTurn(services, { from, text: "Bis wann kann ich Themen anmelden?" }));
      };
      const before = await ask();
      expect(before).toContain("Donnerstag, 21.04.2022");
      expect(before).toContain("§ 4 Abs. 4 GO");

      // The Geschäftsstelle imports the roster under Oberhausen's rules (on the command line, say).
      await importRosterFile(services.store, profiles, "data/roster-example.csv", "cli", { profile: "oberhausen" });
      const after = await ask();
      expect(after).toContain("Donnerstag, 28.04.2022");
      expect(after).toContain("Nr. 4.4 GO");
    } finally {
      await services.mailer.close();
    }
  });
});

describe("a rules profile added while the bot runs", () => {
  it("is loaded on first use, so a body imported with it in another process works at once; an unknown one is still refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lg-profiles-"));
    await cp(PROFILES_DIR, dir, { recursive: true });
    const running = loadProfiles(dir); // what the bot loaded at start
    expect(() => running.get("kreis-neu")).toThrow(/Unbekanntes Regelprofil "kreis-neu"/);
    const copy = JSON.parse(await readFile(join(dir, "rhein-sieg-kreis.json"), "utf8")) as { id: string };
    await writeFile(join(dir, "kreis-neu.json"), JSON.stringify({ ...copy, id: "kreis-neu" }));
    expect(running.get("kreis-neu").id).toBe("kreis-neu");
    expect(running.ids).toContain("kreis-neu");
    expect(() => running.get("hamburg")).toThrow(/Unbekanntes Regelprofil "hamburg"/);
  });
});
