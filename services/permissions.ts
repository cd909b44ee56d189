/**
 * Who may run which command, declared once: each command names one of these, the runner checks it
 * under the store lock, and the bot asks the same question before it starts a longer dialogue.
 */
import type { Db } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import { rolesOf } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import * as refusals from "../texts/permissions.ts";
import { INVITATIONS_FORBIDDEN } from "../texts/invitation.ts";
import { SEND_FORBIDDEN as MINUTES_SEND_FORBIDDEN } from "../texts/minutes.ts";
import { OUTBOX_FORBIDDEN } from "../texts/outbox.ts";
import { importText } from "../texts/roster.ts";
import { RosterError } from "../adapters/roster-file.ts";

export interface Permission {
  allows(db: Db, actorId: string): boolean;
  /** Throws the refusal, in one sentence, when `allows` is false. */
  check(db: Db, actorId: string): void;
}

function permission(allows: (db: Db, actorId: string) => boolean, refusal: Texts): Permission {
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

export const manageMeetings = permission(mayManageMeetings, refusals.MANAGE_MEETINGS);
export const decideAgenda = permission(mayManageMeetings, refusals.DECIDE_AGENDA);
export const recordAttendance = permission(chairOrSecretariat, refusals.RECORD_ATTENDANCE);
export const chairSession = permission(chairOrSecretariat, refusals.CHAIR_SESSION);
export const proposeItems = permission(groupMember, refusals.PROPOSE_ITEMS);
/** Any person on the roster: the command checks the person's own seat or role itself. */
export const anyPerson: Permission = { allows: () => true, check: () => {} };

// The mail-out commands (services/runner.ts `MailOut`): each refusal in the words of its area.
export const sendInvitations = permission(mayManageMeetings, INVITATIONS_FORBIDDEN);
export const sendTheMinutes = permission(mayManageMeetings, MINUTES_SEND_FORBIDDEN);
export const retryMessages = permission(mayManageMeetings, OUTBOX_FORBIDDEN);

/** The roster is the Geschäftsstelle's (the command line and the system act for it); refused as a roster problem, naming the file. */
export const replaceRoster: Permission = {
  allows: (db, actorId) => SYSTEM_ACTORS.has(actorId) || db.body.secretariatIds.includes(actorId),
  check(db, actorId) {
    if (!this.allows(db, actorId)) throw new RosterError([importText.forbidden]);
  },
};
