/** Wording of "Wer ist da?" (services/who-is-present.ts) and of a corrected vote (services/record-vote.ts). */
import type { Texts } from "../domain/profile.ts";
import type { PresentForMember, PresentSeat, WhoIsPresent } from "../services/who-is-present.ts";
import type { Tally } from "../services/record-vote.ts";
import { MEETING_MODE } from "./meetings.ts";
import { quorumText } from "./quorum.ts";
import { countsText } from "./majority.ts";

const SEAT_ROLE: Record<PresentSeat["as"], Texts> = { member: { de: "Mitglied", en: "member" }, deputy: { de: "Stellvertretung", en: "deputy" } };
const NO_VOTE: Texts = { de: ", ohne Stimmrecht", en: ", no vote" };
const NOBODY_CHECKED_IN: Texts = { de: "Noch ist niemand als anwesend eingetragen.", en: "Nobody is checked in yet." };
const NOT_CHECKED_IN_YET: Texts = { de: "Für Ihre Institution ist noch niemand als anwesend eingetragen; schreiben Sie „bin da“, sobald Sie da sind.", en: "Nobody is checked in for your institution yet; write \"I'm here\" once you are." };

/** The chair's and the Geschäftsstelle's list: one line per institution, then the count, then the guests. */
export function whoIsPresentText(w: WhoIsPresent): Texts {
  const text = (lang: keyof Texts) => {
    const head = w.seats.length
      ? `${lang === "de" ? "Anwesend" : "Present"}:\n${w.seats.map((s) => seatLine(s, lang)).join("\n")}`
      : NOBODY_CHECKED_IN[lang];
    const guests = w.guests.length ? `\n${lang === "de" ? "Gäste (ohne Stimmrecht)" : "Guests (no vote)"}: ${w.guests.join(", ")}` : "";
    return `${head}\n${quorumText(w.quorum)[lang]}${guests}`;
  };
  return { de: text("de"), en: text("en") };
}

function seatLine(s: PresentSeat, lang: keyof Texts): string {
  return `- ${s.institution}: ${s.person} (${SEAT_ROLE[s.as][lang]}, ${MEETING_MODE[s.mode][lang]}${s.voting ? "" : NO_VOTE[lang]})`;
}

/** A member sees the count and their own institution's check-in; who else sits there the chair sees. */
export function presentForMemberText(p: PresentForMember): Texts {
  const count = quorumText(p.quorum);
  const own: Texts = !p.own
    ? NOT_CHECKED_IN_YET
    : p.own.mine
      ? { de: `Sie sind für ${p.own.institution} als anwesend eingetragen.`, en: `You are checked in for ${p.own.institution}.` }
      : { de: `Für ${p.own.institution} ist ${p.own.person} als anwesend eingetragen.`, en: `${p.own.person} is checked in for ${p.own.institution}.` };
  return { de: `${own.de} ${count.de}`, en: `${own.en} ${count.en}` };
}

/** "TOP 1 korrigiert (bisher 5 Ja, 2 Nein, 1 Enthaltung): Angenommen: …" — the item's vote was replaced. */
export function correctedVoteText(item: number, before: Tally, vote: Texts): Texts {
  const counts = countsText(before);
  return { de: `TOP ${item} korrigiert (bisher ${counts.de}): ${vote.de}`, en: `Item ${item} corrected (before: ${counts.en}): ${vote.en}` };
}
