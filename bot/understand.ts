/**
 * Deterministic, offline understanding of what members, the Geschäftsstelle and the chair write,
 * German first, English too. Never guesses an action: a message that only hints at an absence
 * ("vielleicht") comes out as `unsure`, and the conversation asks back.
 */
import type { Mode } from "../services/attendance.ts";
import { presenceIntent } from "./understand-presence.ts";
import { words } from "./understand-words.ts";

export type Lang = "de" | "en";

/** A calendar date mentioned in the message ("am 12. Mai", "12.05.2022"); year may be missing. */
export interface MentionedDate {
  day: number;
  month: number;
  year: number | null;
}

export type Intent =
  | { kind: "delegate" }
  | { kind: "absent" }
  | { kind: "unsure" }
  | { kind: "attend"; mode: Mode | null }
  | { kind: "check-in" }
  | { kind: "propose"; text: string }
  | { kind: "ask-proposal-deadline" }
  | { kind: "ask-invitation-deadline" }
  | { kind: "ask-deadlines" }
  | { kind: "ask-next-meeting" }
  | { kind: "ask-my-deputy" }
  | { kind: "ask-quorum-rule" }
  | { kind: "ask-majority-rule" }
  | { kind: "quorum-now"; item: number | null }
  | { kind: "who-is-present" }
  | { kind: "vote"; item: number | null; yes: number; no: number; abstain: number; resolution: string | null; unanimous: Unanimous | null }
  | { kind: "statement"; text: string }
  | { kind: "objection"; text: string }
  | { kind: "command"; name: string; args: string }
  | { kind: "cancel" }
  | { kind: "help" }
  | { kind: "greeting" }
  | { kind: "thanks" }
  | { kind: "unknown" };

/** "einstimmig angenommen" / "einstimmig abgelehnt": the session counts who is present (services/record-vote.ts). */
export type Unanimous = "yes" | "no";

export interface Understood {
  intent: Intent;
  lang: Lang;
  date: MentionedDate | null;
}

