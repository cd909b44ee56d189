/**
 * The minutes e-mail for each member (§ 7 Abs. 3 GO): a short letter, then the minutes themselves —
 * as the formatted print page in the HTML part (never Markdown in <pre>), as text in the plain part —
 * so they always arrive "per E-Mail"; the PDFs of the final version attached, or linked when they
 * are too large. Sender and recipient are nodemailer address objects: a name is encoded as a name
 * and can never add a header. The wording is texts/minutes-mail.ts's.
 */
import { minutesClosing, minutesLetter, type MinutesLetter } from "../texts/minutes-mail.ts";
import { salutation, type Salutation } from "../texts/greeting.ts";
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
  /** The internal version as text, for the plain part after the letter. */
  markdown: string;
  /** The internal version's print page (HTML document), for the HTML part after the letter. */
  page: string;
  attachments: { filename: string; content: Buffer }[];
  /** Download links in place of attachments (then `attachments` is empty). */
  links: string[];
}

export interface MinutesAddressee extends Address {
  /** "Frau" / "Herr" from the roster's `anrede`, when given. */
  salutation?: Salutation | null;
}

/** The letter is worded once per mail-out; each member gets it with their own greeting. */
export function minutesComposer(input: MinutesMailInput): (to: MinutesAddressee) => MailMessage {
  const [first, ...rest] = minutesLetter({ ...input.letter, linked: input.links.length > 0 });
  const closing = minutesClosing(input.from.name);
  return (to) => {
    const greeting = salutation(to.name, to.salutation ?? null);
    const text = [greeting, first, ...input.links, ...rest, closing, "-".repeat(60), input.markdown].join("\n\n");
    const letter = [
      paragraph(greeting),
      paragraph(first!),
      ...(input.links.length ? [`<ul>${input.links.map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`).join("")}</ul>`] : []),
      ...rest.map(paragraph),
      paragraph(closing),
      `<hr style="margin:1.5em 0">`,
    ].join("\n");
    return {
      from: { name: input.from.name, address: input.from.address },
      to: { name: to.name, address: to.address },
      subject: input.subject,
      date: input.date,
      text,
      html: withLetter(input.page, letter),
      attachments: input.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: "application/pdf" })),
    };
  };
}

/** The print page with the letter at the top of its body; its styles stay in its head. */
function withLetter(page: string, letter: string): string {
  const open = page.match(/<body[^>]*>/i);
  if (!open) return `<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"></head><body>\n${letter}\n${page}\n</body></html>\n`;
  const at = open.index! + open[0].length;
  return `${page.slice(0, at)}\n<div class="letter">\n${letter}\n</div>${page.slice(at)}`;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
}
