/**
 * What the whole team may see, posted in its General channel as outbox messages: the invitation
 * went out (date, place, public agenda items), the meeting changed or was cancelled, the minutes
 * went out (the public version where the profile has one). Never a non-public item: the agenda
 * item's own `public` flag decides, the profile gives the citation.
 *
 * With the invitation, every recipient the bot can reach in Teams (a conversation they started, or
 * a 1:1 chat the bot opens as a member of the team) also gets it there, as a Teams-only message:
 * the e-mail with the calendar invitation is the one that counts (§ 4 Abs. 5 GO in Rhein-Sieg).
 *
 * Each post is recorded once per occasion (a repeated `/einladen` posts nothing new), whatever face
 * ran the command: the chat, or the command line. A face without a Teams channel leaves them in the
 * outbox, and the running bot sends them on its next round (`sendWaitingForTeams`).
 */
import type { Db, Meeting } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import type { NoticeCode, Said } from "../texts/catalog.ts";
import type { MeetingFacts } from "../texts/teams.ts";
import { bodyProfile, renderOf, type Services } from "./context.ts";
import { hasConversation } from "./conversation-state.ts";
import { latestInvitation } from "./invitation-core.ts";
import { deliveryStatus, dispatchNotices, queueMessage, TEAM_CHANNEL, meetingOver, type Delivered } from "./outbox.ts";
import { say } from "./say.ts";
import { oneToOneTarget } from "./team-sync.ts";

export type Occasion = "invitation" | "changed" | "cancelled" | "minutes";

function facts(db: Db, meeting: Meeting, profile: Profile): MeetingFacts {
  return { bodyName: db.body.name, bodyKind: profile.bodyKind, start: meeting.start, location: meeting.location, onlineUrl: meeting.onlineUrl };
}

const publicItems = (m: Meeting) => m.agenda.filter((a) => a.public).map((a) => ({ number: a.number, title: a.title }));

/** What the team's channel reads for `occasion`: public items only, citations from the profile. */
export function announcementFor(db: Db, meeting: Meeting, occasion: Occasion, profile: Profile): Said<NoticeCode> {
  const f = facts(db, meeting, profile);
  switch (occasion) {
    case "invitation": return say("teams.invitationAnnouncement", f, publicItems(meeting), profile.nonPublic.regulated ? profile.nonPublic.citation : null);
    case "changed": return say("teams.changedAnnouncement", f);
    case "cancelled": return say("teams.cancelledAnnouncement", f);
    case "minutes": {
      const rules = profile.minutes.regulated ? profile.minutes.publicity : null;
      return say("teams.minutesAnnouncement", f, rules?.public
        ? { public: true, citation: rules.citation, items: publicItems(meeting), contact: db.body.secretariatEmail }
        : { public: false, note: rules && !rules.public ? rules.note : null });
    }
  }
}

/** Whether the bot can reach this person in Teams (a stored conversation, or a 1:1 chat it may open). */
export function reachableInTeams(db: Db, personId: string): boolean {
  return hasConversation(db, personId) || oneToOneTarget(db, personId) !== null;
}

/**
 * Records the post for `occasion` (and, for the invitation, the Teams notices to its recipients)
 * once the members were actually sent something; returns the outbox ids to send now. No post
 * without an installation in a team, nothing twice. Without a Teams channel here (a command line
 * that cannot reach the connector) the messages are recorded all the same and none come back: they
 * wait for the bot. Without a channel and without a team (the Playground) nothing is recorded.
 */
export async function announce(services: Pick<Services, "store" | "clock" | "teams" | "profiles" | "render">, actorId: string, meetingId: string, occasion: Occasion): Promise<string[]> {
  const now = services.clock();
  const render = renderOf(services);
  const done = await services.store.update({ actorId }, (db, audit) => {
    if (!services.teams && !db.teams) return [];
    const meeting = db.meetings.find((m) => m.id === meetingId);
    const latest = latestInvitation(db, meetingId);
    const sent = occasion === "minutes" ? Boolean(db.minutes.find((m) => m.meetingId === meetingId)?.sentAt) : Boolean(latest?.recipients.some((r) => r.acceptedAt));
    if (!meeting || !sent) return [];
    const key = `announced:${occasion}:${meetingId}:${occasion === "minutes" ? "" : latest!.sequence}`;
    if (db.botState[key]) return [];
    db.botState[key] = now.toISOString();
    const profile = bodyProfile(services, db);
    const meta = { now, actorId };
    const ids: string[] = [];
    if (db.teams) ids.push(queueMessage(db, { personId: TEAM_CHANNEL, purpose: "announcement", meetingId, ...render(announcementFor(db, meeting, occasion, profile)) }, meta).id);
    if (occasion === "invitation") {
      const notice = render(say("teams.invitationTeamsNotice", facts(db, meeting, profile)));
      for (const r of latest!.recipients.filter((x) => reachableInTeams(db, x.personId))) {
        ids.push(queueMessage(db, { personId: r.personId, purpose: "notice", meetingId, teamsOnly: true, ...notice }, meta).id);
      }
    }
    if (ids.length) audit("teams.announced", { meetingId, occasion, messages: ids });
    return ids;
  });
  return done.duplicate || !services.teams ? [] : done.value;
}

/**
 * Messages only Teams can carry (channel posts, the invitation's Teams notices) that no run has
 * tried yet: recorded where there was no Teams channel. A notice about a meeting that is over is
 * no longer worth it; a tried and failed one is for `outbox retry`, not for the bot's rounds.
 */
export function waitingForTeams(db: Db, now: Date): string[] {
  return db.outbox
    .filter((m) => (m.purpose === "announcement" || m.teamsOnly) && m.attempts === 0 && deliveryStatus(m, now) === "open")
    .filter((m) => m.purpose === "announcement" || !meetingOver(db, m.meetingId, now))
    .map((m) => m.id);
}

/** Sends what waits for Teams, once each, where this face has a Teams channel (the bot's rounds, a command line that reaches the connector). */
export async function sendWaitingForTeams(services: Services): Promise<Delivered[]> {
  if (!services.teams) return [];
  const ids = waitingForTeams(await services.store.read(), services.clock());
  return dispatchNotices(services, ids, services.teams);
}
