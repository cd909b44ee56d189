/**
 * The invitation e-mail, one per recipient, in German: plain text and HTML from the same blocks,
 * with the calendar invitation as nodemailer `icalEvent`, so the MIME part's `method` matches the
 * file's METHOD (RFC 6047). § 4 Abs. 5 GO: the invitation must state place, date and agenda.
 * Paragraph citations come from the caller's rule profile, never from here. The wording is
 * texts/invitation-mail.ts's.
 */
import { salutation, type Salutation } from "../texts/greeting.ts";
import { buildIcs, type CalendarAttendee, type CalendarPerson } from "./calendar.ts";
import type { MailMessage } from "./mail-transport.ts";
import {
  agendaLine,
  cancelSentence,
  formatMeetingTime,
  delegatedNote,
  howToAnswer,
  LABEL,
  mailClosing,
  nonPublicSentence,
  openingSentence,
  releaseSentence,
  representsSentence,
  secondConvocationSentence,
  secondConvocationWithoutRule,
  subjectText,
  urgentSentence,
  bodyGenitive, meetingTitle, secretariatName,
} from "../texts/invitation-mail.ts";


export type InvitationKind = "request" | "update" | "cancel";

/** The mail's title of the meeting and the sender's name, from the body's name and kind. */
export function mailNames(bodyName: string, bodyKind: string): { meetingTitle: string; secretariatName: string } {
  const genitive = bodyGenitive(bodyName, bodyKind);
  return { meetingTitle: meetingTitle(genitive), secretariatName: secretariatName(genitive) };
}

export interface InvitationAgendaItem {
  number: number;
  title: string;
  public: boolean;
  /** Called again after it was postponed for lack of quorum (second convocation). */
  secondConvocation: boolean;
}

export interface InvitationRecipient extends CalendarPerson {
  /** Set when a deputy receives the invitation in place of a member. */
  represents?: { name: string; institution: string } | null;
  /** A member who handed the seat to this deputy: the mail does not ask them again whether they attend. */
  delegatedTo?: string | null;
  /** A registered deputy, standing in or not: never asked to send a deputy (cannot delegate further). */
  deputy?: boolean;
  /** From the roster's `anrede`: "Sehr geehrte Frau …"; absent: "Guten Tag …". */
  salutation?: Salutation | null;
}

export interface InvitationInput {
  kind: InvitationKind;
  /**
   * "Sitzung der Lenkungsgruppe KIM" (Oberhausen: "Sitzung des Lenkungskreises KIM"): the caller
   * words it, since the article depends on the body's name. Used as subject, calendar title and
   * in "Einladung zur …", so it starts with "Sitzung".
   */
  meetingTitle: string;
  meeting: {
    /** Stable per meeting, e.g. `<meetingId>@<domain>`. */
    uid: string;
    sequence: number;
    start: Date;
    end: Date;
    location: string;
    onlineUrl: string | null;
    agenda: InvitationAgendaItem[];
  };
  /** Sender and ORGANIZER. */
  secretariat: CalendarPerson;
  recipient: InvitationRecipient;
  /** Everyone invited, with delegation marks, for the ATTENDEE lines of the calendar file. */
  attendees: CalendarAttendee[];
  /** Set for an invitation with shortened notice; the reason is stated in the mail. */
  urgentReason?: string | null;
  /** A cancellation for a released deputy only: the member who attends after all (the meeting takes place). */
  releasedBy?: string | null;
  /** Free text from the Geschäftsstelle: what changed, why it is cancelled. */
  note?: string | null;
  /** As the rule profile cites them, e.g. { nonPublic: "§ 4 Abs. 8 GO", secondConvocation: "§ 6 Abs. 5 GO" }. */
  citations: { nonPublic?: string | null; secondConvocation?: string | null };
  /** DTSTAMP of the calendar file: when this version was issued. */
  stamp: Date;
}

type Fact = { label: string; value: string; href?: string };
/** Text and HTML are rendered from the same blocks, so they cannot say different things. */
type Block =
  | { type: "p"; text: string }
  | { type: "facts"; rows: Fact[] }
  | { type: "list"; heading: string; items: string[] };

/** Nodemailer message options for one recipient. */
export function composeInvitation(input: InvitationInput): MailMessage {
  return invitationComposer(input)(input.recipient);
}

/**
 * Composes the mails of one mail-out. What is the same for everyone (the calendar file, subject,
 * date and time) is built once, with the first mail: a mail-out to 40 asked for the zone and
 * folded the calendar 40 times otherwise.
 */
export function invitationComposer(shared: Omit<InvitationInput, "recipient">): (recipient: InvitationRecipient) => MailMessage {
  let common: Common | null = null;
  return (recipient) => {
    common ??= commonParts(shared);
    const input = { ...shared, recipient };
    const blocks = input.kind === "cancel" ? cancelBlocks(input, common) : invitationBlocks(input, common);
    return {
      from: { name: input.secretariat.name, address: input.secretariat.email },
      to: { name: recipient.name, address: recipient.email },
      subject: common.subject,
      // The injected clock's moment, as the calendar's DTSTAMP: not the machine's time.
      date: input.stamp,
      text: renderText(blocks),
      html: renderHtml(blocks),
      icalEvent: {
        method: methodOf(input),
        filename: input.kind === "cancel" ? "absage.ics" : "einladung.ics",
        content: common.calendar,
      },
    };
  };
}

/** The parts every recipient's mail shares. */
interface Common {
  calendar: string;
  subject: string;
  /** "Donnerstag, 12.05.2022, 10:00–12:00 Uhr" */
  when: string;
}

