/** The deadlines before a meeting and their weekend/holiday warnings, worded (rules/deadlines.ts). */
import type { Texts } from "../domain/profile.ts";
import type { DatedDeadline, Deadline, DeadlineKind, DeadlineWarning } from "../rules/deadlines.ts";
import { clause, dayTexts } from "./bilingual.ts";

/** One line per deadline; where the profile has no such rule, the profile's own note. */
export function deadlineText(deadline: Deadline): Texts {
  if (deadline.day === null) return deadline.rule.note;
  if (deadline.kind === "agendaProposals") return agendaProposalText(deadline);
  if (deadline.kind === "invitation") return invitationText(deadline);
  return urgentInvitationText(deadline);
}

function agendaProposalText({ day, rule }: DatedDeadline<"agendaProposals">): Texts {
  const when = dayTexts(day);
  const late = clause(rule.lateAccepted, { de: " Spätere Vorschläge werden angenommen, aber als verspätet markiert.", en: " Later proposals are accepted but marked late." });
  const current = clause(rule.currentTopicsAnytime, { de: " Aktuelle Themen können jederzeit kurzfristig aufgenommen werden.", en: " Current topics can be added at short notice at any time." });
  return {
    de: `Vorschläge zur Tagesordnung bis ${when.de} (${rule.daysBefore} Kalendertage vor der Sitzung, ${rule.citation}).${late.de}${current.de}`,
    en: `Agenda proposals by ${when.en} (${rule.daysBefore} calendar days before the meeting, ${rule.citation}).${late.en}${current.en}`,
  };
}

function invitationText({ day, rule }: DatedDeadline<"invitation">): Texts {
  const when = dayTexts(day);
  // The send-by day is named only where it differs from the notice period (Rhein-Sieg: 15 for 14).
  const kept = clause(rule.sendByDaysBefore !== rule.noticeDays, {
    de: `; gewahrt bei Versand ${rule.sendByDaysBefore} Kalendertage vorher`,
    en: `; kept when sent ${rule.sendByDaysBefore} calendar days before`,
  });
  return {
    de: `Einladung ${rule.channel.de} spätestens am ${when.de} versenden (Ladungsfrist ${rule.noticeDays} Kalendertage${kept.de}, ${rule.citation}).`,
    en: `Send the invitation ${rule.channel.en} by ${when.en} at the latest (notice period ${rule.noticeDays} calendar days${kept.en}, ${rule.citation}).`,
  };
}

function urgentInvitationText({ day, rule }: DatedDeadline<"urgentInvitation">): Texts {
  const when = dayTexts(day);
  const reason = clause(rule.reasonRequired, { de: " mit Begründung", en: " with a reason" });
  return {
    de: `In dringenden Fällen${reason.de} spätestens am ${when.de} (verkürzte Ladungsfrist ${rule.noticeDays} Kalendertage, ${rule.citation}).`,
    en: `In urgent cases${reason.en} by ${when.en} at the latest (notice shortened to ${rule.noticeDays} calendar days, ${rule.citation}).`,
  };
}

const LABEL: Record<DeadlineKind, Texts> = {
  agendaProposals: { de: "Der letzte Tag für Themenanmeldungen", en: "The last day for agenda proposals" },
  invitation: { de: "Der letzte Tag für den Versand der Einladung", en: "The last day to send the invitation" },
  urgentInvitation: { de: "Der letzte Tag für eine dringende Einladung", en: "The last day for an urgent invitation" },
};

/** "… is a public holiday (Easter Monday); the deadline does not move – plan for …". */
export function deadlineWarningText({ kind, day, off, planBy }: DeadlineWarning): Texts {
  const what: Texts =
    off.kind === "holiday"
      ? { de: `ein gesetzlicher Feiertag (${off.name.de})`, en: `a public holiday (${off.name.en})` }
      : { de: `ein ${off.name.de}`, en: `a ${off.name.en}` };
  const [label, last, plan] = [LABEL[kind], dayTexts(day), dayTexts(planBy)];
  return {
    de: `${label.de}, ${last.de}, ist ${what.de}; die Frist verschiebt sich nicht – planen Sie mit ${plan.de}.`,
    en: `${label.en}, ${last.en}, is ${what.en}; the deadline does not move – plan for ${plan.en}.`,
  };
}
