/**
 * Wording of the bot's reach in a Teams tenant: the Geschäftsstelle told about unknown Teams users,
 * the comparison of roster and team, people Teams refuses; the invitation notice in a 1:1 chat; the
 * announcements in the team's General channel (public content only).
 */
import type { Texts } from "../domain/profile.ts";
import { instantTexts, meetingDay, paren } from "./bilingual.ts";
import { bodyGenitive, meetingTitle } from "./invitation-mail.ts";
import type { NoticeTexts } from "./outbox.ts";

/** A Teams account as the secretariat reads it: name and the address Teams gave. */
export interface AccountLine {
  name: string;
  email: string | null;
}

const account = (a: AccountLine) => (a.email ? `${a.name} (${a.email})` : a.name);
const listOr = (items: string[], none: string) => (items.length ? items.join(", ") : none);

/** Once per Teams user whose e-mail address is not on the roster. */
export function unknownTeamsUserNotice(who: AccountLine): NoticeTexts {
  return {
    subject: { de: "Unbekannte Person in Teams", en: "Unknown person in Teams" },
    text: {
      de: `${account(who)} hat dem Assistenten in Teams geschrieben, steht aber nicht im Mitgliederverzeichnis. Gehört die Person zur Gruppe, tragen Sie sie bitte mit dieser E-Mail-Adresse ein (Import der Mitgliederliste); dann erkennt der Assistent sie beim nächsten Mal.`,
      en: `${account(who)} wrote to the assistant in Teams but is not on the roster. If they belong to the group, please add them with this e-mail address (roster import); the assistant will then recognise them next time.`,
    },
  };
}

/** Once per Teams user whose address belongs to a roster person already bound to another Teams account. */
export function otherAccountNotice(who: AccountLine, person: string): NoticeTexts {
  return {
    subject: { de: "Zweites Teams-Konto", en: "Second Teams account" },
    text: {
      de: `${account(who)} hat dem Assistenten in Teams geschrieben. Die Adresse gehört ${person}, die schon mit einem anderen Teams-Konto verknüpft ist; der Assistent hat das neue Konto deshalb nicht übernommen. Soll es gelten, tragen Sie bitte seine Objekt-ID (aadObjectId) in die Mitgliederliste ein.`,
      en: `${account(who)} wrote to the assistant in Teams. The address belongs to ${person}, who is already linked to another Teams account, so the assistant did not take the new one. If it should count, please put its object id (aadObjectId) into the roster.`,
    },
  };
}

/** The one message after installation or `/abgleich`: who is where. */
export function teamComparisonNotice(r: { teamName: string | null; bound: number; notInTeam: string[]; notInRoster: AccountLine[] }): NoticeTexts {
  const team = r.teamName ? ` „${r.teamName}“` : "";
  const strangers = r.notInRoster.map(account);
  return {
    subject: { de: "Abgleich: Team und Mitgliederverzeichnis", en: "Comparison: team and roster" },
    text: {
      de: `Abgleich mit dem Team${team}: ${r.bound} Personen aus dem Verzeichnis sind im Team und über ihre E-Mail-Adresse verknüpft; der Assistent erreicht sie in Teams.\nIm Verzeichnis, aber nicht im Team: ${listOr(r.notInTeam, "niemand")}.\nIm Team, aber nicht im Verzeichnis: ${listOr(strangers, "niemand")}.`,
      en: `Comparison with the team${team}: ${r.bound} people on the roster are in the team and linked by their e-mail address; the assistant reaches them in Teams.\nOn the roster but not in the team: ${listOr(r.notInTeam, "nobody")}.\nIn the team but not on the roster: ${listOr(strangers, "nobody")}.`,
    },
  };
}

/** Installed in the team, but Teams did not hand out its member list. */
export function teamUnreadNotice(teamName: string | null): NoticeTexts {
  const team = teamName ? ` „${teamName}“` : "";
  return {
    subject: { de: "Abgleich: Team und Mitgliederverzeichnis", en: "Comparison: team and roster" },
    text: {
      de: `Der Assistent wurde dem Team${team} hinzugefügt, konnte dessen Mitgliederliste aber nicht lesen. Bitte schreiben Sie ihm später „/abgleich“; bis dahin erreicht er nur, wer ihm selbst geschrieben hat.`,
      en: `The assistant was added to the team${team} but could not read its member list. Please write "/abgleich" to it later; until then it reaches only those who wrote to it.`,
    },
  };
}

