/**
 * A held meeting of a small Lenkungsgruppe for the minutes tests: the 17 voting institutions of
 * § 2 Abs. 1 GO Rhein-Sieg with fictitious people, and a session on Thu 12.05.2022 10:00–12:00
 * with check-ins (one deputy), excuses, a passed and a failed vote, personal statements, a
 * non-public item and an item postponed for lack of quorum. Parsed with the Db schema, so the
 * fixture cannot drift from the data model.
 */
import { Db, SCHEMA_VERSION, type Attendance, type Institution, type Person } from "../../domain/model.ts";

export const MEETING_ID = "s-2022-05-12";

const INSTITUTIONS: [id: string, name: string][] = [
  ["dezernat-ii", "Rhein-Sieg-Kreis - Dezernat II - Kommunale Integration, Soziales und Gesundheit"],
  ["ki", "Rhein-Sieg-Kreis - Kommunales Integrationszentrum"],
  ["ordnungsamt", "Rhein-Sieg-Kreis - Rechts- und Ordnungsamt"],
  ["schulamt", "Rhein-Sieg-Kreis - Amt für Schule, Bildung, Kultur und Sport"],
  ["sozialamt", "Rhein-Sieg-Kreis - Sozialamt"],
  ["jugendamt", "Rhein-Sieg-Kreis - Jugendamt"],
  ["arbeitsagentur", "Agentur für Arbeit"],
  ["caritas", "Caritasverband Rhein-Sieg e.V."],
  ["diakonie", "Diakonisches Werk des Evangelischen Kirchenkreises An Sieg und Rhein"],
  ["much", "Gemeinde Much"],
  ["neunkirchen", "Gemeinde Neunkirchen-Seelscheid"],
  ["windeck", "Gemeinde Windeck"],
  ["jobcenter", "jobcenter rhein-sieg"],
  ["paritaet", "Der Paritätische NRW e.V., Kreisgruppe Rhein-Sieg-Kreis"],
  ["schulaufsicht", "Untere Schulaufsichtsbehörde mit der Generalie Migration"],
  ["meckenheim", "Stadt Meckenheim"],
  ["troisdorf", "Stadt Troisdorf"],
];

const FIRST = ["Anna", "Bernd", "Clara", "Dieter", "Elif", "Frank", "Gül", "Hans", "Ines", "Jan", "Katrin", "Lars", "Mona", "Nils", "Olga", "Peter", "Rita"];
const LAST = ["Albers", "Brandt", "Conrad", "Dahmen", "Engel", "Fischer", "Groß", "Heinen", "Ivanović", "Jansen", "Kurz", "Lorenz", "Maaß", "Nowak", "Otten", "Pauly", "Quast"];

function person(id: string, name: string): Person {
  const mail = name.toLowerCase().normalize("NFKD").replace(/[^a-z ]/g, "").replace(/ /g, ".");
  return { id, name, email: `${mail}@example.org`, aadObjectId: null };
}

const at = (hhmm: string) => `2022-05-12T${hhmm}:00+02:00`;

type Check = { status: Attendance["status"]; who: "m" | "d" | null; present: boolean; mode?: "in-person" | "online" };

/** 11 members and 1 deputy present = 12 of 17; the rest excused or not represented. */
const CHECKS: Record<string, Check> = {
  "dezernat-ii": { status: "attending", who: "m", present: true },
  ki: { status: "attending", who: "m", present: true },
  ordnungsamt: { status: "attending", who: "m", present: true, mode: "online" },
  schulamt: { status: "attending", who: "m", present: true },
  sozialamt: { status: "attending", who: "m", present: true },
  jugendamt: { status: "attending", who: "m", present: false }, // announced, did not come
  arbeitsagentur: { status: "attending", who: "m", present: true },
  caritas: { status: "attending", who: "m", present: true },
  diakonie: { status: "attending", who: "m", present: true },
  much: { status: "delegated", who: "d", present: false }, // deputy announced, did not come
  neunkirchen: { status: "attending", who: "m", present: true },
  windeck: { status: "declined", who: null, present: false },
  jobcenter: { status: "attending", who: "m", present: true },
  paritaet: { status: "attending", who: "m", present: true, mode: "online" },
  troisdorf: { status: "delegated", who: "d", present: true }, // the deputy came
  // schulaufsicht, meckenheim: no record at all
};

function attendance(inst: Institution): Attendance[] {
  const c = CHECKS[inst.id];
  if (!c) return [];
  const attendeeId = c.who === "m" ? inst.memberId : c.who === "d" ? inst.deputyId : null;
  return [{
    meetingId: MEETING_ID, institutionId: inst.id, status: c.status, attendeeId,
    mode: c.present ? (c.mode ?? "in-person") : null, present: c.present,
    checkedInAt: c.present ? at("09:55") : null, updatedAt: at("09:55"), updatedBy: "gs-1",
  }];
}

