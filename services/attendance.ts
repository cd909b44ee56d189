/**
 * Attendance per institution: confirm, decline, hand the seat to the deputy (§ 4 Abs. 6 GO),
 * check in during the session, and the chair marking someone present or absent.
 * Each command: validate → authorize → apply → audit, inside one store update.
 */
import type { Attendance, Db, Institution, Meeting, Person } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import { delegationFor, type Delegation } from "../rules/representation.ts";
import { berlinDay, formatDateTime, formatDay, toBerlinIso } from "../rules/time.ts";
import { profileOf, type Services } from "./context.ts";
import { queueNotices, type Notice } from "./outbox.ts";
import { latestInvitation } from "./invitation-core.ts";
import { findPersonOrInstitution, personById, rolesOf, rosterInstitutions } from "./directory.ts";
import { ServiceError } from "./errors.ts";
import { activeMeeting } from "./meetings.ts";
import { delegationText } from "../texts/representation.ts";

export type Mode = "in-person" | "online";

export interface Outcome {
  reply: Texts;
  /** Outbox messages this command recorded for other people, to be sent after the reply. */
  outbox: string[];
  /** False when Teams delivered the same message again and nothing was changed. */
  changed: boolean;
}

const MODE: Record<Mode, Texts> = { "in-person": { de: "in Präsenz", en: "in person" }, online: { de: "digital", en: "online" } };

function when(m: Meeting): Texts {
  const start = new Date(m.start);
  return { de: formatDateTime(start, "de"), en: formatDateTime(start, "en") };
}

function notStarted(m: Meeting, now: Date): void {
  if (now.getTime() >= new Date(m.end).getTime()) {
    throw new ServiceError({ de: `Die Sitzung am ${when(m).de} ist bereits vorbei.`, en: `The meeting on ${when(m).en} is already over.` }, "conflict");
  }
}

/** The institution a person sits for, or a refusal saying who may answer. */
function seatOrRefuse(db: Db, personId: string): { institution: Institution; role: "member" | "deputy" } {
  const roles = rolesOf(db, personId);
  if (roles.member) return { institution: roles.member, role: "member" };
  if (roles.deputy) return { institution: roles.deputy, role: "deputy" };
  throw new ServiceError(
    { de: "Zu- und Absagen gelten je Institution; Sie sind weder Mitglied noch Stellvertretung einer Institution.", en: "Answers are per institution; you are neither a member nor a deputy of one." },
    "forbidden",
  );
}

/** The person's seat and the institution's answer so far; a deputy acts only once the seat was handed over. */
function seatAndAnswer(db: Db, personId: string, meetingId: string, notHandedOver: (institution: Institution) => Texts) {
  const { institution, role } = seatOrRefuse(db, personId);
  const before = current(db, meetingId, institution.id);
  if (role === "deputy" && before?.status !== "delegated") throw new ServiceError(notHandedOver(institution), "conflict");
  return { institution, role, before };
}

function upsert(db: Db, record: Attendance): void {
  const i = db.attendance.findIndex((a) => a.meetingId === record.meetingId && a.institutionId === record.institutionId);
  if (i >= 0) db.attendance[i] = record;
  else db.attendance.push(record);
}

function current(db: Db, meetingId: string, institutionId: string): Attendance | undefined {
  return db.attendance.find((a) => a.meetingId === meetingId && a.institutionId === institutionId);
}

function secretariatNotices(db: Db, subject: Texts, text: Texts): Notice[] {
  return db.body.secretariatIds.map((personId) => ({ personId, subject, text }));
}

