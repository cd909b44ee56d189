/**
 * Access tokens from Microsoft Entra for sending through Exchange Online (SMTP AUTH XOAUTH2), by
 * the client-credentials grant: the app registration itself signs in, no person and no password of
 * the secretariat's mailbox. @azure/msal-node does the protocol, keeps the token in memory and asks
 * for a new one once it is within five minutes of expiring (its token renewal offset).
 */
import type { AuthError as MsalAuthError, ConfidentialClientApplication } from "@azure/msal-node";
import { tokenRefused } from "../texts/mail-oauth.ts";

/** Exchange Online's own resource; `.default` means the application permissions granted to the app (SMTP.SendAsApp). */
const EXCHANGE_SCOPE = "https://outlook.office365.com/.default";
const ENTRA_AUTHORITY = "https://login.microsoftonline.com";

export interface EntraCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Authority host; default: Entra's public cloud. Another (the tests' stand-in) is taken as given. */
  authority?: string | undefined;
}

export interface AccessToken {
  accessToken: string;
  /** When Entra says the token expires. */
  expiresOn: Date;
}

export interface TokenSource {
  /** A token valid for a while yet; `renew` skips the cache (the server refused the last one). */
  token(renew?: boolean): Promise<AccessToken>;
}

/** Raised when Entra gives no token; its message is the sentence the Geschäftsstelle reads. */
export class EntraTokenError extends Error {}

export function entraTokenSource(c: EntraCredentials): TokenSource {
  const host = (c.authority ?? ENTRA_AUTHORITY).replace(/\/+$/, "");
  // msal is loaded with the first token request: a bot on plain SMTP never carries it.
  let client: Promise<ConfidentialClientApplication> | null = null;
  const app = () => (client ??= import("@azure/msal-node").then(({ ConfidentialClientApplication }) => new ConfidentialClientApplication({
    auth: {
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      authority: `${host}/${c.tenantId}`,
      // Another host (the tests' stand-in) is trusted as given: msal then skips the public cloud's
      // instance discovery and reads only that host's OpenID configuration.
      ...(host !== ENTRA_AUTHORITY && { knownAuthorities: [new URL(host).host] }),
    },
  })));
  // Several pooled connections start at once; they share one request instead of asking Entra each.
  let pending: Promise<AccessToken> | null = null;
  const acquire = async (renew: boolean): Promise<AccessToken> => {
    try {
      const result = await (await app()).acquireTokenByClientCredential({ scopes: [EXCHANGE_SCOPE], skipCache: renew });
      if (!result?.accessToken) throw new Error("empty response");
      return { accessToken: result.accessToken, expiresOn: result.expiresOn ?? new Date(Date.now() + 60_000) };
    } catch (err) {
      throw new EntraTokenError(tokenFailure(err));
    }
  };
  return {
    token(renew = false) {
      if (renew || !pending) {
        const request = acquire(renew).finally(() => {
          if (pending === request) pending = null;
        });
        pending = request;
      }
      return pending;
    },
  };
}

/** Entra's own code and first line, e.g. "invalid_client: AADSTS7000215: Invalid client secret provided.", in the sentence for the Geschäftsstelle. */
function tokenFailure(err: unknown): string {
  const msal = err as Partial<MsalAuthError>;
  const detail = typeof msal.errorCode === "string" && typeof msal.errorMessage === "string" ? [msal.errorCode, aadsts(msal.errorMessage)].filter(Boolean).join(": ") : err instanceof Error ? err.message : String(err);
  return tokenRefused(detail).de;
}

/** msal wraps Entra's description in codes, timestamps and trace ids; its first sentence says what is wrong. */
function aadsts(text: string): string {
  return text.match(/AADSTS\d+:.*?\.(?=\s|$)/)?.[0] ?? text.split(/\r?\n/)[0]!.trim();
}
