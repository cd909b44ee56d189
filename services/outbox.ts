/**
 * The outbox: every message the bot sends anyone follows one protocol, whatever it carries.
 *
 *   1. recorded with recipient and purpose in the store update of the command that caused it;
 *   2. claimed by one sending run under the store lock (another run leaves a claimed one alone);
 *   3. sent outside the lock through the person's channel: Teams where the bot can reach them,
 *      else e-mail (calendar invitations always by e-mail);
 *   4. its result recorded under the lock: accepted, or refused with the server's answer.
 *
 * Invitation mails are the recipients of their invitation record (the proof of notice); notices
 * and minutes mails are `db.outbox` messages. Both carry the same delivery fields and go through
 * the functions below; `outboxRows` shows them together, `retryOutbox` sends what is still open.
 */
import type { MailMessage, Mailer } from "../adapters/mail-transport.ts";
import type { Db, DeliveryState, OutboxMessage } from "../domain/model.ts";
import { toBerlinIso } from "../rules/time.ts";
import { composeNotice } from "../adapters/notice-mail.ts";
import type { Render } from "../texts/catalog.ts";
import type { NoticeTexts, OutboxPurpose } from "../texts/outbox.ts";
import type { Services } from "./context.ts";
import { lastLang } from "./directory.ts";
import { bodyProfile, renderOf } from "./context.ts";
import type { Profile } from "../domain/profile.ts";
import { say } from "./say.ts";

/**
 * A claim (`claimedAt`) older than this is from a process that died while sending: the message is
 * tried again (the one case in which someone may get a message twice: sent, but never recorded).
 * Longer than nodemailer's longest socket timeout (10 minutes). `attempts` counts the tries.
 */
export const CLAIM_EXPIRES_MS = 15 * 60_000;

export type DeliveryStatus = "accepted" | "sending" | "open";

/** Whether the meeting a message is about has ended (then a notice about it helps nobody); no meeting: not over. */
export function meetingOver(db: Db, meetingId: string | null, now: Date): boolean {
  return meetingId !== null && Date.parse(db.meetings.find((m) => m.id === meetingId)?.end ?? "") <= now.getTime();
}

export function deliveryStatus(d: DeliveryState, now: Date): DeliveryStatus {
  if (d.acceptedAt) return "accepted";
  if (d.claimedAt && now.getTime() - Date.parse(d.claimedAt) < CLAIM_EXPIRES_MS) return "sending";
  return "open";
}

/** Step 2: marks the message as being sent by this run. */
export function claim(d: DeliveryState, now: Date): void {
  d.claimedAt = toBerlinIso(now);
  d.attempts += 1;
}

/**
 * Step 4: the server's answer; an acceptance is never overwritten. A refusal without a reason is
 * recorded as an empty one (still a failure), which the listing words as an unknown error.
 */
export function recordResult(d: DeliveryState, result: { accepted: boolean; error?: string | undefined; at: Date; filed?: boolean }): void {
  if (d.acceptedAt) return;
  d.acceptedAt = result.accepted ? toBerlinIso(result.at) : null;
  if (result.accepted && result.filed) d.filed = true;
  d.error = result.accepted ? null : (result.error ?? "");
  d.claimedAt = null;
}

/** A message for someone other than the person who asked (the deputy, the Geschäftsstelle). */
export interface Notice extends NoticeTexts {
  personId: string;
}

/** Step 1 for notices: records them in the command's own store update; returns their ids to send. */
export function queueNotices(db: Db, notices: Notice[], meta: { now: Date; actorId: string; meetingId: string | null }): string[] {
  return notices.map((n) => queueMessage(db, { personId: n.personId, purpose: "notice", meetingId: meta.meetingId, subject: n.subject, text: n.text }, meta).id);
}

export function queueMessage(
  db: Db,
  fields: Pick<OutboxMessage, "personId" | "purpose" | "meetingId" | "subject" | "text"> & Partial<Pick<OutboxMessage, "reminder">> & { teamsOnly?: boolean },
  meta: { now: Date; actorId: string },
): OutboxMessage {
  const message: OutboxMessage = {
    id: `o-${db.outbox.length + 1}`,
    reminder: null,
    ...fields,
    teamsOnly: fields.teamsOnly ?? false,
    createdAt: toBerlinIso(meta.now),
    createdBy: meta.actorId,
    via: null,
    acceptedAt: null,
    error: null,
    attempts: 0,
    claimedAt: null,
  };
  db.outbox.push(message);
  return message;
}

/** What a Teams message carries besides its text: the answer buttons of a meeting (a reminder to answer). */
export interface TeamsExtras {
  answerButtons?: { meetingId: string; lang: "de" | "en" };
}

