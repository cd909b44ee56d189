/**
 * Wording of the agenda proposals (services/propose-item.ts, decide-proposal.ts): replies, refusals
 * and the notices to the Geschäftsstelle and to the proposer. `start` is the meeting's start (ISO 8601).
 */
import type { Texts } from "../domain/profile.ts";
import type { ProposalTiming } from "../rules/timing.ts";
import { instantTexts } from "./bilingual.ts";
import type { NoticeTexts } from "./outbox.ts";
import { proposalTimingText } from "./timing.ts";

/** What a redelivered proposal or decision is told. */
export const PROPOSAL_RECEIVED: Texts = { de: "Dieser Vorschlag ist bereits eingegangen.", en: "This proposal has already been received." };
export const ALREADY_DECIDED: Texts = { de: "Bereits erledigt.", en: "Already done." };

export const MEETING_BEGUN: Texts = { de: "Die Sitzung hat schon begonnen; bitte melden Sie das Thema für die nächste an.", en: "The meeting has begun; please propose the topic for the next one." };
export const NO_MEETING_AFTER_RUNNING: Texts = { de: "Die Sitzung hat schon begonnen und eine nächste ist noch nicht geplant; bitte schlagen Sie das Thema vor, sobald die Geschäftsstelle die nächste Sitzung angelegt hat.", en: "The meeting has begun and no next one is planned yet; please propose the topic once the Geschäftsstelle has set up the next meeting." };
/** Said first when a proposal made during a running meeting goes to the next one. */
export function proposalForNextText(running: string, next: string): Texts {
  const [r, n] = [instantTexts(running), instantTexts(next)];
  return { de: `Die Sitzung am ${r.de} hat schon begonnen; Ihr Vorschlag gilt für die nächste Sitzung am ${n.de}.`, en: `The meeting on ${r.en} has begun; your proposal is for the next meeting on ${n.en}.` };
}
export const NO_TITLE: Texts = { de: "Der Vorschlag braucht einen Titel.", en: "The proposal needs a title." };

/** To the Geschäftsstelle: a new proposal, marked when late. */
export function newProposal(by: string, title: string, start: string, late: boolean): NoticeTexts {
  const w = instantTexts(start);
  const mark = late ? { de: " (verspätet)", en: " (late)" } : { de: "", en: "" };
  return {
    subject: { de: `Neuer TOP-Vorschlag${mark.de}`, en: `New agenda proposal${mark.en}` },
    text: {
      de: `${by} schlägt für die Sitzung am ${w.de} vor: „${title}“${mark.de}. Übersicht mit „/tagesordnung“.`,
      en: `${by} proposes for the meeting on ${w.en}: "${title}"${mark.en}. Review with "/tagesordnung".`,
    },
  };
}

/** The proposer's reply, with whether it came in time (rules/timing.ts). */
export function proposalReceived(title: string, start: string, proposalTiming: ProposalTiming): Texts {
  const [w, timing] = [instantTexts(start), proposalTimingText(proposalTiming)];
  return {
    de: `Ihr Vorschlag „${title}“ für die Sitzung am ${w.de} ist eingegangen. ${timing.de}`,
    en: `Your proposal "${title}" for the meeting on ${w.en} has been received. ${timing.en}`,
  };
}

export function noSuchProposal(id: string): Texts {
  return { de: `Einen Vorschlag „${id}“ gibt es nicht.`, en: `There is no proposal "${id}".` };
}

export function alreadyDecided(title: string, accepted: boolean): Texts {
  const was = accepted ? { de: "bereits aufgenommen", en: "already accepted" } : { de: "bereits abgelehnt", en: "already rejected" };
  return { de: `„${title}“ ist ${was.de}.`, en: `"${title}" is ${was.en}.` };
}

/** The reply to the Geschäftsstelle's decision; `number` is the new agenda item's, when accepted. */
export function decisionReply(title: string, number: number | null): Texts {
  return number !== null
    ? { de: `„${title}“ ist als TOP ${number} auf der Tagesordnung.`, en: `"${title}" is on the agenda as item ${number}.` }
    : { de: `„${title}“ wurde nicht aufgenommen.`, en: `"${title}" was not taken onto the agenda.` };
}

/** To the proposer: the decision. */
export function decisionNotice(title: string, number: number | null): NoticeTexts {
  return {
    subject: { de: "Ihr TOP-Vorschlag", en: "Your agenda proposal" },
    text: number !== null
      ? { de: `Ihr Vorschlag „${title}“ steht als TOP ${number} auf der Tagesordnung.`, en: `Your proposal "${title}" is on the agenda as item ${number}.` }
      : { de: `Ihr Vorschlag „${title}“ wurde für diese Sitzung nicht aufgenommen; bei Fragen wenden Sie sich an die Geschäftsstelle.`, en: `Your proposal "${title}" was not taken onto this agenda; please ask the Geschäftsstelle if you have questions.` },
  };
}
