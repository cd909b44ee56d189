/**
 * The minutes e-mail for each member (§ 7 Abs. 3 GO): a short letter, then the minutes themselves
 * as text, so they always arrive "per E-Mail"; the HTML versions attached, or linked when they are
 * too large. Sender and recipient are nodemailer address objects: a name is encoded as a name and
 * can never add a header. The wording is texts/minutes-mail.ts's.
 */
import { minutesClosing, minutesGreeting, minutesLetter, type MinutesLetter } from "../texts/minutes-mail.ts";
import { escapeHtml } from "./invitation-mail.ts";
import type { MailMessage } from "./mail-transport.ts";
import type { Address } from "./notice-mail.ts";

export interface MinutesMailInput {
  /** The Geschäftsstelle; its name also signs the letter. */
  from: Address;
  subject: string;
  date: Date;
  /** What the letter says; whether the files are linked follows from `links`. */
  letter: Omit<MinutesLetter, "linked">;
  /** The internal version, as the mail's text after the letter. */
  markdown: string;
  attachments: { filename: string; content: string }[];
  /** Download links in place of attachments (then `attachments` is empty). */
  links: string[];
}

/** The letter is worded once per mail-out; each member gets it with their own greeting. */
export function minutesComposer(input: MinutesMailInput): (to: Address) => MailMessage {
  const [first, ...rest] = minutesLetter({ ...input.letter, linked: input.links.length > 0 });
  const closing = minutesClosing(input.from.name);
  return (to) => {
    const greeting = minutesGreeting(to.name);
    const text = [greeting, first, ...input.links, ...rest, closing, "-".repeat(60), input.markdown].join("\n\n");
    const html = [
      paragraph(greeting),
      paragraph(first!),
      ...(input.links.length ? [`<ul>${input.links.map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`).join("")}</ul>`] : []),
      ...rest.map(paragraph),
      paragraph(closing),
      "<hr>",
      `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(input.markdown)}</pre>`,
    ].join("\n");
    return {
      from: { name: input.from.name, address: input.from.address },
      to: { name: to.name, address: to.address },
      subject: input.subject,
      date: input.date,
      text,
      html: `<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"></head><body>\n${html}\n</body></html>\n`,
      attachments: input.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: "text/html; charset=utf-8" })),
    };
  };
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
}
