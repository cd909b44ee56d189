/**
 * How a service says what happened without wording it: a code of texts/catalog.ts and the facts
 * its wording takes (ids, names, ISO instants, counts, citations). The faces word it.
 */
import type { Code, Facts, Said } from "../texts/catalog.ts";

export function say<C extends Code>(code: C, ...facts: Facts<C>): Said<C> {
  return { code, facts } as unknown as Said<C>;
}