/** The "person" of an announcement: the General channel of the team the bot is installed in. */
export const TEAM_CHANNEL = "team-channel";

/**
 * Teams as a channel, given by the bot: sends a text into the person's 1:1 conversation (stored,
 * or opened by the bot), or into the team's General channel for TEAM_CHANNEL. Resolves false when
 * the bot cannot reach them there; throws when Teams refuses. `drain` hands over the notices the
 * channel itself recorded while sending (the Geschäftsstelle told why someone is unreachable).
 */
export type TeamsChannel = ((personId: string, text: string, extras?: TeamsExtras) => Promise<boolean>) & {
  drain?: () => string[];
  /** Every member of the installed team (all pages), as the connector lists them; for `/abgleich`. */
  readTeam?: (team: { teamId: string; serviceUrl: string }) => Promise<unknown[]>;
};

/** How one message went, for the person who caused it. */
export interface Delivered {
  id: string;
  personId: string;
  name: string;
  via: "teams" | "email" | null;
  accepted: boolean;
  error: string | null;
}

/** One claimed message: how to send it, taken from the snapshot under the lock. */
interface Claimed {
  id: string;
  personId: string;
  name: string;
  send: () => Promise<{ accepted: boolean; via: "teams" | "email"; error?: string }>;
}

/**
 * Sends the notices `ids` (or every open notice), each once, and records the results. A notice
 * goes to Teams where the person is reachable there, else by e-mail; a failed Teams send falls
 * back to e-mail.
 */
export async function dispatchNotices(services: Services, ids: string[] | "open", teams: TeamsChannel | null): Promise<Delivered[]> {
  if (Array.isArray(ids) && ids.length === 0) return [];
  const now = services.clock();
  const claimed = await services.store.update({ actorId: "system" }, (db) => {
    const wanted = db.outbox.filter((m) => (m.purpose === "notice" || m.purpose === "announcement") && (ids === "open" || ids.includes(m.id)));
    const open = wanted.filter((m) => deliveryStatus(m, now) === "open");
    for (const m of open) claim(m, now);
    return open.map((m) => noticeSender(db, m, { mailer: services.mailer, teams, render: renderOf(services) }, bodyProfile(services, db), now));
  });
  if (claimed.duplicate) return [];
  const delivered = await sendAndRecord(services, claimed.value);
  const told = teams?.drain?.() ?? [];
  if (told.length) await dispatchNotices(services, told, teams);
  return delivered;
}

/** Steps 3 and 4 for claimed outbox messages. */
export async function sendAndRecord(services: Services, claimed: Claimed[]): Promise<Delivered[]> {
  if (claimed.length === 0) return [];
  const results = await Promise.all(claimed.map(async (c) => ({ c, r: await c.send(), at: services.clock() })));
  await services.store.update({ actorId: "system" }, (db, audit) => {
    for (const { c, r, at } of results) {
      const m = db.outbox.find((x) => x.id === c.id);
      if (!m) continue;
      recordResult(m, { ...r, at, filed: r.via === "email" && services.mailer.kind === "outbox" });
      m.via = r.via;
    }
    audit("outbox.delivered", {
      accepted: results.filter((x) => x.r.accepted).map((x) => ({ id: x.c.id, personId: x.c.personId, via: x.r.via })),
      failed: results.filter((x) => !x.r.accepted).map((x) => ({ id: x.c.id, personId: x.c.personId, via: x.r.via, error: x.r.error })),
    });
  });
  return results.map(({ c, r }) => ({ id: c.id, personId: c.personId, name: c.name, via: r.via, accepted: r.accepted, error: r.accepted ? null : (r.error ?? null) }));
}

/** How a notice leaves: the mail server, Teams where the face has it, and the face's wording for what is recorded. */
interface Ways {
  mailer: Mailer;
  teams: TeamsChannel | null;
  render: Render;
}

/** A recorded reason or name, worded by the face; stored and listed as it is, so in German. */
const stored = (render: Render, code: "outbox.NOT_IN_TEAMS" | "outbox.UNKNOWN_PERSON" | "outbox.UNKNOWN_ERROR_TEXT" | "outbox.TEAM_CHANNEL_NAME") => render(say(code)).de;

/** Why a message was refused, as every message records and reports it: the server's answer, else an unknown error. */
export function refusal(render: Render, error: string | undefined): string {
  return error ?? stored(render, "outbox.UNKNOWN_ERROR_TEXT");
}

