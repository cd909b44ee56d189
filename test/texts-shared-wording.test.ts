/**
 * Wordings that share one builder, one word or one table (texts/teams.ts `aboutMeeting`, the
 * expired and dropped question of texts/confirmations.ts, texts/minutes-words.ts, the meeting modes
 * of texts/meetings.ts): each still reads, to the letter and in both languages, as the person got
 * it before they shared anything.
 */
import { describe, expect, it } from "vitest";
import { CONFIRMATION_DROPPED, confirmationExpiredText } from "../texts/confirmations.ts";
import { NOT_QUORATE_DROPPED, notQuorateExpiredText } from "../texts/meeting-events.ts";
import { approvalWords } from "../texts/minutes-words.ts";
import { changeNote } from "../texts/invitation-mail.ts";
import { meetingFacts } from "../texts/cards.ts";
import { render } from "../texts/catalog.ts";
import { oberhausen, rheinSieg, wesel } from "./support/profiles.ts";

const MEETING = { bodyName: "Lenkungsgruppe KIM Rhein-Sieg", bodyKind: "Lenkungsgruppe", start: "2022-05-12T10:00:00+02:00", location: "Kreishaus Siegburg", onlineUrl: null };

describe("a question that expired or was dropped", () => {
  it("before a mass action: nothing was sent, send the command again", () => {
    expect(confirmationExpiredText("2022-05-12T10:00:00+02:00")).toEqual({
      de: "Die Rückfrage vom Donnerstag, 12.05.2022, 10:00 Uhr ist abgelaufen; ich habe nichts versandt. Bitte senden Sie den Befehl noch einmal.",
      en: "The question of Thursday, 12.05.2022, 10:00 has expired; I have sent nothing. Please send the command again.",
    });
  });

  it("the chair's, against the count: nothing is declared, send /beschlussunfaehig again", () => {
    expect(notQuorateExpiredText("2022-05-12T10:00:00+02:00")).toEqual({
      de: "Die Rückfrage vom Donnerstag, 12.05.2022, 10:00 Uhr ist abgelaufen; die Beschlussunfähigkeit ist nicht festgestellt. Bitte senden Sie „/beschlussunfaehig“ noch einmal.",
      en: "The question of Thursday, 12.05.2022, 10:00 has expired; no lack of quorum is declared. Please send \"/beschlussunfaehig\" again.",
    });
  });

  it("dropped because another message came: what that left undone", () => {
    expect(CONFIRMATION_DROPPED).toEqual({ de: "Die offene Rückfrage habe ich verworfen; es ist nichts hinausgegangen.", en: "I have dropped the open question; nothing went out." });
    expect(NOT_QUORATE_DROPPED).toEqual({
      de: "Die offene Rückfrage zur Beschlussunfähigkeit habe ich verworfen; festgestellt ist nichts.",
      en: "I have dropped the open question about the lack of quorum; nothing is declared.",
    });
  });
});

