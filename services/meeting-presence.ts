/**
 * The digital session follows itself: Teams' meeting start and end and its participant join and
 * leave events (bot/meeting-events.ts turns the activities into these commands). A join checks in
 * the person's institution, a leave checks it out — the same check-ins as "Ich bin anwesend" and
 * `/anwesend` (presence.ts), so a hybrid meeting counts both. When a leave makes the count fall
 * below the quorum, the chair is told once, with the presumption of quorum from the profile.
 * Each command runs on the runner with the activity's id: an event Teams sends again applies once.
 */
import { z } from "zod";
import type { Db, Meeting, Person, SessionLog } from "../domain/model.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Services } from "./context.ts";
import { bindAccount } from "./bind-identity.ts";
import { anyPerson } from "./permissions.ts";
import { checkInPerson, checkOutPerson } from "./presence.ts";
import { run, type Command, type CommandContext } from "./runner.ts";
import { say } from "./say.ts";
import { quorumNow } from "./session.ts";

/** Which Teams meeting an event is about: its id, its chat (the conversation) and, on start and end, its join URL. */
const TeamsMeeting = z.object({
  teamsMeetingId: z.string().nullable(),
  chatId: z.string().nullable(),
  joinUrl: z.string().nullable(),
});
export type TeamsMeeting = z.infer<typeof TeamsMeeting>;

/** A participant as Teams names them (the event, and where it gave no address, the members endpoint). */
const Participant = z.object({
  id: z.string().nullable(),
  aadObjectId: z.string().nullable(),
  email: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  name: z.string(),
});
export type Participant = z.infer<typeof Participant>;

/**
 * How far from its scheduled time a meeting still counts as running: Teams meetings open early and
 * run over. Events outside this window count for no meeting (a test call the day before, say).
 */
const OPENS_EARLY_MS = 60 * 60_000;
const RUNS_OVER_MS = 120 * 60_000;

/** The chat of a Teams meeting, "19:meeting_…@thread.v2"; its join URL carries it, URL-encoded. */
export function meetingThread(urlOrChat: string | null): string | null {
  if (!urlOrChat) return null;
  let text = urlOrChat;
  try {
    text = decodeURIComponent(urlOrChat);
  } catch {
    // not URL-encoded: taken as it is
  }
  return text.match(/19:meeting_[^/@\s]+@thread\.v2/i)?.[0].toLowerCase() ?? null;
}

const distance = (m: Meeting, now: Date) => Math.abs(Date.parse(m.start) - now.getTime());

/**
 * Our meeting for a Teams meeting, among those running now: the one this Teams meeting was seen for
 * before, else by its join URL or chat (a recurring Teams link may serve several of ours), else the
 * one running now. Null when none runs: the event is then not ours to count.
 */
export function matchMeeting(db: Db, ref: TeamsMeeting, now: Date): Meeting | null {
  const t = now.getTime();
  const running = db.meetings.filter((m) => m.state !== "cancelled" && Date.parse(m.start) - OPENS_EARLY_MS <= t && t <= Date.parse(m.end) + RUNS_OVER_MS);
  const nearest = (list: Meeting[]) => [...list].sort((a, b) => distance(a, now) - distance(b, now))[0] ?? null;
  const seen = (m: Meeting) => !!m.session && ((!!ref.teamsMeetingId && m.session.teamsMeetingId === ref.teamsMeetingId) || (!!ref.chatId && m.session.chatId === ref.chatId));
  const threads = [meetingThread(ref.joinUrl), meetingThread(ref.chatId)].filter((x): x is string => x !== null);
  const linked = (m: Meeting) => !!m.onlineUrl && (m.onlineUrl === ref.joinUrl || threads.includes(meetingThread(m.onlineUrl) ?? ""));
  return nearest(running.filter(seen)) ?? nearest(running.filter(linked)) ?? nearest(running);
}

function sessionLog(meeting: Meeting, ref: TeamsMeeting): SessionLog {
  meeting.session ??= { teamsMeetingId: null, chatId: null, startedAt: null, endedAt: null, belowQuorumNoticeAt: null, events: [] };
  const log = meeting.session;
  log.teamsMeetingId ??= ref.teamsMeetingId;
  log.chatId ??= ref.chatId;
  return log;
}

/** People in the Teams meeting now: whose last event is a join. */
export function inMeeting(log: SessionLog): Set<string> {
  const last = new Map<string, string>();
  for (const e of log.events) if (e.personId) last.set(e.personId, e.kind);
  return new Set([...last].filter(([, kind]) => kind === "joined").map(([id]) => id));
}

const Boundary = z.object({ teams: TeamsMeeting, edge: z.enum(["start", "end"]), at: z.string().datetime({ offset: true }).nullable() });
type Boundary = z.infer<typeof Boundary>;

/** meetingStart / meetingEnd: the actual beginning and end, for the minutes (§ 7 Abs. 1 GO: "Uhrzeit"). */
export const meetingBoundaryCommand: Command<Boundary, { meetingId: string | null }> = {
  input: Boundary,
  may: anyPerson,
  apply({ db, input: { teams, edge, at }, now, audit }) {
    const meeting = matchMeeting(db, teams, now);
    if (!meeting) return { meetingId: null };
    const log = sessionLog(meeting, teams);
    const when = toBerlinIso(at ? new Date(at) : now);
    // The first start counts (a restarted call does not move the beginning); the last end does.
    if (edge === "start") log.startedAt ??= when;
    else log.endedAt = when;
    audit(edge === "start" ? "session.started" : "session.ended", { meetingId: meeting.id, at: when, teamsMeetingId: teams.teamsMeetingId });
    return { meetingId: meeting.id };
  },
};

