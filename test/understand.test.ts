import { describe, expect, it } from "vitest";
import { findDate, understand, type Intent } from "../bot/understand.ts";

type Row = [string, Intent["kind"], "de" | "en"];

// Phrasings members, the Geschäftsstelle and the chair actually write: formal, casual, typos, no umlauts.
const rows: Row[] = [
  // delegate to the deputy (§ 4 Abs. 6 GO)
  ["Ich kann nicht teilnehmen, bitte an meine Vertretung", "delegate", "de"],
  ["Ich kann am 12. Mai nicht teilnehmen, bitte an meine Vertretung.", "delegate", "de"],
  ["Leider bin ich verhindert, meine Stellvertreterin übernimmt.", "delegate", "de"],
  ["bin verhindert, schickt bitte meinen vertreter", "delegate", "de"],
  ["Kann nicht kommen – bitte Einladung an meine Stellvertretung weiterleiten", "delegate", "de"],
  ["ich kann leider nicht, mein Ersatz kommt", "delegate", "de"],
  ["Bitte laden Sie meine Stellvertreterin ein, ich bin im Urlaub.", "delegate", "de"],
  ["Absage – mein Stellvertreter Herr Weber nimmt teil", "delegate", "de"],
  ["Ich bin verhindert. Vertretung bitte!", "delegate", "de"],
  ["kann nich teilnehmen bitte an vertretung", "delegate", "de"],
  ["Moechte meine Vertretung schicken, kann nicht teilnehmen", "delegate", "de"],
  ["Mein Vertreter soll bitte die Einladung bekommen", "delegate", "de"],
  ["Stellv. übernimmt bitte, bin krank", "delegate", "de"],
  ["I can't attend, send to my deputy", "delegate", "en"],
  ["I cannot attend the meeting, please invite my deputy.", "delegate", "en"],
  ["Unable to attend on May 12 - my substitute will come", "delegate", "en"],
  ["won't make it, please forward the invitation to my deputy", "delegate", "en"],
  ["Please send my deputy instead, I can't make it", "delegate", "en"],
  // absence without a deputy named: asked back before anything is recorded
  ["Ich kann nicht teilnehmen.", "absent", "de"],
  ["Leider muss ich für die Sitzung absagen", "absent", "de"],
  ["Ich bin am 12.05. verhindert", "absent", "de"],
  ["I can't attend", "absent", "en"],
  ["Absage ohne Vertretung", "absent", "de"],
  ["I won't be able to come", "absent", "en"],
  // unclear: a question, never an action
  ["Vielleicht kann ich nicht teilnehmen", "unsure", "de"],
  ["evtl. schicke ich meine Vertretung", "unsure", "de"],
  ["Ich weiß noch nicht, ob ich kommen kann", "unsure", "de"],
  ["Maybe I can't attend", "unsure", "en"],
  ["I might send my deputy", "unsure", "en"],
  ["Wahrscheinlich nehme ich teil", "unsure", "de"],
  // attendance
  ["Ich nehme teil (digital)", "attend", "de"],
  ["Zusage", "attend", "de"],
  ["Ich komme gerne in Präsenz", "attend", "de"],
  ["ich nehme online teil", "attend", "de"],
  ["Bin dabei!", "attend", "de"],
  ["I'll attend online", "attend", "en"],
  ["Count me in, in person", "attend", "en"],
  ["Ich werde teilnehmen, persoenlich vor Ort", "attend", "de"],
  // check-in during the session
  ["Ich bin anwesend", "check-in", "de"],
  ["bin da", "check-in", "de"],
  ["I'm here", "check-in", "en"],
  ["Ich bin jetzt online", "check-in", "de"],
  // agenda proposals
  ["Ich möchte einen TOP vorschlagen: Sprachkurse für Geflüchtete", "propose", "de"],
  ["Ich moechte ein Thema fuer die Tagesordnung anmelden", "propose", "de"],
  ["Vorschlag für die Tagesordnung: Wohnraum", "propose", "de"],
  ["I'd like to propose an agenda item: housing", "propose", "en"],
  ["Thema anmelden", "propose", "de"],
  // questions
  ["Bis wann kann ich Themen anmelden?", "ask-proposal-deadline", "de"],
  ["bis wann tops einreichen", "ask-proposal-deadline", "de"],
  ["When is the deadline for agenda items?", "ask-proposal-deadline", "en"],
  ["Wann muss die Einladung raus?", "ask-invitation-deadline", "de"],
  ["By when must the invitation be sent?", "ask-invitation-deadline", "en"],
  ["Fristen", "ask-deadlines", "de"],
  ["Wann ist die nächste Sitzung?", "ask-next-meeting", "de"],
  ["naechste sitzung?", "ask-next-meeting", "de"],
  ["When is the next meeting?", "ask-next-meeting", "en"],
  ["Wer ist meine Vertretung?", "ask-my-deputy", "de"],
  ["Who is my deputy?", "ask-my-deputy", "en"],
  ["Wann ist die Lenkungsgruppe beschlussfähig?", "ask-quorum-rule", "de"],
  ["Welche Mehrheit braucht ein Beschluss?", "ask-majority-rule", "de"],
  // the chair
  ["Sind wir beschlussfähig?", "quorum-now", "de"],
  ["sind wir beschlussfaehig", "quorum-now", "de"],
  ["Are we quorate?", "quorum-now", "en"],
  ["Sind wir bei TOP 3 beschlussfähig?", "quorum-now", "de"],
  ["TOP 2: 9 ja, 2 nein, 1 enthaltung", "vote", "de"],
  ["Abstimmung zu TOP 4: 12 Ja-Stimmen, 0 Nein, 3 Enthaltungen", "vote", "de"],
  ["Persönliche Erklärung von Frau Klein, bitte ins Protokoll: Wir tragen den Beschluss nicht mit.", "statement", "de"],
  // commands and the rest
  ["/einladen", "command", "de"],
  ["/einladen dringend Haushaltsfrist des Landes", "command", "de"],
  ["/abstimmung TOP 2: 9 ja, 2 nein, 1 enthaltung", "command", "de"],
  ["Hilfe", "help", "de"],
  ["help", "help", "en"],
  ["abbrechen", "cancel", "de"],
  ["Guten Morgen", "greeting", "de"],
  ["Wie ist das Wetter?", "unknown", "de"],
  // thanks only when the message says nothing else; "on the agenda" alone asks, "put … on" proposes
  ["Danke für die Info", "thanks", "de"],
  ["😢", "unknown", "de"],
  ["Das haben wir doch besprochen", "unknown", "de"],
  ["Can we put the housing report on the agenda?", "propose", "en"],
  ["What is on the agenda for May?", "ask-next-meeting", "en"],
];

