/**
 * The minutes services as a face presents them: each result's `text` worded with texts/catalog.ts
 * `words`, in both languages, so tests read what a user reads.
 */
import type { Texts } from "../../domain/profile.ts";
import { words, type Said, type SentenceCode } from "../../texts/catalog.ts";
import * as workflow from "../../services/minutes-workflow.ts";

type Worded<T> = Omit<T, "text"> & { text: Texts };

function wording<A extends unknown[], R extends { text: Said<SentenceCode> }>(service: (...args: A) => Promise<R>): (...args: A) => Promise<Worded<R>> {
  return async (...args) => {
    const result = await service(...args);
    return { ...result, text: words(result.text) };
  };
}

export const draftMinutes = wording(workflow.draftMinutes);
export const sendMinutes = wording(workflow.sendMinutes);
export const recordObjection = wording(workflow.recordObjection);
export const resolveObjections = wording(workflow.resolveObjections);
export const approveMinutes = wording(workflow.approveMinutes);
