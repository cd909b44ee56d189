/** The minutes' refusals are said as codes with plain facts (instants, the profile); the wording names the day itself. */
import { describe, expect, it } from "vitest";
import { loadProfile } from "../adapters/profiles.ts";
import { say } from "../services/say.ts";
import { words } from "../texts/catalog.ts";

const START = "2022-05-12T10:00:00+02:00";

describe("minutes refusals worded from their facts", () => {
  it("names the meeting's day from its start", () => {
    expect(words(say("minutes.noMinutesYet", START))).toEqual({
      de: "Zur Sitzung vom Donnerstag, 12.05.2022 gibt es noch keine Niederschrift.",
      en: "There are no minutes of the meeting on Thursday, 12.05.2022 yet.",
    });
  });

  it("says how the profile approves and when, with its paragraph", () => {
    const rheinSieg = loadProfile("rhein-sieg-kreis");
    const closed = words(say("minutes.objectionsClosed", rheinSieg, "2022-09-15T10:05:00+02:00", "§ 7 Abs. 4 GO"));
    expect(closed.de).toBe("Die Niederschrift wurde bereits am Donnerstag, 15.09.2022 genehmigt; Änderungswünsche sind nicht mehr möglich (§ 7 Abs. 4 GO).");
    expect(words(say("minutes.tooLargeText", 2.4 * 1024 * 1024, ["a.html"], null)).de).toContain("mit 2,4 MB zu groß");
  });
});
