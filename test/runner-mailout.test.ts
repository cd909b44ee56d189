/**
 * The runner's mail-out shape (services/runner.ts `MailOut`), as the Geschäftsstelle and a member
 * would check it: the same Teams activity delivered twice sends the invitation once; a member may
 * not send it and nothing is recorded; a delegation after the invitation records the deputy's own
 * invitation mail in its outbox, which the face sends once.
 * Real parts: the JSON store, a real SMTP server on loopback.
 */
import { words } from "../texts/catalog.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { delegate } from "../services/delegate-seat.ts";
import { ServiceError } from "../services/errors.ts";
import { inviteCommand } from "../services/invitations.ts";
import { sendRecordedInvitations } from "./support/worded-invitations.ts";
import { dispatchNotices, TEAM_CHANNEL, type TeamsChannel } from "../services/outbox.ts";
import { runMailOut } from "../services/runner.ts";
import { rememberTeam } from "../services/team-sync.ts";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";

const MEETING = { start: "2022-05-12T10:00", location: "Kreishaus Siegburg, Großer Sitzungssaal" };
const DEPUTY = { id: "d-jugendamt", email: "michael.jaeger@example.org" };

describe("a mail-out on the runner", () => {
  let f: Fixture;
  let meetingId: string;
  beforeEach(async () => {
    f = await fixture("2022-04-20T09:15:00+02:00");
    meetingId = await f.meeting(MEETING);
  });
  afterEach(() => f.close());

  it("sends once when Teams delivers the same activity twice; the second answers with the state as it stands", async () => {
    const call = { actorId: GS, activityId: "activity-1", input: { meetingId, urgent: false, reason: null } };
    const first = await runMailOut(f.services, inviteCommand, call);
    expect(first.duplicate).toBe(false);
    const sent = f.smtp.messages.length;
    expect(sent).toBeGreaterThan(15);
    expect(first.value.sentNow).toBe(sent);

    const again = await runMailOut(f.services, inviteCommand, call);
    expect(again).toMatchObject({ duplicate: true, outbox: [] });
    expect(again.value.sentNow).toBe(0);
    expect(f.smtp.messages).toHaveLength(sent);
  });

  it("refuses a member in one sentence and records nothing", async () => {
    const refused = await runMailOut(f.services, inviteCommand, { actorId: "m-jugendamt", input: { meetingId, urgent: false, reason: null } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(words((refused as ServiceError).said).de).toBe("Einladungen versendet die Geschäftsstelle (oder der Vorsitz).");
    expect((await f.store.read()).invitations).toEqual([]);
    expect(f.smtp.messages).toHaveLength(0);
  });

  it("a delegation after the invitation carries the deputy's invitation mail in its outbox; sent once", async () => {
    await runMailOut(f.services, inviteCommand, { actorId: GS, input: { meetingId, urgent: false, reason: null } });
    const before = f.smtp.messages.length;
    const out = await delegate(f.services, "m-jugendamt", meetingId, "activity-2");
    const mails = out.outbox.filter((id) => id.endsWith(`/${DEPUTY.id}`));
    expect(mails).toHaveLength(1);
    expect(f.smtp.messages).toHaveLength(before); // recorded, not yet sent

    const told = await sendRecordedInvitations(f.services, out.outbox);
    expect(told.map((t) => t.de)).toEqual(["Michael Jäger (Vertretung für Sabine Fuchs) hat die Einladung per E-Mail erhalten."]);
    expect(f.smtp.messages.slice(before).map((m) => m.to)).toEqual([[DEPUTY.email]]);

    expect(await sendRecordedInvitations(f.services, out.outbox)).toEqual([]);
    expect(f.smtp.messages).toHaveLength(before + 1);
  });

  it("the service records the team channel's post itself, whatever face ran it; sent once with the outbox", async () => {
    // A stand-in for Teams (Microsoft's cloud): it takes every post and says it was delivered.
    const posts: { personId: string; text: string }[] = [];
    const teams: TeamsChannel = async (personId, text) => (posts.push({ personId, text }), personId === TEAM_CHANNEL);
    const services = { ...f.services, teams };
    await rememberTeam(services, { teamId: "19:team@thread.tacv2", name: "KIM", tenantId: "tenant-1", serviceUrl: "https://smba.trafficmanager.net/emea/", generalChannelId: "19:team@thread.tacv2", botId: "28:bot" });
    const ran = await runMailOut(services, inviteCommand, { actorId: GS, input: { meetingId, urgent: false, reason: null } });
    const db = await f.store.read();
    const post = db.outbox.find((m) => m.purpose === "announcement");
    expect(post).toMatchObject({ personId: TEAM_CHANNEL, meetingId });
    expect(ran.outbox).toContain(post!.id);

    await dispatchNotices(services, ran.outbox, teams);
    expect(posts.filter((p) => p.personId === TEAM_CHANNEL)).toHaveLength(1);
    const again = await runMailOut(services, inviteCommand, { actorId: GS, input: { meetingId, urgent: false, reason: null } });
    expect(again.outbox).toEqual([]); // nothing new to post
  });
});