const Movement = z.object({ teams: TeamsMeeting, kind: z.enum(["joined", "left"]), participants: z.array(Participant) });
type Movement = z.infer<typeof Movement>;

/** meetingParticipantJoin / meetingParticipantLeave: check in or out, and watch the quorum. */
export const participantsCommand: Command<Movement, { meetingId: string | null; changed: number }> = {
  input: Movement,
  may: anyPerson,
  apply(ctx) {
    const { db, input: { teams, kind, participants }, now } = ctx;
    const meeting = matchMeeting(db, teams, now);
    if (!meeting) return { meetingId: null, changed: 0 };
    const log = sessionLog(meeting, teams);
    const before = quorumNow(db, meeting.id, null, ctx.profile);
    let changed = 0;
    for (const p of participants) {
      const person = rosterPerson(ctx, p);
      log.events.push({ personId: person?.id ?? null, name: person?.name ?? p.name, kind, at: toBerlinIso(now) });
      if (person && move(ctx, meeting, person.id, kind, log)) changed++;
    }
    if (kind === "left") watchQuorum(ctx, meeting, log, before.quorate === true);
    return { meetingId: meeting.id, changed };
  },
};

/**
 * The participant's roster person, bound on the way exactly as a chat message binds its sender
 * (bind-identity.ts: the same address rule, audited, the Entra object id stored). Anyone else is a
 * guest: recorded by name in the session log, never counted (guests have no vote; Rhein-Sieg § 2
 * Abs. 3 GO). Unlike a stranger in the 1:1 chat, the Geschäftsstelle is not told per guest: guests
 * are normal in a meeting (speakers, staff, the press), a notice for each would be noise, and the
 * minutes list them. An address whose person is bound to another Teams account is not taken over
 * here either; the Geschäftsstelle hears of that account when it writes, and `/anwesend` corrects.
 */
function rosterPerson(ctx: CommandContext<Movement>, p: Participant): Person | null {
  if (!p.aadObjectId) return null; // anonymous participants: no Entra identity to bind
  return bindAccount(ctx, { ...p, id: p.id ?? p.aadObjectId, aadObjectId: p.aadObjectId });
}

function move({ db, now, actorId, audit }: CommandContext<Movement>, meeting: Meeting, personId: string, kind: Movement["kind"], log: SessionLog): boolean {
  const meetingId = meeting.id;
  const hybrid = meeting.mode === "hybrid";
  if (kind === "joined") {
    const done = checkInPerson(db, meetingId, personId, now, actorId, "online");
    if (done.kind !== "checked-in") return false;
    audit("attendance.joined-teams-meeting", { meetingId, institutionId: done.institution.id, personId, role: done.role });
    return true;
  }
  const done = checkOutPerson(db, meetingId, personId, now, actorId, inMeeting(log), hybrid);
  if (done.kind === "not-counted") return false;
  const to = done.kind === "handed-to" ? done.to.id : null;
  audit("attendance.left-teams-meeting", { meetingId, institutionId: done.institution.id, personId, countedNow: to });
  return true;
}

/**
 * Tells the chair once per meeting when leaving participants took the count below the quorum
 * during the scheduled time (at the end everyone leaves; that is no news). The group still counts
 * as quorate until the chair declares otherwise, where the profile presumes it (§ 6 Abs. 4 GO).
 */
function watchQuorum({ db, now, notify, profile, render }: CommandContext<Movement>, meeting: Meeting, log: SessionLog, wasQuorate: boolean): void {
  if (!wasQuorate || log.belowQuorumNoticeAt || now.getTime() >= Date.parse(meeting.end)) return;
  const q = quorumNow(db, meeting.id, null, profile);
  const declared = db.quorumDeclarations.some((d) => d.meetingId === meeting.id && d.agendaItemId === null && !d.quorate);
  if (q.quorate !== false || declared) return;
  log.belowQuorumNoticeAt = toBerlinIso(now);
  notify([{ personId: db.body.chairId, ...render(say("meeting-events.belowQuorumNotice", q)) }], meeting.id);
}

/** Runs one meeting event; `activityId` makes an event that Teams sends again apply once. Returns the outbox ids to send. */
export async function meetingBoundary(services: Services, teams: TeamsMeeting, edge: "start" | "end", at: string | null, activityId?: string): Promise<string[]> {
  const ran = await run(services, meetingBoundaryCommand, { actorId: "system", activityId, input: { teams, edge, at } });
  return ran.duplicate ? [] : ran.outbox;
}

export async function participantsMoved(services: Services, teams: TeamsMeeting, kind: "joined" | "left", participants: Participant[], activityId?: string): Promise<string[]> {
  const ran = await run(services, participantsCommand, { actorId: "system", activityId, input: { teams, kind, participants } });
  return ran.duplicate ? [] : ran.outbox;
}
