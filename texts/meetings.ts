/** What the bot says when a message is about no meeting (services/meeting-lookup.ts). */
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
