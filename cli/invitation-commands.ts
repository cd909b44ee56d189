/**
 * `invite`, `invite retry`, `invite update`, `meeting change`, `meeting cancel`: invitations on the
 * command line, acting as the Geschäftsstelle (actor "cli"). With `SMTP_URL` the mails go to that
 * server; without it they are written as .eml files to `outbox/` beside the data file, and the
 * report says that they were not sent. `--json` prints the service's report.
 */
import { words } from "../texts/catalog.ts";
import type { Command, OptionValues } from "commander";
import { MeetingMode } from "../domain/model.ts";
import type { Services } from "../services/context.ts";
import { cancelMeetingCommand, changeMeetingCommand, inviteCommand, retryInvitationCommand, updateCommand, type InvitationReport } from "../services/invitations.ts";
import { nextMeeting } from "../services/meetings.ts";
import { emit, UserError, type CliContext } from "./context.ts";
import { servicesAction, worded } from "./actions.ts";
import { noteLine } from "../texts/chat.ts";
import { askForMeetingOption, noMeetingAfter, notAllSent, unknownMode } from "../texts/cli.ts";
import { mailOut, withTeamsReach } from "./teams-reach.ts";

/** An invitation command: its services reach Teams where this process may (cli/teams-reach.ts). */
function action<O extends OptionValues>(body: (ctx: CliContext, services: Services, opts: O) => Promise<void>) {
  return servicesAction<O>(async (ctx, services, opts) => body(ctx, await withTeamsReach(services), opts));
}

/** The meeting named, or the next one after now. */
async function meetingId(ctx: CliContext, services: Services, id: string | undefined): Promise<string> {
  if (id) return id;
  const next = nextMeeting(await services.store.read(), ctx.clock());
  if (!next) throw new UserError(askForMeetingOption(noMeetingAfter(ctx.clock())).de);
  return next.id;
}

function printReport(ctx: CliContext, report: InvitationReport): void {
  const json = worded(report);
  emit(ctx, json, json.text.de);
  failIfIncomplete(report);
}

/** A non-zero exit when someone was not reached, so that scripts notice. */
function failIfIncomplete(report: InvitationReport | null): void {
  if (report && report.failed.length > 0) {
    throw new UserError(notAllSent(report.failed.length, report.total, "invite retry").de);
  }
}

export function registerInvitationCommands(program: Command): void {
  const invite = program
    .command("invite")
    .option("--meeting <id>")
    .option("--urgent <reason>")
    .action(
      action<{ meeting?: string; urgent?: string }>(async (ctx, services, opts) => {
        const id = await meetingId(ctx, services, opts.meeting);
        const urgent = opts.urgent !== undefined;
        const report = await mailOut(services, inviteCommand, { meetingId: id, urgent, reason: urgent ? opts.urgent! : null });
        printReport(ctx, report);
      }),
    );
  invite
    .command("retry")
    .option("--meeting <id>")
    .action(
      action<{ meeting?: string }>(async (ctx, services, opts) => {
        const report = await mailOut(services, retryInvitationCommand, { meetingId: await meetingId(ctx, services, opts.meeting) });
        printReport(ctx, report);
      }),
    );
  invite
    .command("update")
    .option("--meeting <id>")
    .option("--note <text>")
    .action(
      action<{ meeting?: string; note?: string }>(async (ctx, services, opts) => {
        const report = await mailOut(services, updateCommand, { meetingId: await meetingId(ctx, services, opts.meeting), note: opts.note ?? null });
        printReport(ctx, report);
      }),
    );

  const meeting = program.commands.find((c) => c.name() === "meeting") ?? program.command("meeting");
  meeting
    .command("change")
    .requiredOption("--id <id>")
    .option("--start <iso>")
    .option("--end <iso>")
    .option("--location <text>")
    .option("--mode <mode>")
    .option("--online-url <url>")
    .option("--note <text>")
    .action(
      action<{ id: string; start?: string; end?: string; location?: string; mode?: string; onlineUrl?: string; note?: string }>(async (ctx, services, opts) => {
        const mode = opts.mode === undefined ? undefined : MeetingMode.safeParse(opts.mode);
        if (mode && !mode.success) throw new UserError(unknownMode(opts.mode).de);
        const changes = { start: opts.start, end: opts.end, location: opts.location, mode: mode?.data, onlineUrl: opts.onlineUrl };
        const outcome = await mailOut(services, changeMeetingCommand, { meetingId: opts.id, changes, note: opts.note ?? null });
        const warnings = outcome.warnings.map(words);
        for (const w of warnings) process.stderr.write(`${noteLine(w.de, "de")}\n`);
        const json = worded({ ...outcome, update: worded(outcome.update), warnings });
        emit(ctx, json, json.text.de);
        failIfIncomplete(outcome.update);
      }),
    );
  meeting
    .command("cancel")
    .requiredOption("--id <id>")
    .option("--reason <text>")
    .action(
      action<{ id: string; reason?: string }>(async (ctx, services, opts) => {
        const outcome = await mailOut(services, cancelMeetingCommand, { meetingId: opts.id, reason: opts.reason ?? null });
        const json = worded({ ...outcome, report: worded(outcome.report) });
        emit(ctx, json, json.text.de);
        failIfIncomplete(outcome.report);
      }),
    );
}
