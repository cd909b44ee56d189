/**
 * The live session: the quorum now (§ 6 Abs. 4, 5 GO), the chair declaring the group not quorate
 * (the item is postponed and flagged for a second convocation), votes by the profile's majority
 * rule (§ 6 Abs. 2, 3 GO) and personal statements for the minutes (§ 7 Abs. 1 GO).
 */
import type { AgendaItem, Db, Meeting } from "../domain/model.ts";
import { voteResult, type VoteResult } from "../rules/majority.ts";
import type { Texts } from "../domain/profile.ts";
import { quorumStatus, representedInstitutions, type QuorumStatus } from "../rules/quorum.ts";
import { RuleInputError } from "../rules/errors.ts";
import { toBerlinIso } from "../rules/time.ts";
import { profileOf, type Services } from "./context.ts";
import { personById, rolesOf } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import { findMeeting } from "./meetings.ts";
import { ruleInputText } from "../texts/errors.ts";

function itemOf(meeting: Meeting, number: number | null): AgendaItem | null {
  if (number === null) return null;
  const item = meeting.agenda.find((i) => i.number === number);
  if (!item) {
    throw new ServiceError(
      { de: `TOP ${number} steht nicht auf der Tagesordnung (${meeting.agenda.length} Punkte).`, en: `Item ${number} is not on the agenda (${meeting.agenda.length} items).` },
      "not-found",
    );
  }
  return item;
}

/** Voting institutions represented now: checked in by member or deputy, each institution once. */
export function representedNow(db: Db, meetingId: string): number {
  return representedInstitutions(db.attendance.filter((a) => a.meetingId === meetingId && a.present), db.institutions);
}

function votingMembers(db: Db): number {
  return db.institutions.filter((i) => i.voting).length;
}

function declaredNotQuorate(db: Db, meetingId: string, itemId: string | null): boolean {
  const latest = db.quorumDeclarations.filter((q) => q.meetingId === meetingId && (q.agendaItemId === null || q.agendaItemId === itemId)).at(-1);
  return latest ? !latest.quorate : false;
}

/** "Sind wir beschlussfähig?" — the count, the required number and the rule, for an item if named. */
export function quorumNow(db: Db, meetingId: string, itemNumber: number | null): QuorumStatus & { item: AgendaItem | null } {
  const meeting = findMeeting(db, meetingId);
  const item = itemOf(meeting, itemNumber);
  const status = quorumStatus(
    {
      represented: representedNow(db, meetingId),
      votingMembers: votingMembers(db),
      secondConvocation: item?.secondConvocation ?? false,
      declaredNotQuorate: declaredNotQuorate(db, meetingId, item?.id ?? null),
    },
    profileOf(db),
  );
  return { ...status, item };
}

function requireChair(db: Db, actorId: string): void {
  const roles = rolesOf(db, actorId);
  if (!roles.chair && !roles.secretariat) {
    throw new ServiceError(
      { de: "Das kann nur der Vorsitz (oder in seinem Auftrag die Geschäftsstelle).", en: "Only the chair (or the Geschäftsstelle on the chair's behalf) can do that." },
      "forbidden",
    );
  }
}