/** Teams refused a chat with this person: only the Geschäftsstelle learns why. */
export function unreachableNotice(name: string, reason: string): NoticeTexts {
  return {
    subject: { de: `In Teams nicht erreichbar: ${name}`, en: `Not reachable in Teams: ${name}` },
    text: {
      de: `${name} ist in Teams nicht erreichbar (Teams antwortete: ${reason}). Nachrichten an diese Person gehen per E-Mail. Meist ist die App für sie im Mandanten nicht freigegeben (App-Richtlinie im Teams Admin Center); danach bitte „/abgleich“.`,
      en: `${name} is not reachable in Teams (Teams answered: ${reason}). Messages to them go by e-mail. Usually the app is not available to them in the tenant (app policy in the Teams admin center); afterwards please run "/abgleich".`,
    },
  };
}

export const SYNC_STARTED: Texts = { de: "Ich gleiche Team und Mitgliederverzeichnis ab; das Ergebnis kommt gleich als Nachricht.", en: "Comparing the team with the roster; the result follows as a message." };

export const SYNC_NO_TEAM: Texts = { de: "Ich bin noch in keinem Team installiert. Fügen Sie die App dem Team der Gruppe hinzu; der Abgleich läuft dann von selbst.", en: "I am not installed in a team yet. Add the app to the group's team; the comparison then runs by itself." };

export const SYNC_ONLY_IN_TEAMS: Texts = { de: "Den Abgleich mit dem Team kann ich nur in Teams ausführen; schreiben Sie mir dort „/abgleich“.", en: "I can compare with the team only in Teams; write \"/abgleich\" to me there." };

export const SYNC_FAILED: Texts = { de: "Teams hat die Mitgliederliste des Teams gerade nicht herausgegeben; bitte versuchen Sie „/abgleich“ später noch einmal.", en: "Teams did not hand out the team's member list just now; please try \"/abgleich\" again later." };

/** What a meeting announcement and notice show of a meeting: the body (its name and kind word the title) and the meeting. */
export interface MeetingFacts {
  bodyName: string;
  bodyKind: string;
  start: string;
  location: string;
  onlineUrl: string | null;
}

/** The facts with the meeting's title ("Sitzung der Lenkungsgruppe …"), as the invitation mail names it. */
type Titled = MeetingFacts & { title: string };
const titled = (m: MeetingFacts): Titled => ({ ...m, title: meetingTitle(bodyGenitive(m.bodyName, m.bodyKind)) });

function when(m: MeetingFacts): Texts {
  const at = instantTexts(m.start);
  const place = m.location || (m.onlineUrl ? "online" : "");
  return { de: `${at.de}${place ? `, ${place}` : ""}`, en: `${at.en}${place ? `, ${place}` : ""}` };
}

/**
 * A notice about one meeting: the subject "<word>: <title>"; the text worded from the titled facts,
 * when and where the meeting is, and what else the notice takes (`rest`).
 */
function aboutMeeting<A extends unknown[]>(subject: Texts, text: (m: Titled, at: Texts, ...rest: A) => Texts) {
  return (facts: MeetingFacts, ...rest: A): NoticeTexts => {
    const m = titled(facts);
    return { subject: { de: `${subject.de}: ${m.title}`, en: `${subject.en}: ${m.title}` }, text: text(m, when(m), ...rest) };
  };
}

/** The invitation in the member's 1:1 chat: the e-mail carries the calendar invitation. */
export const invitationTeamsNotice = aboutMeeting({ de: "Einladung", en: "Invitation" }, (m, at) => ({
  de: `Sie sind eingeladen: ${m.title} am ${at.de}. Die Einladung mit Tagesordnung und Kalendereintrag kam per E-Mail. Antworten Sie mir hier, z. B. „Ich nehme teil“, „Ich nehme teil (digital)“ oder „Ich kann nicht teilnehmen, bitte an meine Vertretung“.`,
  en: `You are invited: ${m.title} on ${at.en}. The invitation with the agenda and calendar entry came by e-mail. Answer me here, e.g. "I'll attend", "I'll attend online" or "I can't attend, send my deputy".`,
}));

