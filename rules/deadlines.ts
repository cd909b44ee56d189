/**
 * The deadlines before a meeting (DESIGN.md "How the Rhein-Sieg rules are read"): all periods are
 * calendar days in Europe/Berlin counted back from the meeting's date; a last day is inclusive to
 * its end. They do not move for weekends or holidays, but such a last day is warned about.
 */
import { nonWorkingDay, workingDayOnOrBefore } from "./holidays.ts";
import type { Profile, Texts } from "../domain/profile.ts";
import { addCalendarDays, berlinDay, formatDay, type Day } from "./time.ts";

export type DeadlineKind = "agendaProposals" | "invitation" | "urgentInvitation";

/** A last allowed day with its rule, or `day: null` where the profile has no such rule. */
export interface Deadline {
  kind: DeadlineKind;
  day: Day | null;
  citation: string | null;
  text: Texts;
}

export interface DeadlineWarning {
  kind: DeadlineKind;
  day: Day;
  /** The last working day before it, to plan with. */
  planBy: Day;
  text: Texts;
}

export interface MeetingDeadlines {
  meetingDay: Day;
  agendaProposals: Deadline;
  invitation: Deadline;
  urgentInvitation: Deadline;
  warnings: DeadlineWarning[];
}

const LABEL: Record<DeadlineKind, Texts> = {
  agendaProposals: { de: "Der letzte Tag für Themenanmeldungen", en: "The last day for agenda proposals" },
  invitation: { de: "Der letzte Tag für den Versand der Einladung", en: "The last day to send the invitation" },
  urgentInvitation: { de: "Der letzte Tag für eine dringende Einladung", en: "The last day for an urgent invitation" },
};

function d(day: Day): Texts {
  return { de: formatDay(day, "de"), en: formatDay(day, "en") };
}

/** Last day for agenda proposals (Rhein-Sieg § 4 Abs. 4: meeting date − 21 days). */
export function agendaProposalDeadline(meetingStart: Date, profile: Profile): Deadline {
  const rule = profile.agendaProposals;
  if (!rule.regulated) return { kind: "agendaProposals", day: null, citation: null, text: rule.note };
  const day = addCalendarDays(berlinDay(meetingStart), -rule.daysBefore);
  const { de, en } = d(day);
  const late: Texts = rule.lateAccepted
    ? { de: " Spätere Vorschläge werden angenommen, aber als verspätet markiert.", en: " Later proposals are accepted but marked late." }
    : { de: "", en: "" };
  const current: Texts = rule.currentTopicsAnytime
    ? { de: " Aktuelle Themen können jederzeit kurzfristig aufgenommen werden.", en: " Current topics can be added at short notice at any time." }
    : { de: "", en: "" };
  return {
    kind: "agendaProposals",
    day,
    citation: rule.citation,
    text: {
      de: `Vorschläge zur Tagesordnung bis ${de} (${rule.daysBefore} Kalendertage vor der Sitzung, ${rule.citation}).${late.de}${current.de}`,
      en: `Agenda proposals by ${en} (${rule.daysBefore} calendar days before the meeting, ${rule.citation}).${late.en}${current.en}`,
    },
  };
}

/** Last day to send the invitation (Rhein-Sieg § 4 Abs. 5: 14 days' notice, kept when sent 15 days before). */
export function invitationDeadline(meetingStart: Date, profile: Profile): Deadline {
  const rule = profile.invitation;
  if (!rule.regulated) return { kind: "invitation", day: null, citation: null, text: rule.note };
  const day = addCalendarDays(berlinDay(meetingStart), -rule.sendByDaysBefore);
  const { de, en } = d(day);
  const kept: Texts =
    rule.sendByDaysBefore === rule.noticeDays
      ? { de: "", en: "" }
      : { de: `; gewahrt bei Versand ${rule.sendByDaysBefore} Kalendertage vorher`, en: `; kept when sent ${rule.sendByDaysBefore} calendar days before` };
  return {
    kind: "invitation",
    day,
    citation: rule.citation,
    text: {
      de: `Einladung ${rule.channel.de} spätestens am ${de} versenden (Ladungsfrist ${rule.noticeDays} Kalendertage${kept.de}, ${rule.citation}).`,
      en: `Send the invitation ${rule.channel.en} by ${en} at the latest (notice period ${rule.noticeDays} calendar days${kept.en}, ${rule.citation}).`,
    },
  };
}

/** Last day for an urgent invitation (Rhein-Sieg § 4 Abs. 5 Satz 3: notice down to 7 days → sent by −8). */
export function urgentInvitationDeadline(meetingStart: Date, profile: Profile): Deadline {
  const rule = profile.urgentInvitation;
  if (!rule.regulated) return { kind: "urgentInvitation", day: null, citation: null, text: rule.note };
  const day = addCalendarDays(berlinDay(meetingStart), -rule.sendByDaysBefore);
  const { de, en } = d(day);
  const reason: Texts = rule.reasonRequired ? { de: " mit Begründung", en: " with a reason" } : { de: "", en: "" };
  return {
    kind: "urgentInvitation",
    day,
    citation: rule.citation,
    text: {
      de: `In dringenden Fällen${reason.de} spätestens am ${de} (verkürzte Ladungsfrist ${rule.noticeDays} Kalendertage, ${rule.citation}).`,
      en: `In urgent cases${reason.en} by ${en} at the latest (notice shortened to ${rule.noticeDays} calendar days, ${rule.citation}).`,
    },
  };
}

/** A warning when a last day is a weekend day or a public holiday in the profile's region. */
export function deadlineWarning(deadline: Deadline, profile: Profile): DeadlineWarning | null {
  if (!deadline.day) return null;
  const off = nonWorkingDay(deadline.day, profile.holidays);
  if (!off) return null;
  const planBy = workingDayOnOrBefore(deadline.day, profile.holidays);
  const what: Texts =
    off.kind === "holiday"
      ? { de: `ein gesetzlicher Feiertag (${off.name.de})`, en: `a public holiday (${off.name.en})` }
      : { de: `ein ${off.name.de}`, en: `a ${off.name.en}` };
  const label = LABEL[deadline.kind];
  return {
    kind: deadline.kind,
    day: deadline.day,
    planBy,
    text: {
      de: `${label.de}, ${formatDay(deadline.day, "de")}, ist ${what.de}; die Frist verschiebt sich nicht – planen Sie mit ${formatDay(planBy, "de")}.`,
      en: `${label.en}, ${formatDay(deadline.day, "en")}, is ${what.en}; the deadline does not move – plan for ${formatDay(planBy, "en")}.`,
    },
  };
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
