/**
 * Absence, delegation, attendance, check-in: the actions that must never be taken on a guess.
 * Read clause by clause, so who does what stays apart: in "I'm away, my deputy will attend" the
 * writer is away and the deputy attends — a delegation, never the writer's attendance.
 */
import type { Mode } from "../services/attendance.ts";
import { clauses, hasWord, negationAt, NEGATION_WORD, spaced, words, type Clause } from "./understand-words.ts";

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
/** The deputy comes, takes over, stands in: a delegation as soon as it is said. */
const DEPUTY_COMES =
  /^(komm(e|en|t)?|vorbeikomm\w*|come|comes|coming|teilnehm(e|en)?|teilnimmt|nimmt|attend\w*|uebernehm(e|en)?|uebernimmt|take|takes|go|goes|geht|gehen|hingeh\w*|vertritt|vertreten|instead|statt)$/;
/** The deputy is to be sent or invited: a delegation when asked for, or with the writer's absence. */
const DEPUTY_SENT = /^(schick\w*|send\w*|geb\w*|weitergeb\w*|weiterleit\w*|forward\w*|einlad\w*|eingeladen|lad(e|en|t)?|invite\w*|bekomm\w*|bekommt|informiert)$/;
/** Asking for it: "bitte", "soll", "möchte", an imperative "schickt", "laden Sie". */
const ASKED_FOR = /^(bitte|please|soll|sollen|moechte|moechten|want|schickt|sendet|ladet)$/;
const ASKED_FOR_PHRASE = / (schicken|laden|leiten|senden|geben) sie | (kann|koennen|koennten) sie | could you | can you | would like /;
const DEPUTY_PHRASE = / an (meine|meinen|die|den) | to my /;

/** The writer will not be there. */
const ABSENT_WORD =
  /^(absag\w*|abgesagt|abmeld\w*|abgemeldet|verhindert|krank\w*|urlaub\w*|dienstreise\w*|fortbildung\w*|fehle|fehlen|fehlt|away|holiday\w*|vacation|sick|travel\w*|decline\w*|abwesend|absent|unable|kollidiert|terminkonflikt|terminkollision|ueberschneid\w*|dazwischen\w*)$/;
const ABSENT_PHRASE = / nicht da | nicht im (buero|haus|dienst) | ausser haus | count me out | keine zeit | bin (dann )?(mal )?(raus|weg) | passt (mir |leider |uns )*nicht | anderen termin | other (appointment|commitment) | out of( the)? office | cancel my (attendance|participation) | not be able | can't make it | (zusage|teilnahme) (\w+ ){0,2}(zurueckziehen|widerrufen|stornieren) | (zieh\w*|nehm\w*) (\w+ ){0,3}(zusage|teilnahme|anmeldung) (\w+ ){0,2}zurueck | (zusage|teilnahme|anmeldung) (\w+ ){0,3}(zieh\w*|nehm\w*) (\w+ ){0,3}zurueck | (widerruf\w*|stornier\w*) (\w+ ){0,2}(zusage|teilnahme|anmeldung) | (withdraw|retract|revoke) my (attendance|acceptance|rsvp) /;
/** Taking part, which a negation in the same clause turns into an absence. */
const TAKE_PART =
  /^(teilnehm(e|en)?|teilzunehmen|teilnahme|teil|komm(e|en)?|dabei|da|schaff\w*|kann|koennen|kannst|attend\w*|come|coming|make|join\w*|able|available|there|participat\w*|go|going|nehm(e|en)?|klapp\w*)$/;
/** The clause speaks of the writer: "ich", "bin", or a clause that starts with the verb ("kann nicht kommen"). */
const FIRST_PERSON = /^(ich|i|i'm|i'll|im|bin|komme|nehme|werde|mich|mir|my|me)$/;
const VERB_FIRST = /^(kann|muss|werde|won't|can't|cannot|cant|sorry|leider|unable|not|will|schaffe|nicht|komme|bin|nehme)$/;

const ATTEND_WORD =
  /^(teilnehm(e|en)?|teilzunehmen|teilnahme|zusag\w*|zugesagt|komme|komm|kommen|vorbeikomm\w*|dabei|zugeschaltet|zuschalten|zuschalte|attend|attending|join|joining|coming|accept\w*|confirm\w*|bestaetig\w*)$/;
const ATTEND_PHRASE = / be there | count me in | dial in | i'm in | make it /;

const UNSURE_WORD = /^(vielleicht|eventuell|evtl|moeglicherweise|unsicher|maybe|perhaps|might|probably|wahrscheinlich|unklar|versuch\w*|try|trying|hoffentlich|hoffe|hope|unsure|wohl)$/;
const UNSURE_PHRASE = / weiss (ich )?(noch )?nicht | mal (sehen|schauen) | kann sein | not sure | i may | may not /;

