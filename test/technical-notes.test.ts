/**
 * Members never see technical notes (issue 16.7): no mail server, outbox, file path or command in
 * anything a member or deputy is told, whether the mails go to a real SMTP server on loopback, are
 * refused by it, or are written to the outbox folder (no SMTP_URL); the Geschäftsstelle still hears
 * them. An English conversation stays English. Every turn goes through the teams-ai Application.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openJsonStore } from "../adapters/json-store.ts";
import { render } from "../texts/catalog.ts";
import { outboxMailer } from "../adapters/mail-transport.ts";
import { activitiesToText, chatTurn } from "../bot/local-chat.ts";
import { parseInstant } from "../rules/time.ts";
import type { Services } from "../services/context.ts";
import { fixture, type Fixture } from "./support/invitation-fixture.ts";
import { profiles } from "./support/profiles.ts";

/** What only the Geschäftsstelle may read: the mail server, the outbox folder, paths, commands. */
const TECHNICAL = /SMTP|\.eml|Postausgang|outbox|Ausgangsordner|\/tmp\/|minutes (send|draft|resolve)|npm |--[a-z]|Befehlszeile|Kommandozeile|command line|\/einladen|\b[45]\d\d\b|rejected|ECONN/i;

const MEMBER_TURNS: [string, string][] = [
  ["m-jugendamt", "Ich kann nicht teilnehmen, bitte an meine Vertretung"],
  ["m-caritas", "Ich möchte einen TOP vorschlagen: Wohnraum | Lage in den Gemeinden | Herr Kühn"],
  ["m-sozialamt", "Ich nehme digital teil"],
  ["m-diakonie", "I can't attend, please send my deputy"],
];

interface World {
  services: () => Services;
  setNow(iso: string): void;
  close(): Promise<void>;
  fixture?: Fixture;
}

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

/** The demo group with mails at a loopback SMTP server that refuses the given addresses. */
async function smtpWorld(refused: string[] = []): Promise<World> {
  const f = await fixture("2022-04-01T09:00:00+02:00");
  for (const r of refused) f.refuse.add(r);
  return { fixture: f, services: () => ({ ...f.services, store: openJsonStore(f.file, { clock: f.services.clock }) }), setNow: f.setNow, close: f.close };
}

/** The demo group without SMTP_URL: every mail is an .eml file in the outbox folder. */
async function outboxWorld(): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), "lg-technical-"));
  let now = parseInstant("2022-04-01T09:00:00+02:00")!;
  const clock = () => new Date(now.getTime());
  const mailer = outboxMailer(join(dir, "outbox"), clock);
  return {
    services: () => ({ store: openJsonStore(join(dir, "db.json"), { clock }), clock, mailer, profiles, render }),
    setNow: (iso) => void (now = parseInstant(iso)!),
    close: async () => {
      await mailer.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function say(personId: string, text: string): Promise<string> {
  const services = world!.services();
  const person = (await services.store.read()).persons.find((p) => p.id === personId)!;
  return activitiesToText(await chatTurn(services, { from: { id: `user-${person.id}`, name: person.name, aadObjectId: person.aadObjectId }, text }));
}

async function invited(): Promise<void> {
  expect(await say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg")).toContain("Sitzung angelegt");
  expect(await say("gs-1", "/top Bericht der Geschäftsstelle")).toContain("TOP 1");
  expect(await say("gs-1", "/einladen")).toContain("Bitte bestätigen");
  await say("gs-1", "ja");
}

describe("what members are told holds no technical note", () => {
  it.each([
    ["outbox folder (no SMTP_URL)", outboxWorld],
    ["SMTP server on loopback", () => smtpWorld()],
    ["SMTP server refusing the deputy and the Geschäftsstelle", () => smtpWorld(["michael.jaeger@example.org", "miriam.protokoll@example.org", "paul.brueckner@example.org", "ines.dahl@example.org"])],
  ])("%s: before and after the invitation", async (name, make) => {
    world = await make();
    expect(await say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg")).toContain("Sitzung angelegt");
    for (const [who, text] of MEMBER_TURNS) {
      const answer = await say(who, text);
      expect(answer, `${who}: ${text}`).not.toMatch(TECHNICAL);
      // Where the server refused, the member hears it plainly.
      if (name.includes("refusing") && who === "m-jugendamt") expect(answer).toContain("konnte noch nicht zugestellt werden; die Geschäftsstelle sendet sie erneut");
    }
    await say("gs-1", "/top Bericht der Geschäftsstelle");
    await say("gs-1", "/einladen");
    await say("gs-1", "ja");
    world.setNow("2022-04-25T09:00:00+02:00");
    const after = await say("m-kommunales-integrationszentrum", "Ich kann nicht teilnehmen, bitte an meine Vertretung");
    expect(after).toContain("Tobias Schröder");
    expect(after).not.toMatch(TECHNICAL);
  });

  it("the Geschäftsstelle is told where the mails are when they were not sent", async () => {
    world = await outboxWorld();
    await invited();
    const db = await world.services().store.read();
    expect(db.invitations[0]!.recipients.every((r) => r.acceptedAt)).toBe(true);
    // Its own invitation run says plainly that nothing went out, and where the files are.
    await say("gs-1", "/top Haushalt");
    await say("gs-1", "/einladen aktualisieren");
    expect(await say("gs-1", "ja")).toMatch(/NICHT versandt \(kein SMTP_URL eingerichtet\)/);
  });
});

describe("an English conversation stays English", () => {
  it("/rueckmeldungen, /einladen urgent and the confirmation answer in English", async () => {
    world = await smtpWorld();
    await say("gs-1", "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg");
    await say("gs-1", "/top Report of the Geschäftsstelle");
    await say("m-sozialamt", "I will attend online");
    await say("m-caritas", "I will attend in person");
    const answers = await say("gs-1", "/rueckmeldungen");
    expect(answers).toMatch(/online/);
    expect(answers).not.toMatch(/\bdigital\b|Präsenz|Rückmeldung/);
    world.setNow("2022-04-28T09:00:00+02:00"); // after the regular last day: urgent only
    const late = await say("gs-1", "/einladen urgent");
    expect(late).not.toMatch(/ä|ö|ü|Einladung|Grund/);
    const urgent = await say("gs-1", "/einladen urgent the state's funding deadline.");
    expect(urgent).toContain("Urgent invitation");
    const sent = await say("gs-1", "yes");
    expect(sent).toContain("reason (recorded): the state's funding deadline.");
    for (const text of [answers, late, urgent, sent]) expect(text).not.toMatch(/\.\.(?!\.)/);
  });
});
