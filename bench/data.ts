/**
 * The data files the benchmark runs on, written through the store (so the schema applies):
 * the demo group with its next meeting, ten years of a busy group, and a roster of 40 recipients
 * for the invitation fan-out.
 */
import { stat, writeFile } from "node:fs/promises";
import { fixedClock } from "../adapters/clock.ts";
import { demoDb } from "../adapters/demo.ts";
import { auditFileFor, openJsonStore } from "../adapters/json-store.ts";
import type { AgendaItem, AuditEntry, Db, Invitation, Meeting } from "../domain/model.ts";

/** The benchmark's "now": every server and store in the run uses this fixed clock. */
export const NOW = "2026-11-21T09:00:00+01:00";
export const clock = fixedClock(NOW);

/** The member who asks: Sabine Fuchs, Jugendamt (as in test/bot-http.test.ts). */
export const ASKER = { personId: "m-jugendamt", aadObjectId: "00000000-0000-4000-8000-000000000011" };

const at = (day: string, time = "10:00:00") => `${day}T${time}+01:00`; // stored as Berlin time; winter offset is fine for the bench
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The next meeting, on Thursday 17.12.2026: the one the deadline question is about. */
export function nextMeeting(agenda: AgendaItem[] = []): Meeting {
  return {
    id: "s-2026-12-17", start: at("2026-12-17"), end: at("2026-12-17", "12:00:00"), location: "Kreishaus Siegburg, Raum 1.23",
    mode: "in-person", onlineUrl: null, state: "planned", agenda, createdAt: at("2026-11-02"),
  };
}

/** Replaces the whole content of `file` (creating it) through the store: validated, atomic. */
async function writeDb(file: string, db: Db): Promise<void> {
  await openJsonStore(file, { clock }).update({ actorId: "bench" }, (d) => void Object.assign(d, db));
}

/** The demo Lenkungsgruppe as a new data file has it, plus the next meeting. */
export async function writeEmptyFile(file: string): Promise<void> {
  await writeDb(file, { ...demoDb(), meetings: [nextMeeting()] });
}

/**
 * Ten years of a busy group: 20 institutions (member and deputy each), 40 meetings with 25
 * agenda items each (1,000), every member answering every invitation, proposals, votes,
 * quorum declarations, statements, approved minutes, a full list of processed activity ids,
 * conversation references for everyone, and `auditEvents` lines in the audit log.
 */
