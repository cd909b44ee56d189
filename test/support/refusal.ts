/** A service's refusal as the person reads it: services say a code, texts/catalog.ts words it. */
import type { Texts } from "../../domain/profile.ts";
import type { ServiceError } from "../../services/errors.ts";
import { words } from "../../texts/catalog.ts";

export type Worded = ServiceError & { texts: Texts };

export function worded(e: ServiceError): Worded {
  return Object.assign(e, { texts: words(e.said) });
}
