/** "/tagesordnung" and the agenda in other answers: items, open proposals and their cards (services/agenda-overview.ts). */
import type { AgendaItem } from "../domain/model.ts";
import type { Texts } from "../domain/profile.ts";
import { formatDateTime } from "../rules/time.ts";
import type { AgendaOverview, OpenProposal } from "../services/agenda-overview.ts";
import { instantTexts } from "./bilingual.ts";

/** After a non-public item's title. */
export const CLOSED: Texts = { de: " (nicht öffentlich)", en: " (closed)" };

/** "TOP 2: Personalfragen (nicht öffentlich)" */
export function agendaItemLine(item: Pick<AgendaItem, "number" | "title" | "public">, lang: keyof Texts): string {
  return `TOP ${item.number}: ${item.title}${item.public ? "" : CLOSED[lang]}`;
}

export function agendaText(o: AgendaOverview): Texts {
  const when = instantTexts(o.meetingStart);
  const items = (lang: keyof Texts) => o.items.map((i) => agendaItemLine(i, lang)).join("\n");
  const carried = o.open.filter((p) => p.carriedFrom);
  const from = (lang: keyof Texts) => carried.map((p) => `\n– ${p.title}${CARRIED[lang]}${instantTexts(p.carriedFrom!)[lang]}`).join("");
  return {
    de: `Tagesordnung für ${when.de}:\n${items("de") || "(noch leer)"}\nOffene Vorschläge: ${o.open.length}${carried.length ? `, davon ${carried.length} aus früheren Sitzungen übertragen:${from("de")}` : ""}`,
    en: `Agenda for ${when.en}:\n${items("en") || "(empty so far)"}\nOpen proposals: ${o.open.length}${carried.length ? `, ${carried.length} of them carried over from earlier meetings:${from("en")}` : ""}`,
  };
}

/** After a carried-over proposal's title, before the start of the meeting it was proposed for. */
export const CARRIED: Texts = { de: " – offen geblieben aus der Sitzung am ", en: " – left open from the meeting on " };

/** The buttons of an open proposal's card. */
export const PROPOSAL_DECISION = {
  accept: { de: "Aufnehmen", en: "Accept" },
  reject: { de: "Ablehnen", en: "Reject" },
} satisfies Record<string, Texts>;

/** An open proposal's card facts: by whom, when it came in (and whether late), presenter, documents. */
export function proposalFacts(p: OpenProposal, lang: keyof Texts): [string, string][] {
  const label = (texts: Texts) => texts[lang];
  const late = p.late ? label({ de: " – verspätet", en: " – late" }) : "";
  const facts: [string, string][] = [
    [label({ de: "Von", en: "By" }), p.byName],
    [label({ de: "Eingang", en: "Received" }), `${formatDateTime(new Date(p.submittedAt), lang)}${late}`],
  ];
  if (p.carriedFrom) facts.push([label({ de: "Vorgeschlagen für", en: "Proposed for" }), instantTexts(p.carriedFrom)[lang]]);
  if (p.presenter) facts.push([label({ de: "Vortrag", en: "Presenter" }), p.presenter]);
  if (p.link) facts.push([label({ de: "Unterlagen", en: "Documents" }), p.link]);
  return facts;
}

/** "/top …": the item is on the agenda. */
export function itemAddedText(item: Pick<AgendaItem, "number" | "title" | "public">): Texts {
  const closed = (lang: keyof Texts) => (item.public ? "" : CLOSED[lang]);
  return {
    de: `TOP ${item.number}: ${item.title}${closed("de")} ist auf der Tagesordnung.`,
    en: `Item ${item.number}: ${item.title}${closed("en")} is on the agenda.`,
  };
}
