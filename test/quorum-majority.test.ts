import { describe, expect, it } from "vitest";
import { RuleInputError } from "../rules/errors.ts";
import { voteResult } from "../rules/majority.ts";
import { quorumStatus, representedInstitutions } from "../rules/quorum.ts";
import { oberhausen, rheinSieg, wesel } from "./support/profiles.ts";
import { ruleInputText } from "../texts/errors.ts";
import { voteText } from "../texts/majority.ts";
import { quorumText } from "../texts/quorum.ts";

/** The rule, its refusal thrown as the German sentence the bot answers with (texts/errors.ts). */
function worded(rule: () => unknown): () => void {
  return () => {
    try {
      rule();
    } catch (e) {
      throw e instanceof RuleInputError ? new Error(ruleInputText(e.problem).de) : e;
    }
  };
}

describe("quorum (§ 6 Abs. 4 GO): at least half of the voting institutions", () => {
  it.each([
    [17, 9, true, 9],
    [17, 8, false, 9],
    [16, 8, true, 8],
    [16, 7, false, 8],
    [1, 1, true, 1],
  ])("%i voting members, %i represented → quorate %s (need %i)", (votingMembers, represented, quorate, required) => {
    const q = quorumStatus({ represented, votingMembers }, rheinSieg);
    expect(q).toMatchObject({ quorate, required, present: represented, votingMembers, citation: "§ 6 Abs. 4 GO" });
  });

  it("presumes quorum until the chair declares otherwise, and says so", () => {
    const q = quorumStatus({ represented: 5, votingMembers: 17 }, rheinSieg);
    expect(q).toMatchObject({ quorate: false, counts: true });
    expect(quorumText(q).de).toContain("solange der Vorsitz die Beschlussunfähigkeit nicht feststellt");
    expect(quorumText(q).de).toContain("§ 6 Abs. 5 GO");
    const declared = quorumStatus({ represented: 5, votingMembers: 17, declaredNotQuorate: true }, rheinSieg);
    expect(declared).toMatchObject({ quorate: false, counts: false });
  });

  it("second convocation (§ 6 Abs. 5 GO): quorate whatever the attendance", () => {
    const q = quorumStatus({ represented: 2, votingMembers: 17, secondConvocation: true }, rheinSieg);
    expect(q).toMatchObject({ quorate: true, counts: true, citation: "§ 6 Abs. 5 GO" });
  });

  it("refuses impossible counts", () => {
    expect(() => quorumStatus({ represented: 18, votingMembers: 17 }, rheinSieg)).toThrow(RuleInputError);
    expect(worded(() => quorumStatus({ represented: -1, votingMembers: 17 }, rheinSieg))).toThrow(/ganze Zahl/);
  });

  it("says 'not regulated' where the rules set no quorum", () => {
    const q = quorumStatus({ represented: 3, votingMembers: 17 }, wesel);
    expect(q).toMatchObject({ quorate: null, required: null });
    expect(quorumText(q).de).toContain("nicht geregelt");
  });

  it("counts an institution once even when member and deputy are both there; advisory ones never", () => {
    const institutions = [
      { id: "a", voting: true },
      { id: "b", voting: true },
      { id: "guest-org", voting: false },
    ];
    expect(representedInstitutions([{ institutionId: "a" }, { institutionId: "a" }, { institutionId: "guest-org" }], institutions)).toBe(1);
  });
});

describe("majority (§ 6 Abs. 2, 3 GO): yes ≥ ceil(2/3 × institutions present)", () => {
  it.each([
    // yes, no, abstain, present, passed, required
    [8, 2, 2, undefined, true, 8],
    [7, 2, 3, undefined, false, 8],
    [8, 0, 4, 12, true, 8], // abstentions are not yes, but do not stop it either
    [7, 0, 5, 12, false, 8],
    [12, 5, 0, 17, true, 12],
    [11, 0, 0, 17, false, 12], // six institutions present did not vote
    [6, 3, 0, 9, true, 6],
    [1, 0, 0, 1, true, 1],
  ])("%i yes, %i no, %i abstain, present %s → passed %s (need %i)", (yes, no, abstain, present, passed, required) => {
    expect(voteResult({ yes, no, abstain, present }, rheinSieg)).toMatchObject({ passed, required, citation: "§ 6 Abs. 2, 3 GO" });
  });

  it("refuses more votes than institutions present", () => {
    expect(worded(() => voteResult({ yes: 10, no: 2, abstain: 1, present: 12 }, rheinSieg))).toThrow(/nur 12 Institutionen/);
  });

  it("refuses a vote with nobody present and negative counts", () => {
    expect(() => voteResult({ yes: 0, no: 0, abstain: 0 }, rheinSieg)).toThrow(RuleInputError);
    expect(worded(() => voteResult({ yes: -1, no: 0, abstain: 0, present: 3 }, rheinSieg))).toThrow(/ganze Zahl/);
  });

  it("explains the result in German with the rule", () => {
    const v = voteResult({ yes: 9, no: 2, abstain: 1 }, rheinSieg);
    expect(voteText(v).de).toBe(
      "Angenommen: 9 Ja, 2 Nein, 1 Enthaltung bei 12 anwesenden Institutionen; erforderlich sind 8 Ja-Stimmen (Zwei-Drittel-Mehrheit der Anwesenden, Enthaltungen zählen nicht als Ja, § 6 Abs. 2, 3 GO).",
    );
  });

  it("Oberhausen decides by consensus: abstentions allowed, one objection stops it (Nr. 5.1 GO)", () => {
    expect(voteResult({ yes: 10, no: 0, abstain: 3 }, oberhausen)).toMatchObject({ passed: true, required: null });
    expect(voteResult({ yes: 12, no: 1, abstain: 0 }, oberhausen)).toMatchObject({ passed: false });
  });

  it("Kreis Wesel: no majority rule, so no verdict", () => {
    const v = voteResult({ yes: 5, no: 1, abstain: 0 }, wesel);
    expect(v.passed).toBeNull();
    expect(voteText(v).de).toContain("nicht geregelt");
  });
});
