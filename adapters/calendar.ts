/**
 * Calendar files (iCalendar, RFC 5545) for meeting invitations sent by e-mail (iMIP, RFC 6047):
 * METHOD:REQUEST for an invitation or an update, METHOD:CANCEL for a cancellation (RFC 5546).
 * Pure: the caller passes everything, including the DTSTAMP instant.
 */
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus, type ICalAttendeeData } from "ical-generator";
import { BERLIN } from "../rules/time.ts";
import { cleanLine, cleanText } from "../domain/sanitize.ts";
import { CALENDAR_PRODUCT, descriptionWithLink, locationWithLink } from "../texts/calendar.ts";

export type PartStat = "NEEDS-ACTION" | "ACCEPTED" | "DECLINED" | "TENTATIVE" | "DELEGATED";

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarAttendee extends CalendarPerson {
  /** Default NEEDS-ACTION; DELEGATED is implied by `delegatedTo`. */
  partstat?: PartStat;
  /** E-mail of the deputy this member passed the invitation to (RFC 5546 § 4.2.5). */
  delegatedTo?: string;
  /** E-mail of the member this deputy stands in for. */
  delegatedFrom?: string;
}

export interface CalendarEvent {
  /** One stable UID per meeting: updates and cancellations replace the same calendar entry. */
  uid: string;
  /** Raised by the caller for every change the attendees must see (RFC 5546 § 2.1.4). */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  onlineUrl: string | null;
  /** The Geschäftsstelle: also the From of the e-mail, so replies reach it. */
  organizer: CalendarPerson;
  attendees: CalendarAttendee[];
  /** When this version was created (DTSTAMP), always written in UTC. */
  stamp: Date;
}

/** The .ics text (CRLF line ends, lines folded at 75 octets by ical-generator). */
export function buildIcs(event: CalendarEvent): string {
  const calendar = ical({
    prodId: CALENDAR_PRODUCT,
    method: event.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // Only the generator, no calendar-wide zone name: with a name, ical-generator writes DTSTAMP
    // (and CREATED, LAST-MODIFIED) as local time without "Z". The event's own zone below still
    // makes it emit the VTIMEZONE block for Europe/Berlin.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    timezone: BERLIN,
    // A TZDate is read in its zone; a plain Date would be formatted in the server's zone.
    start: new TZDate(event.start.getTime(), BERLIN),
    end: new TZDate(event.end.getTime(), BERLIN),
    stamp: event.stamp,
    // RFC 5545 § 3.3.11: no control characters in TEXT (a vertical tab in a TOP title once got through).
    summary: cleanLine(event.summary),
    location: cleanLine(locationText(event)),
    description: cleanText(descriptionText(event)),
    url: event.onlineUrl,
    status: event.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: paramSafe(event.organizer.name), email: event.organizer.email },
    attendees: event.attendees.map(attendeeData),
    x: teamsLink(event.onlineUrl),
  });
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator omits the last.
  return `${calendar.toString()}\r\n`;
}

function attendeeData(a: CalendarAttendee): ICalAttendeeData {
  const delegated = a.partstat === "DELEGATED" || a.delegatedTo !== undefined;
  return {
    name: paramSafe(a.name),
    email: a.email,
    role: ICalAttendeeRole.REQ,
    status: (a.partstat ?? "NEEDS-ACTION") as ICalAttendeeData["status"],
    // RFC 5546 § 4.2.5: the delegator has handed over and is not asked to reply; everyone else is.
    rsvp: !delegated,
    // ical-generator writes a delegation reference's `email` verbatim into DELEGATED-TO/-FROM,
    // which RFC 5545 § 3.2.4/3.2.5 require as a cal-address URI: hence "mailto:". These
    // reference objects are never written as ATTENDEE lines themselves.
    ...(a.delegatedTo ? { delegatedTo: { email: mailto(a.delegatedTo) } } : {}),
    ...(a.delegatedFrom ? { delegatedFrom: { email: mailto(a.delegatedFrom) } } : {}),
  };
}

function mailto(email: string): string {
  return email.toLowerCase().startsWith("mailto:") ? email : `mailto:${email}`;
}

/** ical-generator backslash-escapes quotes in CN="…", which RFC 5545 does not allow in parameters. */
function paramSafe(name: string): string {
  return cleanLine(name).replace(/"/g, "'");
}

function locationText(event: CalendarEvent): string {
  if (!event.onlineUrl) return event.location;
  return locationWithLink(event.location, event.onlineUrl);
}

function descriptionText(event: CalendarEvent): string {
  if (!event.onlineUrl || event.description.includes(event.onlineUrl)) return event.description;
  return descriptionWithLink(event.description, event.onlineUrl);
}

/** Outlook shows a "join" button for Teams links given in this property. */
function teamsLink(url: string | null): Record<string, string> {
  if (!url || !/^https:\/\/teams\.(microsoft|live)\.com\//i.test(url)) return {};
  return { "X-MICROSOFT-SKYPETEAMSMEETINGURL": url };
}
