/**
 * Slash commands of the Geschäftsstelle and the chair. Each checks the role first, then calls a
 * service; the services check again (they are the authority), this only gives a kinder answer.
 */
import { render, words } from "../texts/catalog.ts";
import { formatDateTime } from "../rules/time.ts";
import { markNames } from "./presence-names.ts";
import { rolesOf, findPersonOrInstitution } from "../services/directory.ts";
import { addAgendaItem } from "../services/add-agenda-item.ts";
import { createMeeting } from "../services/create-meeting.ts";
import { decideProposal } from "../services/decide-proposal.ts";
import { quorumNow } from "../services/session.ts";
import { declareNotQuorate } from "../services/declare-not-quorate.ts";
import { recordStatement } from "../services/record-statement.ts";
import { recordVote } from "../services/record-vote.ts";
import { bodyProfile } from "../services/context.ts";
import { approveMinutes, draftMinutes, lastHeldMeeting, minutesAwaitingApproval, resolveObjections } from "../services/minutes-workflow.ts";
import { minutesFolderBeside } from "../adapters/minutes-files.ts";
import { changeMeetingCommand, updateNeeded } from "../services/invitations.ts";
import { askFirst } from "./confirmations.ts";
import { AGENDA_USAGE, CANCEL_USAGE, INVITE_USAGE, MINUTES_USAGE, noArgumentsText, OUTBOX_USAGE } from "../texts/confirmations.ts";
import { NOTHING_TO_UPDATE } from "../texts/invitation.ts";
import type { Texts } from "../domain/profile.ts";
import { agendaOverview, type OpenProposal } from "../services/agenda-overview.ts";
import { whoHasAnswered } from "../services/answers.ts";
import { invitationCheck } from "../services/invitation-check.ts";
import { agendaText, itemAddedText, PROPOSAL_DECISION, proposalFacts } from "../texts/agenda.ts";
import {
  ALREADY_RECORDED, CHANGE_USAGE, carriedItemsNote, itemVoteText, meetingCreatedText, NO_MEETING_HELD, NO_MINUTES_AWAITING,
  NO_MINUTES_TO_SEND, reservedCommandText, ROLE_NAME, SCHEDULE_USAGE, STATEMENT_USAGE, unknownCommandText, VOTE_ALREADY_RECORDED,
  withNotes, WORK_STARTED,
} from "../texts/chat.ts";
import { answersText } from "../texts/answers.ts";
import { invitationRefusalText } from "../texts/invitation.ts";
import { card, type CardButton } from "./cards.ts";
import { VOTE_COUNTS_MISSING } from "../texts/role-hints.ts";
import { nextMeetingAnswer } from "./member-journeys.ts";
import { afterReply, isMeeting, mailOut, meetingFor, refusal, reply, t, type Reply, type Turn, type TurnResult } from "./turn.ts";
import { normalize, understand } from "./understand.ts";
import { chairSession, manageMeetings } from "../services/permissions.ts";
import { outboxRows } from "../services/outbox.ts";
import { retryOutbox } from "../services/outbox-retry.ts";
import { outboxListing, retryText } from "../texts/outbox.ts";
import { voteText } from "../texts/majority.ts";
import { reminderRows } from "../services/reminders.ts";
import { remindersListing } from "../texts/reminders.ts";
import { quorumText } from "../texts/quorum.ts";
import { standIns } from "../services/presence.ts";
import { presentForMember, whoIsPresent } from "../services/who-is-present.ts";
import { correctedVoteText, presentForMemberText, whoIsPresentText } from "../texts/live-session.ts";
import { withStandIns } from "../texts/meeting-events.ts";
import { installation, syncTeamMembers } from "../services/team-sync.ts";
import { ServiceError } from "../services/errors.ts";
import { refusalOf } from "../services/runner.ts";
import { latestInvitation } from "../services/invitation-core.ts";
import { SYNC_FAILED, SYNC_NO_TEAM, SYNC_ONLY_IN_TEAMS, SYNC_STARTED } from "../texts/teams.ts";

type Handler = (turn: Turn, args: string) => Promise<TurnResult> | TurnResult;

const SECRETARIAT: Record<string, Handler> = {
  sitzung: scheduleMeeting,
  top: addItem,
  tagesordnung: agenda,
  einladen: invite,
  rueckmeldungen: answersOverview,
  "rückmeldungen": answersOverview,
  niederschrift: minutes,
  postausgang: outbox,
  outbox,
  erinnerungen: reminders,
  reminders,
  abgleich: syncWithTeam,
};

