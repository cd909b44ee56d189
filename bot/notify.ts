/**
 * What the sender should hear about messages that did not reach Teams. (The outbox's Teams channel
 * itself — stored 1:1 chat, a chat the bot opens, the team's channel — is bot/proactive.ts.)
 */
import type { Delivered } from "../services/outbox.ts";
import { deliverySummary as summaryText } from "../texts/outbox.ts";

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