describe("what Teams reads about a meeting", () => {
  it("the member's 1:1 invitation notice", () => {
    const notice = render({ code: "teams.invitationTeamsNotice", facts: [MEETING] });
    expect(notice.subject).toEqual({ de: "Einladung: Sitzung der Lenkungsgruppe KIM Rhein-Sieg", en: "Invitation: Sitzung der Lenkungsgruppe KIM Rhein-Sieg" });
    expect(notice.text.de).toBe(
      "Sie sind eingeladen: Sitzung der Lenkungsgruppe KIM Rhein-Sieg am Donnerstag, 12.05.2022, 10:00 Uhr, Kreishaus Siegburg. Die Einladung mit Tagesordnung und Kalendereintrag kam per E-Mail. Antworten Sie mir hier, z. B. „Ich nehme teil“, „Ich nehme teil (digital)“ oder „Ich kann nicht teilnehmen, bitte an meine Vertretung“.",
    );
  });

  it("the channel posts after a change and a cancellation", () => {
    expect(render({ code: "teams.changedAnnouncement", facts: [MEETING] })).toEqual({
      subject: { de: "Geändert: Sitzung der Lenkungsgruppe KIM Rhein-Sieg", en: "Changed: Sitzung der Lenkungsgruppe KIM Rhein-Sieg" },
      text: {
        de: "Die Sitzung der Lenkungsgruppe KIM Rhein-Sieg wurde geändert: jetzt am Donnerstag, 12.05.2022, 10:00 Uhr, Kreishaus Siegburg. Die Mitglieder haben die geänderte Einladung per E-Mail.",
        en: "The Sitzung der Lenkungsgruppe KIM Rhein-Sieg has changed: now on Thursday, 12.05.2022, 10:00, Kreishaus Siegburg. The members have the updated invitation by e-mail.",
      },
    });
    expect(render({ code: "teams.cancelledAnnouncement", facts: [{ ...MEETING, location: "", onlineUrl: "https://meet.example.org/kim" }] })).toEqual({
      subject: { de: "Abgesagt: Sitzung der Lenkungsgruppe KIM Rhein-Sieg", en: "Cancelled: Sitzung der Lenkungsgruppe KIM Rhein-Sieg" },
      text: {
        de: "Die Sitzung der Lenkungsgruppe KIM Rhein-Sieg am Donnerstag, 12.05.2022, 10:00 Uhr, online fällt aus. Die Mitglieder haben die Absage per E-Mail.",
        en: "The Sitzung der Lenkungsgruppe KIM Rhein-Sieg on Thursday, 12.05.2022, 10:00, online is cancelled. The members have the cancellation by e-mail.",
      },
    });
  });

  it("the channel post after the minutes: the day, and the profile's note", () => {
    const post = render({ code: "teams.minutesAnnouncement", facts: [MEETING, { public: false, note: { de: "Die Niederschrift ist nicht öffentlich.", en: "The minutes are not public." } }] });
    expect(post.subject.de).toBe("Niederschrift: Sitzung der Lenkungsgruppe KIM Rhein-Sieg");
    expect(post.text.de).toBe("Die Niederschrift der Sitzung der Lenkungsgruppe KIM Rhein-Sieg vom Donnerstag, 12.05.2022 ist an die Mitglieder versandt. Die Niederschrift ist nicht öffentlich.");
  });
});

describe("how the minutes become final, by the profile's rule", () => {
  it("Rhein-Sieg (and Kreis Wesel, without a rule): objections and approval at the start of the next meeting", () => {
    for (const profile of [rheinSieg, wesel]) {
      const words = approvalWords(profile);
      expect(words.objectionsDue.de).toBe("zu Beginn der nachfolgenden Sitzung");
      expect(words.approvedAt.en).toBe("at the start of the following meeting");
      expect(words.declared.de).toBe("als genehmigt festgestellt");
    }
  });

  it("Oberhausen: confirmed, the state and the act one word", () => {
    const words = approvalWords(oberhausen);
    expect([words.approved, words.declared]).toEqual([{ de: "bestätigt", en: "confirmed" }, { de: "bestätigt", en: "confirmed" }]);
    expect(words.objectionsDue.de).toBe("spätestens in der nachfolgenden Sitzung");
    expect(words.approvedAt.de).toBe("in der nachfolgenden Sitzung");
  });
});

describe("a meeting's mode, named from one table", () => {
  const before = { start: "2022-05-12T10:00:00+02:00", end: "2022-05-12T12:00:00+02:00", location: "Kreishaus Siegburg", mode: "in-person" as const, onlineUrl: null };

  it("in the updated invitation's note (German, for the mail)", () => {
    const after = { ...before, mode: "hybrid" as const, onlineUrl: "https://meet.example.org/kim" };
    expect(changeNote(before, after, ["mode", "onlineUrl"], null)).toBe("Geändert: Art der Sitzung (bisher in Präsenz, jetzt hybrid), Link zur Videokonferenz.");
  });

  it("on the card, in either language", () => {
    expect(meetingFacts({ ...before, mode: "online" }, "de")[1]).toEqual(["Form", "digital"]);
    expect(meetingFacts(before, "en")[1]).toEqual(["Format", "in person"]);
  });
});
