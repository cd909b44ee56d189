/**
 * What the command line says (it speaks German; the English stands beside it so the two cannot
 * drift), and what the bot's own process says to whoever runs it (`npm start`: settings, health
 * check, the Playground).
 */
import type { AgendaItem, Db } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import { formatDateTime, formatTime } from "../rules/time.ts";
import type { Profile } from "../domain/profile.ts";
import type { MeetingView } from "../services/meetings.ts";
import type { MigrationReport } from "../adapters/pg-migrate-json.ts";
import { MEETING_MODE, meetingStateText } from "./meetings.ts";
import { CLOSED } from "./agenda.ts";

// ---------------------------------------------------------------------------------------------
// Errors and refusals

/** A refusal of the input, one line on stderr. */
export function errorLine(message: string): Texts {
  return { de: `Fehler: ${message}`, en: `Error: ${message}` };
}

/** Anything else: the stack, for whoever reports it. */
export function unexpectedErrorLine(detail: string): Texts {
  return { de: `Unerwarteter Fehler: ${detail}`, en: `Unexpected error: ${detail}` };
}

export function notACount(option: string, value: string): Texts {
  return { de: `${option} muss eine ganze Zahl ab 0 sein, nicht "${value}".`, en: `${option} must be a whole number from 0, not "${value}".` };
}

export function notPositiveMegabytes(value: string): Texts {
  return { de: `--max-attachment-mb muss eine positive Zahl sein, nicht "${value}".`, en: `--max-attachment-mb must be a positive number, not "${value}".` };
}

export function unknownMode(mode: string | undefined): Texts {
  return { de: `--mode „${mode}“ ist unbekannt; erlaubt: in-person, online, hybrid.`, en: `--mode "${mode}" is unknown; allowed: in-person, online, hybrid.` };
}

export function invalidMeetingStart(text: string): Texts {
  return {
    de: `"${text}" ist kein gültiger Sitzungstermin; bitte ISO 8601 angeben, z. B. 2022-05-12T10:00:00+02:00.`,
    en: `"${text}" is not a valid meeting time; please give ISO 8601, e.g. 2022-05-12T10:00:00+02:00.`,
  };
}

export function unknownPerson(id: string): Texts {
  return { de: `Eine Person "${id}" gibt es nicht; "members" zeigt alle IDs.`, en: `There is no person "${id}"; "members" lists all ids.` };
}

export function invalidActionJson(json: string): Texts {
  return { de: `--action ist kein gültiges JSON: ${json}`, en: `--action is not valid JSON: ${json}` };
}

export const MESSAGE_MISSING: Texts = { de: "Bitte eine Nachricht angeben, z. B. chat --as m-jugendamt \"Wann ist die nächste Sitzung?\".", en: "Please give a message, e.g. chat --as m-jugendamt \"Wann ist die nächste Sitzung?\"." };

/** Some recipients were not reached; `retry` is the command that sends to them. */
export function notAllSent(failed: number, total: number, retry: string): Texts {
  return {
    de: `${failed} von ${total} Nachrichten wurden nicht versandt; erneut mit „${retry}“.`,
    en: `${failed} of ${total} messages were not sent; again with "${retry}".`,
  };
}

// ---------------------------------------------------------------------------------------------
// Which meeting

export function noMeetingAfter(now: Date): Texts {
  return { de: `Nach ${formatDateTime(now)} ist keine Sitzung geplant`, en: `No meeting is planned after ${formatDateTime(now, "en")}` };
}

export function noMeetingHeldBefore(now: Date): Texts {
  return { de: `Vor ${formatDateTime(now)} hat keine Sitzung stattgefunden`, en: `No meeting took place before ${formatDateTime(now, "en")}` };
}

export const NO_MINUTES_AWAITING: Texts = { de: "Keine Niederschrift wartet auf Genehmigung", en: "No minutes are awaiting approval" };

/** No meeting found: name one with --meeting. */
export function askForMeetingOption(none: Texts): Texts {
  return { de: `${none.de}; bitte --meeting <id> angeben.`, en: `${none.en}; please give --meeting <id>.` };
}

/** No meeting found: create one. */
export function askToCreateMeeting(none: Texts): Texts {
  return { de: `${none.de}; eine mit „meeting create“ anlegen.`, en: `${none.en}; create one with "meeting create".` };
}