const ONLINE_WORD = /^(digital\w*|online|virtuell\w*|remote\w*|teams|video\w*|zugeschaltet|zuschalten|zuschalte|videokonferenz)$/;
const IN_PERSON_WORD = /^(praesenz|persoenlich|in-person|onsite|sitzungssaal)$/;
const IN_PERSON_PHRASE = / vor ort | in person | on site /;

/** Everything a check-in says: "bin jetzt da", "I'm in the room now". */
const CHECK_IN_VOCABULARY = new Set(
  ["ich", "bin", "jetzt", "nun", "schon", "da", "hier", "anwesend", "online", "eingewaehlt", "im", "raum", "drin", "i'm", "i", "am",
    "here", "present", "in", "the", "room", "now", "checking", "check", "sitzungsraum", "sitzungssaal",
    // "ich bin jetzt auch da", "inzwischen da", "I'm also here now"
    "auch", "inzwischen", "mittlerweile", "endlich", "also", "too"],
);
const CHECK_IN_CORE = /^(da|hier|anwesend|online|eingewaehlt|raum|drin|here|present|room|in)$/;

/** A question put verb first: "Kann ich per Teams teilnehmen", "can I attend online". */
const ASKS_FIRST = /^(kann|koennte|darf|soll|muss) ich\b|^(can|could|may|shall|should) i\b/;
const SENDS_DEPUTY = / (schicke|schick|sende|send|entsende) (ich )?((meine|meinen|my|die|den|the) )?((stell)?vertret|stellv|ersatz|deputy|substitute)/;

/** A request put as a question: "Können Sie bitte …", "Kann meine Vertretung für mich …", "could you …". */
const REQUEST = /\b(bitte|please|koennen sie|koennten sie|could you|can you|would you)\b| (fuer|statt|anstatt) (mich|mir|meiner) | instead of me | in my place /;

const matches = (cs: Clause[], word: RegExp, phrase: RegExp) => hasWord(cs, word) || cs.some((c) => phrase.test(spaced(c)));
const indexOf = (ws: string[], re: RegExp) => ws.findIndex((w) => re.test(w));

/** Who a clause is about: where the deputy is named (or -1), and what is said of writer and deputy. */
interface Roles {
  deputyAt: number;
  /** The writer will not be there (said before the deputy is named, or with no deputy in the clause). */
  writerAbsent: boolean;
  /** A negation after the deputy is named: "meine Vertretung kommt nicht". */
  deputyNegated: boolean;
}

function roles(c: Clause): Roles {
  const standsIn = STANDS_IN.exec(spaced(c));
  const named = indexOf(c.words, DEPUTY_WORD);
  const phraseAt = standsIn ? spaced(c).slice(0, standsIn.index + 1).trim().split(" ").filter(Boolean).length : -1;
  const deputyAt = named >= 0 && (phraseAt < 0 || named < phraseAt) ? named : phraseAt;
  const before = (i: number) => i >= 0 && (deputyAt < 0 || i < deputyAt);
  const negAt = negationAt(c.words);
  const aboutWriter = c.words.some((w) => FIRST_PERSON.test(w)) || VERB_FIRST.test(c.words[0] ?? "");
  const negatedTakePart = before(negAt) && aboutWriter && c.words.some((w) => TAKE_PART.test(w));
  // "… an meinen Vertreter weiterleiten bin nicht da": the writer speaks again before the negation, so it is theirs.
  const writerAgain = deputyAt >= 0 && negAt > deputyAt && c.words.slice(deputyAt + 1, negAt).some((w) => FIRST_PERSON.test(w));
  const writerNegated = writerAgain && c.words.slice(negAt).some((w) => TAKE_PART.test(w));
  const writerAbsent = before(indexOf(c.words, ABSENT_WORD)) || (deputyAt < 0 && ABSENT_PHRASE.test(spaced(c))) || negatedTakePart || writerNegated;
  return { deputyAt, writerAbsent, deputyNegated: deputyAt >= 0 && negAt > deputyAt && !writerAgain };
}

/** What the clauses say about the writer and the deputy. */
interface Reading {
  absent: boolean;
  attend: boolean;
  hedged: boolean;
  noDeputy: boolean;
  deputyNamed: boolean;
  /** The deputy comes or takes over; or is sent, asked for or together with the writer's absence. */
  deputyGoes: boolean;
  /** The deputy is to be sent or invited ("… die Einladung bekommen"), not merely to come. */
  sent: boolean;
}

