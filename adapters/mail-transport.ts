/**
 * Sending e-mail. With `SMTP_URL` a pooled SMTP connection delivers (with `SMTP_OAUTH_*` signing in
 * to Microsoft 365 by XOAUTH2 with a token from Entra, see entra-token.ts); without it every message is
 * written as an `.eml` file to an outbox folder, so that nothing is lost and the Geschäftsstelle
 * can open or forward the files. Both answer each message with a result instead of throwing, so
 * the caller can record per recipient who got the invitation (the proof that notice was kept).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PRIVATE_FILE, PRIVATE_FOLDER } from "./private-files.ts";
import { createTransport, type SendMailOptions } from "nodemailer";
import { entraTokenSource, EntraTokenError, type TokenSource } from "./entra-token.ts";
import type { MailSettings } from "./mail-settings.ts";
import { recipientsRefused, UNREADABLE_SMTP_URL } from "../texts/mail-server.ts";

export type MailMessage = SendMailOptions;

export interface SendResult {
  /** SMTP: the server took the message for every recipient. Outbox: the file was written. */
  accepted: boolean;
  messageId: string | null;
  /** Why not, as the server or the file system said it. */
  error?: string;
  /** Outbox only: the file written. */
  file?: string;
}

export interface Mailer {
  /** "smtp" delivers; "outbox" only stores files, nobody has received anything yet. */
  readonly kind: "smtp" | "outbox";
  /** Where mail goes, for messages to the Geschäftsstelle (never contains the password). */
  readonly target: string;
  send(message: MailMessage): Promise<SendResult>;
  close(): Promise<void>;
}

/** XOAUTH2: the mailbox that signs in, and where its tokens come from. */
export interface SmtpOAuth2 {
  user: string;
  tokens: TokenSource;
}

export interface MailerOptions extends MailSettings {
  /** e.g. `smtp://user:pass@host:587` (`smtp://smtp.office365.com:587` with `oauth`); empty or missing → outbox. */
  smtpUrl?: string | undefined;
  /** Folder for `.eml` files when there is no SMTP server, e.g. `data/outbox`. */
  outboxDir: string;
  /** Clock for outbox file names. */
  now?: () => Date;
}

/** SMTP when `smtpUrl` is set, otherwise the outbox folder. */
export function createMailer(options: MailerOptions): Mailer {
  if (!options.smtpUrl) return outboxMailer(options.outboxDir, options.now);
  const oauth = options.oauth;
  return smtpMailer(options.smtpUrl, oauth ? { user: oauth.user, tokens: entraTokenSource(oauth) } : undefined);
}

/** A pooled SMTP transport: one connection serves many invitations in a row. */
export function smtpMailer(url: string, oauth2?: SmtpOAuth2): Mailer {
  // Fail within seconds, not the default two minutes, when the host does not answer at all;
  // query parameters in the URL (e.g. ?connectionTimeout=60000) still take precedence.
  const transport = createTransport({ url, pool: true, connectionTimeout: 20_000, greetingTimeout: 20_000, ...(oauth2 && { auth: xoauth2(oauth2) }) });
  return {
    kind: "smtp",
    target: hostOf(url),
    async send(message) {
      try {
        const info = await transport.sendMail(message);
        if (info.rejected.length === 0 && info.accepted.length > 0) return { accepted: true, messageId: info.messageId };
        // Only with several recipients in one message: some were refused, the rest got it.
        const reasons = (info.rejectedErrors ?? []).map((e) => e.message);
        const error = reasons.length > 0 ? reasons.join("; ") : recipientsRefused(info.rejected.map(String));
        return { accepted: false, messageId: info.messageId, error };
      } catch (err) {
        return { accepted: false, messageId: null, error: errorText(err) };
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * nodemailer asks for a token each time a pooled connection signs in, and again with `renew` when
 * the server refused it; the token source answers from its cache while the token is fresh.
 */
function xoauth2({ user, tokens }: SmtpOAuth2) {
  return {
    type: "OAuth2" as const,
    user,
    provisionCallback(_user: string, renew: boolean, callback: (err: Error | null, token?: string, expires?: number) => void) {
      tokens.token(renew).then((t) => callback(null, t.accessToken, t.expiresOn.getTime()), (err: Error) => callback(err));
    },
  };
}

/** Writes each message as a complete RFC 5322 file (CRLF), named so that `ls` sorts by time. */
export function outboxMailer(dir: string, now: () => Date = () => new Date()): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    kind: "outbox",
    target: dir,
    async send(message) {
      try {
        const info = await transport.sendMail(message);
        await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER });
        const file = join(dir, outboxName(now(), info.envelope.to[0] ?? "unbekannt", info.messageId));
        await writeFile(file, info.message as Buffer, { flag: "wx", mode: PRIVATE_FILE }); // never overwrite; names and addresses: owner only
        return { accepted: true, messageId: info.messageId, file };
      } catch (err) {
        return { accepted: false, messageId: null, error: errorText(err) };
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** "20220427T081500123Z_anna@example.org_<id>.eml": time first, so names sort by sending order. */
export function outboxName(at: Date, recipient: string, messageId: string): string {
  const stamp = at.toISOString().replace(/[-:.]/g, "");
  return `${stamp}_${fileSafe(recipient)}_${fileSafe(messageId.replace(/^<|>$/g, ""))}.eml`;
}

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9@._+-]/g, "_").slice(0, 100);
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return UNREADABLE_SMTP_URL;
  }
}

/** The server's answer when there is one (e.g. "550 5.1.1 unknown user"), else the error. */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err instanceof EntraTokenError) return err.message; // already the sentence for the Geschäftsstelle
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
}