const CHAIR: Record<string, Handler> = {
  anwesend: (turn, args) => presence(turn, args, true),
  abwesend: (turn, args) => presence(turn, args, false),
  beschlussfaehig: quorum,
  "beschlussfähig": quorum,
  beschlussunfaehig: notQuorate,
  "beschlussunfähig": notQuorate,
  abstimmung: vote,
  erklaerung: statementOnBehalf,
  "erklärung": statementOnBehalf,
};

export async function runCommand(turn: Turn, name: string, args: string): Promise<TurnResult> {
  const key = normalize(name);
  const handler = SECRETARIAT[key] ?? CHAIR[key];
  if (!handler) {
    return reply(turn, unknownCommandText(name));
  }
  // The services check again under the lock; asking first gives the role-named answer before any work starts.
  const may = SECRETARIAT[key] ? manageMeetings : chairSession;
  if (!may.allows(turn.db, turn.person.id)) {
    return reply(turn, reservedCommandText(name, roleName(turn)));
  }
  try {
    return await handler(turn, args);
  } catch (e) {
    return refusal(turn, e);
  }
}

function roleName(turn: Turn): Texts {
  const r = rolesOf(turn.db, turn.person.id);
  if (r.member) return ROLE_NAME.member;
  if (r.deputy) return ROLE_NAME.deputy;
  return ROLE_NAME.guest;
}

/** "/sitzung 12.05.2022 10:00-12:00 Kreishaus Siegburg, Raum 1.23 [https://…]" — or just "/sitzung" to show the next. */
async function scheduleMeeting(turn: Turn, args: string): Promise<TurnResult> {
  if (!args.trim()) return nextMeetingAnswer(turn);
  const sub = args.trim().match(/^(ändern|aendern|verschieben|change|absagen|cancel)\b\s*(.*)$/i);
  if (sub) return /^(absagen|cancel)$/i.test(sub[1]!) ? cancel(turn, sub[2]!) : change(turn, sub[2]!);
  const parsed = parseMeetingArgs(args);
  if (!parsed) {
    return reply(turn, SCHEDULE_USAGE);
  }
  const created = await createMeeting(turn.services, parsed, turn.person.id, turn.now, turn.activityId);
  const m = created.value;
  const { carried } = created;
  const second = bodyProfile(turn.services, turn.db).secondConvocation;
  const carriedNote: Texts[] = carried.length && second.regulated ? [carriedItemsNote(carried, second.citation)] : [];
  return reply(turn, meetingCreatedText(m, [...created.warnings, ...carriedNote]));
}

export function parseMeetingArgs(args: string): { start: string; end?: string; location: string; mode: "in-person" | "online" | "hybrid"; onlineUrl: string | null } | null {
  let rest = ` ${args.trim()} `;
  const take = (re: RegExp) => {
    const m = rest.match(re);
    if (m) rest = rest.replace(m[0], " ");
    return m;
  };
  const url = take(/\shttps?:\/\/\S+/)?.[0].trim() ?? null;
  const iso = take(/\s(\d{4}-\d{2}-\d{2})/);
  const german = iso ? null : take(/\s(\d{1,2})\.(\d{1,2})\.(\d{4})/);
  const times = take(/\s(?:um\s)?(\d{1,2})[:.](\d{2})(?:\s*(?:-|–|bis)\s*(\d{1,2})[:.](\d{2}))?(?:\s*uhr)?/i);
  if (!(iso || german) || !times) return null;
  const day = iso ? iso[1]! : `${german![3]}-${german![2]!.padStart(2, "0")}-${german![1]!.padStart(2, "0")}`;
  const hhmm = (h: string, m: string) => `${h.padStart(2, "0")}:${m}`;
  const start = `${day}T${hhmm(times[1]!, times[2]!)}`;
  const end = times[3] ? `${day}T${hhmm(times[3], times[4]!)}` : undefined;
  const location = rest.replace(/\s(online|digital|hybrid|in)\s/gi, " ").replace(/\s+/g, " ").trim().replace(/^,\s*/, "");
  const mode = url ? (location ? "hybrid" : "online") : "in-person";
  return { start, end, location, mode, onlineUrl: url };
}

