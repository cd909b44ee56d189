/**
 * The invitation services say what happened as codes and facts (texts/catalog.ts): a report or an
 * answer survives being stored and read back as JSON, and words the same in both languages.
 */
import { afterEach, describe, expect, it } from "vitest";
import { render, type Said } from "../texts/catalog.ts";
import { changeMeeting, sendDelegatedInvitation, sendInvitation } from "../services/invitations.ts";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";

let f: Fixture;
afterEach(async () => f?.close());

const roundTrip = (said: Said) => render(JSON.parse(JSON.stringify(said)) as Said);

describe("invitation results are codes with plain facts", () => {
  it("the report, the change and the deputy's answer word the same after a JSON round trip", async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    const id = await f.meeting({ start: "2022-05-12T10:00", location: "Kreishaus Siegburg" }, ["Bericht"]);
    const report = await sendInvitation(f.services, GS, id, { urgent: true, reason: "eilt" });
    expect(report.text.code).toBe("invitation-report.invitationReportText");
    expect(roundTrip(report.text)).toEqual(render(report.text));
    expect(render(report.text)).toMatchObject({ de: expect.stringContaining("Die reguläre Ladungsfrist ist noch gewahrt (Versand bis Mittwoch, 27.04.2022)") });

    const changed = await changeMeeting(f.services, GS, id, { location: "Rathaus Troisdorf" }, null);
    expect(roundTrip(changed.text)).toEqual({
      de: expect.stringMatching(/^Die Sitzung ist geändert\. Geänderte Einladung zur Sitzung am Donnerstag, 12\.05\.2022: 18 von 18 versandt\.$/),
      en: expect.stringMatching(/^The meeting has been changed\. Updated invitation to the meeting on Thursday, 12\.05\.2022: 18 of 18 sent\.$/),
    });

    const deputy = await sendDelegatedInvitation(f.services, id, "m-jugendamt");
    expect(roundTrip(deputy.text)).toEqual(render(deputy.text));
  });
});
