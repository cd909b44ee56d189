/**
 * What the sender should hear about messages that did not reach Teams. (The outbox's Teams channel
 * itself — stored 1:1 chat, a chat the bot opens, the team's channel — is bot/proactive.ts.)
 */
import type { Services } from "../services/context.ts";
import type { Delivered } from "../services/outbox.ts";
import { deliverySummary as summaryText, memberDeliverySummary } from "../texts/outbox.ts";
import { manageMeetings } from "../services/permissions.ts";

/**
 * What the sender should hear about the notices of their turn: the Geschäftsstelle and the chair
 * the technical state (mail server, outbox folder), anyone else only a failure, plainly (issue 16.7).
 */
export async function deliverySummaryFor(services: Services, personId: string, deliveries: Delivered[], lang: "de" | "en"): Promise<string | null> {
  if (manageMeetings.allows(await services.store.read(), personId)) return deliverySummary(deliveries, services.mailer.kind, lang);
  const byMail = deliveries.filter((d) => d.accepted && d.via === "email").map((d) => d.name);
  const outbox = services.mailer.kind === "outbox";
  return memberDeliverySummary(lang, { outbox: outbox ? byMail : [], byMail: outbox ? [] : byMail, failed: deliveries.filter((d) => !d.accepted).map((d) => d.name) });
}

/** What the sender should know about deliveries that did not reach Teams. */
export function deliverySummary(deliveries: Delivered[], transport: "smtp" | "outbox", lang: "de" | "en"): string | null {
  const names = (list: Delivered[]) => list.map((d) => d.name);
  const byMail = deliveries.filter((d) => d.accepted && d.via === "email");
  return summaryText(lang, {
    outbox: transport === "outbox" ? names(byMail) : [],
    byMail: transport === "smtp" ? names(byMail) : [],
    // A Teams-only message (the invitation's, a channel post) that Teams refused: the e-mail carried it, and the Geschäftsstelle hears why.
    failed: deliveries.filter((d) => !d.accepted && d.via !== "teams").map((d) => ({ name: d.name, error: d.error ?? "" })),
  });
}
