/**
 * Done when: over one meeting cycle each reminder reaches each intended person exactly once, with
 * two processes running them at the same moments, and nobody who opted out gets one.
 *
 * The injected clock walks hour by hour from March to the next meeting in June 2027 on the demo
 * roster: the meeting of Thursday 15.04.2027 has its invitation reminder on Sunday 28.03.2027 (the
 * switch to summer time), moved past Easter Monday (a public holiday in NRW) to Tuesday; the reminder
 * to answer falls on Saturday 10.04. and moves to Monday. The bot is down from Saturday to Monday
 * 09:00 and restarts with fresh services (the state is the data file). At every moment a reminder is
 * due, two real command-line processes run `reminders run` at once beside the bot's own run. Mail
 * goes to a real SMTP server on loopback.
 */
import { render } from "../texts/catalog.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { smtpMailer } from "../adapters/mail-transport.ts";
import { minutesFolderBeside } from "../adapters/minutes-files.ts";
import { converse } from "../bot/conversation.ts";
import type { Db } from "../domain/model.ts";
import { isDue, planReminders } from "../rules/reminders.ts";
import { parseInstant, toBerlinIso } from "../rules/time.ts";
import { respond } from "../services/answer-attendance.ts";
import { bodyProfile, type Services } from "../services/context.ts";
import { delegate } from "../services/delegate-seat.ts";
import { sendInvitation } from "../services/invitations.ts";
import { draftMinutes, sendMinutes } from "../services/minutes-workflow.ts";
import { runReminders } from "../services/reminders.ts";
import { fixture, GS, type Fixture } from "./support/invitation-fixture.ts";
import { finished, startScript, type Run } from "./support/store-process.ts";
import { profiles } from "./support/profiles.ts";

const M1 = "2027-04-15T10:00:00+02:00";
const M2 = "2027-06-10T10:00:00+02:00";
const WALK_FROM = "2027-03-01T00:00:00+01:00";
const WALK_TO = "2027-06-10T09:00:00+02:00";
/** The bot is down from here … */
const DOWN = "2027-04-10T00:00:00+02:00";
/** … and restarts here, after the moment the reminder to answer was due. */
const RESTART = "2027-04-12T09:00:00+02:00";
const HOUR = 3_600_000;

const INSTITUTIONS = [
  "dezernat-ii", "kommunales-integrationszentrum", "rechts-und-ordnungsamt", "amt-fuer-schule", "sozialamt", "jugendamt",
  "agentur-fuer-arbeit", "caritas", "diakonie", "gemeinde-much", "gemeinde-neunkirchen-seelscheid", "gemeinde-windeck",
  "jobcenter", "paritaetischer", "schulaufsicht", "stadt-meckenheim", "stadt-troisdorf",
];
const members = INSTITUTIONS.map((i) => `m-${i}`);
/** Opted out before the cycle, for good. */
const OPTED_OUT = ["m-jugendamt", "gs-2"];
/** Opted out and back in before the first reminder: gets every reminder. */
const BACK_ON = "m-caritas";

/** A person writes in the chat, through the same conversation Teams uses. */
async function say(services: Services, personId: string, text: string): Promise<string> {
  const db = await services.store.read();
  const email = db.persons.find((p) => p.id === personId)!.email;
  const result = await converse(services, { user: { email }, text });
  return result.replies.map((r) => r.text).join("\n");
}

interface SentLine { kind: string; personId: string; meetingId: string; via: string | null }

let fx: Fixture;
let services: Services;
let m1: string;
let m2: string;
const sentByRuns: SentLine[] = [];
const cliRuns: Run[] = [];
const replies: Record<string, string> = {};
let emails: Map<string, string>;
let final: Db;

/** Due at `now` by the plan (the test's own look, to know when to start the two processes). */
async function somethingDue(now: Date): Promise<boolean> {
  const db = await services.store.read();
  const profile = bodyProfile(services, db);
  const keys = new Set(db.outbox.flatMap((m) => (m.reminder ? [m.reminder.key] : [])));
  return planReminders(db, profile, now).some((r) => !keys.has(r.key) && isDue(r, now, profile.holidays));
}

