/**
 * Every wording by its code: "<area>.<name>", the area a texts/ module, the name what it exports
 * ("attendance.checkedIn"). Services say what happened as a `Said` — a code and the facts its
 * wording takes, type-checked against the wording's parameters — and import this module only as a
 * type; the faces (bot/, cli/) word it with `render`, in the person's language.
 */
import type { Texts } from "../domain/profile.ts";
import * as agenda from "./agenda.ts";
import * as attendance from "./attendance.ts";
import * as directory from "./directory.ts";
import * as errors from "./errors.ts";
import * as invitation from "./invitation.ts";
import * as limits from "./limits.ts";
import * as meetingEvents from "./meeting-events.ts";
import * as meetings from "./meetings.ts";
import * as minutes from "./minutes.ts";
import * as outbox from "./outbox.ts";
import * as permissions from "./permissions.ts";
import * as proposals from "./proposals.ts";
import * as reminders from "./reminders.ts";
import * as representation from "./representation.ts";
import * as session from "./session.ts";
import * as turn from "./turn.ts";
import * as invitationMail from "./invitation-mail.ts";
import * as invitationReport from "./invitation-report.ts";
import * as minutesDocument from "./minutes-document.ts";
import * as minutesMail from "./minutes-mail.ts";
import * as minutesWords from "./minutes-words.ts";
import * as quorum from "./quorum.ts";
import * as roster from "./roster.ts";
import * as teams from "./teams.ts";
import * as timing from "./timing.ts";
import type { NoticeTexts } from "./outbox.ts";

/**
 * What services store worded: in German, as the mails and the outbox keep it (`render(...).de`);
 * the wordings that texts/ gives as a plain string, named by a code like any other.
 */
const stored = {
  changeNote: (...facts: Parameters<typeof invitationMail.changeNote>): Texts => german(invitationMail.changeNote(...facts)),
  notComposed: (reason: string): Texts => german(`${invitationReport.NOT_COMPOSED}${reason}`),
};
const german = (de: string): Texts => ({ de, en: de });

const AREAS = {
  stored,
  agenda, attendance, directory, errors, invitation, limits, "meeting-events": meetingEvents, meetings, minutes, outbox, permissions, proposals,
  reminders, representation, session, turn, "invitation-mail": invitationMail, "invitation-report": invitationReport, "minutes-document": minutesDocument, "minutes-mail": minutesMail, "minutes-words": minutesWords, quorum, roster, teams, timing,
} as const;
type Areas = typeof AREAS;

/** What a wording gives: one sentence in both languages, or a notice's subject and text. */
type Worded = Texts | NoticeTexts;

/** A parameter list holds no pre-worded `Texts`: facts are plain data, the wording words them itself. */
type Plain<P extends unknown[]> = true extends { [I in keyof P]: P[I] extends Texts ? true : false }[number] ? false : true;

/** Whether an export is a wording a service may name: a worded constant, or a function of plain facts to one. */
type IsWording<E> = E extends Worded ? true : E extends (...facts: infer P) => Worded ? Plain<P> : false;

/** Every code the catalog knows. */
export type Code = {
  [A in keyof Areas & string]: { [N in keyof Areas[A] & string]: IsWording<Areas[A][N]> extends true ? `${A}.${N}` : never }[keyof Areas[A] & string];
}[keyof Areas & string];

type Entry<C extends Code> = C extends `${infer A extends keyof Areas & string}.${infer N}` ? (N extends keyof Areas[A] ? Areas[A][N] : never) : never;

/** The facts a code's wording takes, in its parameters' order (none for a constant). */
export type Facts<C extends Code> = Entry<C> extends (...facts: infer P) => Worded ? P : [];

/** What a code's wording gives: `Texts`, or `NoticeTexts` for a notice. */
export type Wording<C extends Code> = Entry<C> extends (...facts: never[]) => infer R ? R : Entry<C>;

/** What a service says: a code and its facts; for any code, a union checked code by code. */
export type Said<C extends Code = Code> = { [K in C]: { code: K; facts: Facts<K> } }[C];

/** Codes whose wording is one sentence (a reply, a refusal), and those that are a notice. */
export type SentenceCode = { [C in Code]: Wording<C> extends Texts ? C : never }[Code];
export type NoticeCode = { [C in Code]: Wording<C> extends NoticeTexts ? C : never }[Code];

/** How a face words a Said (given to services as `Services.render` for what they record worded). */
export type Render = <C extends Code>(said: Said<C>) => Wording<C>;

/** The wording of a code, with its facts. */
export const render: Render = <C extends Code>(said: Said<C>): Wording<C> => {
  const dot = said.code.indexOf(".");
  const area = AREAS[said.code.slice(0, dot) as keyof Areas] as Record<string, unknown>;
  const entry = area[said.code.slice(dot + 1)];
  if (entry === undefined) throw new Error(`no wording for ${said.code}`);
  return (typeof entry === "function" ? entry(...(said.facts as unknown[])) : entry) as Wording<C>;
};

export function isSaid(x: Texts | Said): x is Said {
  return typeof (x as Said).code === "string";
}

/** A sentence in both languages, whether a service said it as a code or (not yet converted) worded it itself. */
export function words(x: Texts | Said<SentenceCode>): Texts {
  return isSaid(x) ? (render(x) as Texts) : x;
}
