/** Why an invitation may not go out yet: missing contents, the notice period (services/invitation-check.ts). */
import { invitationPermissionText } from "./timing.ts";
import type { Texts } from "../domain/profile.ts";
import type { MissingContents } from "../services/invitation-core.ts";
import type { InvitationCheck } from "../services/invitation-check.ts";

const MISSING: Record<MissingContents["missing"][number], Texts> = {
  place: { de: "der Ort", en: "the place" },
  "online-link": { de: "der Link zur Videokonferenz", en: "the video conference link" },
  date: { de: "der Termin", en: "the date" },
  agenda: { de: "die Tagesordnung (mindestens ein TOP)", en: "the agenda (at least one item)" },
};
const REQUIRED: Record<MissingContents["required"][number], Texts> = {
  place: { de: "Ort", en: "place" },
  date: { de: "Termin", en: "date" },
  agenda: { de: "Tagesordnung", en: "agenda" },
};

export function missingContentsText({ required, missing, citation }: MissingContents): Texts {
  const list = (texts: Texts[], lang: keyof Texts) => andList(texts.map((x) => x[lang]), lang === "de" ? "und" : "and");
  const [gaps, named] = [missing.map((m) => MISSING[m]), required.map((r) => REQUIRED[r])];
  return {
    de: `Die Einladung kann so nicht versandt werden: Es ${gaps.length > 1 ? "fehlen" : "fehlt"} ${list(gaps, "de")}. Aus der Einladung müssen ${list(named, "de")} hervorgehen (${citation}).`,
    en: `The invitation cannot be sent yet: ${list(gaps, "en")} ${gaps.length > 1 ? "are" : "is"} missing. It must state the ${list(named, "en")} (${citation}).`,
  };
}

/** The refusal of "/einladen", said before anything is sent. */
export function invitationRefusalText(check: Extract<InvitationCheck, { allowed: false }>): Texts {
  return check.code === "missing-contents" ? missingContentsText(check.missing) : invitationPermissionText(check.permission);
}

/** "Ort, Termin und Tagesordnung" */
function andList(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}