describe("understanding what people write", () => {
  it(`covers at least 60 phrasings (${rows.length})`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
  });

  it.each(rows)("%s → %s (%s)", (text, kind, lang) => {
    const u = understand(text);
    expect(u.intent.kind).toBe(kind);
    expect(u.lang).toBe(lang);
  });

  it("reads the mode of attendance", () => {
    expect(understand("Ich nehme teil (digital)").intent).toEqual({ kind: "attend", mode: "online" });
    expect(understand("Ich komme in Präsenz").intent).toEqual({ kind: "attend", mode: "in-person" });
    expect(understand("Zusage").intent).toEqual({ kind: "attend", mode: null });
  });

  it("reads a vote with its item", () => {
    expect(understand("TOP 2: 9 ja, 2 nein, 1 enthaltung").intent).toMatchObject({ kind: "vote", item: 2, yes: 9, no: 2, abstain: 1 });
  });

  it("keeps the proposal text after the colon", () => {
    expect(understand("Ich möchte einen TOP vorschlagen: Sprachkurse für Geflüchtete").intent).toEqual({
      kind: "propose",
      text: "Sprachkurse für Geflüchtete",
    });
  });

  it("finds dates in German and English spellings", () => {
    expect(findDate("am 12. mai nicht")).toEqual({ day: 12, month: 5, year: null });
    expect(findDate("am 12.05.2022")).toEqual({ day: 12, month: 5, year: 2022 });
    expect(findDate("am 03.11.")).toEqual({ day: 3, month: 11, year: null });
    expect(findDate("on may 12th, 2022")).toEqual({ day: 12, month: 5, year: 2022 });
    expect(findDate("on 12 march")).toEqual({ day: 12, month: 3, year: null });
    expect(findDate("am 32.13.")).toBeNull();
  });
});