/** What happens in the group during the cycle, at the hour it happens. */
const EVENTS: Record<string, () => Promise<void>> = {
  // After the invitation reminder on Tuesday 30.03.: the Geschäftsstelle invites (last day 31.03.).
  "2027-03-30T10:00:00+02:00": async () => void (await sendInvitation(services, GS, m1, { urgent: false, reason: null })),
  "2027-04-06T10:00:00+02:00": async () => {
    await respond(services, "m-dezernat-ii", m1, { status: "attending", mode: "in-person" });
    await respond(services, "m-sozialamt", m1, { status: "attending", mode: "online" });
    await delegate(services, "m-diakonie", m1); // the deputy holds the seat and has not answered
    await delegate(services, "m-jobcenter", m1);
    await respond(services, "d-jobcenter", m1, { status: "attending", mode: "online" });
  },
  "2027-04-20T10:00:00+02:00": async () => {
    const folder = minutesFolderBeside(fx.file);
    await draftMinutes(services, GS, m1, { folder });
    await sendMinutes(services, GS, m1, { folder });
  },
};

function cliRun(at: string): Promise<Run> {
  return finished(startScript("cli/index.ts", ["--db", fx.file, "--now", at, "reminders", "run", "--json"], { SMTP_URL: fx.smtp.url }));
}

beforeAll(async () => {
  fx = await fixture("2027-02-15T09:00:00+01:00");
  services = fx.services;
  m1 = await fx.meeting({ start: M1, location: "Kreishaus Siegburg, Raum 1.23" });
  m2 = await fx.meeting({ start: M2, location: "Kreishaus Siegburg, Raum 1.23" });
  replies.off = await say(services, "m-jugendamt", "Keine Erinnerungen mehr");
  await say(services, "gs-2", "No more reminders, please.");
  await say(services, BACK_ON, "Keine Erinnerungen mehr");
  replies.on = await say(services, BACK_ON, "Erinnerungen wieder an");
  emails = new Map((await services.store.read()).persons.map((p) => [p.id, p.email]));

  for (let t = parseInstant(WALK_FROM)!.getTime(); t <= parseInstant(WALK_TO)!.getTime(); t += HOUR) {
    const at = toBerlinIso(new Date(t));
    fx.setNow(at);
    if (t >= Date.parse(DOWN) && t < Date.parse(RESTART)) continue; // the bot is down
    if (at === RESTART) {
      // A restart: new store and mailer over the same file; nothing is kept in memory.
      await services.mailer.close();
      services = { store: openJsonStore(fx.file, { clock: services.clock }), clock: services.clock, mailer: smtpMailer(fx.smtp.url), render, profiles };
    }
    if (await somethingDue(new Date(t))) {
      const [own, ...clis] = await Promise.all([runReminders(services), cliRun(at), cliRun(at)]);
      sentByRuns.push(...own.map(({ kind, personId, meetingId, via }) => ({ kind, personId, meetingId, via })));
      for (const run of clis) {
        cliRuns.push(run);
        if (run.code === 0) sentByRuns.push(...(JSON.parse(run.stdout) as { sent: SentLine[] }).sent);
      }
    } else {
      sentByRuns.push(...(await runReminders(services)));
    }
    await EVENTS[at]?.();
  }
  await services.mailer.close();
  final = await services.store.read();
}, 600_000);

afterAll(async () => {
  await fx?.close();
});

/** Every reminder mail the server received: to whom, and its subject. */
async function reminderMails(): Promise<{ to: string; subject: string }[]> {
  const mails = await fx.mails();
  return mails.filter((m) => m.email.subject?.includes("Erinnerung")).flatMap((m) => m.to.map((to) => ({ to, subject: m.email.subject! })));
}

const SUBJECT = (kind: string, meeting: string) => `Lenkungsgruppe KIM im Rhein-Sieg-Kreis: Erinnerung: ${kind} – ${meeting}`;
const MEETING_1 = "Donnerstag, 15.04.2027, 10:00 Uhr";
const MEETING_2 = "Donnerstag, 10.06.2027, 10:00 Uhr";

/** Who should get which reminder over the cycle, as the issue lists them. */
function expected(): Map<string, string[]> {
  const answered = ["m-dezernat-ii", "m-sozialamt", "m-diakonie", "m-jobcenter"];
  const e = new Map<string, string[]>([
    [SUBJECT("Themenanmeldung", MEETING_1), members],
    [SUBJECT("Einladung fällig", MEETING_1), ["gs-1", "gs-2"]],
    [SUBJECT("Rückmeldung fehlt", MEETING_1), [...members.filter((m) => !answered.includes(m)), "d-diakonie"]],
    [SUBJECT("Vertretung", MEETING_1), ["d-diakonie", "d-jobcenter"]],
    [SUBJECT("Sitzungsmorgen", MEETING_1), ["vorsitz"]],
    [SUBJECT("Niederschrift", MEETING_1), ["gs-1", "gs-2"]],
    [SUBJECT("Themenanmeldung", MEETING_2), members],
    [SUBJECT("Einladung fällig", MEETING_2), ["gs-1", "gs-2"]],
    [SUBJECT("Sitzungsmorgen", MEETING_2), ["vorsitz"]],
    [SUBJECT("Genehmigung der Niederschrift", MEETING_2), ["vorsitz"]],
  ]);
  for (const [k, ids] of e) e.set(k, ids.filter((id) => !OPTED_OUT.includes(id)).map((id) => emails.get(id)!).sort());
  return e;
}

