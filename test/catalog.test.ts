/** Services say codes with facts; texts/catalog.ts words them as the texts/ modules do. */
import { describe, expect, it } from "vitest";
import { say } from "../services/say.ts";
import { render, words, type Said } from "../texts/catalog.ts";

describe("a Said is worded by the catalog (texts/catalog.ts)", () => {
  it("words a code with its facts, the meeting's start given as an ISO instant", () => {
    expect(render(say("attendance.checkedIn", "Jugendamt", "2022-05-12T10:00:00+02:00"))).toEqual({
      de: "Willkommen! Sie sind für Jugendamt als anwesend eingetragen (Sitzung am Donnerstag, 12.05.2022, 10:00 Uhr).",
      en: "Welcome! You are checked in for Jugendamt (meeting on Thursday, 12.05.2022, 10:00).",
    });
  });

  it("words a constant, and a notice as subject and text", () => {
    expect(words(say("turn.ALREADY_HANDLED")).de).toBe("Diese Nachricht habe ich bereits bearbeitet.");
    expect(render(say("proposals.decisionNotice", "Haushalt", 3)).subject.de).toBe("Ihr TOP-Vorschlag");
  });

  it("is plain data: what a service said survives JSON", () => {
    const said = say("meetings.noSuchMeeting", "s-1", "s-2");
    expect(render(JSON.parse(JSON.stringify(said)) as Said)).toEqual(render(said));
  });

  it("checks the facts against the wording's parameters at compile time", () => {
    // @ts-expect-error: the instant is an ISO string, not pre-worded Texts
    const wrong = () => say("attendance.checkedIn", "Jugendamt", { de: "x", en: "x" });
    // @ts-expect-error: a code the catalog does not know
    const unknown = () => say("attendance.nope");
    expect(typeof wrong).toBe("function");
    expect(() => render(unknown() as Said)).toThrow(/no wording for attendance\.nope/);
  });
});