/** Confirm (in person / online) or decline, for the person's institution. */
export async function respond(
  services: Services,
  personId: string,
  meetingId: string,
  answer: { status: "attending" | "declined"; mode: Mode | null },
  activityId?: string,
): Promise<Outcome> {
  const now = services.clock();
  const result = await services.store.update({ actorId: personId, activityId }, (db, audit) => {
    const meeting = activeMeeting(db, meetingId);
    notStarted(meeting, now);
    const { institution, role, before } = seatAndAnswer(db, personId, meetingId, (inst) => {
      const member = personById(db, inst.memberId);
      return {
        de: `${member.name} hat die Teilnahme für ${inst.name} noch nicht an Sie übergeben; Zu- und Absagen kommen vom Mitglied.`,
        en: `${member.name} has not handed ${inst.name}'s seat to you; the member answers for the institution.`,
      };
    });
    const record: Attendance = {
      meetingId, institutionId: institution.id,
      status: role === "deputy" ? (answer.status === "attending" ? "delegated" : "declined") : answer.status,
      attendeeId: answer.status === "attending" ? personId : null,
      mode: answer.status === "attending" ? answer.mode : null,
      present: before?.present ?? false,
      checkedInAt: before?.checkedInAt ?? null,
      updatedAt: toBerlinIso(now), updatedBy: personId,
    };
    upsert(db, record);
    audit(`attendance.${answer.status}`, { meetingId, institutionId: institution.id, mode: answer.mode, by: role });
    const notices: Notice[] = [];
    if (role === "member" && before?.status === "delegated" && before.attendeeId && answer.status === "attending") {
      notices.push({
        personId: before.attendeeId,
        subject: { de: "Vertretung nicht mehr nötig", en: "Deputy no longer needed" },
        text: { de: `${personById(db, personId).name} nimmt an der Sitzung am ${when(meeting).de} nun selbst teil; Ihre Vertretung ist nicht mehr nötig.`, en: `${personById(db, personId).name} will now attend the meeting on ${when(meeting).en}; you no longer need to stand in.` },
      });
    }
    if (role === "deputy" && answer.status === "declined") {
      notices.push(
        ...secretariatNotices(db, { de: "Stellvertretung sagt ab", en: "Deputy declines" }, {
          de: `${personById(db, personId).name} (Stellvertretung) kann ${institution.name} am ${when(meeting).de} nicht vertreten; die Institution ist dann nicht vertreten.`,
          en: `${personById(db, personId).name} (deputy) cannot represent ${institution.name} on ${when(meeting).en}; the institution will not be represented.`,
        }),
        { personId: institution.memberId, subject: { de: "Ihre Stellvertretung sagt ab", en: "Your deputy declines" }, text: {
          de: `${personById(db, personId).name} kann Sie am ${when(meeting).de} nicht vertreten.`, en: `${personById(db, personId).name} cannot stand in for you on ${when(meeting).en}.` } },
      );
    }
    return { reply: answerText(record, meeting, institution), outbox: queueNotices(db, notices, { now, actorId: personId, meetingId }) };
  });
  return result.duplicate ? duplicateOutcome() : { ...result.value, changed: true };
}

function answerText(record: Attendance, meeting: Meeting, institution: Institution): Texts {
  const w = when(meeting);
  if (record.attendeeId === null) {
    return { de: `Ihre Absage für ${institution.name} zur Sitzung am ${w.de} ist vermerkt.`, en: `Your apology for ${institution.name} for the meeting on ${w.en} is recorded.` };
  }
  const mode = record.mode ? { de: ` (${MODE[record.mode].de})`, en: ` (${MODE[record.mode].en})` } : { de: "", en: "" };
  const ask = record.mode ? { de: "", en: "" } : { de: " Nehmen Sie in Präsenz oder digital teil?", en: " Will you attend in person or online?" };
  return {
    de: `Vielen Dank, Ihre Teilnahme${mode.de} für ${institution.name} an der Sitzung am ${w.de} ist vermerkt.${ask.de}`,
    en: `Thank you, your attendance${mode.en} for ${institution.name} at the meeting on ${w.en} is recorded.${ask.en}`,
  };
}

function duplicateOutcome(): Outcome {
  return { reply: { de: "Diese Nachricht habe ich bereits bearbeitet.", en: "I have already handled this message." }, outbox: [], changed: false };
}

export interface DelegationOutcome extends Outcome {
  /** Null when the same message came twice and nothing was done. */
  delegation: Delegation | null;
}

