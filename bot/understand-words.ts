/**
 * Words rather than fixed phrases: a normalised message is cut into clauses, each a list of words
 * plus the lemmas of German separable verbs whose particle closes the clause ("Ich sage für die
 * nächste Sitzung ab" → "absagen"), and whether the clause is negated. The intent rules test these
 * words with anchored patterns (stems: /^teilnehm/ is "teilnehmen", "teilnehme", "teilnehmer").
 */

export interface Clause {
  /** The clause's words, then the lemmas found in it. */
  words: string[];
  negated: boolean;
}

/** Particles that close a German main clause when the verb is separable. */
const PARTICLES = new Set(["ab", "teil", "zu", "an", "vor", "ein", "mit", "vorbei", "weiter", "zurueck"]);
/** Words people put after the particle: "Ich sage ab, leider", "ich nehme teil bitte". */
const TRAILING = new Set(["bitte", "leider", "mal", "gerne", "gern", "please", "heute", "morgen", "dann"]);
/** Present-tense forms of the verbs that take those particles, to their infinitive. */
const VERBS: [RegExp, string][] = [
  [/^sag(e|st|t)?$/, "sagen"],
  [/^(nehm(e|en)?|nimm(st|t)?)$/, "nehmen"],
  [/^meld(e|est|et)?$/, "melden"],
  [/^(schlag(e|en)?|schlaegs?t)$/, "schlagen"],
  [/^(lad(e|en)?|laedt|ladet)$/, "laden"],
  [/^bring(e|st|t|en)?$/, "bringen"],
  [/^reich(e|st|t|en)?$/, "reichen"],
  [/^(geb(e|en)?|gibs?t)$/, "geben"],
  [/^leit(e|est|et)?$/, "leiten"],
  [/^komm(e|st|t)?$/, "kommen"],
  [/^schau(e|st|t)?$/, "schauen"],
  [/^schalt(e|est|et)?$/, "schalten"],
];
export const NEGATION_WORD = /^(nicht|nichts|net|nimmer|kein\w*|not|cannot|can't|cant|won't|wont|don't|dont|never|nie|isn't|aren't|wouldn't|n(?!\w*(\w)\w*\2)[icht]{3,4})$/;

/** The words of a normalised text: letters, digits, apostrophes and hyphens inside a word. */
export function words(n: string): string[] {
  const found = n.match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];
  // A hyphenated compound also counts as its parts: "top-vorschlag" is "top" and "vorschlag" too.
  return found.flatMap((w) => (w.includes("-") && !/^(in-person|stand-in)$/.test(w) ? [w, ...w.split("-").filter(Boolean)] : [w]));
}

/** Clauses: split at sentence marks, commas, dashes and "und/aber/and/but" (not "sondern": "nicht vor Ort, sondern online teil" keeps its verb). */
export function clauses(n: string): Clause[] {
  const parts = n.split(/(?<=[a-z)])[.!?]+(?=\s|$)|[!?;,:()]+|\s[-–]\s|\b(?:und|aber|and|but)\b/);
  return parts.map((p) => clause(words(p))).filter((c) => c.words.length > 0);
}

/** How one takes part: a negation right before it negates the mode, not the taking part ("nicht online, sondern vor Ort"). */
export const MODE_WORD = /^(online|digital|virtuell|remote|praesenz|persoenlich|vor|per|via)$/;

function clause(ws: string[]): Clause {
  return { words: [...ws, ...separableLemmas(ws)], negated: negationAt(ws) >= 0 };
}

/** Where the clause's negation stands, or -1; one that only negates the mode does not count. */
export function negationAt(ws: string[]): number {
  // "no longer", "nicht mehr": a negation too, though "no" alone is an answer.
  const negates = (w: string, i: number) => NEGATION_WORD.test(w) || w.endsWith("n't") || (w === "no" && ws[i + 1] === "longer");
  return ws.findIndex((w, i) => negates(w, i) && !MODE_WORD.test(ws[i + 1] ?? ""));
}

/** "ich sage … ab" → "absagen", "nimmt … teil" → "teilnehmen". */
function separableLemmas(ws: string[]): string[] {
  let end = ws.length - 1;
  while (end > 0 && TRAILING.has(ws[end]!)) end--;
  const particle = ws[end];
  const lemmas: string[] = [];
  ws.forEach((w, i) => {
    const verb = VERBS.find(([re]) => re.test(w));
    const next = ws[i + 1];
    // The particle closes the clause, or follows the verb at once ("ich sag ab für nächste Woche").
    if (verb && particle && PARTICLES.has(particle) && i < end) lemmas.push(particle + verb[1]);
    if (verb && next && PARTICLES.has(next) && next !== particle) lemmas.push(next + verb[1]);
  });
  return lemmas;
}

/** Any word of the clauses matches the pattern (anchored patterns test stems). */
export function hasWord(cs: Clause[], re: RegExp): boolean {
  return cs.some((c) => c.words.some((w) => re.test(w)));
}

/** The clause's words joined by single spaces, with a space either side, for multi-word patterns. */
export function spaced(c: Clause): string {
  return ` ${c.words.join(" ")} `;
}
