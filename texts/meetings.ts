/** Wording of the meeting and agenda commands (services/meetings.ts, create-meeting.ts, add-agenda-item.ts), and of a message that is about no meeting (services/meeting-lookup.ts). */
import type { Meeting, MeetingMode } from "../domain/model.ts";
import type { Profile, Texts } from "../domain/profile.ts";
import { approvalWords } from "./minutes-words.ts";
import { berlinDay, formatDay } from "../rules/time.ts";
import type { MeetingMiss } from "../services/meeting-lookup.ts";
import { instantTexts, paren } from "./bilingual.ts";

/** `manager`: the Geschäftsstelle or the chair, who may hear the command; members never hear of commands. */
export function meetingMissText(miss: MeetingMiss, manager = false): Texts {
  if (miss.code === "cancelled") {
    const day = berlinDay(new Date(miss.meeting.start));
    return { de: `Die Sitzung am ${formatDay(day)} ist abgesagt; ich habe nichts eingetragen.`, en: `The meeting on ${formatDay(day, "en")} has been cancelled; I have recorded nothing.` };
  }
  if (miss.code === "none-scheduled" && !manager) return NONE_SCHEDULED_MEMBER;
  if (miss.code === "unknown") {
    const next = miss.next && berlinDay(new Date(miss.next.start));
    return {
      de: `Diese Sitzung ist nicht (mehr) geplant; ich habe nichts eingetragen.${next ? ` Die nächste Sitzung ist am ${formatDay(next)}.` : ""}`,
      en: `This meeting is not (or no longer) planned; I have recorded nothing.${next ? ` The next meeting is on ${formatDay(next, "en")}.` : ""}`,
    };
  }
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

export const NONE_SCHEDULED_MEMBER: Texts = { de: "Es ist derzeit keine Sitzung angesetzt; sobald die Geschäftsstelle einen Termin festlegt, erhalten Sie eine Einladung.", en: "No meeting is scheduled at the moment; once the Geschäftsstelle sets a date, you will receive an invitation." };

export const NO_TITLE: Texts = { de: "Der Titel des Tagesordnungspunkts fehlt.", en: "The agenda item has no title." };

export function AGENDA_CLOSED(meetingId: string, meetingState: Meeting["state"], profile: Profile): Texts {
  const state = meetingStateText(meetingState, profile);
  return {
    de: `Die Sitzung ${meetingId} ist ${state.de}; ihre Tagesordnung kann nicht mehr ergänzt werden.`,
    en: `The meeting ${meetingId} is ${state.en}; its agenda can no longer be added to.`,
  };
}

export function AGENDA_NEEDS_UPDATE(citation: string | null): Texts {
  const cite = paren(citation);
  return {
    de: `Die Einladung ist schon verschickt; die geänderte Tagesordnung muss den Mitgliedern nachgereicht werden${cite} („/einladen aktualisieren“).`,
    en: `The invitation has already gone out; the changed agenda must be sent on to the members${cite} ("/einladen aktualisieren").`,
  };
}

/** `start`, `end`: ISO 8601. */
export function endBeforeStart(start: string, end: string): Texts {
  const s = instantTexts(start);
  const e = instantTexts(end);
  return { de: `Das Ende (${e.de}) muss nach dem Beginn (${s.de}) liegen.`, en: `The end (${e.en}) must be after the start (${s.en}).` };
}

export function noPlace(mode: "in-person" | "hybrid"): Texts {
  return mode === "hybrid"
    ? { de: "Für eine hybride Sitzung fehlt der Ort.", en: "A hybrid meeting needs a place." }
    : { de: "Für eine Sitzung in Präsenz fehlt der Ort.", en: "An in-person meeting needs a place." };
}

export function noOnlineUrl(mode: "online" | "hybrid"): Texts {
  return mode === "online"
    ? { de: "Für eine digitale Sitzung fehlt der Link zur Videokonferenz.", en: "An online meeting needs the link to the video conference." }
    : { de: "Für eine hybride Sitzung fehlt der Link zur Videokonferenz.", en: "A hybrid meeting needs the link to the video conference." };
}

export function invalidLink(url: string): Texts {
  return { de: `„${url}“ ist kein gültiger Link (http:// oder https://).`, en: `"${url}" is not a valid link (http:// or https://).` };
}

export function startInPast(start: string): Texts {
  const s = instantTexts(start);
  return { de: `Der Beginn (${s.de}) liegt in der Vergangenheit, daher habe ich nichts eingetragen; bitte nennen Sie einen Termin in der Zukunft.`, en: `The start (${s.en}) is in the past, so I have recorded nothing; please give a date in the future.` };
}

/** "2 Stunden" / "1.5 hours". */
function hoursText(hours: number, lang: keyof Texts): string {
  const n = hours.toLocaleString(lang === "de" ? "de-DE" : "en-GB");
  if (lang === "de") return `${n} ${hours === 1 ? "Stunde" : "Stunden"}`;
  return `${n} ${hours === 1 ? "hour" : "hours"}`;
}

/** Longer than the profile's maximum: who must decide that (`extendedBy` and `citation` from the profile). */
export function tooLong({ maxHours, extendedBy, citation }: { maxHours: number; extendedBy: Texts; citation: string }): Texts {
  return {
    de: `Die Sitzung dauert länger als ${hoursText(maxHours, "de")}; das muss ${extendedBy.de} festlegen (${citation}).`,
    en: `The meeting is longer than ${hoursText(maxHours, "en")}; ${extendedBy.en} must decide that (${citation}).`,
  };
}

const INSTANT_LABEL: Record<"start" | "end", Texts> = { start: { de: "Beginn", en: "start" }, end: { de: "Ende", en: "end" } };

export function invalidInstant(which: "start" | "end", text: string): Texts {
  const label = INSTANT_LABEL[which];
  return {
    de: `${label.de} „${text}“ ist kein gültiger Zeitpunkt.`,
    en: `The ${label.en} "${text}" is not a valid date and time.`,
  };
}

/** `known`: the meeting ids there are, joined. */
export function noSuchMeeting(id: string, known: string): Texts {
  return { de: `Eine Sitzung „${id}“ gibt es nicht${known ? ` (vorhanden: ${known})` : ""}.`, en: `There is no meeting "${id}"${known ? ` (known: ${known})` : ""}.` };
}

export const MEETING_CANCELLED: Texts = { de: "Diese Sitzung ist abgesagt.", en: "This meeting has been cancelled." };

/** A meeting's state in words; how the minutes became final comes from the profile. */
const STATE: Record<Meeting["state"], Texts> = {
  planned: { de: "geplant", en: "planned" },
  invited: { de: "eingeladen", en: "invited" },
  held: { de: "abgehalten", en: "held" },
  "minutes-approved": { de: "abgeschlossen", en: "closed" },
  cancelled: { de: "abgesagt", en: "cancelled" },
};

/** "abgeschlossen (Niederschrift genehmigt)", or "… bestätigt" where the next meeting confirms the minutes. */
export function meetingStateText(state: Meeting["state"], profile: Profile): Texts {
  if (state !== "minutes-approved") return STATE[state];
  const approved = approvalWords(profile).approved;
  return { de: `${STATE[state].de} (Niederschrift ${approved.de})`, en: `${STATE[state].en} (minutes ${approved.en})` };
}

/** How a meeting (or one attendee) takes part: "in Präsenz", "digital", "hybrid"; in chat, cards, mail and on the command line. */
export const MEETING_MODE: Record<MeetingMode, Texts> = {
  "in-person": { de: "in Präsenz", en: "in person" },
  online: { de: "digital", en: "online" },
  hybrid: { de: "hybrid", en: "hybrid" },
};

