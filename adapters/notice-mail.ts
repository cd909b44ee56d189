/**
 * A notice as an e-mail: plain text, with sender and recipient as nodemailer address objects, so
 * a name with quotes, commas, angle brackets or line breaks is encoded as a name and can never
 * add a recipient or a header.
 */
import type { MailMessage } from "./mail-transport.ts";

export interface Address {
  name: string;
  address: string;
}

/** `date` is the injected clock's moment of sending: the `Date:` header says when the bot sent it, by its own clock. */
export function composeNotice(notice: { from: Address; to: Address; subject: string; text: string; date: Date }): MailMessage {
  return { from: safe(notice.from), to: safe(notice.to), subject: oneLine(notice.subject), text: notice.text, date: notice.date };
}

/** A display name on one line: nodemailer encodes the rest. */
function safe(a: Address): Address {
  return { name: oneLine(a.name), address: a.address };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t\v\f\0]+/g, " ").trim();
}
