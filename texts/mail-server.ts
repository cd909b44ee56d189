/**
 * What the mail transport (adapters/mail-transport.ts) records in its own words beside the
 * server's answers: shown to the Geschäftsstelle in the outbox list, never to members. German only,
 * like the server answers it stands among.
 */

/** Only with several recipients in one message: the server took it for some, not for these. */
export function recipientsRefused(addresses: string[]): string {
  return `Empfänger abgelehnt: ${addresses.join(", ")}`;
}

/** Where the mail goes when SMTP_URL cannot be read as a URL. */
export const UNREADABLE_SMTP_URL = "SMTP (ungültige SMTP_URL)";
