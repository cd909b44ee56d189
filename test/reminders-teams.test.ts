/**
 * Reminders in Teams: the reminder to answer reaches a member who has a conversation with the bot
 * in Teams, with the answer buttons; a press on one records the answer; the others get it by e-mail
 * (real loopback SMTP). "/erinnerungen" shows the Geschäftsstelle what is planned and what went out.
 *
 * The Teams connector is a stand-in (Microsoft's cloud): it takes the activity the bot would post
 * into the stored conversation, as the Bot Framework's continueConversation hands it over.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Activity } from "botbuilder";
import { proactiveChannel } from "../bot/proactive.ts";
import type { TeamsAdapter } from "../bot/teams-ai.ts";
import type { Services } from "../services/context.ts";
import { sendInvitation } from "../services/invitations.ts";
import { runReminders, type SentReminder } from "../services/reminders.ts";
import { startTeamsHarness, type TeamsHarness } from "./support/teams-harness.ts";
import { GS } from "./support/invitation-fixture.ts";

const START = "2027-04-15T10:00:00+02:00";
const DUE = "2027-04-12T08:00:00+02:00";

let bot: TeamsHarness;
let meetingId: string;
const posted: { reference: unknown; message: string | Partial<Activity> }[] = [];
let sent: SentReminder[];

beforeAll(async () => {
  bot = await startTeamsHarness("2027-03-01T09:00:00+01:00");
  meetingId = await bot.world.meeting({ start: START, location: "Kreishaus Siegburg" });
  await bot.say("m-caritas", "Hallo"); // the bot now has a conversation with this member
  await sendInvitation(bot.world.services, GS, meetingId, { urgent: false, reason: null });
  bot.setNow(DUE);
  const services: Services = bot.world.services;
  // The adapter's continueConversation as Bot Framework hands it over: the stand-in takes what is posted.
  const adapter = {
    continueConversationAsync: async (_bot: string, reference: unknown, work: (ctx: unknown) => Promise<void>) =>
      work({ sendActivity: async (message: string | Partial<Activity>) => void posted.push({ reference, message }) }),
  } as unknown as TeamsAdapter;
  sent = await runReminders({ ...services, teams: proactiveChannel({ services, adapter, botAppId: "" }) });
}, 120_000);

afterAll(async () => {
  await bot?.close();
});

describe("the reminder to answer", () => {
  it("reaches the member with a Teams conversation in Teams, everyone else by e-mail", () => {
    const unanswered = sent.filter((s) => s.kind === "unanswered");
    expect(unanswered).toHaveLength(17);
    expect(unanswered.filter((s) => s.via === "teams").map((s) => s.personId)).toEqual(["m-caritas"]);
    expect(unanswered.every((s) => s.accepted)).toBe(true);
  });

  it("carries the answer buttons for this meeting", () => {
    expect(posted).toHaveLength(1);
    const message = posted[0]!.message as Partial<Activity>;
    expect(message.text).toContain("noch keine Rückmeldung");
    const card = message.attachments![0]!.content as { actions: { title: string; verb: string; data: Record<string, unknown> }[] };
    expect(card.actions.map((a) => [a.title, a.verb, a.data.mode ?? null])).toEqual([
      ["Ich nehme in Präsenz teil", "attend", "in-person"],
      ["Ich nehme digital teil", "attend", "online"],
      ["An meine Vertretung", "delegate", null],
      ["Absagen", "decline", null],
    ]);
    expect(card.actions.every((a) => a.data.meetingId === meetingId)).toBe(true);
  });

  it("a press on a button records the answer", async () => {
    await bot.press("m-caritas", { verb: "attend", mode: "online", meetingId });
    const db = await bot.db();
    expect(db.attendance.find((a) => a.meetingId === meetingId && a.institutionId === "caritas")).toMatchObject({ status: "attending", mode: "online" });
  });
});

describe("/erinnerungen", () => {
  it("shows the Geschäftsstelle what went out and what is planned", async () => {
    const text = await bot.say("gs-1", "/erinnerungen");
    expect(text).toContain("Rückmeldung fehlt an");
    expect(text).toMatch(/Rückmeldung fehlt an .*: versandt \(Teams\)/);
    expect(text).toMatch(/Sitzungsmorgen an .*: geplant/);
  });

  it("is for the Geschäftsstelle and the chair only", async () => {
    const text = await bot.say("m-jugendamt", "/erinnerungen");
    expect(text).toContain("der Geschäftsstelle und dem Vorsitz vorbehalten");
    expect(text).not.toContain("Sitzungsmorgen");
  });
});
