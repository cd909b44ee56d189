import type { Texts } from "../domain/profile.ts";

/** A request a service refuses, in both languages, in one sentence that says what to do. */
export class ServiceError extends Error {
  constructor(
    readonly texts: Texts,
    readonly kind: "invalid" | "forbidden" | "not-found" | "conflict" = "invalid",
  ) {
    super(texts.de);
    this.name = "ServiceError";
  }
}
