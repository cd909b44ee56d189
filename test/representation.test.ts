import { describe, expect, it } from "vitest";
import { delegationFor, seatOf, type RosterInstitution } from "../rules/representation.ts";
import { oberhausen, rheinSieg } from "./support/profiles.ts";
import { delegationText } from "../texts/representation.ts";

const institutions: RosterInstitution[] = [
  { id: "jugendamt", name: "Rhein-Sieg-Kreis - Jugendamt", voting: true, member: { id: "m1", name: "Jürgen Müller" }, deputy: { id: "d1", name: "Anna Schäfer" } },
  { id: "much", name: "Gemeinde Much", voting: true, member: { id: "m2", name: "Petra Klein" }, deputy: null },
];

describe("representation (§ 4 Abs. 6, § 2 Abs. 2 GO)", () => {
  it("hands a member's seat to the own institution's registered deputy", () => {
    const d = delegationFor("m1", institutions, rheinSieg);
    expect(d).toMatchObject({ ok: true, deputy: { id: "d1" }, institution: { id: "jugendamt" } });
    expect(delegationText(d).de).toBe("Anna Schäfer vertritt Rhein-Sieg-Kreis - Jugendamt und übernimmt die Stimme (§ 4 Abs. 6 GO, § 2 Abs. 2 GO).");
  });

  it("a deputy cannot pass it on", () => {
    expect(delegationFor("d1", institutions, rheinSieg)).toMatchObject({ ok: false, code: "is-deputy" });
  });

  it("no deputy registered: says so, so member and Geschäftsstelle can act", () => {
    const d = delegationFor("m2", institutions, rheinSieg);
    expect(d).toMatchObject({ ok: false, code: "no-deputy", institution: { id: "much" } });
    expect(delegationText(d).de).toContain("keine Stellvertretung hinterlegt");
  });

  it("someone without a seat cannot delegate", () => {
    expect(delegationFor("chair", institutions, rheinSieg)).toMatchObject({ ok: false, code: "not-a-member" });
    expect(seatOf("chair", institutions)).toBeNull();
    expect(seatOf("d1", institutions)).toMatchObject({ role: "deputy", institution: { id: "jugendamt" } });
  });

  it("cites the profile's own paragraph (Oberhausen Nr. 2.3)", () => {
    expect(delegationText(delegationFor("m1", institutions, oberhausen)).de).toContain("(Nr. 2.3 GO)");
  });
});
