/** Wording of the meeting and agenda commands. */
import type { Texts } from "../domain/profile.ts";

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
