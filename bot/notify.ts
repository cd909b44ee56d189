/**
 * Delivers notices to other people: a Teams message where the bot can reach them (a stored
 * conversation reference), otherwise an e-mail — and says which, so the sender can be told.
 */
import type { Mailer } from "../adapters/mail-transport.ts";
import type { Db } from "../domain/model.ts";
import type { Store } from "../adapters/store.ts";
import type { Notice } from "../services/context.ts";
import { lastLang } from "./flow-state.ts";

/** Sends a text to a stored Teams conversation; throws when Teams cannot deliver. */
export type TeamsSender = (reference: unknown, text: string) => Promise<void>;

export interface Delivery {
  personId: string;
  name: string;
  /** "outbox": written as an .eml file because no SMTP server is configured — not sent. */
  via: "teams" | "email" | "outbox" | "failed";
  error?: string;
}

const refKey = (personId: string) => `ref:${personId}`;

export function conversationRef(db: Db, personId: string): unknown {
  return db.botState[refKey(personId)] ?? null;
}

/**
 * Remembers where a person can be reached in Teams, only when that changed: the reference carries
 * the id of the message just received, which says nothing about where to reach them, and would make
 * every turn rewrite the data file.
 */
export async function rememberConversation(store: Store, db: Db, personId: string, reference: Record<string, unknown>): Promise<void> {
  const { activityId: _messageId, ...where } = reference;
  if (JSON.stringify(db.botState[refKey(personId)] ?? null) === JSON.stringify(where)) return;
  await store.update({ actorId: personId }, (d) => {
    d.botState[refKey(personId)] = where;
  });
}

export async function deliver(deps: { store: Store; mailer: Mailer; teams: TeamsSender | null }, notices: Notice[]): Promise<Delivery[]> {
  if (notices.length === 0) return [];
  const db = await deps.store.read();
  return Promise.all(notices.map((n) => deliverOne(deps, db, n)));
}

async function deliverOne(deps: { mailer: Mailer; teams: TeamsSender | null }, db: Db, notice: Notice): Promise<Delivery> {
  const person = db.persons.find((p) => p.id === notice.personId);
  if (!person) return { personId: notice.personId, name: notice.personId, via: "failed", error: "unbekannte Person" };
  const lang = lastLang(db, person.id);
  const ref = conversationRef(db, person.id);
  if (ref && deps.teams) {
    try {
      await deps.teams(ref, notice.text[lang]);
      return { personId: person.id, name: person.name, via: "teams" };
    } catch {
      // not reachable in Teams (bot removed, conversation gone): fall back to e-mail below
    }
  }
  const sent = await deps.mailer.send({
    from: db.body.secretariatEmail,
    to: `"${person.name}" <${person.email}>`,
    subject: `${db.body.name}: ${notice.subject[lang]}`,
    text: `${notice.text[lang]}\n\n— ${lang === "de" ? "Assistent der Geschäftsstelle" : "Geschäftsstelle assistant"}, ${db.body.name}`,
  });
  return sent.accepted
    ? { personId: person.id, name: person.name, via: deps.mailer.kind === "outbox" ? "outbox" : "email" }
    : { personId: person.id, name: person.name, via: "failed", error: sent.error };
}

/** What the sender should know about deliveries that did not reach Teams. */
export function deliverySummary(deliveries: Delivery[], lang: "de" | "en"): string | null {
  const byMail = deliveries.filter((d) => d.via === "email").map((d) => d.name);
  const failed = deliveries.filter((d) => d.via === "failed");
  const outbox = deliveries.filter((d) => d.via === "outbox").map((d) => d.name);
  const parts: string[] = [];
  if (outbox.length) parts.push(lang === "de" ? `In Teams nicht erreichbar; die E-Mail an ${outbox.join(", ")} liegt im Postausgang und wurde NICHT versandt (kein SMTP_URL eingerichtet).` : `Not reachable in Teams; the e-mail to ${outbox.join(", ")} is in the outbox and was NOT sent (no SMTP_URL configured).`);
  if (byMail.length) parts.push(lang === "de" ? `Per E-Mail benachrichtigt (in Teams nicht erreichbar): ${byMail.join(", ")}.` : `Notified by e-mail (not reachable in Teams): ${byMail.join(", ")}.`);
  if (failed.length) parts.push(lang === "de" ? `Nicht zustellbar: ${failed.map((f) => `${f.name} (${f.error})`).join(", ")}; bitte informieren Sie die Geschäftsstelle.` : `Could not deliver: ${failed.map((f) => `${f.name} (${f.error})`).join(", ")}; please tell the Geschäftsstelle.`);
  return parts.length ? parts.join(" ") : null;
}