type Item = { number: number; title: string };
const items = (agenda: Item[]) => agenda.map((a) => `${a.number}. ${a.title}`).join("; ");

/**
 * The channel post when the invitation went out: only the public agenda items; the others are
 * named in the members' invitation alone (`nonPublicCitation`: where the profile rules that).
 */
export const invitationAnnouncement = aboutMeeting({ de: "Einladung versandt", en: "Invitation sent" }, (m, at, publicItems: Item[], nonPublicCitation: string | null) => {
  const closed = nonPublicCitation !== null;
  return {
    de: `Die Einladung zur ${m.title} am ${at.de} ist an die Mitglieder versandt.${publicItems.length ? ` Öffentliche Tagesordnung: ${items(publicItems)}.` : ""}${closed ? ` Nicht-öffentliche Punkte stehen nur in der Einladung an die Mitglieder${paren(nonPublicCitation)}.` : ""}`,
    en: `The invitation to the ${m.title} on ${at.en} has been sent to the members.${publicItems.length ? ` Public agenda: ${items(publicItems)}.` : ""}${closed ? ` Non-public items are only in the members' invitation${paren(nonPublicCitation)}.` : ""}`,
  };
});

/** The channel post after the meeting changed (the members have the updated invitation). */
export const changedAnnouncement = aboutMeeting({ de: "Geändert", en: "Changed" }, (m, at) => ({
  de: `Die ${m.title} wurde geändert: jetzt am ${at.de}. Die Mitglieder haben die geänderte Einladung per E-Mail.`,
  en: `The ${m.title} has changed: now on ${at.en}. The members have the updated invitation by e-mail.`,
}));

/** The channel post after the meeting was cancelled. */
export const cancelledAnnouncement = aboutMeeting({ de: "Abgesagt", en: "Cancelled" }, (m, at) => ({
  de: `Die ${m.title} am ${at.de} fällt aus. Die Mitglieder haben die Absage per E-Mail.`,
  en: `The ${m.title} on ${at.en} is cancelled. The members have the cancellation by e-mail.`,
}));

type Publicity = { public: true; citation: string; items: Item[]; contact: string } | { public: false; note: Texts | null };

/**
 * The channel post when the minutes went out. `publicity`: where the profile makes the minutes
 * public, the public items and the citation; otherwise the profile's note why they are not.
 */
export const minutesAnnouncement = aboutMeeting({ de: "Niederschrift", en: "Minutes" }, (m, _at, publicity: Publicity) => {
  const day = meetingDay(m.start);
  const tail: Texts = publicity.public
    ? {
        de: ` Die öffentliche Fassung${paren(publicity.citation)}${publicity.items.length ? ` (Tagesordnungspunkte ${items(publicity.items)})` : ""} erhalten Sie bei der Geschäftsstelle (${publicity.contact}).`,
        en: ` The public version${paren(publicity.citation)}${publicity.items.length ? ` (agenda items ${items(publicity.items)})` : ""} is available from the Geschäftsstelle (${publicity.contact}).`,
      }
    : { de: publicity.note ? ` ${publicity.note.de}` : "", en: publicity.note ? ` ${publicity.note.en}` : "" };
  return {
    de: `Die Niederschrift der ${m.title} vom ${day.de} ist an die Mitglieder versandt.${tail.de}`,
    en: `The minutes of the ${m.title} of ${day.en} have been sent to the members.${tail.en}`,
  };
});

/** The command line could not reach Teams: what it recorded for Teams waits for the running bot. */
export function teamsMessagesWaitForBot(n: number): Texts {
  return {
    de: `${n === 1 ? "Eine Nachricht" : `${n} Nachrichten`} für Teams (Kanal „Allgemein“, 1:1-Chats) ${n === 1 ? "wartet" : "warten"} auf den Bot, der sie bei seinem nächsten Lauf (alle 5 Minuten) sendet; die Kommandozeile erreicht Teams nur mit BOT_ID und BOT_PASSWORD.`,
    en: `${n === 1 ? "One message" : `${n} messages`} for Teams (General channel, 1:1 chats) ${n === 1 ? "waits" : "wait"} for the bot, which sends them on its next round (every 5 minutes); the command line reaches Teams only with BOT_ID and BOT_PASSWORD.`,
  };
}
