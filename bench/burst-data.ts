/**
 * The burst's bodies on PostgreSQL: 53 Lenkungsgruppen (one per Kreis and kreisfreie Stadt in
 * NRW), each created and given a 40-member roster by the command line's own import
 * (cli/import-roster.ts, from a CSV file as a Geschäftsstelle writes it), its own Teams tenant and
 * team (so that activities are routed by team, or by tenant and Entra object id), and one meeting
 * whose invitation went out to all 40 (recorded as sent, as in the ten-year file: the burst is about
 * the answers, not the mail-out).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openPgStore } from "../adapters/pg-store.ts";
import { importRosterFile } from "../cli/import-roster.ts";
import type { Invitation } from "../domain/model.ts";
import { clock, invitableMeeting, NOW } from "./data.ts";
import { loadProfiles } from "../adapters/profiles.ts";

export interface BurstMember {
  personId: string;
  name: string;
  aadObjectId: string;
  institutionId: string;
}

export interface BurstBody {
  id: string;
  tenantId: string;
  teamId: string;
  meetingId: string;
  members: BurstMember[];
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
const two = (n: number) => String(n).padStart(2, "0");

/** Body n's ids: a tenant of its own (each Kreis has one), its team, and Entra object ids unique to it. */
export function burstBody(n: number, people: number, meetingId: string): BurstBody {
  const id = `kim-${two(n)}`;
  const members = Array.from({ length: people }, (_, i) => ({
    personId: `m-${two(i + 1)}`,
    name: `Mitglied ${i + 1} (KIM ${two(n)})`,
    aadObjectId: `${hex(n, 8)}-0000-4000-8000-${hex(i + 1, 12)}`,
    institutionId: `inst-${two(i + 1)}`,
  }));
  return { id, tenantId: `${hex(n, 8)}-1111-4000-8000-000000000000`, teamId: `19:${id}@thread.tacv2`, meetingId, members };
}

/** The roster as the Geschäftsstelle's CSV (semicolons, one row per person). */
function rosterCsv(body: BurstBody): string {
  const rows = [
    "rolle;institution;name;email;aadObjectId;stimmberechtigt;kuerzel;id",
    ...body.members.map((m, i) => `mitglied;Institution ${i + 1} (${body.id});${m.name};${m.personId}@${body.id}.example.org;${m.aadObjectId};ja;${m.institutionId};${m.personId}`),
    `leitung-geschaeftsstelle;;Geschäftsstelle ${body.id};gs@${body.id}.example.org;;;;gs-1`,
    `vorsitz;;Vorsitz ${body.id};vorsitz@${body.id}.example.org;;;;vorsitz`,
  ];
  return `${rows.join("\n")}\n`;
}

/** Creates body n in the database: roster imported, Teams installation, meeting, invitation sent to all. */
async function createBody(url: string, dir: string, connectorUrl: string, body: BurstBody): Promise<void> {
  const store = openPgStore({ url, body: body.id, clock, create: true });
  const file = join(dir, `${body.id}.csv`);
  await writeFile(file, rosterCsv(body));
  await importRosterFile(store, loadProfiles(), file, "cli", { name: `Lenkungsgruppe KIM ${body.id}` });
  await store.update({ actorId: "bench" }, (db) => {
    const meeting = { ...invitableMeeting(0), id: body.meetingId };
    db.meetings.push(meeting);
    db.teams = {
      teamId: body.teamId, name: `KIM ${body.id}`, tenantId: body.tenantId, serviceUrl: connectorUrl, generalChannelId: body.teamId,
      botId: "28:bot", syncedAt: NOW, membersRead: true, userIds: {},
    };
    const recipients: Invitation["recipients"] = [...body.members.map((m) => m.personId), db.body.chairId].map((personId) => ({
      personId, email: db.persons.find((p) => p.id === personId)!.email, role: personId === db.body.chairId ? "chair" : "member",
      acceptedAt: NOW, error: null, attempts: 1, claimedAt: null,
    }));
    db.invitations.push({ id: `${meeting.id}-request-0`, meetingId: meeting.id, kind: "request", sequence: 0, urgent: false, reason: null, createdAt: NOW, createdBy: "gs-1", sentAt: NOW, recipients });
  });
}

/** Creates `count` bodies of `people` members each (two at a time: the setup is not what is measured). */
export async function createBurstBodies(url: string, dir: string, connectorUrl: string, count: number, people: number): Promise<BurstBody[]> {
  await mkdir(dir, { recursive: true });
  const bodies = Array.from({ length: count }, (_, i) => burstBody(i + 1, people, invitableMeeting(0).id));
  for (let i = 0; i < bodies.length; i += 2) await Promise.all(bodies.slice(i, i + 2).map((b) => createBody(url, dir, connectorUrl, b)));
  return bodies;
}
