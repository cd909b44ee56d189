/**
 * Absence, delegation, attendance, check-in: the actions that must never be taken on a guess.
 * Read clause by clause, so who does what stays apart: in "I'm away, my deputy will attend" the
 * writer is away and the deputy attends — a delegation, never the writer's attendance.
 */
import type { Mode } from "../services/attendance.ts";
import { clauses, hasWord, spaced, words, type Clause } from "./understand-words.ts";

export type PresenceIntent =
  | { kind: "delegate" }
  | { kind: "absent" }
  | { kind: "unsure" }
  | { kind: "attend"; mode: Mode | null }
  | { kind: "check-in" };

/** The deputy, named by role, or someone standing in "for me". */
const DEPUTY_WORD = /^((stell)?vertret(er|erin|ung|en)\w*|vertritt|stellv|ersatz\w*|ersetz\w*|deputy|deputies|substitute|stand-in|standin|proxy|alternate)$/;
const STANDS_IN = / (fuer|statt|anstatt|anstelle) (mich|mir|meiner) | an meiner stelle | in my place | instead of me | on my behalf /;
const NO_DEPUTY = / (ohne|keine?n?) (\w+ )?(vertret|stellvertret|ersatz)\w*| without (a |my )?(deputy|substitute)| no (deputy|substitute) /;
/** What a deputy clause asks for or announces: the deputy comes, takes over, is sent or invited. */
const DEPUTY_ACTION =
  /^(komm\w*|vorbeikomm\w*|come|comes|coming|teilnehm\w*|teilnimmt|nimmt|attend\w*|uebernehm\w*|uebernimmt|take|takes|go|goes|schick\w*|send\w*|geb\w*|weitergeb\w*|weiterleit\w*|forward\w*|einlad\w*|eingeladen|lad\w*|invite\w*|bekomm\w*|bekommt|informiert|vertritt|vertreten|bitte|please|soll|sollen|instead|statt)$/;
const DEPUTY_PHRASE = / an (meine|meinen|die|den) | to my /;

/** The writer will not be there. */
const ABSENT_WORD =
  /^(absag\w*|abgesagt|abmeld\w*|abgemeldet|verhindert|krank\w*|urlaub\w*|dienstreise\w*|fortbildung\w*|fehle|fehlen|fehlt|away|holiday\w*|vacation|sick|travel\w*|decline\w*|abwesend|absent|unable)$/;
const ABSENT_PHRASE = / nicht da | keine zeit | out of( the)? office | cancel my (attendance|participation) | not be able | can't make it /;
/** Taking part, which a negation in the same clause turns into an absence. */
const TAKE_PART =
  /^(teilnehm\w*|teilzunehm\w*|teilnahm\w*|teil|komm\w*|dabei|da|schaff\w*|kann|koennen|kannst|attend\w*|come|coming|make|join\w*|able|there|participat\w*|go|going|nehm\w*)$/;

const ATTEND_WORD =
  /^(teilnehm\w*|teilzunehm\w*|teilnahme|zusag\w*|zugesagt|komme|komm|kommen|vorbeikomm\w*|dabei|zugeschaltet|zuschalten|zuschalte|attend|attending|join|joining|coming|accept\w*|confirm\w*|bestaetig\w*)$/;
const ATTEND_PHRASE = / be there | count me in | dial in | i'm in /;

const UNSURE_WORD = /^(vielleicht|eventuell|evtl|moeglicherweise|unsicher|maybe|perhaps|might|probably|wahrscheinlich|unklar|versuch\w*|try|trying|hoffentlich|hope|unsure)$/;
const UNSURE_PHRASE = / weiss (ich )?(noch )?nicht | mal (sehen|schauen) | kann sein | not sure | i may | may not /;

const ONLINE_WORD = /^(digital\w*|online|virtuell\w*|remote\w*|teams|video\w*|zugeschaltet|zuschalten|zuschalte|videokonferenz)$/;
const IN_PERSON_WORD = /^(praesenz|persoenlich|in-person|onsite|sitzungssaal)$/;
const IN_PERSON_PHRASE = / vor ort | in person | on site /;

/** Everything a check-in says: "bin jetzt da", "I'm in the room now". */
const CHECK_IN_VOCABULARY = new Set(
  ["ich", "bin", "jetzt", "nun", "schon", "da", "hier", "anwesend", "online", "eingewaehlt", "im", "raum", "drin", "i'm", "i", "am",
    "here", "present", "in", "the", "room", "now", "checking", "check", "sitzungsraum", "sitzungssaal"],
);
const CHECK_IN_CORE = /^(da|hier|anwesend|online|eingewaehlt|raum|drin|here|present|room|in)$/;

/** A request put as a question: "Können Sie bitte …", "Kann meine Vertretung für mich …", "could you …". */
const REQUEST = /\b(bitte|please|koennen sie|koennten sie|could you|can you|would you)\b| (fuer|statt|anstatt) (mich|mir|meiner) | instead of me | in my place /;

const isDeputyClause = (c: Clause) => c.words.some((w) => DEPUTY_WORD.test(w)) || STANDS_IN.test(spaced(c));
const matches = (cs: Clause[], word: RegExp, phrase: RegExp) => hasWord(cs, word) || cs.some((c) => phrase.test(spaced(c)));

export function presenceIntent(n: string): PresenceIntent | null {
  const cs = clauses(n);
  if (/^(wer|who|wie heisst|whom)\b/.test(n)) return null;
  const absent = matches(cs, ABSENT_WORD, ABSENT_PHRASE) || cs.some((c) => c.negated && c.words.some((w) => TAKE_PART.test(w)));
  const noDeputy = cs.some((c) => NO_DEPUTY.test(spaced(c)));
  const deputyClauses = noDeputy ? [] : cs.filter(isDeputyClause);
  const own = cs.filter((c) => !deputyClauses.includes(c) && !c.negated);
  const attend = matches(own, ATTEND_WORD, ATTEND_PHRASE);
  const deputyActs = deputyClauses.some((c) => c.words.some((w) => DEPUTY_ACTION.test(w)) || DEPUTY_PHRASE.test(spaced(c)));
  if (matches(cs, UNSURE_WORD, UNSURE_PHRASE) && (absent || attend || deputyClauses.length > 0 || hasWord(cs, TAKE_PART))) return { kind: "unsure" };
  if (absent && noDeputy) return { kind: "absent" };
  // "Kommt meine Vertretung auch?" asks; "Kann meine Vertretung für mich teilnehmen?" asks for it.
  const asks = /\?/.test(n) && !REQUEST.test(n);
  if (deputyActs || (absent && deputyClauses.length > 0)) return asks ? { kind: "unsure" } : { kind: "delegate" };
  if (absent) return { kind: "absent" };
  if (isCheckIn(n)) return { kind: "check-in" };
  if (attend && !/\b(bis wann|wann|when)\b/.test(n)) return /\?/.test(n) ? { kind: "unsure" } : { kind: "attend", mode: modeOf(cs) };
  return null;
}

function isCheckIn(n: string): boolean {
  if (/\?/.test(n)) return false;
  const ws = words(n);
  return ws.length > 0 && ws.every((w) => CHECK_IN_VOCABULARY.has(w)) && ws.some((w) => CHECK_IN_CORE.test(w));
}

function modeOf(cs: Clause[]): Mode | null {
  if (matches(cs, ONLINE_WORD, / dial in /)) return "online";
  if (matches(cs, IN_PERSON_WORD, IN_PERSON_PHRASE)) return "in-person";
  return null;
}
