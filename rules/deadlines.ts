/**
 * The deadlines before a meeting (DESIGN.md "How the Rhein-Sieg rules are read"): all periods are
 * calendar days in Europe/Berlin counted back from the meeting's date; a last day is inclusive to
 * its end. They do not move for weekends or holidays, but such a last day is warned about.
 * The wording is in texts/deadlines.ts.
 */
import { nonWorkingDay, workingDayOnOrBefore, type NonWorkingDay } from "./holidays.ts";
import type { Profile } from "../domain/profile.ts";
import { addCalendarDays, berlinDay, type Day } from "./time.ts";

/** The three deadlines, named as their rules are in the profile. */
export type DeadlineKind = "agendaProposals" | "invitation" | "urgentInvitation";

/**
 * A last allowed day with the profile's rule it comes from (the wording needs the rule's numbers),
 * or `day: null` with the profile's "not regulated" rule.
 */
export type DeadlineOf<K extends DeadlineKind> = K extends DeadlineKind
  ?
      | { kind: K; day: Day; citation: string; rule: Extract<Profile[K], { regulated: true }> }
      | { kind: K; day: null; citation: null; rule: Extract<Profile[K], { regulated: false }> }
  : never;

export type Deadline = DeadlineOf<DeadlineKind>;

/** A deadline the profile regulates, so it has a day. */
export type DatedDeadline<K extends DeadlineKind = DeadlineKind> = Extract<DeadlineOf<K>, { day: Day }>;

export interface DeadlineWarning {
  kind: DeadlineKind;
  day: Day;
  /** Why it is no working day (weekend or public holiday). */
  off: NonWorkingDay;
  /** The last working day before it, to plan with. */
  planBy: Day;
}

export interface MeetingDeadlines {
  meetingDay: Day;
  agendaProposals: DeadlineOf<"agendaProposals">;
  invitation: DeadlineOf<"invitation">;
  urgentInvitation: DeadlineOf<"urgentInvitation">;
  warnings: DeadlineWarning[];
}

/** The calendar day `days` before the meeting's Berlin date. */
function daysBefore(meetingStart: Date, days: number): Day {
  return addCalendarDays(berlinDay(meetingStart), -days);
}

/** Last day for agenda proposals (Rhein-Sieg § 4 Abs. 4: meeting date − 21 days). */
export function agendaProposalDeadline(meetingStart: Date, profile: Profile): DeadlineOf<"agendaProposals"> {
  const rule = profile.agendaProposals;
  if (!rule.regulated) return { kind: "agendaProposals", day: null, citation: null, rule };
  return { kind: "agendaProposals", day: daysBefore(meetingStart, rule.daysBefore), citation: rule.citation, rule };
}

/** Last day to send the invitation (Rhein-Sieg § 4 Abs. 5: 14 days' notice, kept when sent 15 days before). */
export function invitationDeadline(meetingStart: Date, profile: Profile): DeadlineOf<"invitation"> {
  const rule = profile.invitation;
  if (!rule.regulated) return { kind: "invitation", day: null, citation: null, rule };
  return { kind: "invitation", day: daysBefore(meetingStart, rule.sendByDaysBefore), citation: rule.citation, rule };
}

/** Last day for an urgent invitation (Rhein-Sieg § 4 Abs. 5 Satz 3: notice down to 7 days → sent by −8). */
export function urgentInvitationDeadline(meetingStart: Date, profile: Profile): DeadlineOf<"urgentInvitation"> {
  const rule = profile.urgentInvitation;
  if (!rule.regulated) return { kind: "urgentInvitation", day: null, citation: null, rule };
  return { kind: "urgentInvitation", day: daysBefore(meetingStart, rule.sendByDaysBefore), citation: rule.citation, rule };
}

/** A warning when a last day is a weekend day or a public holiday in the profile's region. */
export function deadlineWarning(deadline: Deadline, profile: Profile): DeadlineWarning | null {
  if (!deadline.day) return null;
  const off = nonWorkingDay(deadline.day, profile.holidays);
  if (!off) return null;
  return { kind: deadline.kind, day: deadline.day, off, planBy: workingDayOnOrBefore(deadline.day, profile.holidays) };
}

/** All three deadlines for a meeting, with warnings. */
export function meetingDeadlines(meetingStart: Date, profile: Profile): MeetingDeadlines {
  const agendaProposals = agendaProposalDeadline(meetingStart, profile);
  const invitation = invitationDeadline(meetingStart, profile);
  const urgentInvitation = urgentInvitationDeadline(meetingStart, profile);
  const warnings = [agendaProposals, invitation, urgentInvitation]
    .map((dl) => deadlineWarning(dl, profile))
    .filter((w): w is DeadlineWarning => w !== null);
  return { meetingDay: berlinDay(meetingStart), agendaProposals, invitation, urgentInvitation, warnings };
}