/** § 4 Abs. 6 GO: the member cannot attend; the institution's registered deputy takes the seat. */
export async function delegate(services: Services, personId: string, meetingId: string, activityId?: string): Promise<DelegationOutcome> {
  const now = services.clock();
  const result = await services.store.update({ actorId: personId, activityId }, (db, audit) => {
    const meeting = activeMeeting(db, meetingId);
    notStarted(meeting, now);
    const profile = profileOf(db);
    const delegation = delegationFor(personId, rosterInstitutions(db), profile);
    const person = personById(db, personId);
    const w = when(meeting);
    if (!delegation.ok) {
      audit("attendance.delegation-refused", { meetingId, code: delegation.code });
      const notices =
        delegation.code === "not-a-member"
          ? []
          : secretariatNotices(db, { de: "Vertretung nicht möglich", en: "Delegation not possible" }, {
              de: `${person.name} (${delegation.institution!.name}) wollte die Sitzung am ${w.de} an die Stellvertretung übergeben: ${delegationText(delegation).de}`,
              en: `${person.name} (${delegation.institution!.name}) asked to hand the meeting on ${w.en} to the deputy: ${delegationText(delegation).en}`,
            });
      return { reply: delegationText(delegation), outbox: queueNotices(db, notices, { now, actorId: personId, meetingId }), delegation };
    }
    const { institution, deputy } = delegation;
    const rule = profile.representation.absenceCitation;
    const cite = rule ? ` (${rule})` : "";
    upsert(db, {
      meetingId, institutionId: institution.id, status: "delegated", attendeeId: deputy.id, mode: null,
      present: false, checkedInAt: null, updatedAt: toBerlinIso(now), updatedBy: personId,
    });
    audit("attendance.delegated", { meetingId, institutionId: institution.id, deputyId: deputy.id });
    // Once the invitation is out, the deputy's own invitation says that they stand in: one mail, not two.
    const invited = latestInvitation(db, meetingId) !== null;
    const notices: Notice[] = [
      ...(invited ? [] : [{
        personId: deputy.id,
        subject: { de: `Vertretung in der Sitzung am ${w.de}`, en: `Standing in at the meeting on ${w.en}` },
        text: {
          de: `${person.name} kann an der Sitzung am ${w.de} nicht teilnehmen. Sie vertreten ${institution.name}${cite}. Bitte bestätigen Sie Ihre Teilnahme („Ich nehme teil“).`,
          en: `${person.name} cannot attend the meeting on ${w.en}. You represent ${institution.name}${cite}. Please confirm your attendance ("I'll attend").`,
        },
      }]),
      ...secretariatNotices(db, { de: "Vertretung gemeldet", en: "Deputy notified" }, {
        de: `${person.name} (${institution.name}) ist am ${w.de} verhindert; die Stellvertretung ${deputy.name} wurde benachrichtigt.`,
        en: `${person.name} (${institution.name}) cannot attend on ${w.en}; the deputy ${deputy.name} has been notified.`,
      }),
    ];
    const reply: Texts = {
      de: `Ihre Abwesenheit am ${w.de} ist vermerkt. ${delegationText(delegation).de} ${deputy.name} erhält die Einladung, die Geschäftsstelle ist informiert.`,
      en: `Your absence on ${w.en} is recorded. ${delegationText(delegation).en} ${deputy.name} receives the invitation and the Geschäftsstelle has been told.`,
    };
    return { reply, outbox: queueNotices(db, notices, { now, actorId: personId, meetingId }), delegation };
  });
  if (result.duplicate) return { ...duplicateOutcome(), delegation: null };
  return { ...result.value, changed: true };
}

/** Self check-in during the session ("Ich bin anwesend"), on the meeting's day. */
export async function checkIn(services: Services, personId: string, meetingId: string, activityId?: string): Promise<Outcome> {
  const now = services.clock();
  const result = await services.store.update({ actorId: personId, activityId }, (db, audit) => {
    const meeting = activeMeeting(db, meetingId);
    sessionDay(meeting, now);
    const { institution, before } = seatAndAnswer(db, personId, meetingId, (inst) => ({
      de: `Für ${inst.name} ist das Mitglied selbst gemeldet; bitte wenden Sie sich an den Vorsitz.`,
      en: `The member is down to attend for ${inst.name}; please speak to the chair.`,
    }));
    setPresent(db, meetingId, institution.id, personId, true, now, personId, before);
    audit("attendance.checked-in", { meetingId, institutionId: institution.id, personId });
    const w = when(meeting);
    return {
      reply: { de: `Willkommen! Sie sind für ${institution.name} als anwesend eingetragen (Sitzung am ${w.de}).`, en: `Welcome! You are checked in for ${institution.name} (meeting on ${w.en}).` },
      outbox: [],
    };
  });
  return result.duplicate ? duplicateOutcome() : { ...result.value, changed: true };
}