/** Lower case, umlauts folded (ä → ae, ß → ss), typographic quotes and dashes made plain. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .replace(/[’‘`´]/g, "'").replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

const EN_WORDS = new Set(
  "i i'm i'll im can't cant cannot can't won't attend attending my the deputy substitute when is are we meeting please send to will help what who next count me person agenda item propose quorate quorum here present yes no able make it be there going join submit deadline invitation out majority rules how do away sorry instead place that week office travelling traveling holiday sick have has replied try maybe sure yet remotely room now there of on for thanks thank thx show see unanimous unanimously carried adopted abstention abstentions with".split(" "),
);
const DE_WORDS = new Set(
  "ich nicht bitte meine meiner die der das wann ist sind wir sitzung kann an teilnehmen vertretung und hilfe zu bin nehme teil bis themen einladung muss raus wer mein beschlussfaehig anwesend komme dabei leider sage danke mit einen eine moechte".split(" "),
);

/** English when the message has more English than German marker words; German otherwise. */
export function detectLang(normalized: string): Lang {
  const words = normalized.split(/[^a-z']+/).filter(Boolean);
  const en = words.filter((w) => EN_WORDS.has(w)).length;
  const de = words.filter((w) => DE_WORDS.has(w)).length;
  return en > de ? "en" : "de";
}

const MONTHS: Record<string, number> = {
  januar: 1, jan: 1, january: 1, februar: 2, feb: 2, february: 2, maerz: 3, marz: 3, mar: 3, march: 3, april: 4, apr: 4,
  mai: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10, november: 11, nov: 11, dezember: 12, dez: 12, december: 12, dec: 12,
};

/** Finds "12.05.", "12.05.2022", "12. Mai", "12 May 2022", "May 12". */
export function findDate(n: string): MentionedDate | null {
  const numeric = n.match(/\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)/);
  if (numeric) return date(+numeric[1]!, +numeric[2]!, numeric[3] ? year(numeric[3]) : null);
  // "am 14.3 nicht": the closing dot left out, after a word that announces a date.
  const short = n.match(/\b(?:am|den|zum|vom|ab|bis|fuer|on|for)\s+(\d{1,2})\.(\d{1,2})(?![\d.])/);
  if (short) return date(+short[1]!, +short[2]!, null);
  const names = Object.keys(MONTHS).join("|");
  const dayFirst = n.match(new RegExp(`\\b(\\d{1,2})(?:\\.|st|nd|rd|th)? ?(?:of )?(${names})\\b\\.?(?: (\\d{4}))?`));
  if (dayFirst) return date(+dayFirst[1]!, MONTHS[dayFirst[2]!]!, dayFirst[3] ? +dayFirst[3] : null);
  const monthFirst = n.match(new RegExp(`\\b(${names}) (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?`));
  if (monthFirst) return date(+monthFirst[2]!, MONTHS[monthFirst[1]!]!, monthFirst[3] ? +monthFirst[3] : null);
  return null;
}

function year(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function date(day: number, month: number, y: number | null): MentionedDate | null {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? { day, month, year: y } : null;
}

const DEPUTY = /\b(vertretung|vertreter\w*|stellvertret\w*|stellv\.?|deputy|deputies|substitute)\b/;

/** Parses "9 ja, 2 nein, 1 enthaltung" (in any order, English too). */
function findVote(n: string): { yes: number; no: number; abstain: number } | null {
  const num = (re: RegExp) => {
    const m = n.match(re);
    return m ? Number(m[1]) : null;
  };
  const yes = num(/(\d+)\s*(?:x\s*)?(?:ja|ja-stimmen|yes|dafuer|for)\b/);
  const no = num(/(\d+)\s*(?:x\s*)?(?:nein|nein-stimmen|no|dagegen|against)\b/);
  const abstain = num(/(\d+)\s*(?:x\s*)?(?:enthaltung(?:en)?|abstention(?:s)?|abstain(?:ed)?)\b/);
  if (yes === null || no === null) return null;
  return { yes, no, abstain: abstain ?? 0 };
}

const UNANIMOUS = /\b(einstimmig\w*|ohne gegenstimmen?|unanimous(ly)?|no votes against|without (any )?votes against)\b/;
const VOTE_WORD = /\b(angenommen|abgelehnt|beschlossen|beschluss|gefasst|abstimm\w*|abgestimmt|enthaltung\w*|carried|passed|adopted|rejected|defeated|abstention\w*|vote\w*)\b/;
const COUNT_WORDS: Record<string, number> = { keine: 0, keiner: 0, ohne: 0, no: 0, ein: 1, eine: 1, einer: 1, one: 1, an: 1, zwei: 2, two: 2, drei: 3, three: 3, vier: 4, four: 4, fuenf: 5, five: 5 };

/** "einstimmig bei 2 Enthaltungen", "ohne Gegenstimmen", "carried unanimously": only the abstentions are said. */
const RESULT_WITHOUT_VOTES = /^(abstimmung\b|(top|item|agenda item|tagesordnungspunkt) ?\d+\b.*\b(angenommen|abgelehnt|beschlossen|carried|passed|adopted|rejected)\b)/;

function findUnanimous(n: string, item: number | null): { yes: 0; no: 0; abstain: number; unanimous: Unanimous } | null {
  if (!UNANIMOUS.test(n) || (item === null && !VOTE_WORD.test(n) && !/^einstimmig\W*$/.test(n))) return null;
  const said = n.match(new RegExp(`\\b(\\d+|${Object.keys(COUNT_WORDS).join("|")})\\s+(?:enthaltung(?:en)?|abstention(?:s)?)\\b`))?.[1];
  const abstain = said === undefined ? 0 : /^\d+$/.test(said) ? Number(said) : COUNT_WORDS[said]!;
  return { yes: 0, no: 0, abstain, unanimous: /\b(abgelehnt|rejected|defeated)\b/.test(n) ? "no" : "yes" };
}

function itemNumber(n: string): number | null {
  const m = n.match(/\b(?:top|item|tagesordnungspunkt|punkt)\s*(\d+)/);
  return m ? Number(m[1]) : null;
}

function afterColon(text: string): string {
  const i = text.indexOf(":");
  return i >= 0 ? text.slice(i + 1).trim() : "";
}

/** The intent of one message. */
export function understand(text: string): Understood {
  const n = normalize(text);
  const lang = detectLang(n);
  return { intent: intentOf(text.trim(), n), lang, date: findDate(n) };
}

function intentOf(raw: string, typed: string): Intent {
  if (typed.startsWith("/")) {
    const [name = "", ...rest] = raw.slice(1).split(" ");
    return { kind: "command", name: normalize(name), args: rest.join(" ").trim() };
  }
  // "die TO", "zur TO": the German short form of the Tagesordnung (never an English "to" after an article).
  const n = typed.replace(/\b(die|der|zur) to\b/g, "$1 tagesordnung");
  const ws = words(n);
  if (isCancel(n, ws)) return { kind: "cancel" };
  if (isHelp(n, ws)) return { kind: "help" };
  if (/persoenliche erklaerung|personal statement/.test(n)) return { kind: "statement", text: afterColon(raw) || raw };
  if (/(einwand|einspruch|aenderungswunsch|korrektur|objection|correction)/.test(n) && /(niederschrift|protokoll|minutes)/.test(n)) {
    return { kind: "objection", text: afterColon(raw) || raw };
  }
  const vote = findVote(n);
  if (vote && (/(abstimm|abgestimmt|stimmen|vote|\bja\b|yes)/.test(n) || itemNumber(n) !== null)) {
    return { kind: "vote", item: itemNumber(n), ...vote, resolution: null, unanimous: null };
  }
  const unanimous = findUnanimous(n, itemNumber(n));
  if (unanimous) return { kind: "vote", item: itemNumber(n), ...unanimous, resolution: null };
  // "TOP 1 angenommen", "Abstimmung zu TOP 2": a result without its votes; the vote command asks for them.
  if (RESULT_WITHOUT_VOTES.test(n) && !n.includes("?")) return { kind: "command", name: "abstimmung", args: raw };
  if (asksWhoIsPresent(n)) return { kind: "who-is-present" };
  if (asksWhoAnswered(n)) return { kind: "command", name: "rueckmeldungen", args: "" };
  return quorumIntent(n) ?? majorityIntent(n) ?? presenceIntent(n) ?? questionIntent(n, ws) ?? proposalIntent(raw, n, ws) ?? smallTalk(n);
}

/** "abbrechen", "bitte abbrechen", "Stopp", "vergiss es": the whole message says stop. */
function isCancel(n: string, ws: string[]): boolean {
  const STOP = /^(abbrechen|abbruch|stop|stopp|cancel|vergiss|nevermind)$/;
  const FILLER = /^(bitte|please|es|das|alles|mind|never|jetzt|doch|lieber|ok|okay)$/;
  return ws.length > 0 && ws.length <= 4 && ws.some((w) => STOP.test(w)) && ws.every((w) => STOP.test(w) || FILLER.test(w)) || /^never ?mind\b/.test(n);
}

function isHelp(n: string, ws: string[]): boolean {
  if (/^(hilf\w*|help|\?|befehle|commands|menu|menue)\b/.test(n) || /^hilf\w*$/.test(ws[0] ?? "")) return true;
  if (has(ws, /^(befehle|commands|kommandos)$/)) return true;
  return /^(was kann(st)? (du|ich|man|der (bot|assistent))|what can (you|i) do|wie funktioniert|how does (this|it) work|wie (benutze|nutze|verwende|bediene) ich|how (do|can) i use)\b/.test(n);
}

/** "Wer hat schon zugesagt?", "Who has replied?", "Übersicht der Zusagen": the overview of the answers. */
function asksWhoAnswered(text: string): boolean {
  // "Show me who is coming", "Zeig mir, wer kommt": the "me" asks to be shown, it is not about the writer.
  const n = text.replace(/^(bitte )?(show|tell|zeig\w*|sag\w*|nenn\w*) (me|mir|uns|us)( bitte)?,? /, "");
  if (/\b(mich|mir|mein\w*|my|me)\b/.test(n)) return false;
  if (/\b(uebersicht|stand|overview|list|status)\b.*\b(zusagen|absagen|rueckmeldungen|antworten|replies|answers|rsvps)\b/.test(n)) return true;
  return /^(wer|who|wie ?viele|how many)\b.*\b(zugesagt|abgesagt|geantwortet|zurueckgemeldet|rueckmeldung\w*|kommt|kommen|nimmt|nehmen|teil|dabei|replied|answered|responded|attending|coming|declined)\b/.test(n);
}

/** "Wer ist da?", "Wer ist alles anwesend?", "Who is here?": the session's list now ("Wer kommt?" asks for the answers). */
function asksWhoIsPresent(n: string): boolean {
  const now = /^(wer|who)( (ist|sind|is|are)|'s|s)( (denn|schon|jetzt|alles|bereits|heute|gerade|already|now|all))* (da|anwesend|hier|vertreten|online|zugeschaltet|im raum|here|present|in the room|online now)\b/;
  return now.test(n.replace(/^(und|and|also|so),? /, "")) || /^(anwesenheitsliste|anwesenheit|attendance list)\??$|^(wer|who) (sind|are) (die|the) (anwesenden|attendees)\b/.test(n);
}

function quorumIntent(n: string): Intent | null {
  if (/\b(sind wir vollzaehlig|wie ?viele sind (schon |jetzt )?(da|anwesend)|how many are (here|present))\b/.test(n)) return { kind: "quorum-now", item: itemNumber(n) };
  if (!/beschlussfaehig|quorat|quorum/.test(n)) return null;
  if (/\b(wann|when|wie ?viel\w*|ab wie|how many|regel|rule)\b/.test(n)) return { kind: "ask-quorum-rule" };
  if (/(sind wir|ist (die )?(lenkungsgruppe|gruppe|gremium|runde)|are we|do we have|haben wir)/.test(n) || /^beschlussfaehig(keit)?\b/.test(n)) {
    return { kind: "quorum-now", item: itemNumber(n) };
  }
  return { kind: "ask-quorum-rule" };
}

function majorityIntent(n: string): Intent | null {
  if (/mehrheit|majority|wie wird abgestimmt|how do we vote/.test(n)) return { kind: "ask-majority-rule" };
  if (/\bwie ?viel\w* (ja-?)?stimmen\b|how many votes/.test(n)) return { kind: "ask-majority-rule" };
  return null;
}

const has = (ws: string[], re: RegExp) => ws.some((w) => re.test(w));
const PROPOSE = /^(vorschlag\w*|vorschlaege|vorschlagen|anmelden|anmeldung|einreich\w*|einbring\w*|aufnehm\w*|aufnahme|ergaenz\w*|propose|suggest|submit|add|put|raise|neue[rsn]?|new|haette)$/;
/** The agenda itself, which a question or a "show me" asks to see. */
const AGENDA = /^(tagesordnung|agenda|tops)$/;
const SHOW = /^(seh\w*|sieht|zeig\w*|schick\w*|send\w*|show|see|view|einseh\w*|anseh\w*|anschau\w*|lesen)$/;
const TOPIC = /^(top|tops|tagesordnung\w*|thema|themen|punkt|agenda|topic|topics|item|items|vorschlag|vorschlaege)$/;

function questionIntent(n: string, ws: string[]): Intent | null {
  const asks = /\b(bis wann|bis wan|wann|wie lange|frist|fristen|deadline|until when|by when|when|letzte[rn]? tag|last day|spaetestens|latest)\b/.test(n);
  const forMe = /\b(fuer mich|statt mir|statt meiner|for me|instead of me)\b/.test(n);
  if (/^(wer|who|wie heisst)\b/.test(n) && (DEPUTY.test(n) || has(ws, /^vertr[ei]t/) || forMe)) return { kind: "ask-my-deputy" };
  if (asks && (has(ws, TOPIC) || has(ws, /^(anmeld|angemeldet|einreich|einzureich|eingereicht|propos|submit)/))) return { kind: "ask-proposal-deadline" };
  if (asks && has(ws, /^(einladung\w*|einlad\w*|eingeladen|ladungsfrist|invitation\w*|invite\w*)$/)) return { kind: "ask-invitation-deadline" };
  if (/^(fristen|deadlines|termine)\b|welche fristen|what (are the )?deadlines|alle fristen/.test(n)) return { kind: "ask-deadlines" };
  const question = /\?/.test(n) || /^(wann|wo|wie|was|welche\w*|um wie ?viel|gibt es|steht|when|when's|where|what|what's|is there)\b/.test(n);
  if (question && has(ws, /^(fristen|deadlines)$/)) return { kind: "ask-deadlines" };
  // "Gibt es schon eine Tagesordnung?", "Show me the agenda", "Was steht an?": the next meeting's answer shows its agenda.
  if ((question || has(ws, SHOW)) && has(ws, AGENDA) && !proposes(n, ws)) return { kind: "ask-next-meeting" };
  if (question && /^was (steht|stehen)\b.* an$|\bbesprochen\b|\bbesprechen\b|\bdiscussed\b|^worum geht es\b/.test(n.replace(/[?.!]+$/, ""))) return { kind: "ask-next-meeting" };
  // "Welche Themen gibt es am 12.05.?": the topics of a meeting are its agenda.
  if (question && has(ws, /^(themen|tops)$/) && !proposes(n, ws)) return { kind: "ask-next-meeting" };
  const meeting = has(ws, /^(sitzung\w*|sitzng\w*|sitzun|treffen|tagt|tagen|tagung|termin|meeting|meet|lenkungsgruppe|lg)$/);
  if (/(naechste|kommende|naechsten) (sitzung|sitzng|sitzun\b)|next meeting|upcoming meeting|sitzungstermin/.test(n) || (question && meeting)) {
    return { kind: "ask-next-meeting" };
  }
  return null;
}

/**
 * Words that put something forward: "vorschlagen", "einbringen", "auf die Tagesordnung setzen", "add",
 * "put … on the agenda". "auf die" moves something onto it; "auf der" and "What's on the agenda" ask what is there.
 */
function proposes(n: string, ws: string[]): boolean {
  return has(ws, PROPOSE) || /schlage .* vor|melde .* an|auf die tagesordnung|to the agenda/.test(n) || wantsOnAgenda(n);
}

/** "Can we have the report on the agenda?", "I'd like X on the agenda": asked for; "What do we have on the agenda?" asks what is there. */
function wantsOnAgenda(n: string): boolean {
  return /\b(have|get|put|add|include|like|want|need|bring|place|schedule)\b.*\bon the agenda\b/.test(n) && !/^(what|what's|whats|which|is|are)\b/.test(n);
}

function proposalIntent(raw: string, n: string, ws: string[]): Intent | null {
  const topic = has(ws, TOPIC) || /agenda item/.test(n);
  if (topic && proposes(n, ws)) return { kind: "propose", text: afterColon(raw) || afterQuestion(raw) };
  // "Ich würde gerne was einreichen": here, handing something in is an agenda proposal.
  if (has(ws, /^(einreichen|einbringen)$/) && has(ws, /^(ich|moechte|wuerde|will|gerne|gern)$/)) return { kind: "propose", text: afterColon(raw) };
  return null;
}

/** "Können wir einen Punkt auf die Tagesordnung setzen? Wohnraum für Geflüchtete": the title after the question. */
function afterQuestion(raw: string): string {
  const rest = raw.slice(raw.indexOf("?") + 1).trim();
  return raw.includes("?") && !rest.includes("?") ? rest : "";
}

function smallTalk(n: string): Intent {
  if (/^(hallo|hi|hey|guten (morgen|tag|abend)|moin|servus|hello|good (morning|afternoon|evening))\b/.test(n)) return { kind: "greeting" };
  if (isThanks(n)) return { kind: "thanks" };
  return { kind: "unknown" };
}

/** Thanks and acknowledgements ("Danke!", "passt", "👍", "ok danke"): the whole message says nothing else. */
const ACK_CORE = /^(danke\w*|dank|merci|thanks|thank|thx|ty|ok|okay|passt|super|prima|perfekt|klasse|toll|wunderbar|verstanden|great|perfect|cool|fine|alright|klar)$/;
const ACK_FILLER = /^(vielen|herzlichen|besten|lieben|tausend|schoen|sehr|gut|alles|ihnen|dir|euch|you|so|much|a|lot|got|it|sounds|good|ja|gern|gerne|mal|fuer|die|info|infos|auskunft|nochmal|noch|einmal)$/;
/** Signs that agree or thank; a sad or puzzled face is no thanks. */
const ACK_SIGN = /(👍|👌|🙏|👏|🙂|😊|😀|❤|✅|💪)/u;

function isThanks(n: string): boolean {
  const ws = words(n);
  if (ws.length === 0) return ACK_SIGN.test(n);
  return ws.length <= 6 && ws.some((w) => ACK_CORE.test(w)) && ws.every((w) => ACK_CORE.test(w) || ACK_FILLER.test(w));
}