describe("reminders over one meeting cycle", () => {
  it("the person is told their reminders are off, and on again", () => {
    expect(replies.off).toContain("keine Erinnerungen mehr");
    expect(replies.on).toContain("wieder Erinnerungen");
  });

  it("every command-line run ended without an error", () => {
    expect(cliRuns.length).toBeGreaterThanOrEqual(18);
    for (const run of cliRuns) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
  });

  it("each reminder reaches each intended person exactly once, and nobody who opted out", async () => {
    const got = new Map<string, string[]>();
    for (const m of await reminderMails()) got.set(m.subject, [...(got.get(m.subject) ?? []), m.to]);
    for (const list of got.values()) list.sort();
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected()));
  });

  it("the runs together report each reminder sent once", () => {
    const keys = sentByRuns.map((s) => `${s.kind}:${s.meetingId}:${s.personId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe([...expected().values()].flat().length);
  });

  it("a member who opted out still got the invitation", async () => {
    const mails = await fx.mails();
    const invitation = mails.filter((m) => m.to.includes(emails.get("m-jugendamt")!) && !m.email.subject?.includes("Erinnerung"));
    expect(invitation.length).toBeGreaterThanOrEqual(1);
  });

  it("each went out at 08:00 Berlin time on its working day, or at the restart when that moment was missed", () => {
    const at = new Map(final.outbox.filter((m) => m.reminder).map((m) => [`${m.reminder!.kind}:${m.meetingId}`, m.createdAt]));
    expect(Object.fromEntries(at)).toEqual({
      [`agenda-proposals:${m1}`]: "2027-03-18T08:00:00+01:00", // winter time
      [`invitation-due:${m1}`]: "2027-03-30T08:00:00+02:00", // Sun 28.03. (summer time begins), Easter Monday → Tuesday
      [`unanswered:${m1}`]: RESTART, // Sat 10.04. → Mon 12.04. 08:00, the bot was down then
      [`deputy-briefing:${m1}`]: "2027-04-14T08:00:00+02:00", // the working day before the meeting
      [`chair-briefing:${m1}`]: "2027-04-15T08:00:00+02:00",
      [`minutes-draft:${m1}`]: "2027-04-16T08:00:00+02:00",
      [`agenda-proposals:${m2}`]: "2027-05-13T08:00:00+02:00",
      [`invitation-due:${m2}`]: "2027-05-24T08:00:00+02:00", // Sun 23.05. → Mon 24.05.
      [`chair-briefing:${m2}`]: "2027-06-10T08:00:00+02:00",
      [`minutes-approval:${m2}`]: "2027-06-10T08:00:00+02:00",
    });
  });

  it("the chair's morning reminder names who comes and the quorum it forecasts", async () => {
    const mails = await fx.mails();
    const morning = mails.find((m) => m.email.subject === SUBJECT("Sitzungsmorgen", MEETING_1))!;
    const text = morning.email.text!.replace(/\s+/g, " ");
    expect(text).toContain("Vertretungen: ");
    expect(text).toMatch(/4 von 17 stimmberechtigten Institutionen vertreten; 9 sind für die Beschlussfähigkeit nötig/);
    expect(text).toContain("(§ 6 Abs. 4 GO)");
  });

  it("the Geschäftsstelle's reminder gives the last day and the urgent last day with its paragraphs", async () => {
    const mails = await fx.mails();
    const due = mails.find((m) => m.email.subject === SUBJECT("Einladung fällig", MEETING_1))!;
    const text = due.email.text!.replace(/\s+/g, " ");
    expect(text).toContain("Letzter Tag: Mittwoch, 31.03.2027 (§ 4 Abs. 5 GO)");
    expect(text).toContain("bis Mittwoch, 07.04.2027, mit Angabe des Grundes (§ 4 Abs. 5 Satz 3 GO)");
  });
});
