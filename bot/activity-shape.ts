/**
 * The shape an activity must have before it reaches botbuilder's adapter (issue 17): the adapter
 * and teams-ai assume strings where a forged request may send numbers, objects or megabytes, and
 * fail with internal messages. What does not fit gets a 400; what fits passes on unchanged
 * (`passthrough`), Teams adds fields often. Lengths from domain/limits.ts; the message text's own
 * limit is checked in the turn, where the refusal can be said in the person's language.
 */
import { z } from "zod";
import { LIMITS } from "../domain/limits.ts";

const BODY_TEXT = 200_000; // a text beyond this is no message, it is an attack: 400, no answer
const idString = z.string().min(1).max(LIMITS.activityId);
const optionalId = z.string().max(LIMITS.activityId).optional();

const Account = z
  .object({ id: idString, name: z.string().max(LIMITS.name * 2).optional(), aadObjectId: optionalId, role: z.string().max(32).optional() })
  .passthrough();

/** http or https, with a host; `file:`, `javascript:` and the like are no connector. */
const ServiceUrl = z
  .string()
  .max(2048)
  .url()
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol) && new URL(u).hostname !== "");

export const ActivityShape = z
  .object({
    type: z.string().min(1).max(64),
    id: optionalId,
    channelId: z.string().min(1).max(64),
    serviceUrl: ServiceUrl,
    from: Account,
    recipient: Account.optional(),
    conversation: z.object({ id: idString, conversationType: z.string().max(64).optional(), tenantId: optionalId }).passthrough(),
    text: z.string().max(BODY_TEXT).optional(),
    locale: z.string().max(35).optional(),
    name: z.string().max(128).optional(),
    replyToId: optionalId,
    value: z.unknown().optional(),
    membersAdded: z.array(Account).max(500).optional(),
    membersRemoved: z.array(Account).max(500).optional(),
    attachments: z.array(z.object({ contentType: z.string().max(256) }).passthrough()).max(50).optional(),
    entities: z.array(z.object({ type: z.string().max(128) }).passthrough()).max(50).optional(),
    channelData: z.record(z.unknown()).optional(),
    timestamp: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    expiration: z.string().max(64).optional(),
  })
  .passthrough();

/** An activity that passed the shape check, timestamps as Date, ready for the adapter. */
export type InboundActivity = { serviceUrl: string } & Record<string, unknown>;

/** The activity, or null when its shape would reach the adapter with something it cannot handle. */
export function activityShape(body: unknown): InboundActivity | null {
  const parsed = ActivityShape.safeParse(body);
  if (!parsed.success) return null;
  // As botbuilder's own HTTP handler does (validateAndFixActivity): instants as Date, the text kept.
  const activity: Record<string, unknown> = parsed.data;
  for (const key of ["timestamp", "localTimestamp", "expiration"] as const) {
    const raw = parsed.data[key];
    if (typeof raw !== "string") continue;
    const at = new Date(raw);
    if (Number.isNaN(at.getTime())) return null;
    activity[`raw${key[0]!.toUpperCase()}${key.slice(1)}`] = raw;
    activity[key] = at;
  }
  return activity as InboundActivity;
}

/** Loopback: where the Playground and the tests run their connector (local mode answers only there). */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
