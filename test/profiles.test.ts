import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAllProfiles, loadProfile, PROFILES_DIR, ProfileError } from "../adapters/profiles.ts";

function dirWith(id: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "profiles-"));
  writeFileSync(join(dir, `${id}.json`), content);
  return dir;
}

describe("rules profiles", () => {
  it("ships three valid profiles", () => {
    expect(loadAllProfiles().map((p) => p.id)).toEqual(["kreis-wesel", "oberhausen", "rhein-sieg-kreis"]);
  });

  it("refuses a broken profile naming the file and the field", () => {
    const good = JSON.parse(readFileSync(join(PROFILES_DIR, "rhein-sieg-kreis.json"), "utf8"));
    good.invitation.noticeDays = "14";
    const dir = dirWith("rhein-sieg-kreis", JSON.stringify(good));
    expect(() => loadProfile("rhein-sieg-kreis", dir)).toThrow(ProfileError);
    expect(() => loadProfile("rhein-sieg-kreis", dir)).toThrow(/rhein-sieg-kreis\.json.*Feld "invitation\.noticeDays"/);
  });

  it("refuses a file that is not JSON, and an unknown profile", () => {
    const dir = dirWith("x", "{ nope");
    expect(() => loadProfile("x", dir)).toThrow(/x\.json ist kein gültiges JSON/);
    expect(() => loadProfile("hamburg")).toThrow(/Unbekanntes Regelprofil "hamburg". Verfügbar: kreis-wesel, oberhausen, rhein-sieg-kreis/);
  });
});
