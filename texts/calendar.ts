/**
 * The words inside a calendar invitation (adapters/calendar.ts) beside what the caller passes in:
 * German, like the invitation mail the .ics file travels with.
 */

/** PRODID's company and product (RFC 5545 § 3.7.3): who wrote the calendar file. */
export const CALENDAR_PRODUCT = { company: "KIM Lenkungsgruppe", product: "Geschaeftsstelle-Bot", language: "DE" };

/** LOCATION of a meeting with a link: "Kreishaus, Raum 1 / Online: https://…", or the link alone. */
export function locationWithLink(location: string, url: string): string {
  return location ? `${location} / Online: ${url}` : `Online: ${url}`;
}

/** The link appended to a DESCRIPTION that does not name it yet. */
export function descriptionWithLink(description: string, url: string): string {
  return `${description}\n\nOnline teilnehmen: ${url}`.trim();
}
