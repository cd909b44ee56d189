import type { Texts } from "../domain/profile.ts";
import type { Said, SentenceCode } from "../texts/catalog.ts";
import { say } from "./say.ts";

/** An input the refusal is about: each face names it its own way (a CLI flag, a chat hint). */
export type InputField = "location" | "onlineUrl" | "downloadUrl" | "start" | "end";

/**
 * A request a service refuses, in one sentence that says what to do: said as a code with its facts
 * (the faces word it, texts/catalog.ts `words`), or — in services not yet converted — already worded.
 */
export class ServiceError extends Error {
  constructor(
    readonly said: Said<SentenceCode> | Texts,
    readonly kind: "invalid" | "forbidden" | "not-found" | "conflict" = "invalid",
    readonly field: InputField | null = null,
  ) {
    super("code" in said ? said.code : said.de);
    this.name = "ServiceError";
  }
}

/** A command whose activity id was already applied: it changes nothing and says so. */
export function alreadyHandled(): ServiceError {
  return new ServiceError(say("turn.ALREADY_HANDLED"), "conflict");
}
