/**
 * What a reminder says, as facts: the dates, names and counts its wording (texts/reminders.ts)
 * takes. Read from the data at the moment the reminder is recorded, so it says how things stand then.
 */
import type { Db, Meeting } from "../domain/model.ts";
import type { Profile } from "../domain/profile.ts";
import { agendaProposalDeadline, invitationDeadline, urgentInvitationDeadline } from "../rules/deadlines.ts";
import { representedInstitutions } from "../rules/quorum.ts";
import { ceilShare } from "../rules/profile.ts";
import type { PlannedReminder } from "../rules/reminders.ts";
import type { Day } from "../rules/time.ts";
import { openProposalsFor } from "./agenda-overview.ts";
import { personName as nameOf } from "./directory.ts";

export interface MeetingFacts {
  start: string;
  location: string;
  mode: Meeting["mode"];
  onlineUrl: string | null;
}

export type ReminderFacts =
  | { kind: "agenda-proposals"; meeting: MeetingFacts; lastDay: Day; lateAccepted: boolean; currentTopicsAnytime: boolean; citation: string }
  | {
      kind: "invitation-due"; meeting: MeetingFacts; lastDay: Day; citation: string;
      urgent: { lastDay: Day; noticeDays: number; reasonRequired: boolean; citation: string } | null;
      agendaEmpty: boolean; waitingProposals: string[];
    }
  | { kind: "unanswered"; meeting: MeetingFacts }
  | { kind: "deputy-briefing"; meeting: MeetingFacts; institution: string; member: string; citation: string | null }
  | {
      kind: "chair-briefing"; meeting: MeetingFacts;
      inPerson: string[]; online: string[]; unsaid: string[]; deputies: { institution: string; deputy: string }[];
      declined: string[]; notAnswered: string[];
      quorum: { represented: number; votingMembers: number; required: number; citation: string } | null;
    }
  | { kind: "minutes-draft"; meeting: MeetingFacts; dueDay: Day; signers: string[]; citations: string[] }
  | { kind: "minutes-approval"; meeting: MeetingFacts; previous: MeetingFacts; objections: { name: string; text: string }[]; approval: "deemed" | "confirmed"; citation: string | null };

const facts = (m: Meeting): MeetingFacts => ({ start: m.start, location: m.location, mode: m.mode, onlineUrl: m.onlineUrl });

export function reminderFacts(db: Db, profile: Profile, r: PlannedReminder): ReminderFacts {
  const m = db.meetings.find((x) => x.id === r.meetingId)!;
  const start = new Date(m.start);
  switch (r.kind) {
    case "agenda-proposals": {
      const dl = agendaProposalDeadline(start, profile);
      const rule = dl.rule.regulated ? dl.rule : null;
      return { kind: r.kind, meeting: facts(m), lastDay: dl.day!, lateAccepted: rule?.lateAccepted ?? false, currentTopicsAnytime: rule?.currentTopicsAnytime ?? false, citation: dl.citation! };
    }
    case "invitation-due": {
      const dl = invitationDeadline(start, profile);
      const urgent = urgentInvitationDeadline(start, profile);
      return {
        kind: r.kind, meeting: facts(m), lastDay: dl.day!, citation: dl.citation!,
        urgent: urgent.day ? { lastDay: urgent.day, noticeDays: urgent.rule.noticeDays, reasonRequired: urgent.rule.reasonRequired, citation: urgent.citation } : null,
        agendaEmpty: m.agenda.length === 0,
        waitingProposals: openProposalsFor(db, m, r.dueAt).map((p) => p.title),
      };
    }
    case "unanswered": return { kind: r.kind, meeting: facts(m) };
    case "deputy-briefing": {
      const institution = db.institutions.find((i) => i.deputyId === r.personId)!;
      return { kind: r.kind, meeting: facts(m), institution: institution.name, member: nameOf(db, institution.memberId), citation: profile.representation.absenceCitation };
    }
    case "chair-briefing": return chairBriefing(db, profile, m);
    case "minutes-draft": {
      const rule = profile.minutes.regulated ? profile.minutes : null;
      const signers = rule?.signers.map((s) => nameOf(db, s.person === "chair" ? db.body.chairId : db.body.secretariatHeadId)) ?? [];
      return { kind: r.kind, meeting: facts(m), dueDay: r.day, signers, citations: r.citations };
    }
    case "minutes-approval": {
      const previous = db.meetings.filter((x) => x.state !== "cancelled" && x.start < m.start).sort((a, b) => a.start.localeCompare(b.start)).at(-1)!;
      const minutes = db.minutes.find((x) => x.meetingId === previous.id);
      const approval = profile.minutes.regulated ? profile.minutes.approval : "deemed";
      return {
        kind: r.kind, meeting: facts(m), previous: facts(previous), approval, citation: r.citations[0] ?? null,
        objections: (minutes?.objections ?? []).map((o) => ({ name: nameOf(db, o.personId), text: o.text })),
      };
    }
  }
}


/** Who said they come, who sends a deputy, and the quorum this forecasts (§ 6 Abs. 4 by the profile). */
function chairBriefing(db: Db, profile: Profile, m: Meeting): ReminderFacts {
  const rows = db.attendance.filter((a) => a.meetingId === m.id);
  const name = (institutionId: string) => db.institutions.find((i) => i.id === institutionId)?.name ?? institutionId;
  const coming = rows.filter((a) => a.attendeeId && a.status !== "declined");
  const byMode = (mode: "in-person" | "online" | null) => coming.filter((a) => a.mode === mode).map((a) => `${nameOf(db, a.attendeeId!)} (${name(a.institutionId)})`);
  const rule = profile.quorum;
  const votingMembers = db.institutions.filter((i) => i.voting).length;
  return {
    kind: "chair-briefing", meeting: facts(m),
    inPerson: byMode("in-person"), online: byMode("online"), unsaid: byMode(null),
    deputies: rows.filter((a) => a.status === "delegated" && a.attendeeId).map((a) => ({ institution: name(a.institutionId), deputy: nameOf(db, a.attendeeId!) })),
    declined: rows.filter((a) => a.status === "declined").map((a) => name(a.institutionId)),
    notAnswered: db.institutions.filter((i) => !rows.some((a) => a.institutionId === i.id)).map((i) => i.name),
    quorum: rule.regulated
      ? { represented: representedInstitutions(coming, db.institutions), votingMembers, required: ceilShare(votingMembers, rule.atLeast), citation: rule.citation }
      : null,
  };
}