export const XSS_TITLE = `Bericht <script>alert("x")</script> & "Sonstiges"`;

export function minutesFixture(): Db {
  const institutions: Institution[] = INSTITUTIONS.map(([id, name]) => ({ id, name, voting: true, memberId: `m-${id}`, deputyId: `d-${id}` }));
  const persons: Person[] = [
    ...INSTITUTIONS.flatMap(([id], i) => [person(`m-${id}`, `${FIRST[i]} ${LAST[i]}`), person(`d-${id}`, `${FIRST[(i + 5) % 17]} ${LAST[(i + 11) % 17]}-Stein`)]),
    person("vorsitz", "Dr. Ursula Vorsitz"),
    person("gs-1", "Miriam Protokoll"),
    person("gs-2", "Paul Assistenz"),
    person("gast-1", "Dr. Hannah Gast"),
  ];
  const meta = (time: string) => ({ meetingId: MEETING_ID, recordedAt: at(time), recordedBy: "vorsitz" });
  return Db.parse({
    schemaVersion: SCHEMA_VERSION,
    body: {
      name: "Lenkungsgruppe KIM im Rhein-Sieg-Kreis", profile: "rhein-sieg-kreis", chairId: "vorsitz",
      secretariatIds: ["gs-1", "gs-2"], secretariatHeadId: "gs-1", guestIds: ["gast-1"], secretariatEmail: "geschaeftsstelle-kim@example.org",
    },
    persons,
    institutions,
    meetings: [{
      id: MEETING_ID, start: at("10:00"), end: at("12:00"), location: "Kreishaus Siegburg, Sitzungssaal 1.23", mode: "hybrid",
      onlineUrl: "https://example.org/meet/kim", state: "held", createdAt: "2022-03-01T09:00:00+01:00",
      agenda: [
        item(1, "Begrüßung und Feststellung der Tagesordnung", true),
        item(2, "Handlungskonzept KIM 2022/2023", true),
        item(3, "Personalangelegenheiten Case-Management", false),
        item(4, "Änderung der Geschäftsordnung", true, { postponed: true }),
        item(5, XSS_TITLE, true),
      ],
    }],
    proposals: [],
    attendance: institutions.flatMap(attendance),
    invitations: [],
    quorumDeclarations: [{
      id: "q-1", meetingId: MEETING_ID, agendaItemId: `${MEETING_ID}-top-4`, quorate: false, represented: 8, votingMembers: 17,
      declaredAt: at("11:30"), declaredBy: "vorsitz",
    }],
    votes: [
      { id: "v-1", ...meta("10:40"), agendaItemId: `${MEETING_ID}-top-2`, yes: 9, no: 2, abstain: 1, present: 12, required: 8, passed: true,
        resolution: "Die Lenkungsgruppe beschließt das Handlungskonzept KIM 2022/2023 in der vorgelegten Fassung.\nDie Geschäftsstelle wird mit der Umsetzung beauftragt." },
      { id: "v-2", ...meta("11:10"), agendaItemId: `${MEETING_ID}-top-3`, yes: 12, no: 0, abstain: 0, present: 12, required: 8, passed: true,
        resolution: "Die Stelle im Case-Management wird mit Frau Geheim besetzt." },
      { id: "v-3", ...meta("11:45"), agendaItemId: `${MEETING_ID}-top-5`, yes: 6, no: 4, abstain: 2, present: 12, required: 8, passed: false,
        resolution: "Die Pressemitteilung wird in der vorgelegten Fassung veröffentlicht." },
    ],
    personalStatements: [
      { id: "ps-1", meetingId: MEETING_ID, agendaItemId: `${MEETING_ID}-top-2`, personId: "m-caritas", recordedAt: at("10:42"),
        text: "Der Caritasverband trägt den Beschluss mit, hält die Finanzierung der Sprachmittlung aber für unzureichend." },
      { id: "ps-2", meetingId: MEETING_ID, agendaItemId: `${MEETING_ID}-top-3`, personId: "d-troisdorf", recordedAt: at("11:12"),
        text: "Vertrauliche Erklärung zur Personalie." },
    ],
    minutes: [],
    outbox: [],
    processedActivities: [],
    botState: {},
    auditSeq: 0,
  });
}

function item(number: number, title: string, isPublic: boolean, extra: { postponed?: boolean; secondConvocation?: boolean } = {}) {
  return {
    id: `${MEETING_ID}-top-${number}`, number, title, public: isPublic, proposalId: null,
    postponed: extra.postponed ?? false, secondConvocation: extra.secondConvocation ?? false,
  };
}
