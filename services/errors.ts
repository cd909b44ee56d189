import type { Texts } from "../domain/profile.ts";
import { ALREADY_HANDLED } from "../texts/turn.ts";

/** An input the refusal is about: each face names it its own way (a CLI flag, a chat hint). */
export type InputField = "location" | "onlineUrl" | "downloadUrl";

/** A request a service refuses, in both languages, in one sentence that says what to do. */
export class ServiceError extends Error {
  constructor(
    readonly texts: Texts,
    readonly kind: "invalid" | "forbidden" | "not-found" | "conflict" = "invalid",
    readonly field: InputField | null = null,
  ) {
    super(texts.de);
    this.name = "ServiceError";
  }
}

/** A command whose activity id was already applied: it changes nothing and says so. */
export function alreadyHandled(): ServiceError {
  return new ServiceError(ALREADY_HANDLED, "conflict");
}
