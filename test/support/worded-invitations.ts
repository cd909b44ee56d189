/**
 * The invitation services as a face presents them: each result's `text` (and that of the report it
 * carries) worded with texts/catalog.ts `words`, in both languages, so tests read what a user reads.
 */
import type { Texts } from "../../domain/profile.ts";
import type { Said, SentenceCode } from "../../texts/catalog.ts";
import { words } from "../../texts/catalog.ts";
import * as core from "../../services/invitation-core.ts";
import * as invitations from "../../services/invitations.ts";

export type Worded<T> = T extends { text: Said<SentenceCode> } ? { [K in keyof T]: K extends "text" ? Texts : Worded<T[K]> } : T;

function worded<T>(value: T): Worded<T> {
  if (value === null || typeof value !== "object" || !("text" in value)) return value as Worded<T>;
  const out: Record<string, unknown> = { ...value, text: words(value.text as Said<SentenceCode>) };
  for (const key of ["update", "report"]) if (key in out) out[key] = worded(out[key]);
  return out as Worded<T>;
}

/** A service whose results are worded as a face words them. */
export function wording<A extends unknown[], R>(service: (...args: A) => Promise<R>): (...args: A) => Promise<Worded<R>> {
  return async (...args) => worded(await service(...args));
}

export const sendInvitation = wording(invitations.sendInvitation);
export const retryInvitation = wording(invitations.retryInvitation);
export const sendUpdate = wording(invitations.sendUpdate);
export const changeMeeting = wording(invitations.changeMeeting);
export const cancelMeeting = wording(invitations.cancelMeeting);
export const sendDelegatedInvitation = wording(invitations.sendDelegatedInvitation);
export const deliver = wording(core.deliver);

/** What the sender is told of each recorded invitation that went out, worded. */
export async function sendRecordedInvitations(...args: Parameters<typeof invitations.sendRecordedInvitations>): Promise<Texts[]> {
  return (await invitations.sendRecordedInvitations(...args)).map(words);
}
