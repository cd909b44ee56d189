/**
 * Adaptive Cards 1.5 with Universal Actions (Action.Execute), and their plain-text reading for the
 * command line: title, facts, buttons in [brackets].
 */
import type { MeetingMode } from "../domain/model.ts";
import { ATTENDANCE_BUTTON } from "../texts/cards.ts";

export interface CardButton {
  title: string;
  verb: string;
  data?: Record<string, unknown>;
}

export interface CardSpec {
  title: string;
  text?: string;
  facts?: [string, string][];
  buttons?: CardButton[];
}

export type AdaptiveCard = Record<string, unknown> & { type: "AdaptiveCard" };

export function card(spec: CardSpec): AdaptiveCard {
  const body: unknown[] = [{ type: "TextBlock", text: spec.title, weight: "Bolder", size: "Medium", wrap: true }];
  if (spec.text) body.push({ type: "TextBlock", text: spec.text, wrap: true });
  if (spec.facts?.length) body.push({ type: "FactSet", facts: spec.facts.map(([title, value]) => ({ title, value })) });
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    actions: (spec.buttons ?? []).map((b) => ({ type: "Action.Execute", title: b.title, verb: b.verb, data: { verb: b.verb, ...b.data } })),
  };
}

/** How a person would read the card as text. */
export function cardToText(c: AdaptiveCard): string {
  const lines: string[] = [];
  for (const block of (c.body as Record<string, unknown>[]) ?? []) {
    if (block.type === "TextBlock") lines.push(String(block.text));
    if (block.type === "FactSet") for (const f of block.facts as { title: string; value: string }[]) lines.push(`${f.title}: ${f.value}`);
  }
  const buttons = ((c.actions as { title: string }[]) ?? []).map((a) => `[${a.title}]`);
  if (buttons.length) lines.push(buttons.join(" "));
  return lines.join("\n");
}

/**
 * The buttons a member or deputy answers an invitation with — on the invitation's card and on the
 * reminder to answer alike. Only a member can send a deputy; an online meeting has no room to come to.
 */
export function answerButtons(lang: "de" | "en", meetingId: string, member: boolean, mode: MeetingMode = "hybrid"): CardButton[] {
  const data = { meetingId };
  return [
    ...(mode === "online" ? [] : [{ title: ATTENDANCE_BUTTON.inPerson[lang], verb: "attend", data: { ...data, mode: "in-person" } }]),
    { title: ATTENDANCE_BUTTON.online[lang], verb: "attend", data: { ...data, mode: "online" } },
    ...(member ? [{ title: ATTENDANCE_BUTTON.delegate[lang], verb: "delegate", data }] : []),
    { title: ATTENDANCE_BUTTON.decline[lang], verb: "decline", data },
  ];
}
