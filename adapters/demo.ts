/**
 * The demo Lenkungsgruppe a new data file starts with, so everything works out of the box: the
 * 17 voting institutions of § 2 Abs. 1 GO Rhein-Sieg-Kreis with fictitious members and deputies.
 * The roster itself is data (`data/demo-rhein-sieg.json`, in the roster import format), read
 * through the same checks as any import.
 */
import { readFileSync } from "node:fs";
import { projectFile } from "./project-files.ts";
import { buildRoster, type Roster } from "../services/roster-build.ts";
import { loadProfile } from "./profiles.ts";
import { parseRosterJson } from "./roster-file.ts";
import { SCHEMA_VERSION, type Db } from "../domain/model.ts";

export const DEMO_ROSTER_FILE = projectFile("data", "demo-rhein-sieg.json");

export function demoRoster(): Roster {
  return buildRoster(parseRosterJson(readFileSync(DEMO_ROSTER_FILE, "utf8")), null, {}, loadProfile).roster;
}

/** A data file with this roster and no meetings or history yet. */
export function emptyDb(roster: Roster): Db {
  return {
    schemaVersion: SCHEMA_VERSION,
    ...roster,
    meetings: [],
    proposals: [],
    attendance: [],
    invitations: [],
    quorumDeclarations: [],
    votes: [],
    personalStatements: [],
    minutes: [],
    outbox: [],
    processedActivities: [],
    botState: {},
    teams: null,
    auditSeq: 0,
  };
}

export function demoDb(): Db {
  return emptyDb(demoRoster());
}
