/**
 * `minutes draft | send | object | resolve | approve`: the Niederschrift (§ 7 GO) on the command
 * line, acting as the Geschäftsstelle (actor "cli", as for invitations). The files go to
 * `minutes/` beside the data file; mail goes to `SMTP_URL`, or as .eml files to `outbox/` beside it.
 */
import type { Command, OptionValues } from "commander";
import { minutesFolderBeside, type MinutesFolder } from "../adapters/minutes-files.ts";
import type { Db, Meeting } from "../domain/model.ts";
import type { Services } from "../services/context.ts";
import { approveMinutes, draftMinutes, lastHeldMeeting, MAX_ATTACHMENT_BYTES, minutesAwaitingApproval, recordObjection, resolveObjections, sendMinutesCommand } from "../services/minutes-workflow.ts";
import { emit, UserError, type CliContext } from "./context.ts";
import { servicesAction, worded } from "./actions.ts";
import type { Texts } from "../domain/profile.ts";
import { mailOut, withTeamsReach } from "./teams-reach.ts";
import { words, type Said, type SentenceCode } from "../texts/catalog.ts";
import { askForMeetingOption, NO_MINUTES_AWAITING, noMeetingHeldBefore, notAllSent, notPositiveMegabytes } from "../texts/cli.ts";
import { HELP } from "../texts/cli-help.ts";

const ACTOR = "cli";

interface Run {
  ctx: CliContext;
  services: Services;
  folder: MinutesFolder;
}

/** Runs a command with the services and the minutes folder beside the data file. */
function action<O extends OptionValues>(body: (run: Run, opts: O) => Promise<void>) {
  return servicesAction<O>((ctx, services, opts) => body({ ctx, services, folder: minutesFolderBeside(ctx.db) }, opts));
}

/** A step on the minutes awaiting approval (or those of `--meeting`) that says the service's result. */
function onAwaiting<O extends { meeting?: string }>(step: (run: Run, meetingId: string, opts: O) => Promise<{ text: Said<SentenceCode> }>) {
  return action<O>(async (run, opts) => {
    const result = worded(await step(run, await awaiting(run)(opts.meeting), opts));
    emit(run.ctx, result, result.text.de);
  });
}

/** The meeting named, or the one `pick` finds, or a clear refusal. */
async function meetingId(run: Run, id: string | undefined, pick: (db: Db) => Meeting | null, none: Texts): Promise<string> {
  if (id) return id;
  const found = pick(await run.services.store.read());
  if (!found) throw new UserError(askForMeetingOption(none).de);
  return found.id;
}

const lastHeld = (run: Run) => (id: string | undefined) =>
  meetingId(run, id, (db) => lastHeldMeeting(db, run.ctx.clock()), noMeetingHeldBefore(run.ctx.clock()));
const awaiting = (run: Run) => (id: string | undefined) =>
  meetingId(run, id, minutesAwaitingApproval, NO_MINUTES_AWAITING);

function megabytes(value: string): number {
  const n = Number(value.replace(",", "."));
  if (!Number.isFinite(n) || n <= 0) throw new UserError(notPositiveMegabytes(value).de);
  return Math.round(n * 1024 * 1024);
}

export function registerMinutesCommands(program: Command): void {
  const minutes = program.command("minutes");
  minutes
    .command("draft")
    .option("--meeting <id>")
    .action(
      action<{ meeting?: string }>(async (run, opts) => {
        const result = await draftMinutes(run.services, ACTOR, await lastHeld(run)(opts.meeting), { folder: run.folder });
        const paths = Object.values(result.files).filter((f) => f !== null).join("\n");
        emit(run.ctx, { meetingId: result.meetingId, files: result.files, state: result.state }, `${words(result.text).de}\n\n${paths}`);
      }),
    );
  minutes
    .command("send")
    .option("--meeting <id>")
    .option("--download-url <url>")
    .option("--max-attachment-mb <n>", HELP.minutes.send.maxAttachmentMb(MAX_ATTACHMENT_BYTES / 1024 / 1024))
    .action(
      action<{ meeting?: string; downloadUrl?: string; maxAttachmentMb?: string }>(async (run, opts) => {
        const id = await lastHeld(run)(opts.meeting);
        const max = opts.maxAttachmentMb === undefined ? undefined : megabytes(opts.maxAttachmentMb);
        const services = await withTeamsReach(run.services);
        const report = worded(await mailOut(services, sendMinutesCommand, { meetingId: id, folder: run.folder, downloadUrlBase: opts.downloadUrl ?? null, maxAttachmentBytes: max }));
        emit(run.ctx, report, report.text.de);
        if (report.failed.length > 0) throw new UserError(notAllSent(report.failed.length, report.total, "minutes send").de);
      }),
    );
  minutes
    .command("object")
    .requiredOption("--as <personId>")
    .requiredOption("--text <text>")
    .option("--meeting <id>")
    .action(onAwaiting<{ as: string; text: string; meeting?: string }>((run, id, opts) => recordObjection(run.services, opts.as, id, opts.text)));
  minutes
    .command("resolve")
    .requiredOption("--note <text>")
    .option("--meeting <id>")
    .action(onAwaiting<{ note: string; meeting?: string }>((run, id, opts) => resolveObjections(run.services, ACTOR, id, opts.note)));
  minutes
    .command("approve")
    .option("--meeting <id>")
    .action(onAwaiting<{ meeting?: string }>((run, id) => approveMinutes(run.services, ACTOR, id, { folder: run.folder })));
}
