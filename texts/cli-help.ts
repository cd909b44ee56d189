/**
 * The command line's help: what `--help` says beside each command, option and argument. German
 * only, as the command line speaks (the Geschäftsstelle reads it; an English column nobody shows
 * would only drift). Command names and flags stay in cli/; cli/help.ts fills in these lines by
 * the command's path (`HELP.meeting.create`), each option by its attribute name (`--online-url`
 * → `onlineUrl`), each argument by its name; `description` is the command's own line.
 */

/** Option texts several commands share. */
const MEETING_ID = "Kennung der Sitzung";
const MEETING_ID_EXAMPLE = "Kennung der Sitzung, z. B. s-2022-05-12";
const AWAITING_MINUTES = "Kennung der Sitzung (Standard: die Niederschrift, die auf Genehmigung wartet)";
const MODES = "in-person | online | hybrid";

export const HELP = {
  description: "Assistent der Geschäftsstelle einer KIM-Lenkungsgruppe",
  // The global options.
  json: "eine JSON-Antwort auf stdout",
  db: "Datendatei (Standard: data/db.json oder LG_DB)",
  now: "feste Uhrzeit statt der echten (ISO 8601)",
  profile: "Regelprofil (Geschäftsordnung), z. B. rhein-sieg-kreis",
  body: "Gremium in der Datenbank (DATABASE_URL; Standard: LG_BODY oder das Standardgremium)",

  deadlines: {
    description: "Fristen vor einer Sitzung: Themenanmeldung, Einladung, dringende Einladung",
    meeting: "Beginn der Sitzung (ISO 8601)",
  },
  quorum: {
    description: "Beschlussfähigkeit: vertretene stimmberechtigte Institutionen gegen Mitglieder",
    present: "vertretene stimmberechtigte Institutionen",
    votingMembers: "stimmberechtigte Mitglieder (Standard: laut Datendatei)",
    secondConvocation: "Punkt in zweiter Einberufung",
  },
  vote: {
    description: "Ergebnis einer Abstimmung nach der Mehrheitsregel des Profils",
    yes: "Ja-Stimmen",
    no: "Nein-Stimmen",
    abstain: "Enthaltungen",
    present: "anwesende Institutionen (Standard: Ja + Nein + Enthaltungen)",
  },

  members: "Mitglieder und Stellvertretungen je Institution, Geschäftsstelle, Vorsitz, Gäste",
  meeting: {
    description: "Sitzungen anlegen und anzeigen",
    create: {
      description: "eine Sitzung anlegen (Standarddauer: die Höchstdauer im Regelprofil, sonst zwei Stunden)",
      start: "Beginn (ISO 8601, ohne Zeitzone: Berliner Zeit)",
      end: "Ende (Standard: Beginn + Standarddauer)",
      location: "Ort (bei Präsenz und hybrid nötig)",
      mode: MODES,
      onlineUrl: "Link zur Videokonferenz (bei online und hybrid nötig)",
    },
    show: { description: "eine Sitzung anzeigen (Standard: die nächste)", id: MEETING_ID_EXAMPLE },
    change: {
      description: "Termin, Ort oder Art ändern; ist schon eingeladen, geht eine geänderte Einladung hinaus",
      id: MEETING_ID,
      start: "neuer Beginn (ISO 8601; ohne --end bleibt die Dauer)",
      end: "neues Ende",
      location: "neuer Ort",
      mode: MODES,
      onlineUrl: "neuer Link zur Videokonferenz",
      note: "Hinweis an die Eingeladenen",
    },
    cancel: {
      description: "die Sitzung absagen; alle Eingeladenen erhalten eine Absage, die den Kalendereintrag entfernt",
      id: MEETING_ID,
      reason: "Grund der Absage",
    },
  },
  agenda: {
    description: "Tagesordnung bearbeiten",
    add: {
      description: "einen Tagesordnungspunkt anfügen",
      meeting: MEETING_ID,
      title: "Titel des Tagesordnungspunkts",
      nonPublic: "nicht-öffentlicher Punkt (fehlt in der öffentlichen Fassung der Niederschrift)",
    },
  },
  import: {
    description:
      "Mitgliederliste aus CSV (rolle;institution;name;email, wahlweise aadObjectId und anrede) oder JSON übernehmen; ersetzt die bisherige, behält aber Teams-Bindungen, Anreden und Erinnerungswünsche, die die Datei nicht nennt",
    file: "die Mitgliederliste (CSV oder JSON)",
    name: "Name des Gremiums (sonst aus der Datei oder wie bisher)",
    secretariatEmail: "Absenderadresse der Geschäftsstelle (sonst aus der Datei oder wie bisher)",
    after: "\nMit der globalen Option --profile <id> wird auch das Regelprofil des Gremiums gesetzt.",
  },

  invite: {
    description: "die Einladung zur Sitzung per E-Mail mit Kalendereinladung versenden (Standard: nächste Sitzung)",
    meeting: MEETING_ID_EXAMPLE,
    urgent: "dringende Einladung mit verkürzter Ladungsfrist; der Grund wird vermerkt",
    retry: {
      description: "die letzte Einladung, Änderung oder Absage an die noch fehlenden Empfänger senden (nie doppelt)",
      meeting: MEETING_ID,
    },
    update: {
      description: "die geänderte Einladung an alle senden (z. B. nach neuen Tagesordnungspunkten)",
      meeting: MEETING_ID,
      note: "was sich geändert hat",
    },
  },
  minutes: {
    description: "Niederschrift: Entwurf, Versand, Änderungswünsche, Genehmigung",
    draft: {
      description:
        "den Entwurf als Markdown und druckfertiges HTML schreiben, intern und, wo die Geschäftsordnung es vorsieht, öffentlich (Standard: letzte Sitzung)",
      meeting: MEETING_ID_EXAMPLE,
    },
    send: {
      description: "die Niederschrift an jedes Mitglied per E-Mail senden; ein erneuter Aufruf geht nur an die fehlenden",
      meeting: "Kennung der Sitzung (Standard: letzte Sitzung)",
      downloadUrl: "Ordner in der Cloud mit den Dateien, für Anhänge über der Größengrenze",
      maxAttachmentMb: (megabytes: number) => `Größengrenze der Anhänge in MB (Standard: ${megabytes})`,
    },
    object: {
      description: "einen Änderungswunsch zur Niederschrift vermerken",
      as: "wer ihn einbringt (Mitglied, Stellvertretung, Vorsitz, Geschäftsstelle)",
      text: "der Änderungswunsch",
      meeting: AWAITING_MINUTES,
    },
    resolve: {
      description: "die Änderungswünsche als erledigt vermerken, mit der Entscheidung des Vorsitzes",
      note: "wie sie erledigt wurden",
      meeting: AWAITING_MINUTES,
    },
    approve: {
      description: "in der nachfolgenden Sitzung die Niederschrift als genehmigt feststellen (bzw. bestätigen, je nach Geschäftsordnung)",
      meeting: AWAITING_MINUTES,
    },
  },
  outbox: {
    description: "Postausgang: was an wen versandt wurde, und erneut senden, was nicht zugestellt wurde",
    list: "jede Nachricht, die der Bot versandt oder versucht hat: Empfänger, Zweck, Weg, Ergebnis",
    retry: "sendet einmal, was nicht zugestellt wurde und nicht gerade versandt wird",
  },
  reminders: {
    description: "Erinnerungen vor Fristen und Sitzungen: versenden, was fällig ist, und anzeigen, was geplant ist",
    run: "versendet die Erinnerungen, die jetzt fällig sind, jede genau einmal (für cron)",
    list: "jede geplante und jede versandte Erinnerung: Art, Empfänger, Zeitpunkt",
  },

  chat: {
    description: "eine Nachricht an den Bot, als eine Person aus dem Verzeichnis",
    as: "wer schreibt (Personen-ID, z. B. m-jugendamt)",
    action: "statt Text: Daten eines Karten-Buttons, z. B. '{\"verb\":\"attend\",\"mode\":\"online\"}'",
    activityId: "Aktivitäts-ID (dieselbe ID zweimal = Teams wiederholt die Nachricht)",
    message: "die Nachricht",
  },
  migrate: {
    description: "eine JSON-Datendatei mit ihrem Änderungsprotokoll in die Datenbank (DATABASE_URL) übernehmen",
    from: "die Datendatei",
  },
};
