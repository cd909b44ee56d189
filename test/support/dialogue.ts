/** One person's side of a chat, as a table: each message said in turn, each answer checked for a part it must contain. */
import { expect } from "vitest";
import type { Harness } from "./bot-harness.ts";

export async function expectAnswers(bot: Pick<Harness, "say">, personId: string, turns: [said: string, answerContains: string][]): Promise<void> {
  for (const [said, part] of turns) expect(await bot.say(personId, said), `the answer to „${said}“`).toContain(part);
}
