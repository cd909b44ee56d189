/** The "Hilfe" answer: what a person can do, by role. */
import type { Texts } from "../domain/profile.ts";

type Line = Texts & { for: "attendee" | "member" | "everyone" | "manager" };

const LINES: Line[] = [
  { for: "attendee", de: "„Ich nehme teil (digital)“ / „Ich nehme in Präsenz teil“ – Zusage", en: "\"I'll attend online\" / \"I'll attend in person\" – confirm" },
  { for: "member", de: "„Ich kann nicht teilnehmen, bitte an meine Vertretung“ – Ihre Stellvertretung erhält die Einladung", en: "\"I can't attend, send my deputy\" – your deputy gets the invitation" },
  { for: "attendee", de: "„Absage“ – absagen", en: "\"I can't attend\" – decline" },
  { for: "attendee", de: "„Ich möchte einen TOP vorschlagen: …“ – Thema anmelden", en: "\"I'd like to propose an agenda item: …\" – propose a topic" },
  { for: "attendee", de: "„Ich bin anwesend“ – in der Sitzung anmelden", en: "\"I'm here\" – check in during the session" },
  { for: "attendee", de: "„Wer ist meine Vertretung?“", en: "\"Who is my deputy?\"" },
  { for: "attendee", de: "„Persönliche Erklärung: … bitte ins Protokoll“, „Einwand gegen die Niederschrift: …“", en: "\"Personal statement: … for the minutes\", \"Objection to the minutes: …\"" },
  { for: "everyone", de: "„Bis wann kann ich Themen anmelden?“, „Wann muss die Einladung raus?“, „Fristen“", en: "\"When is the deadline for agenda items?\", \"By when must the invitation be sent?\", \"deadlines\"" },
  { for: "everyone", de: "„Wann ist die nächste Sitzung?“", en: "\"When is the next meeting?\"" },
  { for: "everyone", de: "„Sind wir beschlussfähig?“, „Welche Mehrheit braucht ein Beschluss?“", en: "\"Are we quorate?\", \"What majority does a resolution need?\"" },
  { for: "everyone", de: "In Gruppenchats, Kanälen und im Besprechungschat erwähnen Sie mich mit @, z. B. „@Lenkungsgruppe Sind wir beschlussfähig?“; im Einzelchat genügt die Frage.", en: "In group chats, channels and the meeting chat, @mention me, e.g. \"@Lenkungsgruppe Are we quorate?\"; in our 1:1 chat just ask." },
  { for: "manager", de: "/sitzung 12.05.2022 10:00-12:00 <Ort oder Link> – Sitzung anlegen", en: "/sitzung 12.05.2022 10:00-12:00 <place or link> – schedule a meeting" },
  { for: "manager", de: "/top [nicht-öffentlich] <Titel> – TOP aufnehmen; /tagesordnung – Vorschläge prüfen", en: "/top [nicht-öffentlich] <title> – add an item; /tagesordnung – review proposals" },
  { for: "manager", de: "/einladen, /einladen dringend <Grund> – Einladung versenden", en: "/einladen, /einladen dringend <reason> – send the invitation" },
  { for: "manager", de: "/rueckmeldungen – wer hat geantwortet; „Wer ist da?“ – wer in der Sitzung anwesend ist", en: "/rueckmeldungen – who has answered; \"Who is here?\" – who is present in the session" },
  { for: "manager", de: "/niederschrift – Entwurf der Niederschrift; /niederschrift senden; /niederschrift einwand erledigt <Vermerk>; /niederschrift genehmigen", en: "/niederschrift – draft the minutes; /niederschrift senden – send them; /niederschrift einwand erledigt <note> – settle the objections; /niederschrift genehmigen – approve them" },
  { for: "manager", de: "/postausgang – was an wen versandt wurde; /postausgang erneut – Nicht-Zugestelltes erneut senden", en: "/postausgang – what was sent to whom; /postausgang erneut – send again what was not delivered" },
  { for: "manager", de: "/erinnerungen – welche Erinnerungen geplant sind und welche versandt wurden", en: "/erinnerungen – which reminders are planned and which went out" },
  { for: "everyone", de: "„Keine Erinnerungen mehr“ / „Erinnerungen wieder an“", en: "\"No more reminders\" / \"Reminders on\"" },
  { for: "manager", de: "/abgleich – Team und Mitgliederverzeichnis abgleichen (wer fehlt wo)", en: "/abgleich – compare the team with the roster (who is missing where)" },
  { for: "manager", de: "/anwesend <Name>[, <Name> …], /abwesend <Name>[, <Name> …], /beschlussunfaehig [TOP n], /abstimmung TOP 2: 9 ja, 2 nein, 1 enthaltung (oder „TOP 2: einstimmig angenommen“), /erklärung <Name>: <Text>", en: "/anwesend <name>[, <name> …], /abwesend <name>[, <name> …], /beschlussunfaehig [item n], /abstimmung TOP 2: 9 ja, 2 nein, 1 enthaltung (or \"TOP 2: carried unanimously\"), /erklärung <name>: <text>" },
];

/** Who is asking: a member or deputy (attendee), a member, someone who manages meetings (Geschäftsstelle, chair). */
export interface HelpRoles {
  attendee: boolean;
  member: boolean;
  manager: boolean;
}

/** "Was ich für Sie tun kann, …" and one bullet per thing this person can do. */
export function helpText(name: string, roles: HelpRoles): Texts {
  const shown = LINES.filter((l) => l.for === "everyone" || roles[l.for]);
  const text = (lang: keyof Texts, title: string) => `${title}\n${shown.map((l) => `• ${l[lang]}`).join("\n")}`;
  return { de: text("de", `Was ich für Sie tun kann, ${name}`), en: text("en", `What I can do for you, ${name}`) };
}