/** "/sitzung ändern 13.05.2022 14:00-16:00 [Ort]" or "/sitzung ändern Ort: Kreishaus, Raum 2"; invitees get an update. */
async function change(turn: Turn, args: string): Promise<TurnResult> {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const parsed = parseMeetingArgs(args);
  const place = args.match(/^(ort|place)\s*:?\s*(.+)$/i)?.[2]?.trim();
  const changes = parsed
    ? { start: parsed.start, end: parsed.end, ...(parsed.location ? { location: parsed.location } : {}), ...(parsed.onlineUrl ? { onlineUrl: parsed.onlineUrl, mode: parsed.mode } : {}) }
    : place ? { location: place } : null;
  if (!changes) {
    return reply(turn, CHANGE_USAGE);
  }
  const input = { meetingId: found.id, changes, note: null };
  const refused = await refusalOf(turn.services, changeMeetingCommand, { actorId: turn.person.id, activityId: turn.activityId, input });
  if (refused) return refusal(turn, refused);
  // Before any invitation went out there is nobody to notify.
  return afterReply(turn, latestInvitation(turn.db, found.id) ? WORK_STARTED.change : WORK_STARTED.changeOnly, () =>
    mailOut(turn, changeMeetingCommand, input, { activityId: turn.activityId, words: (o) => withNotes(words(o.text), o.warnings) }));
}

/** "/sitzung absagen <Grund>": a reason is required; everyone invited gets a cancellation (METHOD:CANCEL) after the yes. */
function cancel(turn: Turn, reason: string): Promise<TurnResult> | TurnResult {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  if (!reason.trim()) return reply(turn, CANCEL_USAGE);
  return askFirst(turn, { kind: "cancel", meetingId: found.id, reason: reason.trim() });
}

/** "/abgleich": the team's members against the roster again; the comparison comes as a message. */
function syncWithTeam(turn: Turn): TurnResult {
  const team = installation(turn.db);
  const read = turn.services.teams?.readTeam;
  if (!team) return reply(turn, SYNC_NO_TEAM);
  if (!read) return reply(turn, SYNC_ONLY_IN_TEAMS);
  const result = reply(turn, SYNC_STARTED);
  result.later = async () => {
    let members: unknown[];
    try {
      members = await read(team);
    } catch {
      return reply(turn, SYNC_FAILED);
    }
    try {
      const ran = await syncTeamMembers(turn.services, turn.person.id, { team, members }, turn.activityId);
      return { replies: [], outbox: ran.duplicate ? [] : ran.outbox };
    } catch (e) {
      if (e instanceof ServiceError) return refusal(turn, e);
      throw e;
    }
  };
  return result;
}

async function addItem(turn: Turn, args: string): Promise<TurnResult> {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const nonPublic = /^(nicht[- ]?öffentlich|nicht[- ]?oeffentlich|nö|closed)\b:?/i;
  const isPublic = !nonPublic.test(args.trim());
  const title = args.trim().replace(nonPublic, "").trim();
  const added = await addAgendaItem(turn.services, found.id, title, isPublic, turn.person.id, turn.activityId);
  return reply(turn, withNotes(itemAddedText(added.value), added.warnings));
}

/**
 * "/niederschrift" drafts the minutes of the last session (§ 7 GO) as Markdown and printable HTML,
 * "/niederschrift senden" mails them to every member, "/niederschrift genehmigen" records approval.
 */
async function minutes(turn: Turn, args: string): Promise<TurnResult> {
  const folder = minutesFolderBeside(turn.services.store.location);
  const sub = normalize(args).split(" ")[0] ?? "";
  const rest = normalize(args).split(" ").slice(1).join(" ");
  if (/^(senden|versenden|send)$/.test(sub)) {
    if (rest) return reply(turn, MINUTES_USAGE);
    const meeting = minutesAwaitingApproval(turn.db);
    if (!meeting) return reply(turn, NO_MINUTES_TO_SEND);
    return askFirst(turn, { kind: "minutes-send", meetingId: meeting.id });
  }
  if (/^(einwand|einwaende|einwände|einwendungen|objections?|aenderungswuensche|änderungswünsche)$/.test(sub)) return resolveInChat(turn, args);
  if (/^(genehmigen|approve|genehmigt)$/.test(sub)) {
    if (rest) return reply(turn, MINUTES_USAGE);
    const meeting = minutesAwaitingApproval(turn.db);
    if (!meeting) return reply(turn, NO_MINUTES_AWAITING);
    return reply(turn, (await approveMinutes(turn.services, turn.person.id, meeting.id, { folder, activityId: turn.activityId })).text);
  }
  if (sub) return reply(turn, MINUTES_USAGE);
  const meeting = lastHeldMeeting(turn.db, turn.now);
  if (!meeting) return reply(turn, NO_MEETING_HELD);
  const draft = await draftMinutes(turn.services, turn.person.id, meeting.id, { folder, activityId: turn.activityId });
  return { replies: [{ text: t(turn, draft.text) }, { text: draft.markdown }], outbox: [] };
}

