/**
 * Deterministic, offline understanding of what members, the Geschäftsstelle and the chair write,
 * German first, English too. Never guesses an action: a message that only hints at an absence
 * ("vielleicht") comes out as `unsure`, and the conversation asks back.
 */
import type { Mode } from "../services/attendance.ts";

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
  | { kind: "vote"; item: number | null; yes: number; no: number; abstain: number; resolution: string | null }
  | { kind: "statement"; text: string }
  | { kind: "objection"; text: string }
  | { kind: "command"; name: string; args: string }
  | { kind: "cancel" }
  | { kind: "help" }
  | { kind: "greeting" }
  | { kind: "unknown" };

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
  "i i'm i'll im can't cant cannot can't won't attend attending my the deputy substitute when is are we meeting please send to will help what who next count me person agenda item propose quorate quorum here present yes no able make it be there going join submit deadline invitation out majority rules how do".split(" "),
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

const DEPUTY = /\b(vertretung|vertreter\w*|stellvertret\w*|stellv\.?|vertreten|ersatz\w*|ersetzen|deputy|deputies|substitute|stand-?in|proxy|alternate)\b/;
const ABSENT =
  /(nicht teilnehmen|nicht kommen|nicht dabei|nicht da sein|nicht anwesend|komme nicht|kann nicht|kann leider nicht|koennen nicht|verhindert|absage|absagen|sage ab|abmelden|melde mich ab|keine zeit|bin krank|im urlaub|nicht teil|can'?t attend|cannot attend|can not attend|won'?t (be able|make it|attend|be there)|unable to (attend|come|make it)|not (be )?attend|can'?t make it|cannot make it|can'?t come|cannot come|not be able|decline|i'?m out|not coming|not going to make it)/;
const UNSURE = /\b(vielleicht|eventuell|evtl|moeglicherweise|unsicher|weiss (ich )?(noch )?nicht|mal sehen|mal schauen|maybe|perhaps|not sure|might|probably|wahrscheinlich|unklar)\b/;
const ATTEND =
  /(nehme( gerne)? teil|teilnehmen werde|werde teilnehmen|werde (da|dabei) sein|\bzusage\b|sage zu|\bich komme\b|\bkomme\b|bin dabei|nehme (digital|online|in praesenz|vor ort|persoenlich) teil|i'?ll attend|i will attend|will be attending|i'?ll be there|i will be there|count me in|i'?m coming|i am coming|\battending\b|\baccept\b|i'?ll join|i will join|\bconfirm)/;
const ONLINE = /\b(digital|online|virtuell|remote|per teams|via teams|video|zugeschaltet)\b/;
const IN_PERSON = /(praesenz|vor ort|persoenlich|in person|in-person|on site|onsite|im sitzungssaal)/;
const CHECK_IN =
  /^(ich bin (jetzt |nun |schon )?(anwesend|da|hier|online|eingewaehlt|im raum)|bin (jetzt )?(anwesend|da)|anwesend|hier|i'?m (here|present|in)|i am (here|present)|present|here|check(ing)? ?in)\b/;
const QUESTION = /(\?|^(wann|bis wann|wie|was|wer|welche|when|what|who|how|until when|by when|is|are|do|does)\b)/;

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

function intentOf(raw: string, n: string): Intent {
  if (n.startsWith("/")) {
    const [name = "", ...rest] = raw.slice(1).split(" ");
    return { kind: "command", name: normalize(name), args: rest.join(" ").trim() };
  }
  if (/^(abbrechen|abbruch|stopp?|cancel|vergiss es|never ?mind)\b/.test(n)) return { kind: "cancel" };
  if (/^(hilfe|help|\?|was kannst du|what can you do|befehle|commands|menu|menue)\b/.test(n)) return { kind: "help" };
  if (/persoenliche erklaerung|personal statement/.test(n)) return { kind: "statement", text: afterColon(raw) || raw };
  if (/(einwand|einspruch|aenderungswunsch|korrektur|objection|correction)/.test(n) && /(niederschrift|protokoll|minutes)/.test(n)) {
    return { kind: "objection", text: afterColon(raw) || raw };
  }
  const vote = findVote(n);
  if (vote && /(abstimmung|abgestimmt|stimmen|vote|ja|yes)/.test(n)) {
    return { kind: "vote", item: itemNumber(n), ...vote, resolution: null };
  }
  if (/beschlussfaehig|quorat|quorum/.test(n)) {
    if (/\b(wann|when|wie viele|how many|regel|rule)\b/.test(n)) return { kind: "ask-quorum-rule" };
    if (/(sind wir|ist (die )?(lenkungsgruppe|gruppe|gremium|runde)|are we|do we have|haben wir)/.test(n) || /^beschlussfaehig(keit)?\s*\??$/.test(n)) {
      return { kind: "quorum-now", item: itemNumber(n) };
    }
    return { kind: "ask-quorum-rule" };
  }
  if (/mehrheit|majority|wie wird abgestimmt|how do we vote/.test(n)) return { kind: "ask-majority-rule" };
  return presenceIntent(n) ?? questionIntent(n) ?? proposalIntent(raw, n) ?? smallTalk(n);
}

/** Absence, delegation, attendance, check-in — the actions that must never be taken on a guess. */
function presenceIntent(n: string): Intent | null {
  if (/(wer ist|who is|wie heisst|name).*(mein|my)/.test(n) && DEPUTY.test(n)) return null;
  const absent = ABSENT.test(n);
  const deputy = DEPUTY.test(n);
  if (UNSURE.test(n) && (absent || deputy || ATTEND.test(n) || /teilnehm|\bteil\b|attend|kommen|come/.test(n))) return { kind: "unsure" };
  if (absent && /(ohne vertretung|ohne stellvertret|keine vertretung|without (a )?deputy|no deputy)/.test(n)) return { kind: "absent" };
  if (deputy && (absent || /(schick|send|geb|weiterleit|forward|einlad|invite|uebernehm|take over|an (meine|meinen)|to my|bitte)/.test(n))) {
    return { kind: "delegate" };
  }
  if (absent) return { kind: "absent" };
  if (CHECK_IN.test(n) && !QUESTION.test(n)) return { kind: "check-in" };
  if (ATTEND.test(n) && !/(bis wann|wann|when)/.test(n)) {
    return { kind: "attend", mode: ONLINE.test(n) ? "online" : IN_PERSON.test(n) ? "in-person" : null };
  }
  return null;
}

function questionIntent(n: string): Intent | null {
  const asks = /(bis wann|wann|frist|deadline|until when|by when|when|letzte[rn]? tag|last day|spaetestens|latest)/.test(n);
  if (/(wer ist|who is|wie heisst).*(mein|my)/.test(n) && DEPUTY.test(n)) return { kind: "ask-my-deputy" };
  if (asks && /(thema|themen|top|tops|vorschlag|vorschlaege|anmeld|einreich|tagesordnung|agenda|propos|topic|item|submit)/.test(n)) {
    return { kind: "ask-proposal-deadline" };
  }
  if (asks && /(einladung|einladen|ladungsfrist|invitation|invite)/.test(n)) return { kind: "ask-invitation-deadline" };
  if (/^(fristen|deadlines|termine)\b|welche fristen|what (are the )?deadlines|alle fristen/.test(n)) return { kind: "ask-deadlines" };
  if (/(naechste|kommende|naechsten) sitzung|wann (ist|findet|tagt)|next meeting|upcoming meeting|when is the meeting|when do we meet|wo (ist|findet) die sitzung|where is the meeting|sitzungstermin/.test(n)) {
    return { kind: "ask-next-meeting" };
  }
  return null;
}

function proposalIntent(raw: string, n: string): Intent | null {
  const topic = /(\btop\b|tagesordnung|thema|themen|punkt|agenda item|agenda|topic|item)/.test(n);
  const propose = /(vorschlag|vorschlagen|schlage .* vor|anmelden|melde .* an|einreichen|einbringen|aufnehmen|propose|suggest|submit|add)/.test(n);
  if (topic && propose) return { kind: "propose", text: afterColon(raw) };
  return null;
}

function smallTalk(n: string): Intent {
  if (/^(hallo|hi|hey|guten (morgen|tag|abend)|moin|servus|hello|good (morning|afternoon|evening))\b/.test(n)) return { kind: "greeting" };
  return { kind: "unknown" };
}
