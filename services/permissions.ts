/**
 * Who may run which command, declared once: each command names one of these, the runner checks it
 * under the store lock, and the bot asks the same question before it starts a longer dialogue.
 */
import type { Db } from "../domain/model.ts";
import { rolesOf } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import { say } from "./say.ts";

export interface Permission {
  allows(db: Db, actorId: string): boolean;
  /** Throws the refusal, in one sentence, when `allows` is false. */
  check(db: Db, actorId: string): void;
}

function permission(allows: (db: Db, actorId: string) => boolean, refusal: Said<SentenceCode>): Permission {
  return {
    allows,
    check(db, actorId) {
      if (!allows(db, actorId)) throw new ServiceError(refusal, "forbidden");
    },
  };
}

/** The command line and the bot's own timers act as the Geschäftsstelle; no roster person may carry these ids. */
export const SYSTEM_ACTORS: ReadonlySet<string> = new Set(["cli", "system"]);

/** The Geschäftsstelle prepares meetings (§ 3 Abs. 2 GO); the chair fixes them (§ 4 Abs. 3 GO). */
export function mayManageMeetings(db: Db, actorId: string): boolean {
  return SYSTEM_ACTORS.has(actorId) || actorId === db.body.chairId || db.body.secretariatIds.includes(actorId);
}

function chairOrSecretariat(db: Db, actorId: string): boolean {
  const r = rolesOf(db, actorId);
  return r.chair || r.secretariat;
}

function groupMember(db: Db, actorId: string): boolean {
  const r = rolesOf(db, actorId);
  return Boolean(r.member || r.deputy || r.chair || r.secretariat);
}

export const manageMeetings = permission(mayManageMeetings, say("permissions.MANAGE_MEETINGS"));
export const decideAgenda = permission(mayManageMeetings, say("permissions.DECIDE_AGENDA"));
export const recordAttendance = permission(chairOrSecretariat, say("permissions.RECORD_ATTENDANCE"));
export const chairSession = permission(chairOrSecretariat, say("permissions.CHAIR_SESSION"));
export const proposeItems = permission(groupMember, say("permissions.PROPOSE_ITEMS"));
/** Any person on the roster: the command checks the person's own seat or role itself. */
export const anyPerson: Permission = { allows: () => true, check: () => {} };

// The mail-out commands (services/runner.ts `MailOut`): each refusal in the words of its area.
export const sendInvitations = permission(mayManageMeetings, say("invitation.INVITATIONS_FORBIDDEN"));
export const sendTheMinutes = permission(mayManageMeetings, say("minutes.SEND_FORBIDDEN"));
export const retryMessages = permission(mayManageMeetings, say("outbox.OUTBOX_FORBIDDEN"));
// The minutes' other steps, each refused in its own words.
export const draftTheMinutes = permission(mayManageMeetings, say("minutes.DRAFT_FORBIDDEN"));
export const resolveMinutesObjections = permission(mayManageMeetings, say("minutes.RESOLVE_FORBIDDEN"));
export const approveTheMinutes = permission(mayManageMeetings, say("minutes.APPROVE_FORBIDDEN"));
