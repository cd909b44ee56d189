import { describe, expect, it } from "vitest";
import { meetingDeadlines } from "../rules/deadlines.ts";
import { parseInstant } from "../rules/time.ts";
import { oberhausen, rheinSieg, wesel } from "./support/profiles.ts";
import { deadlineText, deadlineWarningText } from "../texts/deadlines.ts";

function days(meeting: string, profile = rheinSieg) {
  const d = meetingDeadlines(parseInstant(meeting)!, profile);
  return [d.agendaProposals.day, d.invitation.day, d.urgentInvitation.day];
}

describe("Rhein-Sieg deadlines (§ 4 Abs. 4, 5 GO): meeting date − 21 / − 15 / − 8 calendar days", () => {
  it.each([
    ["DESIGN.md's example, Thursday 12.05.2022 10:00", "2022-05-12T10:00:00+02:00", ["2022-04-21", "2022-04-27", "2022-05-04"]],
    ["after the switch to summer time (31.03.2024)", "2024-04-04T10:00:00+02:00", ["2024-03-14", "2024-03-20", "2024-03-27"]],
    ["meeting in early January, periods reach into the old year", "2023-01-12T14:00:00+01:00", ["2022-12-22", "2022-12-28", "2023-01-04"]],
    ["just after local midnight", "2022-05-12T00:30:00+02:00", ["2022-04-21", "2022-04-27", "2022-05-04"]],
    ["given in UTC on the evening before: the Berlin date counts", "2022-05-11T22:30:00Z", ["2022-04-21", "2022-04-27", "2022-05-04"]],
    ["given in UTC, same Berlin date late at night", "2022-05-12T21:59:00Z", ["2022-04-21", "2022-04-27", "2022-05-04"]],
    ["leap year: the last day for proposals is 29 February", "2024-03-21T10:00:00+01:00", ["2024-02-29", "2024-03-06", "2024-03-13"]],
    ["wall-clock time without offset is read in Berlin", "2022-11-03T09:00", ["2022-10-13", "2022-10-19", "2022-10-26"]],
  ])("%s", (_label, meeting, expected) => {
    expect(days(meeting)).toEqual(expected);
  });

  it("gives the citations and German dates with weekday", () => {
    const d = meetingDeadlines(parseInstant("2022-05-12T10:00:00+02:00")!, rheinSieg);
    expect(d.agendaProposals.citation).toBe("§ 4 Abs. 4 GO");
    expect(d.invitation.citation).toBe("§ 4 Abs. 5 GO");
    expect(deadlineText(d.agendaProposals).de).toContain("Donnerstag, 21.04.2022");
    expect(deadlineText(d.invitation).de).toContain("Mittwoch, 27.04.2022");
    expect(deadlineText(d.urgentInvitation).de).toContain("Mittwoch, 04.05.2022");
    expect(deadlineText(d.invitation).en).toContain("Wednesday, 27.04.2022");
    expect(d.warnings).toEqual([]);
  });

  it("warns when last days fall on a Sunday or an NRW public holiday, and does not move them", () => {
    // Monday 09.05.2022: −21 = Easter Monday, −15 = Sunday, −8 = 1 May (Sunday and holiday).
    const d = meetingDeadlines(parseInstant("2022-05-09T10:00:00+02:00")!, rheinSieg);
    expect([d.agendaProposals.day, d.invitation.day, d.urgentInvitation.day]).toEqual(["2022-04-18", "2022-04-24", "2022-05-01"]);
    expect(d.warnings.map((w) => [w.kind, w.day, w.planBy])).toEqual([
      ["agendaProposals", "2022-04-18", "2022-04-14"], // Good Friday and the weekend before too
      ["invitation", "2022-04-24", "2022-04-22"],
      ["urgentInvitation", "2022-05-01", "2022-04-29"],
    ]);
    expect(deadlineWarningText(d.warnings[0]!).de).toContain("Ostermontag");
    expect(deadlineWarningText(d.warnings[1]!).de).toContain("Sonntag");
    expect(deadlineWarningText(d.warnings[2]!).de).toContain("Maifeiertag");
  });

  it("warns for a holiday that is only a holiday in NRW (Fronleichnam) and for a Saturday", () => {
    // Thursday 07.07.2022 − 21 = Thursday 16.06.2022, Corpus Christi.
    const thursday = meetingDeadlines(parseInstant("2022-07-07T10:00:00+02:00")!, rheinSieg);
    expect(thursday.warnings.map((w) => w.day)).toEqual(["2022-06-16"]);
    expect(deadlineWarningText(thursday.warnings[0]!).de).toContain("Fronleichnam");
    // Sunday meeting 12.06.2022 − 8 = Saturday 04.06.2022
    const sunday = meetingDeadlines(parseInstant("2022-06-12T10:00:00+02:00")!, rheinSieg);
    expect(deadlineWarningText(sunday.warnings.find((w) => w.kind === "urgentInvitation")!).de).toContain("Samstag");
  });

  it("counts whole Berlin calendar days for every meeting day of four years, at 00:30 and 23:30", () => {
    const utcDay = (y: number, m: number, d: number, minus: number) =>
      new Date(Date.UTC(y, m, d - minus)).toISOString().slice(0, 10);
    for (let t = Date.UTC(2022, 0, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000) {
      const day = new Date(t);
      const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
      const iso = day.toISOString().slice(0, 10);
      for (const time of ["00:30", "23:30"]) {
        expect(days(`${iso}T${time}`)).toEqual([utcDay(y, m, d, 21), utcDay(y, m, d, 15), utcDay(y, m, d, 8)]);
      }
    }
  });
});

describe("other profiles", () => {
  it("Oberhausen: topics 14 days before, invitation one week before, no urgent rule (Nr. 4.4, 4.5 GO)", () => {
    const d = meetingDeadlines(parseInstant("2024-09-19T14:00:00+02:00")!, oberhausen);
    expect([d.agendaProposals.day, d.invitation.day, d.urgentInvitation.day]).toEqual(["2024-09-05", "2024-09-12", null]);
    expect(d.agendaProposals.citation).toBe("Nr. 4.4 GO");
    expect(deadlineText(d.agendaProposals).de).toContain("Aktuelle Themen können jederzeit");
    expect(deadlineText(d.urgentInvitation).de).toContain("nicht vor");
  });

  it("Kreis Wesel: the cooperation contract sets no deadlines, and says so", () => {
    const d = meetingDeadlines(parseInstant("2024-09-19T14:00:00+02:00")!, wesel);
    expect([d.agendaProposals.day, d.invitation.day, d.urgentInvitation.day]).toEqual([null, null, null]);
    expect(deadlineText(d.invitation).de).toContain("nicht geregelt");
    expect(d.warnings).toEqual([]);
  });
});
