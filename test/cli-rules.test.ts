import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/store-process.ts";

const db = join(mkdtempSync(join(tmpdir(), "cli-rules-")), "db.json");
const cli = (...args: string[]) => runCli([...args, "--db", db]);

describe("rules on the command line (DESIGN.md contract)", () => {
  it("deadlines --json gives the three last days with citations", async () => {
    const r = await cli("deadlines", "--meeting", "2022-05-12T10:00:00+02:00", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      profile: "rhein-sieg-kreis",
      meetingStart: "2022-05-12T10:00:00+02:00",
      agendaProposalDeadline: "2022-04-21",
      invitationSendBy: "2022-04-27",
      urgentInvitationSendBy: "2022-05-04",
      warnings: [],
      citations: { agendaProposalDeadline: "§ 4 Abs. 4 GO", invitationSendBy: "§ 4 Abs. 5 GO", urgentInvitationSendBy: "§ 4 Abs. 5 Satz 3 GO" },
    });
  });

  it("quorum --present 9 is quorate with 9 required of the body's 17", async () => {
    const r = await cli("quorum", "--present", "9", "--json");
    expect(JSON.parse(r.stdout)).toMatchObject({ quorate: true, present: 9, votingMembers: 17, required: 9, citation: "§ 6 Abs. 4 GO" });
  });

  it("vote --yes 8 --no 2 --abstain 2 passes with 8 required", async () => {
    const r = await cli("vote", "--yes", "8", "--no", "2", "--abstain", "2", "--json");
    expect(JSON.parse(r.stdout)).toMatchObject({ passed: true, required: 8, yes: 8, no: 2, abstain: 2, present: 12 });
  });

  it("--profile oberhausen: null where the rulebook has no urgent notice, consensus for votes", async () => {
    const d = JSON.parse((await cli("deadlines", "--meeting", "2024-09-19T14:00", "--profile", "oberhausen", "--json")).stdout);
    expect([d.agendaProposalDeadline, d.invitationSendBy, d.urgentInvitationSendBy]).toEqual(["2024-09-05", "2024-09-12", null]);
    const v = JSON.parse((await cli("vote", "--yes", "9", "--no", "1", "--abstain", "2", "--profile", "oberhausen", "--json")).stdout);
    expect(v).toMatchObject({ passed: false, required: null, citation: "Nr. 5.1 GO" });
  });

  it("human output names the weekend and holiday warnings", async () => {
    const r = await cli("deadlines", "--meeting", "2022-05-09T10:00");
    expect(r.stdout).toContain("Montag, 18.04.2022, ist ein gesetzlicher Feiertag (Ostermontag)");
  });

  it.each([
    [["deadlines", "--meeting", "2022-02-30T10:00"], /kein gültiger Sitzungstermin/],
    [["quorum", "--present", "-1"], /ganze Zahl ab 0/],
    [["quorum", "--present", "18"], /nicht mehr Institutionen vertreten sein \(18\) als stimmberechtigte Mitglieder \(17\)/],
    [["vote", "--yes", "9", "--no", "2", "--abstain", "2", "--present", "12"], /13 Stimmen gezählt, aber nur 12/],
    [["deadlines", "--meeting", "2022-05-12T10:00", "--profile", "hamburg"], /Unbekanntes Regelprofil "hamburg"/],
    [["deadlines", "--meeting", "2022-05-12T10:00", "--now", "gestern"], /Ungültige Zeitangabe/],
  ])("refuses %j with a clear message and a non-zero exit", async (args, message) => {
    const r = await cli(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // a sentence, not a stack trace
    expect(r.stdout).toBe("");
  });
});
