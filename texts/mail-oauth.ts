/**
 * Sending through Microsoft 365 (SMTP with an Entra token): what the Geschäftsstelle reads when
 * the token is refused, and what whoever starts the bot or the command line reads about the settings.
 */
import type { Texts } from "../domain/profile.ts";

export const OAUTH_VARIABLES = ["SMTP_OAUTH_TENANT_ID", "SMTP_OAUTH_CLIENT_ID", "SMTP_OAUTH_CLIENT_SECRET", "SMTP_OAUTH_USER"] as const;

/** Entra gave no token: the message stays in the outbox; `detail` is Entra's code and first sentence. No final stop: reports add their own. */
export function tokenRefused(detail: string): Texts {
  return {
    de:
      `Microsoft 365 hat kein Zugriffstoken für den E-Mail-Versand ausgestellt (${detail}): ` +
      "bitte Mandanten-ID, Client-ID und geheimen Clientschlüssel (SMTP_OAUTH_TENANT_ID, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_CLIENT_SECRET) und dessen Ablaufdatum in Entra prüfen; die Nachricht bleibt im Postausgang und kann danach erneut gesendet werden",
    en:
      `Microsoft 365 issued no access token for sending e-mail (${detail}): ` +
      "please check the tenant id, client id and client secret (SMTP_OAUTH_TENANT_ID, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_CLIENT_SECRET) and the secret's expiry in Entra; the message stays in the outbox and can be sent again afterwards",
  };
}

export function oauthIncomplete(missing: string[]): Texts {
  return {
    de: `Für den Versand über Microsoft 365 fehlt ${missing.join(", ")}: bitte alle vier setzen (${OAUTH_VARIABLES.join(", ")}) oder alle weglassen.`,
    en: `Sending through Microsoft 365 lacks ${missing.join(", ")}: please set all four (${OAUTH_VARIABLES.join(", ")}) or none.`,
  };
}

export const OAUTH_NEEDS_SMTP_URL: Texts = { de: "Für den Versand über Microsoft 365 fehlt SMTP_URL: bitte z. B. SMTP_URL=smtp://smtp.office365.com:587 setzen.", en: "Sending through Microsoft 365 lacks SMTP_URL: please set e.g. SMTP_URL=smtp://smtp.office365.com:587." };

export const OAUTH_URL_WITH_PASSWORD: Texts = { de: "SMTP_URL enthält Benutzer oder Kennwort, obwohl SMTP_OAUTH_… gesetzt ist: bitte bei Microsoft 365 nur smtp://smtp.office365.com:587 angeben (der Zugang kommt aus Entra).", en: "SMTP_URL carries a user or password although SMTP_OAUTH_… is set: with Microsoft 365 please give only smtp://smtp.office365.com:587 (the sign-in comes from Entra)." };
