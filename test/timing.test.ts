import { describe, expect, it } from "vitest";
import { invitationPermission, proposalTiming } from "../rules/timing.ts";
import { parseInstant } from "../rules/time.ts";
import { invitationPermissionText, proposalTimingText } from "../texts/timing.ts";
import { oberhausen, rheinSieg, wesel } from "./support/profiles.ts";

const meeting = parseInstant("2022-05-12T10:00:00+02:00")!;
const at = (iso: string) => parseInstant(iso)!;

describe("agenda proposals (§ 4 Abs. 4 GO)", () => {
  it("is on time until the end of the last day, Berlin time", () => {
    expect(proposalTiming(meeting, at("2022-04-21T23:59:59+02:00"), rheinSieg).late).toBe(false);
    expect(proposalTiming(meeting, at("2022-04-21T21:59:59Z"), rheinSieg).late).toBe(false);
  });

  it("is late from the first minute of the next Berlin day, even if UTC still shows the last day", () => {
    const t = proposalTiming(meeting, at("2022-04-21T22:30:00Z"), rheinSieg);
    expect(t.late).toBe(true);
    expect(proposalTimingText(t).de).toContain("Donnerstag, 21.04.2022");
    expect(proposalTimingText(t).de).toContain("als verspätet markiert");
  });

  it("is never late where the rule is not regulated", () => {
    expect(proposalTiming(meeting, at("2022-05-11T10:00:00+02:00"), wesel).late).toBe(false);
  });
});

describe("sending the invitation (§ 4 Abs. 5 GO)", () => {
  it("allows a normal invitation until the end of the last normal day", () => {
    const p = invitationPermission(meeting, at("2022-04-27T23:59:59+02:00"), rheinSieg, { urgent: false });
    expect(p).toMatchObject({ allowed: true, urgent: false, lastNormalDay: "2022-04-27" });
  });

  it("refuses a normal invitation the next day and points to the urgent route, since when", () => {
    const p = invitationPermission(meeting, at("2022-04-27T22:00:01Z"), rheinSieg, { urgent: false });
    expect(p).toMatchObject({ allowed: false, code: "needs-urgent", refusedSince: "2022-04-28", lastUrgentDay: "2022-05-04" });
    expect(invitationPermissionText(p).de).toContain("Mittwoch, 27.04.2022");
    expect(invitationPermissionText(p).de).toContain("/einladen dringend");
  });

  it("requires a reason for an urgent invitation", () => {
    const p = invitationPermission(meeting, at("2022-05-02T09:00:00+02:00"), rheinSieg, { urgent: true, reason: "  " });
    expect(p).toMatchObject({ allowed: false, code: "needs-reason" });
  });

  it("allows an urgent invitation with a reason up to meeting date − 8 days", () => {
    const p = invitationPermission(meeting, at("2022-05-04T23:00:00+02:00"), rheinSieg, { urgent: true, reason: "Haushaltsfrist" });
    expect(p).toMatchObject({ allowed: true, urgent: true, lastUrgentDay: "2022-05-04" });
  });

  it("refuses any invitation after the urgent last day, naming it", () => {
    const p = invitationPermission(meeting, at("2022-05-05T08:00:00+02:00"), rheinSieg, { urgent: true, reason: "eilig" });
    expect(p).toMatchObject({ allowed: false, code: "too-late", refusedSince: "2022-05-05" });
    expect(invitationPermissionText(p).de).toContain("Mittwoch, 04.05.2022");
    expect(invitationPermissionText(p).de).toContain("§ 4 Abs. 5 Satz 3 GO");
  });

  it("refuses once the meeting has begun", () => {
    expect(invitationPermission(meeting, at("2022-05-12T10:00:00+02:00"), rheinSieg, { urgent: true, reason: "x" })).toMatchObject({
      allowed: false,
      code: "meeting-passed",
    });
  });

  it("Oberhausen: one week, and no urgent route after it", () => {
    const start = at("2024-09-19T14:00:00+02:00");
    expect(invitationPermission(start, at("2024-09-12T18:00:00+02:00"), oberhausen, { urgent: false }).allowed).toBe(true);
    const late = invitationPermission(start, at("2024-09-13T08:00:00+02:00"), oberhausen, { urgent: true, reason: "eilig" });
    expect(late).toMatchObject({ allowed: false, code: "too-late", refusedSince: "2024-09-13" });
  });
});
