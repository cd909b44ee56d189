/**
 * `deadlines`, `quorum`, `vote`: the rules of procedure on the command line (DESIGN.md contract).
 * They only translate between arguments and `rules/`; the rules do the work, and their refusals
 * become one sentence with exit code 2 in cli/index.ts.
 */
import type { Command } from "commander";
import { meetingDeadlines } from "../rules/deadlines.ts";
import { voteResult } from "../rules/majority.ts";
import type { Profile } from "../domain/profile.ts";
import { quorumStatus } from "../rules/quorum.ts";
import { parseInstant, toBerlinIso } from "../rules/time.ts";
import { contextOf, count, emit, storeOf, UserError, type CliContext } from "./context.ts";
import { deadlineText, deadlineWarningText } from "../texts/deadlines.ts";
import { voteText } from "../texts/majority.ts";
import { quorumText } from "../texts/quorum.ts";
import { deadlinesHeading, invalidMeetingStart } from "../texts/cli.ts";

/** The profile named by `--profile`, else the body's own. */
async function profileFor(ctx: CliContext): Promise<Profile> {
  return ctx.profiles.get(ctx.profileId ?? (await storeOf(ctx).read()).body.profile);
}

/** A rules command's action: its answer is computed with the profile of `--profile` or the body. */
function withProfile<O>(work: (ctx: CliContext, profile: Profile, opts: O) => void | Promise<void>) {
  return async (opts: O, cmd: Command) => {
    const ctx = contextOf(cmd);
    await work(ctx, await profileFor(ctx), opts);
  };
}

function meetingStart(text: string): Date {
  const start = parseInstant(text);
  if (!start) throw new UserError(invalidMeetingStart(text).de);
  return start;
}

export function registerRulesCommands(program: Command): void {
  program
    .command("deadlines")
    .requiredOption("--meeting <iso>")
    .action(withProfile((ctx, profile, opts: { meeting: string }) => {
      const start = meetingStart(opts.meeting);
      const dl = meetingDeadlines(start, profile);
      const json = {
        profile: profile.id,
        meetingStart: toBerlinIso(start),
        agendaProposalDeadline: dl.agendaProposals.day,
        invitationSendBy: dl.invitation.day,
        urgentInvitationSendBy: dl.urgentInvitation.day,
        warnings: dl.warnings.map((w) => ({ deadline: w.kind, day: w.day, planBy: w.planBy, message: deadlineWarningText(w).de })),
        citations: {
          agendaProposalDeadline: dl.agendaProposals.citation,
          invitationSendBy: dl.invitation.citation,
          urgentInvitationSendBy: dl.urgentInvitation.citation,
        },
      };
      const lines = [
        deadlinesHeading(start, profile.document.title).de,
        ...[dl.agendaProposals, dl.invitation, dl.urgentInvitation].map((d) => `• ${deadlineText(d).de}`),
        ...dl.warnings.map((w) => `⚠ ${deadlineWarningText(w).de}`),
      ];
      emit(ctx, json, lines.join("\n"));
    }));

  program
    .command("quorum")
    .requiredOption("--present <n>")
    .option("--voting-members <n>")
    .option("--second-convocation")
    .action(withProfile(async (ctx, profile, opts: { present: string; votingMembers?: string; secondConvocation?: boolean }) => {
      const present = count(opts.present, "--present");
      const votingMembers = opts.votingMembers
        ? count(opts.votingMembers, "--voting-members")
        : (await storeOf(ctx).read()).institutions.filter((i) => i.voting).length;
      const q = quorumStatus({ represented: present, votingMembers, secondConvocation: opts.secondConvocation }, profile);
      const json = { quorate: q.quorate, present: q.present, votingMembers: q.votingMembers, required: q.required, citation: q.citation, explanation: quorumText(q).de };
      emit(ctx, json, json.explanation);
    }));

  program
    .command("vote")
    .requiredOption("--yes <n>")
    .requiredOption("--no <n>")
    .requiredOption("--abstain <n>")
    .option("--present <n>")
    .action(withProfile((ctx, profile, opts: { yes: string; no: string; abstain: string; present?: string }) => {
      const input = {
        yes: count(opts.yes, "--yes"),
        no: count(opts.no, "--no"),
        abstain: count(opts.abstain, "--abstain"),
        present: opts.present === undefined ? undefined : count(opts.present, "--present"),
      };
      const v = voteResult(input, profile);
      const json = { passed: v.passed, required: v.required, yes: v.yes, no: v.no, abstain: v.abstain, present: v.present, citation: v.citation, explanation: voteText(v).de };
      emit(ctx, json, json.explanation);
    }));
}
