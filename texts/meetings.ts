/** Wording of the meeting and agenda commands, and of a message that is about no meeting (services/meeting-lookup.ts). */
import type { Texts } from "../domain/profile.ts";
import { berlinDay, formatDay } from "../rules/time.ts";
import type { MeetingMiss } from "../services/meeting-lookup.ts";

export function meetingMissText(miss: MeetingMiss): Texts {
  if (miss.code === "none-scheduled") {
    return {
      de: "Es ist derzeit keine Sitzung angesetzt; die Geschäftsstelle legt Termine mit „/sitzung“ an.",
      en: "No meeting is scheduled at the moment; the Geschäftsstelle schedules meetings with \"/sitzung\".",
    };
  }
  const mentioned = `${String(miss.day.day).padStart(2, "0")}.${String(miss.day.month).padStart(2, "0")}.`;
  const next = miss.next && berlinDay(new Date(miss.next.start));
  return {
    de: `Am ${mentioned} ist keine Sitzung geplant.${next ? ` Die nächste Sitzung ist am ${formatDay(next)}.` : ""} Bitte nennen Sie das Datum der Sitzung.`,
    en: `There is no meeting on ${mentioned}.${next ? ` The next meeting is on ${formatDay(next, "en")}.` : ""} Please give the meeting's date.`,
  };
}

export const NO_TITLE: Texts = { de: "Der Titel des Tagesordnungspunkts fehlt.", en: "The agenda item has no title." };

export function AGENDA_CLOSED(meetingId: string, state: Texts): Texts {
  return {
    de: `Die Sitzung ${meetingId} ist ${state.de}; ihre Tagesordnung kann nicht mehr ergänzt werden.`,
    en: `The meeting ${meetingId} is ${state.en}; its agenda can no longer be added to.`,
  };
}

export function AGENDA_NEEDS_UPDATE(citation: string | null): Texts {
  const cite = citation ? ` (${citation})` : "";
  return {
    de: `Die Einladung ist schon verschickt; die geänderte Tagesordnung muss den Mitgliedern nachgereicht werden${cite} („/einladen aktualisieren“).`,
    en: `The invitation has already gone out; the changed agenda must be sent on to the members${cite} ("/einladen aktualisieren").`,
  };
}
