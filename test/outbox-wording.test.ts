/**
 * The outbox records facts and the faces word them: a refusal without the server's reason is still
 * listed as failed, worded as an unknown error; the team channel is named by the face's wording.
 * Pure data in, listing out: no server is involved (recordResult is step 4 of the protocol).
 */
import { describe, expect, it } from "vitest";
import { demoDb } from "../adapters/demo.ts";
import { outboxRows, queueMessage, recordResult, TEAM_CHANNEL } from "../services/outbox.ts";
import { render } from "../texts/catalog.ts";
import { outboxListing } from "../texts/outbox.ts";

const NOW = new Date("2022-04-01T09:00:00+02:00");
const texts = (de: string) => ({ de, en: de });

describe("the outbox's listing words what the outbox recorded", () => {
  it("a refusal without a reason is failed, listed as an unknown error; the channel post is to the team channel", () => {
    const db = demoDb();
    const person = db.persons[0]!;
    const notice = queueMessage(db, { personId: person.id, purpose: "notice", meetingId: null, subject: texts("Hinweis"), text: texts("Bitte beachten Sie die Frist.") }, { now: NOW, actorId: "system" });
    recordResult(notice, { accepted: false, at: NOW });
    notice.via = "email";
    queueMessage(db, { personId: TEAM_CHANNEL, purpose: "announcement", meetingId: null, subject: texts("Einladung"), text: texts("Die Einladung ist versandt.") }, { now: NOW, actorId: "system" });
    const rows = outboxRows(db, NOW, render);
    expect(rows.map((r) => [r.name, r.state])).toEqual([[person.name, "failed"], ["Team-Kanal „Allgemein“", "queued"]]);
    const listing = outboxListing("de", rows, (iso) => iso);
    expect(listing).toContain(`Benachrichtigung an ${person.name}: fehlgeschlagen (E-Mail): unbekannter Fehler`);
    expect(outboxListing("en", rows, (iso) => iso)).toContain(`notice to ${person.name}: failed (e-mail): unbekannter Fehler`);
  });
});
