/**
 * Guided flows never swallow a message: what clearly means something else leaves the flow, and a
 * flow nobody answered for a while has expired (domain/flow.ts).
 */
import { flowExpired, type Flow } from "../domain/flow.ts";
import { flowOf, setFlow } from "../services/conversation-state.ts";
import { greetingText, PROPOSAL_EXPIRED, PROPOSAL_LEFT, PROPOSAL_PROMPT } from "../texts/chat.ts";
import { YOU_ARE_WELCOME } from "../texts/answers-members.ts";
import { t, type Turn, type TurnResult } from "./turn.ts";
import type { Intent } from "./understand.ts";

/** Intents that are never an answer to a flow's question: they are handled as what they are. */
const LEAVES_FLOW = new Set<Intent["kind"]>(["delegate", "absent", "unsure", "attend", "check-in", "command", "help", "cancel"]);

export function leavesFlow(intent: Intent): boolean {
  return LEAVES_FLOW.has(intent.kind);
}

/** Questions asked during a proposal: answered, and the proposal's question asked again (never a title). */
export function asksInFlow(intent: Intent): boolean {
  return intent.kind.startsWith("ask-") || intent.kind === "who-is-present" || intent.kind === "quorum-now";
}

export function thenAskAgain(turn: Turn, flow: Flow, result: TurnResult): TurnResult {
  if (flow.kind !== "proposal") return result;
  return { ...result, replies: [...result.replies, { text: t(turn, PROPOSAL_PROMPT[flow.step]) }] };
}

/** The person's open flow, or null; an expired one is cleared, with a note for the reply. */
export async function openFlow(turn: Turn): Promise<{ flow: Flow | null; note: TurnResult["replies"][number] | null }> {
  const flow = flowOf(turn.db, turn.person.id);
  if (!flow || !flowExpired(flow, turn.now)) return { flow, note: null };
  await setFlow(turn.services, turn.person.id, null);
  return { flow: null, note: flow.kind === "proposal" ? { text: t(turn, PROPOSAL_EXPIRED) } : null };
}

/** Clears the flow before the message is handled as what it means; a left proposal is said so. */
export async function leaveFlow(turn: Turn, flow: Flow): Promise<TurnResult["replies"][number] | null> {
  await setFlow(turn.services, turn.person.id, null);
  return flow.kind === "proposal" ? { text: t(turn, PROPOSAL_LEFT) } : null;
}

/** The note goes first: the person reads that the flow ended, then what happened instead. */
export function withNote(note: TurnResult["replies"][number] | null, result: TurnResult): TurnResult {
  return note ? { ...result, replies: [note, ...result.replies] } : result;
}

/**
 * A bare "hallo" or a "Danke" during a proposal is neither its answer (no item is called "Danke")
 * nor a reason to leave it: greet or acknowledge, then ask again for what the proposal still needs.
 */
export function greetInFlow(turn: Turn, flow: Flow, intent: Intent, text: string): TurnResult | null {
  if (flow.kind !== "proposal") return null;
  const bareGreeting = intent.kind === "greeting" && text.trim().split(/\s+/).length <= 3;
  const first = intent.kind === "thanks" ? YOU_ARE_WELCOME : bareGreeting ? greetingText(turn.person.name) : null;
  return first ? { replies: [{ text: t(turn, first) }, { text: t(turn, PROPOSAL_PROMPT[flow.step]) }], outbox: [] } : null;
}
