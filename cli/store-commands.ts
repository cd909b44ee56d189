/**
 * `members`, `meeting create`, `meeting show`, `agenda add`, `import`: the group's memory on the
 * command line (DESIGN.md contract). The command line acts as the Geschäftsstelle (actor "cli");
 * the services do the work, these only translate arguments and output.
 */
import { words, type Said, type SentenceCode } from "../texts/catalog.ts";
import { Option, type Command } from "commander";
import { bodyProfile } from "../services/context.ts";
import { importRosterFile } from "./import-roster.ts";
import { MeetingMode, type Db, type Person } from "../domain/model.ts";
import type { Store } from "../adapters/store.ts";
import type { Texts } from "../domain/profile.ts";
import { addAgendaItem } from "../services/add-agenda-item.ts";
import { createMeeting } from "../services/create-meeting.ts";
import { findMeeting, meetingView, nextMeeting } from "../services/meetings.ts";
import { noteLine } from "../texts/chat.ts";
import { askToCreateMeeting, itemAppended, MEETING_CREATED, meetingListing, membersListing, noMeetingAfter, rosterImported, unknownMode } from "../texts/cli.ts";
import { contextOf, emit, storeOf, UserError, type CliContext } from "./context.ts";

const ACTOR = "cli";

/** Runs a command body on the data file (refusals become one sentence and exit 2 in cli/index.ts). */
function action<A extends unknown[]>(body: (ctx: CliContext, store: Store, ...args: A) => Promise<void>) {
  return async (...args: [...A, Command]) => {
    const cmd = args.at(-1) as Command;
    const ctx = contextOf(cmd);
    await body(ctx, storeOf(ctx, cmd.name() === "import"), ...(args.slice(0, -1) as A));
  };
}

/** Warnings go to stderr so that stdout stays one JSON object; the command line speaks German. */
function warn(warnings: (string | Texts | Said<SentenceCode>)[]): void {
  for (const w of warnings) process.stderr.write(`${noteLine(typeof w === "string" ? w : words(w).de, "de")}\n`);
}

export function registerStoreCommands(program: Command): void {
  program
    .command("members")
    .action(
      action(async (ctx, store) => {
        const db = await store.read();
        const view = membersView(db);
        emit(ctx, view, membersListing(db, view));
      }),
    );

  const meeting = program.command("meeting");
  meeting
    .command("create")
    .requiredOption("--start <iso>")
    .option("--end <iso>")
    .option("--location <text>")
    .addOption(new Option("--mode <mode>").default("in-person"))
    .option("--online-url <url>")
    .action(
      action(async (ctx, store, opts: { start: string; end?: string; location?: string; mode: string; onlineUrl?: string }) => {
        const mode = MeetingMode.safeParse(opts.mode);
        if (!mode.success) throw new UserError(unknownMode(opts.mode).de);
        const created = await createMeeting({ store, profiles: ctx.profiles }, { ...opts, mode: mode.data }, ACTOR, ctx.clock());
        warn(created.warnings);
        const db = await store.read();
        const view = meetingView(db, created.value);
        emit(ctx, view, `${MEETING_CREATED.de}\n${meetingListing(db, view, bodyProfile(ctx, db))}`);
      }),
    );
  meeting
    .command("show")
    .option("--id <id>")
    .action(
      action(async (ctx, store, opts: { id?: string }) => {
        const db = await store.read();
        const found = opts.id ? findMeeting(db, opts.id) : nextMeeting(db, ctx.clock());
        if (!found) throw new UserError(askToCreateMeeting(noMeetingAfter(ctx.clock())).de);
        const view = meetingView(db, found);
        emit(ctx, view, meetingListing(db, view, bodyProfile(ctx, db)));
      }),
    );

  program
    .command("agenda")
    .command("add")
    .requiredOption("--meeting <id>")
    .requiredOption("--title <text>")
    .option("--non-public")
    .action(
      action(async (ctx, store, opts: { meeting: string; title: string; nonPublic?: boolean }) => {
        const added = await addAgendaItem({ store, profiles: ctx.profiles }, opts.meeting, opts.title, !opts.nonPublic, ACTOR);
        warn(added.warnings);
        const item = added.value;
        emit(ctx, { id: item.id, number: item.number, title: item.title, public: item.public }, itemAppended(item).de);
      }),
    );

  program
    .command("import <file>")
    .option("--name <text>")
    .option("--secretariat-email <email>")
    .action(
      action(async (ctx, store, file: string, opts: { name?: string; secretariatEmail?: string }) => {
        const summary = await importRosterFile(store, ctx.profiles, file, ACTOR, { name: opts.name, secretariatEmail: opts.secretariatEmail, profile: ctx.profileId });
        warn(summary.warnings);
        emit(ctx, { institutions: summary.institutions, persons: summary.persons }, rosterImported(summary.institutions, summary.persons).de);
      }),
    );
}

// ---------------------------------------------------------------------------------------------
// Views

type P = Pick<Person, "id" | "name" | "email" | "aadObjectId">;

function personView(db: Db, id: string): P {
  const p = db.persons.find((x) => x.id === id);
  // A roster read through Db.parse always names known persons; keep the id visible if not.
  return p ? { id: p.id, name: p.name, email: p.email, aadObjectId: p.aadObjectId } : { id, name: id, email: "", aadObjectId: null };
}

export function membersView(db: Db) {
  return {
    institutions: db.institutions.map((i) => ({
      id: i.id,
      name: i.name,
      voting: i.voting,
      member: personView(db, i.memberId),
      deputy: i.deputyId ? personView(db, i.deputyId) : null,
    })),
    secretariat: db.body.secretariatIds.map((id) => personView(db, id)),
    chair: personView(db, db.body.chairId),
    guests: db.body.guestIds.map((id) => personView(db, id)),
  };
}
