/**
 * How mail leaves, from the environment (README "Umgebungsvariablen"), read the same way by the bot
 * and the command line: SMTP_URL alone is plain SMTP (on-premises, user and password in the URL);
 * with SMTP_OAUTH_* it is Microsoft 365, signing in with an Entra token (XOAUTH2); neither is the
 * outbox folder.
 */
import { z } from "zod";
import { invalidSetting } from "../texts/cli.ts";
import { OAUTH_NEEDS_SMTP_URL, OAUTH_URL_WITH_PASSWORD, OAUTH_VARIABLES, oauthIncomplete } from "../texts/mail-oauth.ts";
import type { EntraCredentials } from "./entra-token.ts";

export interface SmtpOAuth extends EntraCredentials {
  /** The mailbox that signs in and sends, e.g. `geschaeftsstelle-kim@kreis.de`. */
  user: string;
}

export interface MailSettings {
  smtpUrl?: string | undefined;
  oauth?: SmtpOAuth | undefined;
}

/** A setting that cannot work; the message is one German sentence for whoever starts the program. */
export class MailSettingsError extends Error {}

const Env = z.object({
  SMTP_URL: z.string().url().optional(),
  SMTP_OAUTH_TENANT_ID: z.string().min(1).optional(),
  SMTP_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  SMTP_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  SMTP_OAUTH_USER: z.string().email().optional(),
  SMTP_OAUTH_AUTHORITY: z.string().url().startsWith("https://").optional(),
});

export function mailSettingsFromEnv(env: NodeJS.ProcessEnv): MailSettings {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k in Env.shape && v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MailSettingsError(invalidSetting(issue.path.join("."), issue.message).de);
  }
  const e = parsed.data;
  const missing = OAUTH_VARIABLES.filter((name) => !e[name]);
  if (missing.length === OAUTH_VARIABLES.length) return { smtpUrl: e.SMTP_URL };
  if (missing.length > 0) throw new MailSettingsError(oauthIncomplete(missing).de);
  if (!e.SMTP_URL) throw new MailSettingsError(OAUTH_NEEDS_SMTP_URL.de);
  // nodemailer would let the URL's user and password win over the token.
  const url = new URL(e.SMTP_URL);
  if (url.username || url.password) throw new MailSettingsError(OAUTH_URL_WITH_PASSWORD.de);
  return {
    smtpUrl: e.SMTP_URL,
    oauth: {
      tenantId: e.SMTP_OAUTH_TENANT_ID!,
      clientId: e.SMTP_OAUTH_CLIENT_ID!,
      clientSecret: e.SMTP_OAUTH_CLIENT_SECRET!,
      user: e.SMTP_OAUTH_USER!,
      authority: e.SMTP_OAUTH_AUTHORITY,
    },
  };
}
