/** The one-sentence refusals of services/permissions.ts: who may do it instead. */
import type { Texts } from "../domain/profile.ts";

export const MANAGE_MEETINGS: Texts = { de: "Sitzungen und Tagesordnung legen die Geschäftsstelle und der Vorsitz fest.", en: "Meetings and the agenda are set by the Geschäftsstelle and the chair." };
export const DECIDE_AGENDA: Texts = { de: "Über die Tagesordnung entscheiden Vorsitz und Geschäftsstelle.", en: "The chair and the Geschäftsstelle decide the agenda." };
export const RECORD_ATTENDANCE: Texts = { de: "Anwesenheiten trägt der Vorsitz oder die Geschäftsstelle ein.", en: "Only the chair or the Geschäftsstelle records attendance." };
export const CHAIR_SESSION: Texts = { de: "Das kann nur der Vorsitz (oder in seinem Auftrag die Geschäftsstelle).", en: "Only the chair (or the Geschäftsstelle on the chair's behalf) can do that." };
export const PROPOSE_ITEMS: Texts = { de: "Themen zur Tagesordnung melden Mitglieder der Lenkungsgruppe an.", en: "Agenda items are proposed by members of the group." };