function noticeSender(db: Db, m: OutboxMessage, { mailer, teams, render }: Ways, profile: Profile, now: Date): Claimed {
  const person = db.persons.find((p) => p.id === m.personId);
  const lang = lastLang(db, m.personId);
  const name = person?.name ?? (m.personId === TEAM_CHANNEL ? stored(render, "outbox.TEAM_CHANNEL_NAME") : m.personId);
  const mail = person && composeNotice({
    body: { name: db.body.name, kind: profile.bodyKind, secretariatEmail: db.body.secretariatEmail },
    to: { name: person.name, address: person.email, salutation: person.salutation ?? null },
    lang,
    notice: { subject: m.subject, text: m.text! },
    date: now,
  });
  const notInTeams = stored(render, "outbox.NOT_IN_TEAMS");
  return {
    id: m.id,
    personId: m.personId,
    name,
    send: async () => {
      let teamsError: string = notInTeams;
      if (teams) {
        try {
          if (await teams(m.personId, m.text![lang], teamsExtras(m, lang))) return { accepted: true, via: "teams" };
        } catch (e) {
          // not reachable in Teams (bot removed, app not available to them): e-mail below
          teamsError = (e as Error).message || notInTeams;
        }
      }
      // The invitation's e-mail already carries what a Teams-only message says; a post has no address.
      if (m.teamsOnly || m.purpose === "announcement") return { accepted: false, via: "teams", error: teamsError };
      if (!mail) return { accepted: false, via: "email", error: stored(render, "outbox.UNKNOWN_PERSON") };
      return sendMail(mailer, mail, render);
    },
  };
}

function teamsExtras(m: OutboxMessage, lang: "de" | "en"): TeamsExtras | undefined {
  return m.reminder?.answerButtons && m.meetingId ? { answerButtons: { meetingId: m.meetingId, lang } } : undefined;
}

async function sendMail(mailer: Mailer, mail: MailMessage, render: Render): Promise<{ accepted: boolean; via: "email"; error?: string }> {
  const sent = await mailer.send(mail);
  return sent.accepted ? { accepted: true, via: "email" } : { accepted: false, via: "email", error: refusal(render, sent.error) };
}

/** One line of `outbox list` and `/postausgang`. */
export interface OutboxRow {
  id: string;
  personId: string;
  name: string;
  purpose: OutboxPurpose;
  /** A notice sent as a reminder (services/reminders.ts). */
  reminder: boolean;
  meetingId: string | null;
  /** In the person's language; null for invitation mails, whose subject is built from the meeting as it is sent. */
  subject: string | null;
  via: "teams" | "email" | null;
  /** "filed": written to the outbox folder (no SMTP_URL), not sent. */
  state: "queued" | "sending" | "accepted" | "filed" | "failed";
  /** When this message was recorded; an invitation mail: when it was sent, else its record's time. */
  createdAt: string;
  attempts: number;
  acceptedAt: string | null;
  error: string | null;
}

function stateOf(d: DeliveryState, now: Date): OutboxRow["state"] {
  const status = deliveryStatus(d, now);
  if (status === "accepted" && d.filed) return "filed";
  if (status !== "open") return status;
  return d.error !== null ? "failed" : "queued";
}

/** An invitation mail's outbox id: the recipient of its invitation record. */
export function invitationMailId(invitationId: string, personId: string): string {
  return `${invitationId}/${personId}`;
}

/** The record and recipient of an invitation mail's outbox id; null for an outbox message's id. */
export function invitationMailOf(id: string): { invitationId: string; personId: string } | null {
  const at = id.lastIndexOf("/");
  return at < 0 ? null : { invitationId: id.slice(0, at), personId: id.slice(at + 1) };
}

/** Every message the bot sent or tried, oldest first: invitation mails and the outbox messages; `render` names the team channel. */
export function outboxRows(db: Db, now: Date, render: Render): OutboxRow[] {
  const name = (id: string) => db.persons.find((p) => p.id === id)?.name ?? (id === TEAM_CHANNEL ? stored(render, "outbox.TEAM_CHANNEL_NAME") : id);
  const invitations = db.invitations.flatMap((inv) =>
    inv.recipients.map((r): OutboxRow => ({
      id: invitationMailId(inv.id, r.personId), personId: r.personId, name: name(r.personId),
      purpose: inv.kind === "request" ? "invitation" : inv.kind, reminder: false, meetingId: inv.meetingId, subject: null,
      via: r.attempts > 0 ? "email" : null, state: stateOf(r, now), createdAt: r.acceptedAt ?? inv.createdAt,
      attempts: r.attempts, acceptedAt: r.acceptedAt, error: r.error,
    })),
  );
  const messages = db.outbox.map((m): OutboxRow => ({
    id: m.id, personId: m.personId, name: name(m.personId), purpose: m.purpose, reminder: m.reminder !== null, meetingId: m.meetingId, subject: m.subject[lastLang(db, m.personId)],
    via: m.via, state: stateOf(m, now), createdAt: m.createdAt, attempts: m.attempts, acceptedAt: m.acceptedAt, error: m.error,
  }));
  return [...invitations, ...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
