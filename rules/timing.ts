/**
 * Checks at a given moment: is a proposal late, may an invitation still go out (and as what).
 * Both compare Berlin calendar days: a last day is allowed until its very end.
 * The wording is in texts/timing.ts.
 */
import {
  agendaProposalDeadline, invitationDeadline, urgentInvitationDeadline, type DatedDeadline, type DeadlineOf,
} from "./deadlines.ts";
import type { Profile } from "../domain/profile.ts";
import { addCalendarDays, berlinDay, type Day } from "./time.ts";

export interface ProposalTiming {
  late: boolean;
  deadline: DeadlineOf<"agendaProposals">;
}

/** Whether a proposal submitted at `submittedAt` is after the last day (Rhein-Sieg § 4 Abs. 4). */
export function proposalTiming(meetingStart: Date, submittedAt: Date, profile: Profile): ProposalTiming {
  const deadline = agendaProposalDeadline(meetingStart, profile);
  const late = deadline.day !== null && berlinDay(submittedAt) > deadline.day;
  return { late, deadline };
}

/** Why an invitation is refused, with the deadlines its answer names. */
export type Refusal =
  | { code: "meeting-passed"; meetingDay: Day }
  /** The normal deadline is missed; the urgent one is still open. */
  | { code: "needs-urgent"; missed: DatedDeadline<"invitation">; open: DatedDeadline<"urgentInvitation"> }
  | { code: "needs-reason"; open: DatedDeadline<"urgentInvitation"> }
  /** The last deadline there was (urgent if the profile has one) is missed. */
  | { code: "too-late"; missed: DatedDeadline };

export type InvitationRefusal = Refusal["code"];

interface LastDays {
  lastNormalDay: Day | null;
  lastUrgentDay: Day | null;
}

export type InvitationPermission =
  /** `deadline`: the one it goes out under (or the profile's "not regulated" rule). */
  | (LastDays & { allowed: true; urgent: boolean; deadline: DeadlineOf<"invitation" | "urgentInvitation"> })
  | (LastDays & Refusal & {
      allowed: false;
      /** The first day on which the refused kind of invitation was no longer allowed. */
      refusedSince: Day | null;
    });

export interface InvitationRequest {
  urgent: boolean;
  reason?: string | null;
}

/**
 * May an invitation be sent at `now`? Until the last normal day: yes. After it, only as urgent with a
 * reason, up to the urgent last day (Rhein-Sieg § 4 Abs. 5). After that: no, naming the last day.
 */
export function invitationPermission(meetingStart: Date, now: Date, profile: Profile, request: InvitationRequest): InvitationPermission {
  const normal = invitationDeadline(meetingStart, profile);
  const urgent = urgentInvitationDeadline(meetingStart, profile);
  const days = { lastNormalDay: normal.day, lastUrgentDay: urgent.day };
  const today = berlinDay(now);
  if (now.getTime() >= meetingStart.getTime()) {
    return { allowed: false, ...days, refusedSince: null, code: "meeting-passed", meetingDay: berlinDay(meetingStart) };
  }
  if (normal.day === null || today <= normal.day) return { allowed: true, urgent: false, ...days, deadline: normal };
  const afterNormal = addCalendarDays(normal.day, 1);
  if (urgent.day === null || today > urgent.day) {
    const missed = urgent.day === null ? normal : urgent;
    return { allowed: false, ...days, refusedSince: addCalendarDays(missed.day, 1), code: "too-late", missed };
  }
  if (!request.urgent) return { allowed: false, ...days, refusedSince: afterNormal, code: "needs-urgent", missed: normal, open: urgent };
  const needsReason = profile.urgentInvitation.regulated && profile.urgentInvitation.reasonRequired;
  if (needsReason && !request.reason?.trim()) return { allowed: false, ...days, refusedSince: null, code: "needs-reason", open: urgent };
  return { allowed: true, urgent: true, ...days, deadline: urgent };
}
