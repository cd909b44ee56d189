/**
 * The journeys in the real Microsoft 365 Agents Playground page (issue 4: "works in the Playground
 * page"): `npm start` as a child process (bot/main.ts in local mode, which starts the Playground with
 * the demo roster), the page in Debian's Chromium driven by playwright-core, typing into the message
 * box and pressing Adaptive Card buttons as a person would.
 *
 * Journey 1 as the Geschäftsstelle (gs-1) creates the meeting; journey 2 restarts `npm start` as the
 * member of the Jugendamt (m-jugendamt) on the same data file, so it also shows the meeting persists.
 * Screenshots of both journeys are left in the temporary directory (their paths are printed).
 *
 * Without Chromium (/usr/bin/chromium or `chromium` on PATH) the suite is skipped; .ci/run installs it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { createMeeting } from "../services/create-meeting.ts";
import { findChromium, launchChromium, PlaygroundBot, PlaygroundPage, readDb } from "./support/playground-session.ts";
import { profiles } from "./support/profiles.ts";

const CHROMIUM = findChromium();
const SKIP_REASON = "skipped: no Chromium at /usr/bin/chromium or on PATH (apt-get install chromium; .ci/run does)";
if (!CHROMIUM) console.warn(`test/playground.test.ts ${SKIP_REASON}`);

const NOW = "2022-04-01T09:00:00+02:00";
const JOURNEY_TIMEOUT = 180_000;

describe.skipIf(!CHROMIUM)(`in the Agents Playground page${CHROMIUM ? "" : ` (${SKIP_REASON})`}`, () => {
  let dir: string;
  let db: string;
  let browser: Browser;
  let bot: (PlaygroundBot & { url: string }) | undefined;
  let page: PlaygroundPage | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "playground-e2e-"));
    db = join(dir, "db.json");
    browser = await launchChromium(CHROMIUM!);
  }, 60_000);

  afterEach(async (t) => {
    // A failed journey leaves a screenshot and npm start's output; either way nothing stays running.
    if (t.task.result?.state === "fail" && bot) {
      const file = join(dir, `failed-${t.task.name.slice(0, 9).replace(/\W+/g, "-")}.png`);
      const shot = page ? await page.screenshot(file).catch(() => "(no screenshot)") : "(no page)";
      console.error(`The Playground journey failed; screenshot ${shot}; npm start's last output:\n${bot.log()}`);
    }
    await page?.close().catch(() => {});
    page = undefined;
    await bot?.stop();
    bot = undefined;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  }, 60_000);

  /** `npm start` as `user` on the shared data file, and the Playground page open on its greeting. */
  async function startAs(user: string, name: string, now = NOW): Promise<PlaygroundPage> {
    bot = await PlaygroundBot.start({ db, user, now });
    page = await PlaygroundPage.open(browser, bot.url);
    await page.botSays(0, [`Guten Tag, ${name}! Ich bin der Assistent der Geschäftsstelle.`], 60_000);
    return page;
  }

  /** Not asserted: for a person to look at (the path is printed and annotated on the test). */
  async function screenshot(file: string, t: TestContext): Promise<void> {
    const path = await page!.screenshot(join(dir, file));
    console.info(`Playground screenshot: ${path}`);
    await t.annotate(`screenshot: ${path}`);
  }

  it("journey 1, Geschäftsstelle: creates the meeting, asks for the invitation deadline, adds an agenda item", async (t) => {
    const chat = await startAs("gs-1", "Miriam Özdemir");

    await chat.ask("/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg", ["Sitzung angelegt: Donnerstag, 12.05.2022"]);
    await chat.ask("Wann muss die Einladung raus?", ["Mittwoch, 27.04.2022", "§ 4 Abs. 5 GO"]);
    await chat.ask("/top Bericht der Geschäftsstelle", ["TOP 1"]);

    const meeting = readDb(db).meetings.find((m) => m.id === "s-2022-05-12");
    expect(meeting).toMatchObject({ start: "2022-05-12T10:00:00+02:00", location: "Kreishaus Siegburg" });
    expect(meeting!.agenda.map((item) => item.title)).toEqual(["Bericht der Geschäftsstelle"]);

    await screenshot("journey-1-gs-1.png", t);
  }, JOURNEY_TIMEOUT);

  it("journey 2, member of the Jugendamt (after a restart, same data file): next meeting card, 'digital' button, then delegation to the deputy", async (t) => {
    const chat = await startAs("m-jugendamt", "Sabine Fuchs");
    const jugendamt = () => readDb(db).attendance.find((a) => a.meetingId === "s-2022-05-12" && a.institutionId === "jugendamt");

    await chat.ask("Wann ist die nächste Sitzung?", ["Donnerstag, 12.05.2022"]);
    const card = chat.botMessages.filter({ has: chat.page.getByRole("button", { name: "Ich nehme digital teil" }) }).last();
    await expect.poll(() => card.count(), { timeout: 30_000, message: "a card with the button 'Ich nehme digital teil'" }).toBe(1);

    const beforeClick = await chat.botMessages.count();
    await card.getByRole("button", { name: "Ich nehme digital teil" }).click();
    await chat.botSays(beforeClick, ["Ihre Teilnahme (digital)"]);
    // The clicked card was replaced by its outcome, without buttons: it cannot be pressed twice.
    await expect.poll(() => chat.page.getByRole("button", { name: "Ich nehme digital teil" }).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(jugendamt, { timeout: 10_000 }).toMatchObject({ status: "attending", mode: "online", attendeeId: "m-jugendamt" });

    const delegated = await chat.ask("Ich kann nicht teilnehmen, bitte an meine Vertretung", ["Michael Jäger vertritt"]);
    expect(delegated).toContain("§ 4 Abs. 6 GO");
    await expect.poll(jugendamt, { timeout: 10_000 }).toMatchObject({ status: "delegated", attendeeId: "d-jugendamt" });

    await screenshot("journey-2-m-jugendamt.png", t);
  }, JOURNEY_TIMEOUT);

  /**
   * The Playground's "Mock an Activity" menu has templates for installation (installationUpdate),
   * members and bots added or removed (conversationUpdate), channel and team changes, e-mail and
   * Word notifications — none for a Teams meeting. Its "Custom activity" sends the JSON typed into
   * its editor to the bot unchanged, so a participant join goes that way, as Teams documents it.
   */
  it("journey 3, during the meeting: a participant join mocked as a custom activity checks the member in", async (t) => {
    // On its own too: the meeting of journey 1, if that did not run.
    const store = openJsonStore(db, { clock: () => new Date(NOW) });
    if (!(await store.read()).meetings.some((m) => m.id === "s-2022-05-12")) {
      await createMeeting({ store, profiles }, { start: "2022-05-12T10:00", end: "2022-05-12T12:00", location: "Kreishaus Siegburg" }, "gs-1", new Date(NOW));
    }
    const chat = await startAs("gs-1", "Miriam Özdemir", "2022-05-12T10:05:00+02:00");
    const caritas = readDb(db).persons.find((p) => p.id === "m-caritas")!;
    const join = {
      type: "event",
      name: "application/vnd.microsoft.meetingParticipantJoin",
      id: "mock-join-1",
      channelId: "msteams",
      serviceUrl: bot!.url,
      from: { id: "user-gs-1", name: "Miriam Özdemir" },
      recipient: { id: "00000000-0000-4000-8000-0000000000b0", name: "Lenkungsgruppe" },
      conversation: { id: "19:meeting_playground@thread.v2", isGroup: true, tenantId: "00000000-0000-4000-8000-000000000000" },
      channelData: { tenant: { id: "00000000-0000-4000-8000-000000000000" }, meeting: { id: "playground-meeting" } },
      value: { members: [{ user: { id: "user-m-caritas", name: caritas.name, aadObjectId: caritas.aadObjectId }, meeting: { inMeeting: true, role: "Attendee" } }] },
    };
    const { page } = chat;
    await page.getByRole("button", { name: "Mock an Activity" }).click();
    await page.getByRole("menuitem", { name: "Custom activity" }).click();
    const editor = page.locator(".monaco-editor").last();
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(JSON.stringify(join));
    await page.getByRole("button", { name: "Send activity" }).click();

    const present = () => readDb(db).attendance.find((a) => a.meetingId === "s-2022-05-12" && a.institutionId === "caritas");
    await expect.poll(present, { timeout: 30_000, message: "the Caritas checked in by the join" }).toMatchObject({ present: true, mode: "online", attendeeId: "m-caritas" });
    expect(readDb(db).meetings.find((m) => m.id === "s-2022-05-12")!.session!.events).toEqual([expect.objectContaining({ personId: "m-caritas", kind: "joined" })]);
    await screenshot("journey-3-participant-join.png", t);
  }, JOURNEY_TIMEOUT);
});