// ---------------------------------------------------------------------------------------------
// Results

/** "Sitzung am … – Geschäftsordnung …", the heading of `deadlines`. */
export function deadlinesHeading(start: Date, rulebook: string): Texts {
  return { de: `Sitzung am ${formatDateTime(start)} – ${rulebook}`, en: `Meeting on ${formatDateTime(start, "en")} – ${rulebook}` };
}

export const MEETING_CREATED: Texts = { de: "Sitzung angelegt.", en: "Meeting created." };

export function itemAppended(item: Pick<AgendaItem, "number" | "title" | "public">): Texts {
  const closed = (lang: keyof Texts) => (item.public ? "" : CLOSED[lang]);
  return { de: `TOP ${item.number} angefügt: ${item.title}${closed("de")}`, en: `Item ${item.number} added: ${item.title}${closed("en")}` };
}

export function rosterImported(institutions: number, persons: number): Texts {
  return {
    de: `Mitgliederliste übernommen: ${institutions} Institutionen, ${persons} Personen.`,
    en: `Roster imported: ${institutions} institutions, ${persons} persons.`,
  };
}

type Who = { id: string; name: string; email: string };

/** `members` for a person to read (German, as the command line speaks). */
export function membersListing(
  db: Db,
  v: { institutions: { name: string; voting: boolean; member: Who; deputy: Who | null }[]; secretariat: Who[]; chair: Who; guests: Who[] },
): string {
  const who = (p: Who) => `${p.name} <${p.email}>`;
  const voting = v.institutions.filter((i) => i.voting).length;
  return [
    `${db.body.name} – ${voting} stimmberechtigte Institution(en)`,
    "",
    ...v.institutions.map((i) => `• ${i.name}${i.voting ? "" : " (nicht stimmberechtigt)"}\n    Mitglied: ${who(i.member)}\n    Stellvertretung: ${i.deputy ? who(i.deputy) : "keine"}`),
    "",
    `Vorsitz: ${who(v.chair)}`,
    `Geschäftsstelle: ${v.secretariat.map((p) => `${who(p)}${p.id === db.body.secretariatHeadId ? " (Leitung)" : ""}`).join(", ")}`,
    `Gäste: ${v.guests.length ? v.guests.map(who).join(", ") : "keine"}`,
  ].join("\n");
}

const ATTENDANCE_STATUS = { attending: "nimmt teil", declined: "abgesagt", delegated: "an Stellvertretung" } as const;

/** `meeting show` for a person to read (German, as the command line speaks). */
export function meetingListing(db: Db, v: MeetingView, profile: Profile): string {
  const name = (id: string | null) => (id ? (db.persons.find((p) => p.id === id)?.name ?? id) : "–");
  const institution = (id: string) => db.institutions.find((i) => i.id === id)?.name ?? id;
  const lines = [
    `Sitzung ${v.id} (${meetingStateText(v.state, profile).de})`,
    `Termin: ${formatDateTime(new Date(v.start))} bis ${formatTime(new Date(v.end))} Uhr`,
    `Art: ${MEETING_MODE[v.mode].de}${v.location ? `, Ort: ${v.location}` : ""}${v.onlineUrl ? `, Link: ${v.onlineUrl}` : ""}`,
    "Tagesordnung:",
    ...(v.agenda.length ? v.agenda.map((a) => `  TOP ${a.number}: ${a.title}${a.public ? "" : CLOSED.de}`) : ["  (noch keine Punkte)"]),
  ];
  if (v.proposals.length) {
    lines.push("Themenanmeldungen:", ...v.proposals.map((p) => `  ${p.title} – ${name(p.by)}${p.late ? " (verspätet)" : ""}, ${p.status}`));
  }
  if (v.attendance.length) {
    lines.push("Teilnahme:", ...v.attendance.map((a) => `  ${institution(a.institutionId)}: ${ATTENDANCE_STATUS[a.status]}${a.attendeeId ? ` (${name(a.attendeeId)})` : ""}${a.present ? ", anwesend" : ""}`));
  }
  lines.push(invitationLine(v.invitation));
  return lines.join("\n");
}

function invitationLine(inv: MeetingView["invitation"]): string {
  if (!inv) return "Einladung: noch nicht versandt";
  const sent = inv.sentAt ? `versandt ${formatDateTime(new Date(inv.sentAt))}` : "noch nicht vollständig versandt";
  return `Einladung: ${sent}${inv.urgent ? ` (dringend: ${inv.reason ?? ""})` : ""}, ${inv.recipients.length} Empfänger`;
}

