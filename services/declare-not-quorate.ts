/**
 * "/beschlussunfaehig [TOP n]": the chair declares the group not quorate; the item (or the rest of
 * the agenda) is postponed and comes back as a second convocation (Rhein-Sieg § 6 Abs. 5 GO, by the profile).
 */
import { z } from "zod";
import type { Texts } from "../domain/profile.ts";
import { toBerlinIso } from "../rules/time.ts";
import type { Services } from "./context.ts";
import { findMeeting } from "./meetings.ts";
import { chairSession } from "./permissions.ts";
import { run, type Command } from "./runner.ts";
import { itemOf, representedNow, votingMembers } from "./session.ts";

const Input = z.object({ meetingId: z.string(), itemNumber: z.number().int().nullable() });
type Input = z.infer<typeof Input>;

export const declareNotQuorateCommand: Command<Input, Texts> = {
  input: Input,
  may: chairSession,
  apply({ db, input: { meetingId, itemNumber }, actorId, now, profile, audit }) {
    const meeting = findMeeting(db, meetingId);
    const item = itemOf(meeting, itemNumber);
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
  },
};

/** Null when Teams delivered the same message again. */
export async function declareNotQuorate(services: Services, actorId: string, meetingId: string, itemNumber: number | null, activityId?: string): Promise<Texts | null> {
  const ran = await run(services, declareNotQuorateCommand, { actorId, activityId, input: { meetingId, itemNumber } });
  return ran.duplicate ? null : ran.value;
}
