/**
 * What the team's General channel reads, per profile: never a non-public agenda item, the citation
 * and the minutes' publicity from the profile's data (Rhein-Sieg publishes a public version of the
 * minutes, Oberhausen none, Kreis Wesel's contract says nothing on either). Posting them over HTTP
 * is in teams-tenant.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoDb } from "../adapters/demo.ts";
import { loadProfile } from "../adapters/profiles.ts";
import type { Meeting } from "../domain/model.ts";
import { announcementFor as announcementSaid } from "../services/channel-announcements.ts";
import { render } from "../texts/catalog.ts";

/** The post as the bot words it (the service says it as a code and facts). */
const announcementFor = (...args: Parameters<typeof announcementSaid>) => render(announcementSaid(...args));

const item = (number: number, title: string, isPublic: boolean) => ({ id: `t-${number}`, number, title, public: isPublic, proposalId: null, secondConvocation: false, postponed: false });
const MEETING: Meeting = {
  id: "s-2022-05-12", start: "2022-05-12T10:00:00+02:00", end: "2022-05-12T12:00:00+02:00", location: "Kreishaus Siegburg", mode: "in-person",
  onlineUrl: null, state: "invited", createdAt: "2022-04-01T09:00:00+02:00",
  agenda: [item(1, "Bericht der Geschäftsstelle", true), item(2, "Personalangelegenheit der Koordinierungsstelle", false), item(3, "Verschiedenes", true)],
};

describe("channel announcements per profile", () => {
  const db = demoDb();

  for (const id of ["rhein-sieg-kreis", "oberhausen", "kreis-wesel"]) {
    it(`${id}: the invitation and the minutes name only the public items`, () => {
      const profile = loadProfile(id);
      for (const occasion of ["invitation", "minutes"] as const) {
        const { text } = announcementFor(db, MEETING, occasion, profile);
        expect(text.de).not.toContain("Personalangelegenheit");
        expect(text.en).not.toContain("Personalangelegenheit");
      }
      const invitation = announcementFor(db, MEETING, "invitation", profile).text.de;
      expect(invitation).toContain("1. Bericht der Geschäftsstelle; 3. Verschiedenes");
      if (profile.nonPublic.regulated) expect(invitation).toContain(`(${profile.nonPublic.citation})`);
      else expect(invitation).not.toContain("Nicht-öffentliche");
    });
  }

  it("rhein-sieg-kreis: the minutes point to the public version, with the profile's citation", () => {
    const profile = loadProfile("rhein-sieg-kreis");
    const publicity = profile.minutes.regulated ? profile.minutes.publicity : null;
    expect(publicity?.public).toBe(true);
    const text = announcementFor(db, MEETING, "minutes", profile).text.de;
    expect(text).toContain(`Die öffentliche Fassung (${publicity!.citation}) (Tagesordnungspunkte 1. Bericht der Geschäftsstelle; 3. Verschiedenes)`);
    expect(text).toContain(db.body.secretariatEmail);
  });

  it("oberhausen: no public version; the channel says why, in the profile's words", () => {
    const profile = loadProfile("oberhausen");
    const publicity = profile.minutes.regulated ? profile.minutes.publicity : null;
    expect(publicity?.public).toBe(false);
    const text = announcementFor(db, MEETING, "minutes", profile).text;
    expect(text.de).not.toContain("öffentliche Fassung");
    expect(text.de).toContain(publicity && !publicity.public ? publicity.note.de : "?");
    expect(text.de).not.toContain("Bericht der Geschäftsstelle");
  });

  it("a change and a cancellation name the meeting by the body's title, its time and place, in both languages", () => {
    const profile = loadProfile("rhein-sieg-kreis");
    const changed = announcementFor(db, MEETING, "changed", profile);
    expect(changed.subject.de).toBe("Geändert: Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis");
    expect(changed.text.de).toBe("Die Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis wurde geändert: jetzt am Donnerstag, 12.05.2022, 10:00 Uhr, Kreishaus Siegburg. Die Mitglieder haben die geänderte Einladung per E-Mail.");
    expect(changed.text.en).toContain("has changed: now on Thursday, 12.05.2022, 10:00, Kreishaus Siegburg.");
    const cancelled = announcementFor(db, MEETING, "cancelled", profile);
    expect(cancelled.subject.de).toBe("Abgesagt: Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis");
    expect(cancelled.text.de).toBe("Die Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis am Donnerstag, 12.05.2022, 10:00 Uhr, Kreishaus Siegburg fällt aus. Die Mitglieder haben die Absage per E-Mail.");
    expect(cancelled.text.en).toContain("on Thursday, 12.05.2022, 10:00, Kreishaus Siegburg is cancelled.");
  });
});