// ---------------------------------------------------------------------------------------------
// The bot's process (npm start)

export const HEALTH: Texts = { de: "Lenkungsgruppe-Assistent läuft. Nachrichten an POST /api/messages.\n", en: "Lenkungsgruppe assistant is running. Messages to POST /api/messages.\n" };

export const INVALID_JSON: Texts = { de: "Ungültiges JSON", en: "Invalid JSON" };

export function invalidSetting(name: string, problem: string): Texts {
  return { de: `Umgebungsvariable ${name} ist ungültig: ${problem}.`, en: `Environment variable ${name} is invalid: ${problem}.` };
}

export const BOT_CREDENTIALS_TOGETHER: Texts = { de: "BOT_ID und BOT_PASSWORD gehören zusammen: bitte beide setzen oder beide weglassen.", en: "BOT_ID and BOT_PASSWORD belong together: please set both or neither." };

export function playgroundStarting(personId: string, port: number): Texts {
  return {
    de: `Agents Playground startet als ${personId}; die Adresse steht in seiner Zeile „Listening on …“ (Standard http://localhost:${port})`,
    en: `Agents Playground is starting as ${personId}; its address is in its line "Listening on …" (default http://localhost:${port})`,
  };
}

export function startFailed(message: string): Texts {
  return { de: `Der Bot konnte nicht starten: ${message}\n`, en: `The bot could not start: ${message}\n` };
}

/** Names the Playground shows: the bot's, and the team's channel. */
export const PLAYGROUND_NAMES = { bot: "Lenkungsgruppe", channel: "Allgemein" };

// ---------------------------------------------------------------------------------------------
// The database: `--body` and `migrate`

export function bodyNeedsDatabase(body: string): Texts {
  return {
    de: `--body ${body} braucht eine Datenbank mit mehreren Gremien: bitte DATABASE_URL (postgres://…) setzen; ohne sie gilt die eine Datendatei (--db).`,
    en: `--body ${body} needs a database holding several bodies: please set DATABASE_URL (postgres://…); without it the one data file (--db) applies.`,
  };
}

export const MIGRATE_NEEDS_DATABASE: Texts = { de: "migrate braucht die Zieldatenbank: bitte DATABASE_URL (postgres://…) setzen.", en: "migrate needs the target database: please set DATABASE_URL (postgres://…)." };

/** What `migrate` copied, by the keys of adapters/pg-migrate-json.ts's report. */
const MIGRATED_LABELS: Record<keyof MigrationReport["counts"], Texts> = {
  persons: { de: "Personen", en: "persons" },
  institutions: { de: "Institutionen", en: "institutions" },
  meetings: { de: "Sitzungen", en: "meetings" },
  proposals: { de: "Themenanmeldungen", en: "agenda proposals" },
  attendance: { de: "Teilnahmeangaben", en: "attendance replies" },
  invitations: { de: "Einladungen", en: "invitations" },
  quorumDeclarations: { de: "Feststellungen der Beschlussfähigkeit", en: "quorum declarations" },
  votes: { de: "Abstimmungen", en: "votes" },
  personalStatements: { de: "persönliche Erklärungen", en: "personal statements" },
  minutes: { de: "Niederschriften", en: "minutes" },
  outbox: { de: "Nachrichten im Postausgang", en: "outbox messages" },
  processedActivities: { de: "verarbeitete Teams-Aktivitäten", en: "processed Teams activities" },
};

export function migrationReportText(r: MigrationReport): Texts {
  const counts = (lang: keyof Texts) => Object.entries(r.counts).map(([k, n]) => `${n} ${MIGRATED_LABELS[k as keyof MigrationReport["counts"]][lang]}`).join(", ");
  return {
    de: `„${r.from}“ ist als Gremium „${r.body}“ in der Datenbank: ${counts("de")} und ${r.auditLines} Zeilen des Änderungsprotokolls, mit denselben Kennungen. Nach dem Schreiben geprüft: alles vollständig und gleich.`,
    en: `"${r.from}" is in the database as body "${r.body}": ${counts("en")} and ${r.auditLines} lines of the audit log, with the same ids. Checked after writing: everything complete and equal.`,
  };
}