/** "/niederschrift einwand erledigt <Vermerk>": the chair or the Geschäftsstelle settles the open objections (§ 7 Abs. 4 GO). */
async function resolveInChat(turn: Turn, args: string): Promise<TurnResult> {
  const note = args.trim().match(/^\S+\s+(?:erledigt|geklärt|geklaert|resolved|settled)\s*:?\s*([\s\S]*)$/i)?.[1]?.trim();
  if (!note) return reply(turn, MINUTES_USAGE);
  const meeting = minutesAwaitingApproval(turn.db);
  if (!meeting) return reply(turn, NO_MINUTES_AWAITING);
  return reply(turn, (await resolveObjections(turn.services, turn.person.id, meeting.id, note)).text);
}

/** "/tagesordnung" lists proposals with buttons; "/tagesordnung annehmen p-3" / "ablehnen p-3" decides. */
async function agenda(turn: Turn, args: string): Promise<TurnResult> {
  const decision = args.trim().match(/^(annehmen|aufnehmen|accept|ablehnen|reject)\s+(\S+)/i);
  if (decision) {
    const out = await decideProposal(turn.services, turn.person.id, decision[2]!, /^(annehmen|aufnehmen|accept)$/i.test(decision[1]!), turn.activityId);
    return { replies: [{ text: t(turn, out.reply) }], outbox: out.outbox };
  }
  if (args.trim()) return reply(turn, AGENDA_USAGE);
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const overview = agendaOverview(turn.db, found.id, turn.now);
  const result = reply(turn, agendaText(overview));
  for (const p of overview.open) result.replies.push(proposalCard(turn, p));
  return result;
}

/** An open proposal as a card with its decision buttons. */
function proposalCard(turn: Turn, p: OpenProposal): Reply {
  const buttons: CardButton[] = [
    { title: t(turn, PROPOSAL_DECISION.accept), verb: "proposal.accept", data: { proposalId: p.id } },
    { title: t(turn, PROPOSAL_DECISION.reject), verb: "proposal.reject", data: { proposalId: p.id } },
  ];
  return { text: `${p.id}: ${p.title}`, card: card({ title: `${p.id}: ${p.title}`, text: p.description || undefined, facts: proposalFacts(p, turn.lang), buttons }) };
}

/**
 * "/einladen", "/einladen dringend <Grund>", "/einladen erneut", "/einladen aktualisieren [Hinweis]";
 * anything else after "/einladen" is refused with this syntax. What the rules refuse is said at
 * once; otherwise the bot shows who gets what and sends only after the yes (bot/confirmations.ts).
 * The invitation service checks everything again when it sends: it is the authority.
 */
async function invite(given: Turn, args: string): Promise<TurnResult> {
  // "/einladen urgent", "retry", "update": an English keyword says the person writes English.
  const turn: Turn = /^(urgent(ly)?|retry|update)\b/i.test(args.trim()) ? { ...given, lang: "en" } : given;
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const words = args.trim();
  const again = words.match(/^(erneut|nochmal|retry|aktualisieren|update)\b\s*([\s\S]*)$/i);
  if (again) {
    const update = /^(aktualisieren|update)$/i.test(again[1]!);
    if (!update) return again[2]!.trim() ? reply(turn, INVITE_USAGE) : askFirst(turn, { kind: "invite-retry", meetingId: found.id });
    if (!updateNeeded(turn.db, found.id)) return reply(turn, NOTHING_TO_UPDATE);
    return askFirst(turn, { kind: "invite-update", meetingId: found.id, note: again[2]!.trim() || null });
  }
  const urgentMatch = words.match(/^(dringend|dringlich|urgent(?:ly)?)\b\s*:?\s*([\s\S]*)$/i);
  if (words && !urgentMatch) return reply(turn, INVITE_USAGE);
  const request = { urgent: Boolean(urgentMatch), reason: urgentMatch?.[2]?.trim() || null };
  const check = invitationCheck(turn.db, found.id, turn.now, request, bodyProfile(turn.services, turn.db));
  if (!check.allowed) return reply(turn, invitationRefusalText(check));
  return askFirst(turn, { kind: "invite", meetingId: found.id, ...request });
}

function answersOverview(turn: Turn, args: string): TurnResult {
  if (args.trim()) return reply(turn, noArgumentsText("rueckmeldungen"));
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  return reply(turn, answersText(whoHasAnswered(turn.db, found.id)));
}

async function presence(turn: Turn, args: string, present: boolean): Promise<TurnResult> {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  return markNames(turn, found, args, present);
}