/** The chair declares the group not quorate: the item (or the rest of the agenda) is postponed for a second convocation. */
export async function declareNotQuorate(services: Services, actorId: string, meetingId: string, itemNumber: number | null, activityId?: string) {
  const now = services.clock();
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    requireChair(db, actorId);
    const meeting = findMeeting(db, meetingId);
    const item = itemOf(meeting, itemNumber);
    const profile = profileOf(db);
    const represented = representedNow(db, meetingId);
    db.quorumDeclarations.push({
      id: `q-${db.quorumDeclarations.length + 1}`, meetingId, agendaItemId: item?.id ?? null, quorate: false,
      represented, votingMembers: votingMembers(db), declaredAt: toBerlinIso(now), declaredBy: actorId,
    });
    const postponed = item ? [item] : meeting.agenda.filter((i) => !db.votes.some((v) => v.agendaItemId === i.id));
    for (const i of postponed) i.postponed = true;
    audit("quorum.declared-not-quorate", { meetingId, items: postponed.map((i) => i.number), represented });
    const second = profile.secondConvocation;
    const list = postponed.map((i) => `TOP ${i.number}`).join(", ") || "–";
    const hint: Texts = second.regulated
      ? { de: ` Bei erneuter Einladung mit ${second.noticeDays} Tagen Frist und ausdrücklichem Hinweis ist die ${profile.bodyKind} dafür ohne Rücksicht auf die Anwesenden beschlussfähig (${second.citation}); der Hinweis wird in die nächste Einladung aufgenommen.`, en: ` A new invitation with ${second.noticeDays} days' notice and an express reference makes the body quorate for them whatever the attendance (${second.citation}); the next invitation will carry the reference.` }
      : { de: "", en: "" };
    return {
      de: `Beschlussunfähigkeit festgestellt (${represented} ${represented === 1 ? "Institution" : "Institutionen"} vertreten). Zurückgestellt: ${list}.${hint.de}`,
      en: `Lack of quorum declared (${represented} ${represented === 1 ? "institution" : "institutions"} represented). Postponed: ${list}.${hint.en}`,
    } satisfies Texts;
  });
  return result.duplicate ? null : result.value;
}

export interface VoteCommand {
  itemNumber: number | null;
  yes: number;
  no: number;
  abstain: number;
  resolution: string | null;
}

/** Records a vote with its result by the profile's rule; more votes than institutions present is refused. */
export async function recordVote(services: Services, actorId: string, meetingId: string, vote: VoteCommand, activityId?: string): Promise<VoteResult | null> {
  const now = services.clock();
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    requireChair(db, actorId);
    const meeting = findMeeting(db, meetingId);
    const item = itemOf(meeting, vote.itemNumber);
    const present = representedNow(db, meetingId);
    let outcome: VoteResult;
    try {
      outcome = voteResult({ yes: vote.yes, no: vote.no, abstain: vote.abstain, present }, profileOf(db));
    } catch (e) {
      if (e instanceof RuleInputError) throw new ServiceError(ruleInputText(e.problem), "invalid");
      throw e;
    }
    db.votes.push({
      id: `v-${db.votes.length + 1}`, meetingId, agendaItemId: item?.id ?? null,
      yes: vote.yes, no: vote.no, abstain: vote.abstain, present, required: outcome.required,
      passed: outcome.passed ?? false, resolution: vote.resolution, recordedAt: toBerlinIso(now), recordedBy: actorId,
    });
    audit("vote.recorded", { meetingId, item: item?.number ?? null, yes: vote.yes, no: vote.no, abstain: vote.abstain, present, passed: outcome.passed });
    return outcome;
  });
  return result.duplicate ? null : result.value;
}

/** A personal statement asked to be recorded in the minutes (§ 7 Abs. 1 GO). */
export async function recordStatement(services: Services, actorId: string, meetingId: string, text: string, speakerId: string | null, itemNumber: number | null, activityId?: string) {
  const now = services.clock();
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    const meeting = findMeeting(db, meetingId);
    const item = itemOf(meeting, itemNumber);
    const speaker = personById(db, speakerId ?? actorId);
    if (speaker.id !== actorId) requireChair(db, actorId);
    const clean = text.trim();
    if (!clean) throw new ServiceError({ de: "Die Erklärung ist leer; bitte den Wortlaut angeben.", en: "The statement is empty; please give its wording." });
    db.personalStatements.push({ id: `e-${db.personalStatements.length + 1}`, meetingId, agendaItemId: item?.id ?? null, personId: speaker.id, text: clean, recordedAt: toBerlinIso(now) });
    audit("statement.recorded", { meetingId, personId: speaker.id, item: item?.number ?? null });
    return {
      de: `Die persönliche Erklärung von ${speaker.name} wird in die Niederschrift aufgenommen.`,
      en: `${speaker.name}'s personal statement will be included in the minutes.`,
    } satisfies Texts;
  });
  return result.duplicate ? null : result.value;
}