function commonParts(shared: Omit<InvitationInput, "recipient">): Common {
  return {
    calendar: invitationCalendar(shared),
    subject: invitationSubject(shared),
    when: formatMeetingTime(shared.meeting.start, shared.meeting.end),
  };
}

function methodOf(input: Pick<InvitationInput, "kind">): "REQUEST" | "CANCEL" {
  return input.kind === "cancel" ? "CANCEL" : "REQUEST";
}

/** The .ics of an invitation, update or cancellation: every attendee, independent of the recipient. */
function invitationCalendar(input: Omit<InvitationInput, "recipient">): string {
  return buildIcs({
    uid: input.meeting.uid,
    sequence: input.meeting.sequence,
    method: methodOf(input),
    start: input.meeting.start,
    end: input.meeting.end,
    summary: input.meetingTitle,
    location: input.meeting.location,
    description: agendaLines(input.meeting.agenda).join("\n"),
    onlineUrl: input.meeting.onlineUrl,
    organizer: input.secretariat,
    attendees: input.attendees,
    stamp: input.stamp,
  });
}

/** "Einladung: Sitzung der Lenkungsgruppe KIM am Donnerstag, 12.05.2022" */
export function invitationSubject(input: Pick<InvitationInput, "kind" | "meetingTitle" | "meeting" | "urgentReason" | "releasedBy">): string {
  return subjectText(input.kind, Boolean(input.urgentReason), input.meetingTitle, input.meeting.start, Boolean(input.releasedBy));
}

function invitationBlocks(input: InvitationInput, common: Common): Block[] {
  const { meeting, citations } = input;
  const blocks: Block[] = [{ type: "p", text: salutation(input.recipient.name, input.recipient.salutation ?? null) }];
  blocks.push({ type: "p", text: openingSentence(input.kind, input.meetingTitle) });
  if (input.recipient.represents) {
    const { name, institution } = input.recipient.represents;
    blocks.push({ type: "p", text: representsSentence(name, institution) });
  }
  if (input.kind === "request" && input.urgentReason) blocks.push({ type: "p", text: urgentSentence(input.urgentReason) });
  if (input.note) blocks.push({ type: "p", text: input.note });
  blocks.push({ type: "facts", rows: placeAndTime(input, common.when) });
  blocks.push({ type: "list", heading: LABEL.agenda, items: agendaLines(meeting.agenda) });
  for (const item of meeting.agenda.filter((i) => i.secondConvocation)) {
    blocks.push({ type: "p", text: checkedSecondConvocation(item, citations.secondConvocation) });
  }
  if (citations.nonPublic) blocks.push({ type: "p", text: nonPublicSentence(citations.nonPublic, meeting.onlineUrl !== null) });
  blocks.push({ type: "p", text: input.recipient.delegatedTo ? delegatedNote(input.recipient.delegatedTo) : howToAnswer(Boolean(input.recipient.represents || input.recipient.deputy)) });
  blocks.push(closing(input));
  return blocks;
}

function cancelBlocks(input: InvitationInput, common: Common): Block[] {
  const blocks: Block[] = [
    { type: "p", text: salutation(input.recipient.name, input.recipient.salutation ?? null) },
    { type: "p", text: input.releasedBy ? releaseSentence(input.releasedBy, input.meetingTitle, common.when) : cancelSentence(input.meetingTitle, common.when) },
  ];
  if (input.note) blocks.push({ type: "p", text: input.note });
  blocks.push(closing(input));
  return blocks;
}

function placeAndTime(input: InvitationInput, when: string): Fact[] {
  const { location, onlineUrl } = input.meeting;
  const rows: Fact[] = [{ label: LABEL.date, value: when }];
  if (location) rows.push({ label: LABEL.place, value: location });
  if (onlineUrl) rows.push({ label: LABEL.online, value: onlineUrl, href: onlineUrl });
  return rows;
}

function agendaLines(agenda: InvitationAgendaItem[]): string[] {
  return [...agenda].sort((a, b) => a.number - b.number).map(agendaLine);
}

function checkedSecondConvocation(item: InvitationAgendaItem, citation: string | null | undefined): string {
  // Without the express reference the second convocation has no effect, so never send it silently.
  if (!citation) throw new Error(secondConvocationWithoutRule(item.number));
  return secondConvocationSentence(item, citation);
}

function closing(input: InvitationInput): Block {
  return { type: "p", text: mailClosing(input.secretariat.name) };
}

function renderText(blocks: Block[]): string {
  return blocks.map(blockText).join("\n\n") + "\n";
}

function blockText(block: Block): string {
  if (block.type === "p") return block.text;
  if (block.type === "facts") return block.rows.map((r) => `${r.label}: ${r.value}`).join("\n");
  return [`${block.heading}:`, ...block.items].join("\n");
}

function renderHtml(blocks: Block[]): string {
  const body = blocks.map(blockHtml).join("\n");
  return `<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>\n`;
}

function blockHtml(block: Block): string {
  if (block.type === "p") return `<p>${escapeHtml(block.text).replace(/\n/g, "<br>")}</p>`;
  if (block.type === "facts") {
    const rows = block.rows.map((r) => `<tr><th align="left">${escapeHtml(r.label)}:</th><td>${valueHtml(r.value, r.href)}</td></tr>`);
    return `<table>${rows.join("")}</table>`;
  }
  const items = block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("");
  return `<h3>${escapeHtml(block.heading)}</h3>\n<ul style="list-style:none;padding-left:0">${items}</ul>`;
}

/** Only http(s) becomes a link: a stored "javascript:" URL must not be clickable. */
function valueHtml(value: string, href: string | undefined): string {
  if (!href || !/^https?:\/\//i.test(href)) return escapeHtml(value);
  return `<a href="${escapeHtml(href)}">${escapeHtml(value)}</a>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
