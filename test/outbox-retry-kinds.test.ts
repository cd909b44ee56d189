/**
 * `outbox retry` by kind of message: a failed post in the team channel is sent again through Teams
 * (without Teams it waits, and the report says so); a failed reminder goes again only while it can
 * still help; `/postausgang` and `outbox list` call a reminder "Erinnerung".
 *
 * Real parts: the JSON store, a real SMTP server on loopback. Teams is a stand-in for Microsoft's
 * connector: the outbox's TeamsChannel function, which records what it was handed.
 */
import { worded } from "./support/refusal.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { minutesFolderBeside, type MinutesFolder } from "../adapters/minutes-files.ts";
import type { Db } from "../domain/model.ts";
import { retryOutbox } from "../services/outbox-retry.ts";
import { outboxRows as rowsWith, queueMessage, TEAM_CHANNEL, type TeamsChannel } from "../services/outbox.ts";
import { render } from "../texts/catalog.ts";
import { reminderRows } from "../services/reminders.ts";
import { outboxListing } from "../texts/outbox.ts";
import { fixture, type Fixture } from "./support/invitation-fixture.ts";
import { bodyProfile } from "../services/context.ts";

const NOW = "2022-04-01T09:00:00+02:00";
/** The outbox's rows as the faces list them (the team channel named by the face's wording). */
const outboxRows = (db: Db, now: Date) => rowsWith(db, now, render);
let minutes: MinutesFolder; // no minutes are open in these tests
let f: Fixture;
beforeEach(async () => {
  f = await fixture(NOW);
  minutes = minutesFolderBeside(f.file);
});
afterEach(async () => {
  await f.close();
});

const texts = (de: string) => ({ de, en: de });
/** A message as a run left it when the server or Teams refused it. */
function failed(db: Db, fields: Parameters<typeof queueMessage>[1]): string {
  const m = queueMessage(db, fields, { now: new Date(NOW), actorId: "system" });
  Object.assign(m, { attempts: 1, error: "Verbindung abgelehnt", via: fields.purpose === "announcement" ? "teams" : "email" });
  return m.id;
}

describe("outbox retry by kind", () => {
  it("sends a failed team-channel post through Teams; without Teams it stays and the report says so", async () => {
    const meetingId = await f.meeting({ start: "2022-05-12T10:00", location: "Kreishaus Siegburg" });
    let id = "";
    await f.edit((db) => {
      id = failed(db, { personId: TEAM_CHANNEL, purpose: "announcement", meetingId, subject: texts("Einladung"), text: texts("Die Sitzung am 12.05.2022 ist einberufen.") });
    });
    const withoutTeams = await retryOutbox(f.services, "gs-1", { minutes });
    expect(withoutTeams.refused.map((e) => worded(e).texts.de)).toEqual([expect.stringContaining("1 Ankündigung(en) im Team-Kanal warten auf den Bot in Teams")]);
    expect((await f.store.read()).outbox.find((m) => m.id === id)).toMatchObject({ attempts: 1, acceptedAt: null });

    const posted: [string, string][] = [];
    const teams: TeamsChannel = async (personId, text) => (posted.push([personId, text]), true);
    const report = await retryOutbox({ ...f.services, teams }, "gs-1", { minutes });
    expect(posted).toEqual([[TEAM_CHANNEL, "Die Sitzung am 12.05.2022 ist einberufen."]]);
    expect(report).toMatchObject({ sent: 1, failed: 0, refused: [] });
    expect(report.messages.map((m) => [m.name, m.state, m.via])).toEqual([["Team-Kanal „Allgemein“", "accepted", "teams"]]);
  });

  it("sends a failed reminder again while it helps, not once its time is over; lists it as a reminder", async () => {
    await f.meeting({ start: "2022-05-12T10:00", location: "Kreishaus Siegburg" });
    const before = await f.store.read();
    const planned = reminderRows(before, new Date(NOW), bodyProfile(f.services, before)).find((r) => r.state === "planned")!;
    const reminder = (key: string) => ({ kind: planned.kind, key, dueAt: planned.dueAt, answerButtons: false });
    let useful = "";
    let stale = "";
    await f.edit((db) => {
      const base = { personId: planned.personId, purpose: "notice" as const, meetingId: planned.meetingId, subject: texts("Erinnerung"), text: texts("Bitte denken Sie an die Frist.") };
      useful = failed(db, { ...base, reminder: reminder(planned.key) });
      stale = failed(db, { ...base, reminder: reminder(`${planned.key}:vorbei`) });
    });
    const report = await retryOutbox(f.services, "gs-1", { minutes });
    expect(report.messages.map((m) => m.id)).toEqual([useful]);
    expect(report.sent).toBe(1);
    const db = await f.store.read();
    expect(db.outbox.find((m) => m.id === stale)).toMatchObject({ attempts: 1, acceptedAt: null });

    const listing = outboxListing("de", outboxRows(db, new Date(NOW)), (iso) => iso);
    expect(listing).toContain(`Erinnerung an ${planned.name}: zugestellt (E-Mail)`);
    expect(listing).not.toContain("Benachrichtigung an");
    expect(outboxListing("en", outboxRows(db, new Date(NOW)), (iso) => iso)).toContain(`reminder to ${planned.name}: failed`);
  });
});
