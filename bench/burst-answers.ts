/**
 * The burst's answers: every member of every body once, in a shuffled order fixed by a seed, each
 * as the activity Teams delivers — the card button "Ich nehme in Präsenz teil" in the 1:1 chat
 * (routed by tenant and Entra object id), "Ich nehme teil" typed in the 1:1 chat, or typed with an
 * @mention in the body's team channel (routed by team).
 */
import type { BurstBody, BurstMember } from "./burst-data.ts";
import type { Connector } from "./connector.ts";

/** A small seeded generator (mulberry32), so every run sends the same answers in the same order. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Answer = { body: BurstBody; member: BurstMember; index: number };
export const answerKey = (body: BurstBody, member: BurstMember) => `${body.id}/${member.personId}`;

/** The member's answer as Teams delivers it, for the instance `n` (its serviceUrl). */
export function activity(connector: Connector, n: number, { body, member, index }: Answer) {
  const base = {
    id: `burst-${body.id}-${member.personId}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: connector.serviceUrl(n),
    from: { id: `29:${member.aadObjectId}`, name: member.name, aadObjectId: member.aadObjectId },
    recipient: { id: "28:bot", name: "Lenkungsgruppe" },
    locale: "de-DE",
  };
  const personal = { conversation: { id: `a:personal-${body.id}-${member.personId}`, conversationType: "personal", tenantId: body.tenantId }, channelData: { tenant: { id: body.tenantId } } };
  switch (index % 4) {
    case 0:
    case 1:
      return {
        ...base, ...personal, type: "invoke", name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "attend", data: { verb: "attend", meetingId: body.meetingId, mode: "in-person" } } },
      };
    case 2: {
      const mention = "<at>Lenkungsgruppe</at>";
      return {
        ...base, type: "message", text: `${mention} Ich nehme teil`,
        entities: [{ type: "mention", text: mention, mentioned: { id: "28:bot", name: "Lenkungsgruppe" } }],
        conversation: { id: `${body.teamId};messageid=${index}`, conversationType: "channel", tenantId: body.tenantId },
        channelData: { tenant: { id: body.tenantId }, team: { id: body.teamId }, channel: { id: body.teamId } },
      };
    }
    default:
      return { ...base, ...personal, type: "message", text: "Ich nehme teil" };
  }
}

/** Every member's answer, shuffled with `random`. */
export function shuffledAnswers(bodies: BurstBody[], random: () => number): Answer[] {
  const answers = bodies.flatMap((body) => body.members.map((member, index) => ({ body, member, index })));
  for (let i = answers.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [answers[i], answers[j]] = [answers[j]!, answers[i]!];
  }
  return answers;
}
