/**
 * The Teams meeting's own events, for a bot added to the meeting: start and end, participants
 * joining and leaving. Routed by the names Teams really sends — botbuilder's TeamsActivityHandler
 * uses the same — because @microsoft/teams-ai 1.7.4's `app.meetings.participantsJoin` listens for
 * "application/vnd.microsoft.meetingParticipantsJoin", which Teams never sends. Payloads as Teams
 * documents them: start/end `value` { Id, JoinUrl, MeetingType, Title, StartTime | EndTime };
 * join/leave `value.members[]` { user: { id, name, aadObjectId, … }, meeting: { inMeeting, role } };
 * `channelData.meeting.id` and the meeting chat as `conversation.id` on all four. A participant is
 * bound to their roster person as a chat message's sender is (services/bind-identity.ts).
 */
import { ActivityTypes, TeamsInfo, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { Application } from "./teams-ai.ts";
import type { Services } from "../services/context.ts";
import { meetingBoundary, participantsMoved, type Participant, type TeamsMeeting } from "../services/meeting-presence.ts";
import { dispatchNotices } from "../services/outbox.ts";
import { identify } from "../services/directory.ts";
import { personForAccount, type TeamsAccount } from "../services/bind-identity.ts";
import { accountOf } from "./teams-members.ts";

export const MEETING_EVENT = {
  start: "application/vnd.microsoft.meetingStart",
  end: "application/vnd.microsoft.meetingEnd",
  join: "application/vnd.microsoft.meetingParticipantJoin",
  leave: "application/vnd.microsoft.meetingParticipantLeave",
} as const;

const Boundary = z.object({ Id: z.string().optional(), JoinUrl: z.string().optional(), StartTime: z.string().optional(), EndTime: z.string().optional() }).passthrough();
const Members = z.object({
  members: z.array(z.object({
    user: z.object({ id: z.string().optional(), name: z.string().optional(), aadObjectId: z.string().optional(), email: z.string().optional(), userPrincipalName: z.string().optional() }).passthrough(),
  }).passthrough()),
}).passthrough();
const ChannelData = z.object({ meeting: z.object({ id: z.string() }).passthrough().optional() }).passthrough();

export interface MeetingEventDeps {
  services: Services;
  background: (work: () => Promise<void>) => void;
  log?: (message: string, error?: unknown) => void;
}

export function registerMeetingEvents(app: Application, deps: MeetingEventDeps): void {
  const names = Object.values(MEETING_EVENT) as string[];
  const isMeetingEvent = (ctx: TurnContext) =>
    Promise.resolve(ctx.activity.type === ActivityTypes.Event && ctx.activity.channelId === "msteams" && names.includes(ctx.activity.name ?? ""));
  app.activity(isMeetingEvent, async (ctx) => {
    const outbox = await apply(deps.services, ctx);
    // The chair's notice goes out after Teams got its answer, as a turn's notices do.
    if (outbox.length) deps.background(async () => void (await dispatchNotices(deps.services, outbox, deps.services.teams ?? null)));
  });
}

function teamsMeeting(ctx: TurnContext, joinUrl: string | null): TeamsMeeting {
  const data = ChannelData.safeParse(ctx.activity.channelData ?? {});
  return { teamsMeetingId: (data.success && data.data.meeting?.id) || null, chatId: ctx.activity.conversation?.id ?? null, joinUrl };
}

async function apply(services: Services, ctx: TurnContext): Promise<string[]> {
  const { name, id } = ctx.activity;
  if (name === MEETING_EVENT.start || name === MEETING_EVENT.end) {
    const value = Boundary.safeParse(ctx.activity.value ?? {});
    const v = value.success ? value.data : {};
    const at = validInstant(name === MEETING_EVENT.start ? v.StartTime : v.EndTime);
    const ref = teamsMeeting(ctx, v.JoinUrl ?? null);
    if (!ref.teamsMeetingId && v.Id) ref.teamsMeetingId = v.Id;
    return meetingBoundary(services, ref, name === MEETING_EVENT.start ? "start" : "end", at, id);
  }
  const value = Members.safeParse(ctx.activity.value ?? {});
  if (!value.success) return [];
  const db = await services.store.read();
  const participants = await Promise.all(value.data.members.map(async ({ user }): Promise<Participant> => {
    const p = { id: user.id ?? null, aadObjectId: user.aadObjectId ?? null, email: user.email ?? null, userPrincipalName: user.userPrincipalName ?? null, name: user.name ?? user.id ?? "" };
    // The roster knows e-mail addresses, not Entra ids: ask Teams for the addresses of someone it cannot place yet.
    if (identify(db, { aadObjectId: p.aadObjectId }) || personForAccount(db, p) || !user.id) return p;
    const member = await memberAccount(ctx, user.id);
    return member ? { ...p, email: member.email ?? null, userPrincipalName: member.userPrincipalName ?? null } : p;
  }));
  return participantsMoved(services, teamsMeeting(ctx, null), name === MEETING_EVENT.join ? "joined" : "left", participants, id);
}

/** The participant as a member of the meeting chat (GET v3/conversations/{chat}/members/{id}); null where Teams does not say. */
async function memberAccount(ctx: TurnContext, userId: string): Promise<TeamsAccount | null> {
  try {
    return accountOf(await TeamsInfo.getMember(ctx, userId));
  } catch {
    return null; // not found or not allowed: recorded by name, not counted
  }
}

/** Teams' "2021-04-29T16:17:17.4388966Z": seven decimals, which zod's datetime check refuses; kept to the millisecond. */
function validInstant(text: string | undefined): string | null {
  if (!text) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
