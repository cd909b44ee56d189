import { words } from "../texts/catalog.ts";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAllProfiles, loadProfile, PROFILES_DIR, ProfileError } from "../adapters/profiles.ts";
import type { Profile } from "../domain/profile.ts";
import { checkMeeting } from "../services/meetings.ts";
import { oberhausen, rheinSieg, wesel } from "./support/profiles.ts";

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

describe("meeting length from the profile", () => {
  const now = new Date("2022-04-01T09:00:00+02:00");
  const meeting = (end: string | undefined, profile: Profile) => {
    const checked = checkMeeting({ start: "2022-05-12T10:00", end, location: "Kreishaus Siegburg" }, now, profile);
    return { ...checked, warnings: checked.warnings.map(words) };
  };

  it("Rhein-Sieg: two hours by default, and a longer meeting is pointed out (§ 4 Abs. 1 GO)", () => {
    expect(rheinSieg.meetings.duration).toMatchObject({ regulated: true, maxHours: 2, citation: "§ 4 Abs. 1 GO" });
    expect(meeting(undefined, rheinSieg)).toEqual({ value: expect.objectContaining({ end: "2022-05-12T12:00:00+02:00" }), warnings: [] });
    expect(meeting("2022-05-12T12:00", rheinSieg).warnings).toEqual([]);
    expect(meeting("2022-05-12T13:00", rheinSieg).warnings).toEqual([{
      de: "Die Sitzung dauert länger als 2 Stunden; das muss die/der Vorsitzende oder das Gremium festlegen (§ 4 Abs. 1 GO).",
      en: "The meeting is longer than 2 hours; the chair or the body must decide that (§ 4 Abs. 1 GO).",
    }]);
  });

  it("Oberhausen and Kreis Wesel set no length: no warning, and a new meeting still gets two hours", () => {
    for (const profile of [oberhausen, wesel]) {
      expect(profile.meetings.duration.regulated).toBe(false);
      expect(meeting("2022-05-12T16:00", profile).warnings).toEqual([]);
      expect(meeting(undefined, profile).value.end).toBe("2022-05-12T12:00:00+02:00");
    }
  });

  it("a profile's own maximum is the default length and the limit of the warning", () => {
    const longer: Profile = { ...rheinSieg, meetings: { ...rheinSieg.meetings, duration: { regulated: true, maxHours: 3, extendedBy: { de: "das Gremium", en: "the body" }, citation: "Nr. 9 GO" } } };
    expect(meeting(undefined, longer).value.end).toBe("2022-05-12T13:00:00+02:00");
    expect(meeting("2022-05-12T13:00", longer).warnings).toEqual([]);
    expect(meeting("2022-05-12T13:30", longer).warnings.map((w) => w.de)).toEqual(["Die Sitzung dauert länger als 3 Stunden; das muss das Gremium festlegen (Nr. 9 GO)."]);
  });
});

describe("membership and minutes as each document says", () => {
  it("names who the members are, who signs the minutes and whether they are public", () => {
    expect(rheinSieg.membership).toEqual({ citation: "§ 2 Abs. 2 GO", perInstitution: 1, exceptions: [] });
    expect(oberhausen.membership).toEqual({ citation: "Nr. 2.1 GO", perInstitution: 1, exceptions: [{ name: "AG Wohlfahrt (AGW)", nameContains: ["AG Wohlfahrt", "AG-Wohlfahrt", "Arbeitsgemeinschaft der Wohlfahrt", "AGW"], members: 2 }] });
    expect(wesel.membership).toEqual({ citation: "§ 11 Abs. 2 KV", perInstitution: null, exceptions: [] });
    expect(rheinSieg.minutes).toMatchObject({ publicity: { public: true, citation: "§ 7 Abs. 5 GO" }, signers: [{ person: "chair" }, { person: "secretariat-head" }] });
    expect(oberhausen.minutes).toMatchObject({ publicity: { public: false, citation: "Nr. 4.2 GO" }, signers: [{ person: "secretariat-head" }, { person: "chair", role: { de: "Moderation (Gegenzeichnung)" } }] });
    expect(wesel.minutes.regulated).toBe(false);
  });
});
