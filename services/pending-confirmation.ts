/**
 * A mass action waiting for its "ja" (issue 16.3): the invitation in all its forms, the
 * cancellation of a meeting and the minutes mail go out only after the person who asked saw what
 * goes to whom and confirmed. The chair's declaration of a lack of quorum against a quorate count
 * waits for its "ja" the same way. The question is kept in the data file's `botState` (a restart does
 * not lose it), one per person, and expires: a "ja" an hour later is not the answer to it.
 *
 * Taking the answer is a store update carrying the Teams activity id, so a redelivered "ja" is
 * applied once and two "ja" at once send once.
 */
import { z } from "zod";
import type { Db, Meeting, Recipient } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { minutesSigners } from "../rules/profile.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Services } from "./context.ts";
import { personById } from "./directory.ts";
import { latestInvitation } from "./invitation-core.ts";
import { cancelRecipients, currentRecipients, extendRecipients, nameOf, updateRecipients } from "./invitation-recipients.ts";
import { signerId } from "./minutes.ts";

/** How long a question waits for its answer. */
export const CONFIRMATION_MINUTES = 30;

export const PendingAction = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("invite"), meetingId: z.string(), urgent: z.boolean(), reason: z.string().nullable() }),
  z.object({ kind: z.literal("invite-retry"), meetingId: z.string() }),
  z.object({ kind: z.literal("invite-update"), meetingId: z.string(), note: z.string().nullable() }),
  z.object({ kind: z.literal("cancel"), meetingId: z.string(), reason: z.string().min(1) }),
  z.object({ kind: z.literal("minutes-send"), meetingId: z.string() }),
  // The chair's "/beschlussunfaehig [TOP n]" while the count says quorate: nothing is sent, a declaration is recorded.
  z.object({ kind: z.literal("not-quorate"), meetingId: z.string(), itemNumber: z.number().int().nullable() }),
]);
export type PendingAction = z.infer<typeof PendingAction>;

const Pending = z.object({ id: z.string(), action: PendingAction, askedAt: z.string(), expiresAt: z.string() });
export type Pending = z.infer<typeof Pending>;

const key = (personId: string) => `confirm:${personId}`;

/** The person's question in this snapshot, expired or not; one that no longer parses counts as none. */
export function pendingOf(db: Db, personId: string): Pending | null {
  const parsed = Pending.safeParse(db.botState[key(personId)]);
  return parsed.success ? parsed.data : null;
}

export function isExpired(pending: Pending, now: Date): boolean {
  return now.getTime() >= Date.parse(pending.expiresAt);
}

/**
 * Keeps the question (replacing an older one); `activityId`: the asking turn is applied once, and
 * its redelivery gets null (nothing is asked again).
 */
export async function askConfirmation(services: Services, personId: string, action: PendingAction, activityId?: string): Promise<Pending | null> {
  const now = services.clock();
  const pending: Pending = {
    id: `${action.kind}:${action.meetingId}:${now.getTime()}`,
    action,
    askedAt: toBerlinIso(now),
    expiresAt: toBerlinIso(new Date(now.getTime() + CONFIRMATION_MINUTES * 60_000)),
  };
  const kept = await services.store.update({ actorId: personId, activityId }, (db) => {
    db.botState[key(personId)] = pending;
  });
  return kept.duplicate ? null : pending;
}

export type Taken = { taken: Pending } | { expired: Pending } | { none: true };

/**
 * Removes the question and hands it over when it is still open (and, given `id`, is the one a
 * card button names). A redelivered activity takes nothing.
 */
export async function takeConfirmation(services: Services, personId: string, options: { id?: string; activityId?: string }): Promise<Taken> {
  const now = services.clock();
  const result = await services.store.update({ actorId: personId, activityId: options.activityId }, (db): Taken => {
    const pending = pendingOf(db, personId);
    if (!pending || (options.id && options.id !== pending.id)) return { none: true };
    delete db.botState[key(personId)];
    return isExpired(pending, now) ? { expired: pending } : { taken: pending };
  });
  return result.duplicate ? { none: true } : result.value;
}

/** Drops the question without acting on it. */
export async function dropConfirmation(services: Services, personId: string): Promise<void> {
  await services.store.update({ actorId: personId }, (db) => {
    delete db.botState[key(personId)];
  });
}

// ---- what goes to whom ------------------------------------------------------------------------

export interface PreviewRecipient {
  name: string;
  /** member, deputy, chair …; for the minutes always "member". */
  role: Recipient["role"];
  /** The institution a member or deputy comes for. */
  institution: string | null;
}

export interface Preview {
  meeting: Pick<Meeting, "id" | "start">;
  recipients: PreviewRecipient[];
  /** For the minutes: who signed (§ 7 Abs. 2 GO Rhein-Sieg; the roles come from the profile) and the paragraph. */
  signers: { role: { de: string; en: string }; name: string }[];
  signaturesCitation: string | null;
}

/** Who the action would reach now: the same people the service will claim when it runs. */
export function previewOf(db: Db, profile: Profile, action: PendingAction, minutesRecipients: string[] = []): Preview {
  const meeting = db.meetings.find((m) => m.id === action.meetingId)!;
  const base = { meeting: { id: meeting.id, start: meeting.start }, signers: [], signaturesCitation: null };
  if (action.kind === "minutes-send") {
    const recipients = minutesRecipients.map((id) => ({ name: personById(db, id).name, role: "member" as const, institution: institutionOf(db, id) }));
    return { ...base, recipients, ...signersOf(db, profile) };
  }
  return { ...base, recipients: invitationRecipients(db, meeting, action).map((r) => ({ name: nameOf(db, r), role: r.role, institution: institutionOf(db, r.personId) })) };
}

function invitationRecipients(db: Db, meeting: Meeting, action: PendingAction): Recipient[] {
  const latest = latestInvitation(db, meeting.id);
  if (action.kind === "cancel") return cancelRecipients(db, meeting);
  if (action.kind === "invite-update") return updateRecipients(db, meeting, latest);
  // A first invitation, or the rest of the latest one: whoever has not received it yet.
  if (!latest) return currentRecipients(db, meeting);
  const open = latest.recipients.filter((r) => !r.acceptedAt);
  if (latest.kind !== "cancel") extendRecipients(open, currentRecipients(db, meeting).filter((r) => !latest.recipients.some((x) => x.personId === r.personId)));
  return open;
}

function institutionOf(db: Db, personId: string): string | null {
  return db.institutions.find((i) => i.memberId === personId || i.deputyId === personId)?.name ?? null;
}

function signersOf(db: Db, profile: Profile): Pick<Preview, "signers" | "signaturesCitation"> {
  return {
    signers: minutesSigners(profile).map((s) => ({ role: s.role, name: personById(db, signerId(db, s.person)).name })),
    signaturesCitation: profile.minutes.regulated ? profile.minutes.signaturesCitation : null,
  };
}
