/**
 * Checks at a given moment: is a proposal late, may an invitation still go out (and as what).
 * Both compare Berlin calendar days: a last day is allowed until its very end.
 */
import { agendaProposalDeadline, invitationDeadline, urgentInvitationDeadline, type Deadline } from "./deadlines.ts";
import type { Profile, Texts } from "../domain/profile.ts";
import { addCalendarDays, berlinDay, formatDay, type Day } from "./time.ts";

export interface ProposalTiming {
  late: boolean;
  deadline: Deadline;
  text: Texts;
}

/** Whether a proposal submitted at `submittedAt` is after the last day (Rhein-Sieg § 4 Abs. 4). */
export function proposalTiming(meetingStart: Date, submittedAt: Date, profile: Profile): ProposalTiming {
  const deadline = agendaProposalDeadline(meetingStart, profile);
  const late = deadline.day !== null && berlinDay(submittedAt) > deadline.day;
  if (!deadline.day) return { late, deadline, text: deadline.text };
  const when = { de: formatDay(deadline.day, "de"), en: formatDay(deadline.day, "en") };
  const text: Texts = late
    ? {
        de: `Der Vorschlag ist verspätet: Die Frist endete am ${when.de} (${deadline.citation}). Er wird aufgenommen und als verspätet markiert; über die Aufnahme entscheidet der Vorsitz.`,
        en: `The proposal is late: the deadline was ${when.en} (${deadline.citation}). It is recorded and marked late; the chair decides whether it goes on the agenda.`,
      }
    : {
        de: `Der Vorschlag ist fristgerecht (Frist bis ${when.de}, ${deadline.citation}).`,
        en: `The proposal is on time (deadline ${when.en}, ${deadline.citation}).`,
      };
  return { late, deadline, text };
}

export type InvitationRefusal = "meeting-passed" | "needs-urgent" | "needs-reason" | "too-late";

export type InvitationPermission =
  | { allowed: true; urgent: boolean; lastNormalDay: Day | null; lastUrgentDay: Day | null; text: Texts }
  | {
      allowed: false;
      code: InvitationRefusal;
      lastNormalDay: Day | null;
      lastUrgentDay: Day | null;
      /** The first day on which the refused kind of invitation was no longer allowed. */
      refusedSince: Day | null;
      text: Texts;
    };

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
    return refuse("meeting-passed", days, null, {
      de: `Die Sitzung hat am ${formatDay(berlinDay(meetingStart), "de")} bereits begonnen; eine Einladung ist nicht mehr möglich.`,
      en: `The meeting already began on ${formatDay(berlinDay(meetingStart), "en")}; an invitation is no longer possible.`,
    });
  }
  if (!normal.day) return { allowed: true, urgent: false, ...days, text: normal.text };
  if (today <= normal.day) {
    return { allowed: true, urgent: false, ...days, text: normal.text };
  }
  const afterNormal = addCalendarDays(normal.day, 1);
  if (!urgent.day || today > urgent.day) return tooLate(normal, urgent, days);
  if (!request.urgent) {
    return refuse("needs-urgent", days, afterNormal, {
      de: `Die reguläre Ladungsfrist ist nicht mehr einzuhalten: Der letzte Versandtag war ${formatDay(normal.day, "de")} (${normal.citation}). Bis ${formatDay(urgent.day, "de")} ist nur noch eine dringende Einladung mit Begründung möglich (${urgent.citation}): „/einladen dringend <Grund>“.`,
      en: `The regular notice period can no longer be kept: the last day to send was ${formatDay(normal.day, "en")} (${normal.citation}). Until ${formatDay(urgent.day, "en")} only an urgent invitation with a reason is possible (${urgent.citation}): "/einladen dringend <reason>".`,
    });
  }
  const needsReason = profile.urgentInvitation.regulated && profile.urgentInvitation.reasonRequired;
  if (needsReason && !request.reason?.trim()) {
    return refuse("needs-reason", days, null, {
      de: `Eine dringende Einladung braucht eine Begründung (${urgent.citation}): „/einladen dringend <Grund>“.`,
      en: `An urgent invitation needs a reason (${urgent.citation}): "/einladen dringend <reason>".`,
    });
  }
  return { allowed: true, urgent: true, ...days, text: urgent.text };
}

function tooLate(normal: Deadline, urgent: Deadline, days: { lastNormalDay: Day | null; lastUrgentDay: Day | null }): InvitationPermission {
  const last = urgent.day ?? normal.day!;
  const rule = urgent.day ? urgent : normal;
  return refuse("too-late", days, addCalendarDays(last, 1), {
    de: `Die Einladung kann nicht mehr fristgerecht versandt werden: Der letzte mögliche Versandtag war ${formatDay(last, "de")} (${rule.citation}). Bitte verlegen Sie die Sitzung.`,
    en: `The invitation can no longer be sent in time: the last possible day was ${formatDay(last, "en")} (${rule.citation}). Please move the meeting.`,
  });
}

function refuse(
  code: InvitationRefusal,
  days: { lastNormalDay: Day | null; lastUrgentDay: Day | null },
  refusedSince: Day | null,
  text: Texts,
): InvitationPermission {
  return { allowed: false, code, ...days, refusedSince, text };
}
