/**
 * Reads a raw e-mail the way a recipient's client does: postal-mime for the MIME structure,
 * ical.js for every calendar part (text/calendar alternative and .ics attachment).
 */
import ICAL from "ical.js";
import PostalMime, { type Email } from "postal-mime";

export interface CalendarPart {
  /** MIME type of the part: text/calendar (the iMIP part) or application/ics (the attachment). */
  mimeType: string;
  /** Uppercased `method=` parameter of the MIME part, if any. */
  mimeMethod: string | undefined;
  /** The iCalendar text (postal-mime turns its CRLF into LF; check CRLF on buildIcs output). */
  text: string;
  vcalendar: ICAL.Component;
  vevent: ICAL.Component;
  event: ICAL.Event;
}

export interface ParsedMail {
  email: Email;
  calendars: CalendarPart[];
}

export async function parseMail(raw: Buffer | string): Promise<ParsedMail> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: "utf8" });
  const calendars = email.attachments
    .filter((a) => /^(text\/calendar|application\/ics)$/i.test(a.mimeType))
    .map((a) => parseCalendar(String(a.content), a.mimeType, a.method));
  return { email, calendars };
}

export function parseCalendar(text: string, mimeType = "text/calendar", mimeMethod?: string): CalendarPart {
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  const vevent = vcalendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("calendar part without VEVENT");
  return { mimeType, mimeMethod, text, vcalendar, vevent, event: new ICAL.Event(vevent) };
}

/** The text/calendar part: what Outlook, Thunderbird and Apple Mail act on. */
export function imipPart(mail: ParsedMail): CalendarPart {
  const part = mail.calendars.find((c) => c.mimeType.toLowerCase() === "text/calendar");
  if (!part) throw new Error("mail has no text/calendar part");
  return part;
}
