/**
 * The minutes e-mail for each member (§ 7 Abs. 3 GO): a short letter, then the minutes themselves —
 * as the formatted print page in the HTML part (never Markdown in <pre>), as text in the plain part —
 * so they always arrive "per E-Mail"; the PDFs of the final version attached, or linked when they
 * are too large. Sender and recipient are nodemailer address objects: a name is encoded as a name
 * and can never add a header. The wording is texts/minutes-mail.ts's; the service hands in facts.
 */
import type { Profile } from "../domain/profile.ts";
import { minutesSigners, publicMinutes } from "../rules/profile.ts";
import { meetingDay } from "../texts/bilingual.ts";
import { bodyGenitive, secretariatName } from "../texts/invitation-mail.ts";
import { minutesCitation, noPublicVersion } from "../texts/minutes.ts";
import { minutesClosing, minutesLetter, minutesMeetingTitle, minutesSubject, type MinutesLetter } from "../texts/minutes-mail.ts";
import { approvalWords } from "../texts/minutes-words.ts";
import { salutation, type Salutation } from "../texts/greeting.ts";
import { escapeHtml } from "./invitation-mail.ts";
import type { MailMessage } from "./mail-transport.ts";
import type { Address } from "./notice-mail.ts";

/** The body whose Geschäftsstelle sends the minutes (its kind, "Lenkungsgruppe", is the profile's). */
export interface MinutesBody {
  name: string;
  secretariatEmail: string;
}

export interface MinutesMailInput {
  body: MinutesBody;
  profile: Profile;
  /** The meeting's start (ISO), the following meeting's (null where none is planned), and whether it had non-public items. */
  meeting: { start: string; nextStart: string | null; hasNonPublicItems: boolean };
  date: Date;
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

/** "Sitzung der … vom …": the meeting as the subject and the letter name it. */
function minutesTitle(bodyName: string, bodyKind: string, start: string): string {
  return minutesMeetingTitle(bodyGenitive(bodyName, bodyKind), meetingDay(start).de);
}

/** The mail's subject, also kept on each member's outbox message: "Niederschrift der Sitzung … vom …". */
export function minutesMailSubject(bodyName: string, bodyKind: string, start: string): string {
  return minutesSubject(minutesTitle(bodyName, bodyKind, start));
}

/** What the letter says besides the minutes, from the facts and the profile. */
function letterOf(input: MinutesMailInput): MinutesLetter {
  const { profile, meeting } = input;
  const m = profile.minutes;
  const words = approvalWords(profile);
  const open = publicMinutes(profile);
  return {
    meetingTitle: minutesTitle(input.body.name, profile.bodyKind, meeting.start),
    linked: input.links.length > 0,
    signedBy: minutesSigners(profile).map((s) => s.role.de),
    publicVersion: open,
    distributionCitation: minutesCitation(profile, "distributionCitation"),
    noPublicReason: m.regulated && !m.publicity.public ? noPublicVersion(profile).de : null,
    internalOnly: open && meeting.hasNonPublicItems ? { citation: m.regulated && m.publicity.public ? m.publicity.citation : null } : null,
    objections: { due: words.objectionsDue.de, nextDay: meeting.nextStart ? meetingDay(meeting.nextStart).de : null, outcome: words.outcome.de, citation: minutesCitation(profile, "approvalCitation") },
    unregulatedNote: m.regulated ? null : m.note.de,
  };
}

/** The letter is worded once per mail-out; each member gets it with their own greeting. */
export function minutesComposer(input: MinutesMailInput): (to: MinutesAddressee) => MailMessage {
  const [first, ...rest] = minutesLetter(letterOf(input));
  const from: Address = { name: secretariatName(bodyGenitive(input.body.name, input.profile.bodyKind)), address: input.body.secretariatEmail };
  const subject = minutesMailSubject(input.body.name, input.profile.bodyKind, input.meeting.start);
  const closing = minutesClosing(from.name);
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
      from: { name: from.name, address: from.address },
      to: { name: to.name, address: to.address },
      subject,
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