/** "Sind wir beschlussfähig?" — anyone may ask; the numbers are no secret. */
export function quorum(turn: Turn, args: string): TurnResult {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const item = args.match(/(\d+)/);
  try {
    const q = quorumNow(turn.db, found.id, item ? Number(item[1]) : null, bodyProfile(turn.services, turn.db));
    return reply(turn, withStandIns(quorumText(q), standIns(turn.db, found.id)));
  } catch (e) {
    return refusal(turn, e);
  }
}

/** "Wer ist da?": the chair and the Geschäftsstelle get the list; a member the count and their own check-in. */
export function whoIsHere(turn: Turn): TurnResult {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const roles = rolesOf(turn.db, turn.person.id);
  const profile = bodyProfile(turn.services, turn.db);
  if (roles.chair || roles.secretariat) return reply(turn, whoIsPresentText(whoIsPresent(turn.db, found, profile)));
  return reply(turn, presentForMemberText(presentForMember(turn.db, found, turn.person.id, profile)));
}

async function notQuorate(turn: Turn, args: string): Promise<TurnResult> {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const item = args.match(/(\d+)/);
  const itemNumber = item ? Number(item[1]) : null;
  try {
    // The count says quorate: the pending question of bot/confirmations.ts ("ja", "nein" or the card's buttons).
    if (quorumNow(turn.db, found.id, itemNumber, bodyProfile(turn.services, turn.db)).reading === "quorate") return await askFirst(turn, { kind: "not-quorate", meetingId: found.id, itemNumber });
    const text = await declareNotQuorate(turn.services, turn.person.id, found.id, itemNumber, turn.activityId);
    return reply(turn, text ?? ALREADY_RECORDED);
  } catch (e) {
    return refusal(turn, e);
  }
}

/** "/abstimmung TOP 2: 9 ja, 2 nein, 1 enthaltung; Beschluss: …" */
export async function vote(turn: Turn, args: string): Promise<TurnResult> {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const [counts = "", resolution] = args.split(/;?\s*(?:beschluss|resolution)\s*:\s*/i);
  const parsed = understand(`abstimmung ${counts}`).intent;
  if (parsed.kind !== "vote") {
    return reply(turn, VOTE_COUNTS_MISSING);
  }
  const result = await recordVote(turn.services, turn.person.id, found.id, { itemNumber: parsed.item, yes: parsed.yes, no: parsed.no, abstain: parsed.abstain, resolution: resolution?.trim() || null, unanimous: parsed.unanimous }, turn.activityId);
  if (!result) return reply(turn, VOTE_ALREADY_RECORDED);
  if (result.corrected && parsed.item) return reply(turn, correctedVoteText(parsed.item, result.corrected, voteText(result)));
  return reply(turn, itemVoteText(parsed.item, voteText(result)));
}

/** "/erklärung Petra Klein: …" — the chair records a personal statement on someone's behalf. */
async function statementOnBehalf(turn: Turn, args: string): Promise<TurnResult> {
  const found = meetingFor(turn, null);
  if (!isMeeting(found)) return found;
  const [who = "", ...text] = args.split(":");
  const { person } = findPersonOrInstitution(turn.db, who);
  if (!person) return reply(turn, STATEMENT_USAGE);
  const out = await recordStatement(turn.services, turn.person.id, found.id, text.join(":"), person.id, null, turn.activityId);
  return reply(turn, out ?? ALREADY_RECORDED);
}

/** "/postausgang" lists what went to whom; "/postausgang erneut" sends again what was not delivered. */
function outbox(turn: Turn, args: string): TurnResult {
  const when = (iso: string) => formatDateTime(new Date(iso), turn.lang);
  if (/^(erneut|nochmal|retry)$/i.test(args.trim())) {
    return afterReply(turn, WORK_STARTED.outboxRetry, async () => {
      const r = await retryOutbox(turn.services, turn.person.id, { minutes: minutesFolderBeside(turn.services.store.location) });
      const report = { ...r, refused: r.refused.map((e) => words(e.said)) };
      const text = (lang: "de" | "en") => retryText(lang, report, (iso) => formatDateTime(new Date(iso), lang));
      return { de: text("de"), en: text("en") };
    });
  }
  if (args.trim()) return reply(turn, OUTBOX_USAGE);
  return { replies: [{ text: outboxListing(turn.lang, outboxRows(turn.db, turn.now, render), when) }], outbox: [] };
}

/** "/erinnerungen": the reminders planned and those that went out, in the order they fall due. */
function reminders(turn: Turn): TurnResult {
  const when = (iso: string) => formatDateTime(new Date(iso), turn.lang);
  return { replies: [{ text: remindersListing(turn.lang, reminderRows(turn.db, turn.now, bodyProfile(turn.services, turn.db)), when) }], outbox: [] };
}
