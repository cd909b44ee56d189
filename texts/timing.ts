/** Answers about timing: is a proposal late, why an invitation cannot go out (rules/timing.ts). */
import type { Texts } from "../domain/profile.ts";
import type { InvitationPermission, ProposalTiming } from "../rules/timing.ts";
import { dayTexts } from "./bilingual.ts";
import { deadlineText } from "./deadlines.ts";

export function proposalTimingText({ late, deadline }: ProposalTiming): Texts {
  if (deadline.day === null) return deadlineText(deadline);
  const when = dayTexts(deadline.day);
  return late
    ? {
        de: `Der Vorschlag ist verspätet: Die Frist endete am ${when.de} (${deadline.citation}). ${deadline.rule.lateAccepted ? "Er wird dennoch angenommen und als verspätet markiert." : "Über die Aufnahme entscheidet der Vorsitz."}`,
        en: `The proposal is late: the deadline was ${when.en} (${deadline.citation}). ${deadline.rule.lateAccepted ? "It is still accepted and marked late." : "The chair decides whether it goes on the agenda."}`,
      }
    : {
        de: `Der Vorschlag ist fristgerecht (Frist bis ${when.de}, ${deadline.citation}).`,
        en: `The proposal is on time (deadline ${when.en}, ${deadline.citation}).`,
      };
}

/** Allowed: the deadline it goes out under; refused: why, and what is still possible. */
export function invitationPermissionText(p: InvitationPermission): Texts {
  if (p.allowed) return deadlineText(p.deadline);
  switch (p.code) {
    case "meeting-passed": {
      const day = dayTexts(p.meetingDay);
      return {
        de: `Die Sitzung hat am ${day.de} bereits begonnen; eine Einladung ist nicht mehr möglich.`,
        en: `The meeting already began on ${day.en}; an invitation is no longer possible.`,
      };
    }
    case "needs-urgent": {
      const [missed, open] = [dayTexts(p.missed.day), dayTexts(p.open.day)];
      return {
        de: `Die reguläre Ladungsfrist ist nicht mehr einzuhalten: Der letzte Versandtag war ${missed.de} (${p.missed.citation}). Bis ${open.de} ist nur noch eine dringende Einladung mit Begründung möglich (${p.open.citation}): „/einladen dringend <Grund>“.`,
        en: `The regular notice period can no longer be kept: the last day to send was ${missed.en} (${p.missed.citation}). Until ${open.en} only an urgent invitation with a reason is possible (${p.open.citation}): "/einladen dringend <reason>".`,
      };
    }
    case "needs-reason":
      return {
        de: `Eine dringende Einladung braucht eine Begründung (${p.open.citation}): „/einladen dringend <Grund>“.`,
        en: `An urgent invitation needs a reason (${p.open.citation}): "/einladen dringend <reason>".`,
      };
    case "too-late": {
      const last = dayTexts(p.missed.day);
      return {
        de: `Die Einladung kann nicht mehr fristgerecht versandt werden: Der letzte mögliche Versandtag war ${last.de} (${p.missed.citation}). Bitte verlegen Sie die Sitzung.`,
        en: `The invitation can no longer be sent in time: the last possible day was ${last.en} (${p.missed.citation}). Please move the meeting.`,
      };
    }
  }
}