export async function writeTenYearFile(file: string, auditEvents = 50_000): Promise<{ bytes: number; auditBytes: number }> {
  const db = demoDb();
  for (const [id, name] of [["vhs", "Volkshochschule Rhein-Sieg"], ["awo", "AWO Kreisverband Rhein-Sieg e.V."], ["drk", "DRK-Kreisverband Rhein-Sieg e.V."]] as const) {
    db.persons.push(
      { id: `m-${id}`, name: `Mitglied ${name}`, email: `m-${id}@example.org`, aadObjectId: null },
      { id: `d-${id}`, name: `Vertretung ${name}`, email: `d-${id}@example.org`, aadObjectId: null },
    );
    db.institutions.push({ id, name, voting: true, memberId: `m-${id}`, deputyId: `d-${id}` });
  }
  const institutions = db.institutions; // 20

  for (let q = 0; q < 40; q++) {
    const last = q === 39;
    const day = last ? "2026-12-17" : addDays("2017-03-16", q * 91);
    const id = last ? "s-2026-12-17" : `s-${day}`;
    const agenda: AgendaItem[] = Array.from({ length: 25 }, (_, i) => ({
      id: `${id}-top-${i + 1}`, number: i + 1, title: `${TOPICS[(q + i) % TOPICS.length]} (${i + 1}/${q + 1})`, public: i % 6 !== 5,
      proposalId: i < 10 ? `p-${id}-${i + 1}` : null, secondConvocation: false, postponed: false,
    }));
    db.meetings.push({
      ...nextMeeting(agenda), id, start: at(day), end: at(day, "12:00:00"),
      state: last ? "planned" : "minutes-approved", createdAt: at(addDays(day, -40)),
    });
    for (let i = 0; i < 10; i++) {
      const by = institutions[(q + i) % 20]!.memberId;
      db.proposals.push({
        id: `p-${id}-${i + 1}`, meetingId: id, title: agenda[i]!.title, description: `Kurze Beschreibung zu „${agenda[i]!.title}“ mit Hintergrund und Beschlussvorschlag.`,
        presenter: `Referentin ${i + 1}`, link: i % 3 === 0 ? `https://intranet.example.org/kim/${id}/top-${i + 1}` : null,
        byPersonId: by, submittedAt: at(addDays(day, -30)), late: i === 9, status: "accepted",
      });
    }
    if (last) continue; // the next meeting: not invited or answered yet
    const recipients: Invitation["recipients"] = [...institutions.map((i) => i.memberId), db.body.chairId].map((personId) => ({
      personId, email: db.persons.find((p) => p.id === personId)!.email, role: personId === db.body.chairId ? "chair" : "member",
      acceptedAt: at(addDays(day, -20), "08:15:00"), error: null, attempts: 1, claimedAt: null,
    }));
    db.invitations.push({
      id: `${id}-request-0`, meetingId: id, kind: "request", sequence: 0, urgent: false, reason: null,
      createdAt: at(addDays(day, -20), "08:14:00"), createdBy: "gs-1", sentAt: at(addDays(day, -20), "08:15:00"), recipients,
    });
    institutions.forEach((inst, i) => {
      const delegated = (q + i) % 7 === 0;
      db.attendance.push({
        meetingId: id, institutionId: inst.id, status: delegated ? "delegated" : (q + i) % 11 === 0 ? "declined" : "attending",
        attendeeId: delegated ? inst.deputyId : inst.memberId, mode: i % 3 === 0 ? "online" : "in-person", present: (q + i) % 11 !== 0,
        checkedInAt: at(day, "09:58:00"), updatedAt: at(addDays(day, -10)), updatedBy: inst.memberId,
      });
    });
    db.quorumDeclarations.push({ id: `q-${id}`, meetingId: id, agendaItemId: null, quorate: true, represented: 18, votingMembers: 20, declaredAt: at(day, "10:05:00"), declaredBy: db.body.chairId });
    agenda.filter((_, i) => i % 2 === 0).forEach((item, i) => {
      db.votes.push({
        id: `v-${item.id}`, meetingId: id, agendaItemId: item.id, yes: 14, no: 2, abstain: 2, present: 18, required: 12, passed: true,
        resolution: `Die Lenkungsgruppe beschließt zu TOP ${item.number} wie vorgeschlagen (${i + 1}).`, recordedAt: at(day, "11:00:00"), recordedBy: db.body.chairId,
      });
    });
    db.personalStatements.push({ id: `e-${id}`, meetingId: id, agendaItemId: agenda[3]!.id, personId: institutions[q % 20]!.memberId, text: "Ich bitte, meine abweichende Auffassung zu Protokoll zu nehmen.", recordedAt: at(day, "10:40:00") });
    db.minutes.push({ meetingId: id, state: "approved", createdAt: at(addDays(day, 2)), sentAt: at(addDays(day, 5)), objections: [], approvedAt: at(addDays(day, 91)) });
  }
  db.processedActivities = Array.from({ length: 1000 }, (_, i) => ({ id: `f:${1_000_000 + i}`, at: at(addDays("2026-08-01", Math.floor(i / 10))) }));
  for (const p of db.persons) {
    db.botState[`lang:${p.id}`] = "de";
    db.botState[`ref:${p.id}`] = {
      activityId: `f:${p.id}`, user: { id: `29:${p.id}`, name: p.name, aadObjectId: p.aadObjectId }, bot: { id: "28:bot", name: "Lenkungsgruppe" },
      conversation: { id: `a:personal-${p.id}`, conversationType: "personal", tenantId: "00000000-0000-4000-8000-000000000000" },
      channelId: "msteams", locale: "de-DE", serviceUrl: "https://smba.trafficmanager.net/emea/",
    };
  }
  await writeDb(file, db);

  const actions = ["attendance.record", "proposal.submit", "agenda.add", "invitation.claimed", "invitation.delivered", "vote.record", "meeting.create"];
  const lines: string[] = [];
  for (let i = 0; i < auditEvents; i++) {
    const entry: AuditEntry = {
      at: at(addDays("2017-01-02", Math.floor((i * 3650) / auditEvents)), "10:00:00"),
      actorId: institutions[i % 20]!.memberId,
      action: actions[i % actions.length]!,
      details: { meetingId: db.meetings[Math.floor((i * 40) / auditEvents)]!.id, institutionId: institutions[i % 20]!.id, status: "attending", mode: "online" },
    };
    lines.push(JSON.stringify(entry));
  }
  await writeFile(auditFileFor(file), lines.join("\n") + "\n", { flag: "a" });
  return { bytes: (await stat(file)).size, auditBytes: (await stat(auditFileFor(file))).size };
}

/** A roster whose invitation goes to exactly `recipients` people: the chair and one member per institution. */
export async function writeFanoutFile(file: string, recipients = 40): Promise<void> {
  const db = demoDb();
  const base = db.institutions.length;
  for (let i = base; i < recipients - 1; i++) {
    const id = `inst-${i + 1}`;
    db.persons.push({ id: `m-${id}`, name: `Mitglied ${i + 1}`, email: `m-${id}@example.org`, aadObjectId: null });
    db.institutions.push({ id, name: `Institution ${i + 1}`, voting: true, memberId: `m-${id}`, deputyId: null });
  }
  await writeDb(file, db);
}

/** A fresh meeting that can be invited to (place, date and agenda set; notice period still open). */
export function invitableMeeting(n: number): Meeting {
  const id = `s-2027-01-14-${n}`;
  const agenda: AgendaItem[] = ["Begrüßung und Feststellung der Beschlussfähigkeit", "Bericht der Geschäftsstelle", "Integrationsplan 2027", "Verschiedenes"].map((title, i) => ({
    id: `${id}-top-${i + 1}`, number: i + 1, title, public: true, proposalId: null, secondConvocation: false, postponed: false,
  }));
  return { ...nextMeeting(agenda), id, start: "2027-01-14T10:00:00+01:00", end: "2027-01-14T12:00:00+01:00" };
}

const TOPICS = [
  "Bericht der Geschäftsstelle", "Fortschreibung des Integrationsplans", "Case Management: Fallzahlen", "Ausländerbehörde: Verfahrensdauer",
  "Arbeitsmarktintegration", "Sprachkurse und Kita-Plätze", "Wohnraum für Geflüchtete", "Haushalt und Fördermittel KIM", "Verschiedenes",
];
