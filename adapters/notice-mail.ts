/**
 * A notice as an e-mail: a plain-text letter from the Geschäftsstelle (texts/outbox.ts `noticeMail`:
 * the body's name before the subject, greeting, text, closing), with sender and recipient as
 * nodemailer address objects, so a name with quotes, commas, angle brackets or line breaks is
 * encoded as a name and can never add a recipient or a header.
 */
import type { Texts } from "../domain/profile.ts";
import type { Salutation } from "../texts/greeting.ts";
import { bodyGenitive, secretariatName } from "../texts/invitation-mail.ts";
import { noticeMail, type NoticeTexts } from "../texts/outbox.ts";
import type { MailMessage } from "./mail-transport.ts";

export interface Address {
  name: string;
  address: string;
}

/** What the letter is made of: the body, the person in their language, the notice as recorded. */
export interface NoticeLetter {
  body: { name: string; kind: string; secretariatEmail: string };
  to: Address & { salutation: Salutation | null };
  lang: keyof Texts;
  notice: NoticeTexts;
  /** The injected clock's moment of sending: the `Date:` header says when the bot sent it, by its own clock. */
  date: Date;
}

export function composeNotice({ body, to, lang, notice, date }: NoticeLetter): MailMessage {
  const sender = secretariatName(bodyGenitive(body.name, body.kind));
  const mail = noticeMail(lang, { bodyName: body.name, sender, to: { name: to.name, salutation: to.salutation } }, notice);
  const from = { name: sender, address: body.secretariatEmail };
  return { from: safe(from), to: safe(to), subject: oneLine(mail.subject), text: mail.text, date };
}

/** A display name on one line: nodemailer encodes the rest. */
function safe(a: Address): Address {
  return { name: oneLine(a.name), address: a.address };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t\v\f\0]+/g, " ").trim();
}