function sessionDay(meeting: Meeting, now: Date): void {
  const day = berlinDay(new Date(meeting.start));
  if (berlinDay(now) !== day) {
    throw new ServiceError(
      { de: `Anmelden zur Sitzung geht erst am Sitzungstag, ${formatDay(day, "de")}.`, en: `Check-in opens on the day of the meeting, ${formatDay(day, "en")}.` },
      "conflict",
    );
  }
}

function setPresent(db: Db, meetingId: string, institutionId: string, attendeeId: string, present: boolean, now: Date, actorId: string, before?: Attendance): void {
  const institution = db.institutions.find((i) => i.id === institutionId)!;
  upsert(db, {
    meetingId, institutionId,
    status: before?.status === "delegated" || attendeeId === institution.deputyId ? "delegated" : present ? "attending" : before?.status ?? "declined",
    attendeeId: present ? attendeeId : before?.attendeeId ?? null,
    mode: before?.mode ?? null,
    present,
    checkedInAt: present ? toBerlinIso(now) : null,
    updatedAt: toBerlinIso(now), updatedBy: actorId,
  });
}

/** The chair or the Geschäftsstelle marks a member, deputy or institution present or absent. */
export async function markPresence(services: Services, actorId: string, meetingId: string, query: string, present: boolean, activityId?: string): Promise<Outcome> {
  const now = services.clock();
  const result = await services.store.update({ actorId, activityId }, (db, audit) => {
    const roles = rolesOf(db, actorId);
    if (!roles.chair && !roles.secretariat) {
      throw new ServiceError({ de: "Anwesenheiten trägt der Vorsitz oder die Geschäftsstelle ein.", en: "Only the chair or the Geschäftsstelle records attendance." }, "forbidden");
    }
    const meeting = activeMeeting(db, meetingId);
    const { person, institution } = target(db, query);
    const before = current(db, meetingId, institution.id);
    const attendee = person ?? personById(db, before?.attendeeId ?? institution.memberId);
    setPresent(db, meetingId, institution.id, attendee.id, present, now, actorId, before);
    audit(present ? "attendance.marked-present" : "attendance.marked-absent", { meetingId, institutionId: institution.id, personId: attendee.id });
    const w = when(meeting);
    return {
      reply: present
        ? { de: `${attendee.name} (${institution.name}) ist als anwesend eingetragen (Sitzung am ${w.de}).`, en: `${attendee.name} (${institution.name}) is marked present (meeting on ${w.en}).` }
        : { de: `${attendee.name} (${institution.name}) ist als abwesend eingetragen.`, en: `${attendee.name} (${institution.name}) is marked absent.` },
      outbox: [],
    };
  });
  return result.duplicate ? duplicateOutcome() : { ...result.value, changed: true };
}

function target(db: Db, query: string): { person: Person | null; institution: Institution } {
  const { person, institution } = findPersonOrInstitution(db, query);
  if (person) {
    const roles = rolesOf(db, person.id);
    const seat = roles.member ?? roles.deputy;
    if (seat) return { person, institution: seat };
    throw new ServiceError({ de: `${person.name} vertritt keine Institution; Gäste zählen nicht mit.`, en: `${person.name} represents no institution; guests do not count.` }, "invalid");
  }
  if (institution) return { person: null, institution };
  throw new ServiceError(
    { de: `Ich finde niemanden zu „${query}“. Bitte Namen oder Institution angeben, z. B. „/anwesend Jugendamt“.`, en: `I can't find "${query}". Please give a name or institution, e.g. "/anwesend Jugendamt".` },
    "not-found",
  );
}