function read(n: string): Reading {
  const cs = clauses(n);
  const rs = cs.map(roles);
  const absent = rs.some((r) => r.writerAbsent);
  const noDeputy = cs.some((c) => NO_DEPUTY.test(spaced(c)));
  const deputy = noDeputy ? [] : cs.filter((_, i) => rs[i]!.deputyAt >= 0 && !rs[i]!.deputyNegated);
  const own = cs.filter((c, i) => rs[i]!.deputyAt < 0 && !c.negated && !c.words.includes("zurueckkommen"));
  const attend = matches(own, ATTEND_WORD, ATTEND_PHRASE);
  const comes = deputy.some((c) => c.words.some((w) => DEPUTY_COMES.test(w)));
  const sent = deputy.some((c) => c.words.some((w) => DEPUTY_SENT.test(w)) || DEPUTY_PHRASE.test(spaced(c)));
  const askedFor = hasWord(cs, ASKED_FOR) || cs.some((c) => ASKED_FOR_PHRASE.test(spaced(c)));
  // "Ich schicke meine Vertretung", "I'll send my deputy", "… die Einladung an meine Vertretung": the deputy is sent.
  const sendsDeputy = deputy.some((c) => SENDS_DEPUTY.test(spaced(c)) || c.words.some((w) => /^(einladung\w*|invitation\w*)$/.test(w)));
  const deputyNamed = rs.some((r) => r.deputyAt >= 0);
  const hedged = matches(cs, UNSURE_WORD, UNSURE_PHRASE) && (absent || attend || deputyNamed || hasWord(cs, TAKE_PART));
  const deputyGoes = comes || (sent && (askedFor || absent || sendsDeputy)) || (absent && deputy.length > 0);
  return { absent, attend, hedged, noDeputy, deputyNamed, deputyGoes, sent };
}

export function presenceIntent(n: string): PresenceIntent | null {
  // A question about others or about the rules ("Wie viele haben abgesagt", "Wann muss ich zusagen?") is no answer.
  if (/^(wer|who|whom|wie heisst|wie ?viele|(bis )?wann|warum|weshalb|welche\w*|how many|when|why|which|until when|by when)\b/.test(n)) return null;
  const r = read(n);
  // "Kommt meine Vertretung auch?" asks; "Kann meine Vertretung für mich teilnehmen?" asks for it.
  // "Kann meine Vertretung die Einladung bekommen? Ich bin verhindert": with the writer's absence said, it asks for it.
  // "Ich bin verhindert. Kommt meine Vertretung auch?" still only asks.
  const asks = (/\?/.test(n) || ASKS_FIRST.test(n)) && !REQUEST.test(n) && !(r.absent && r.sent);
  if (r.hedged) return { kind: "unsure" };
  if (r.absent && r.noDeputy) return { kind: "absent" };
  if (r.deputyGoes) return asks ? { kind: "unsure" } : { kind: "delegate" };
  if (r.absent) return { kind: "absent" };
  // The deputy named, but neither sent nor coming ("Ich schicke die Unterlagen an meine Vertretung"): ask.
  if (r.deputyNamed && !r.attend) return { kind: "unsure" };
  if (isCheckIn(n)) return { kind: "check-in" };
  if (!r.attend || /\b(bis wann|wann|when)\b/.test(n)) return null;
  if (refusedAfter(n)) return { kind: "absent" };
  return /\?/.test(n) || ASKS_FIRST.test(n) ? { kind: "unsure" } : { kind: "attend", mode: modeOf(clauses(n)) };
}

/** "Teilnahme: nein", "dabei? no": a short answer that refuses what it names. */
function refusedAfter(n: string): boolean {
  const ws = words(n);
  const no = ws.findIndex((w) => w === "nein" || w === "no");
  return ws.length <= 4 && no > 0 && ws.slice(0, no).some((w) => ATTEND_WORD.test(w) || TAKE_PART.test(w));
}

function isCheckIn(n: string): boolean {
  if (/\?/.test(n)) return false;
  const ws = words(n);
  return ws.length > 0 && ws.every((w) => CHECK_IN_VOCABULARY.has(w)) && ws.some((w) => CHECK_IN_CORE.test(w));
}

function modeOf(cs: Clause[]): Mode | null {
  // "nicht online, sondern vor Ort": a mode right after a negation is the one not meant.
  const negatedAt = (ws: string[], i: number) => NEGATION_WORD.test(ws[i - 1] ?? "") || (NEGATION_WORD.test(ws[i - 2] ?? "") && /^(per|via|vor|in)$/.test(ws[i - 1] ?? ""));
  const said = cs.map((c) => ({ ...c, words: c.words.filter((_, i) => !negatedAt(c.words, i)) }));
  const meant = said.map((c) => ` ${c.words.join(" ")} `);
  if (hasWord(said, ONLINE_WORD) || meant.some((t) => / dial in /.test(t))) return "online";
  if (hasWord(said, IN_PERSON_WORD) || meant.some((t) => IN_PERSON_PHRASE.test(t))) return "in-person";
  return null;
}
