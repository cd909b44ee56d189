/** `chat --as <personId> "<text>"` on the command line: one turn through the bot's Application. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { importRosterFile } from "../cli/import-roster.ts";
import { runCli } from "./support/store-process.ts";
import { profiles } from "./support/profiles.ts";

const dir = mkdtempSync(join(tmpdir(), "cli-chat-"));
const db = join(dir, "db.json");
const now = "2022-04-01T09:00:00+02:00";
const cli = (...args: string[]) => runCli([...args, "--db", db, "--now", now]);

describe("chat on the command line", () => {
  it("a member delegates; the reply names the deputy, and the e-mails lie in the outbox (which only the Geschäftsstelle hears of)", async () => {
    expect((await cli("meeting", "create", "--start", "2022-05-12T10:00", "--location", "Kreishaus Siegburg")).code).toBe(0);
    const r = await cli("chat", "--as", "m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Michael Jäger vertritt Rhein-Sieg-Kreis - Jugendamt");
    expect(r.stdout).toContain("die Geschäftsstelle benachrichtigt Michael Jäger");
    expect(r.stdout).not.toMatch(/Postausgang|SMTP/);
    expect(readdirSync(join(dir, "outbox")).filter((f) => f.startsWith("20220401T070000"))).toHaveLength(3);
  });

  it("asks like Teams: /einladen shows who gets it and writes nothing; \"ja\" in the next call sends", async () => {
    const own = mkdtempSync(join(tmpdir(), "cli-chat-confirm-"));
    const run = (...args: string[]) => runCli([...args, "--db", join(own, "db.json"), "--now", now]);
    expect((await run("meeting", "create", "--start", "2022-05-12T10:00", "--location", "Kreishaus Siegburg")).code).toBe(0);
    expect((await run("agenda", "add", "--meeting", "s-2022-05-12", "--title", "Bericht")).code).toBe(0);
    const asked = await run("chat", "--as", "gs-1", "/einladen");
    expect(asked.stdout).toContain("Empfänger (18)");
    expect(asked.stdout).toContain("[Ja, ausführen] [Nein]");
    const eml = () => (existsSync(join(own, "outbox")) ? readdirSync(join(own, "outbox")).length : 0);
    expect(eml()).toBe(0);
    expect((await run("chat", "--as", "gs-1", "ja")).stdout).toContain("18 von 18");
    expect(eml()).toBe(18);
  }, 120_000); // several command-line processes in a row; under load each takes seconds (not a timing check)

  it("--json gives the activities, a card button is pressed with --action", async () => {
    const r = await cli("chat", "--as", "m-caritas", "--json", "Wann ist die nächste Sitzung?");
    const { activities } = JSON.parse(r.stdout);
    expect(activities[0].text).toContain("Donnerstag, 12.05.2022, 10:00 Uhr");
    const card = activities[0].attachments[0].content;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    const online = card.actions.find((a: { verb: string; data: { mode?: string } }) => a.verb === "attend" && a.data.mode === "online");
    expect(online.type).toBe("Action.Execute");
    const pressed = await cli("chat", "--as", "m-caritas", "--action", JSON.stringify(online.data));
    expect(pressed.stdout).toContain("Ihre Teilnahme (digital)");
  });

  it("speaks as a person the roster knows only by e-mail (imported without the aadObjectId column)", async () => {
    const own = mkdtempSync(join(tmpdir(), "cli-chat-no-aad-"));
    const example = readFileSync(new URL("../data/roster-example.csv", import.meta.url), "utf8").trim().split(/\r?\n/);
    const rows = [...example, "gast;;Greta Neu;greta.neu@example.org;;ja"].map((l) => l.split(";").filter((_, i) => i !== 4).join(";"));
    writeFileSync(join(own, "roster.csv"), rows.join("\n") + "\n");
    const store = openJsonStore(join(own, "db.json"));
    await importRosterFile(store, profiles, join(own, "roster.csv"), "cli");
    const greta = (await store.read()).persons.find((p) => p.email === "greta.neu@example.org")!;
    expect(greta.aadObjectId).toBeNull();
    const r = await runCli(["chat", "--as", greta.id, "Hallo", "--db", join(own, "db.json"), "--now", now]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("ich kenne Sie noch nicht");
    expect(r.stdout).toContain("Guten Tag, Greta Neu!");
  });

  it("refuses an unknown person id with one sentence and exit code 2", async () => {
    const r = await cli("chat", "--as", "niemand", "Hallo");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Eine Person "niemand" gibt es nicht');
  });
});
