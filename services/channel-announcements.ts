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
 * Each post is recorded once per occasion (a repeated `/einladen` posts nothing new).
 */
import type { Db, Meeting } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { bodyGenitive, meetingTitle } from "../texts/invitation-mail.ts";
import {
  cancelledAnnouncement, changedAnnouncement, invitationAnnouncement, invitationTeamsNotice, minutesAnnouncement, type MeetingFacts,
} from "../texts/teams.ts";
import type { NoticeTexts } from "../texts/outbox.ts";
import { bodyProfile, type Services } from "./context.ts";
import { hasConversation } from "./conversation-state.ts";
import { latestInvitation } from "./invitation-core.ts";
import { queueMessage, TEAM_CHANNEL } from "./outbox.ts";
import { oneToOneTarget } from "./team-sync.ts";

export type Occasion = "invitation" | "changed" | "cancelled" | "minutes";

function facts(db: Db, meeting: Meeting, profile: Profile): MeetingFacts {
  return { title: meetingTitle(bodyGenitive(db.body.name, profile.bodyKind)), start: meeting.start, location: meeting.location, onlineUrl: meeting.onlineUrl };
}

const publicItems = (m: Meeting) => m.agenda.filter((a) => a.public).map((a) => ({ number: a.number, title: a.title }));

/** What the team's channel reads for `occasion`: public items only, citations from the profile. */
export function announcementFor(db: Db, meeting: Meeting, occasion: Occasion, profile: Profile): NoticeTexts {
  const f = facts(db, meeting, profile);
  switch (occasion) {
    case "invitation": return invitationAnnouncement(f, publicItems(meeting), profile.nonPublic.regulated ? profile.nonPublic.citation : null);
    case "changed": return changedAnnouncement(f);
    case "cancelled": return cancelledAnnouncement(f);
    case "minutes": {
      const rules = profile.minutes.regulated ? profile.minutes.publicity : null;
      return minutesAnnouncement(f, rules?.public
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
 * once the members were actually sent something; returns the outbox ids to send. Nothing where the
 * bot has no Teams channel, no post without an installation in a team, nothing twice.
 */
export async function announce(services: Pick<Services, "store" | "clock" | "teams" | "profiles">, actorId: string, meetingId: string, occasion: Occasion): Promise<string[]> {
  if (!services.teams) return []; // the command line, the Playground: no Teams to post in
  const now = services.clock();
  const done = await services.store.update({ actorId }, (db, audit) => {
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
    if (db.teams) ids.push(queueMessage(db, { personId: TEAM_CHANNEL, purpose: "announcement", meetingId, ...announcementFor(db, meeting, occasion, profile) }, meta).id);
    if (occasion === "invitation") {
      const notice = invitationTeamsNotice(facts(db, meeting, profile));
      for (const r of latest!.recipients.filter((x) => reachableInTeams(db, x.personId))) {
        ids.push(queueMessage(db, { personId: r.personId, purpose: "notice", meetingId, teamsOnly: true, ...notice }, meta).id);
      }
    }
    if (ids.length) audit("teams.announced", { meetingId, occasion, messages: ids });
    return ids;
  });
  return done.duplicate ? [] : done.value;
}
