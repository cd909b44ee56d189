/**
 * Sending an invitation record's mails so that nobody gets one twice, whatever fails or runs at once:
 *
 *   1. under the store lock: claim every recipient not yet accepted and take what their mails say
 *      from that one snapshot;
 *   2. outside the lock: compose and send, all handed to the pooled transport at once;
 *   3. under the lock again: record per recipient when the server accepted the message, or why not.
 *
 * A claim is what keeps two calls running at the same moment (bot and command line) from sending
 * to the same person: the second call sees the claim and leaves that recipient alone. The claim and
 * record steps are the outbox's own (services/outbox.ts), shared by every message the bot sends.
 */
import type { MailMessage, Mailer, SendResult } from "../adapters/mail-transport.ts";
import type { Db, Invitation, Recipient } from "../domain/model.ts";
import type { Audit } from "../adapters/store.ts";
import type { ReportWarning } from "../texts/invitation-report.ts";
import { toBerlinIso } from "../rules/time.ts";
import { claim, deliveryStatus, recordResult, refusal } from "./outbox.ts";
import { renderOf, type Services } from "./context.ts";
import type { Render } from "../texts/catalog.ts";
import { say } from "./say.ts";

/** One mail to send: its contents were taken under the lock from one snapshot; composed when sent. */
export interface Outgoing {
  personId: string;
  compose: () => MailMessage;
}

/** What step 1 hands to steps 2 and 3. */
export interface Batch {
  invitationId: string;
  meetingId: string;
  outgoing: Outgoing[];
  /** Accepted before this call, so not sent again. */
  alreadyAccepted: number;
  /** Claimed by another call that is sending right now. */
  inProgress: number;
  /** Whether the normal notice was asked for but an urgent one was not needed, a late resend, … */
  warnings: ReportWarning[];
}

/**
 * Step 1: claims the recipients that are open (optionally only `only`) and takes each one's mail
 * from the snapshot (`draft`). Must run inside `store.update`, so the claims are written before
 * anything is sent.
 */
export function claimRecipients(
  invitation: Invitation,
  now: Date,
  draft: (r: Recipient) => () => MailMessage,
  audit: Audit,
  only?: ReadonlySet<string>,
): Omit<Batch, "warnings"> {
  let alreadyAccepted = 0;
  let inProgress = 0;
  const outgoing: Outgoing[] = [];
  for (const r of invitation.recipients) {
    if (only && !only.has(r.personId)) continue;
    const state = deliveryStatus(r, now);
    if (state === "accepted") alreadyAccepted++;
    else if (state === "sending") inProgress++;
    else {
      outgoing.push({ personId: r.personId, compose: draft(r) });
      claim(r, now);
    }
  }
  if (outgoing.length > 0) {
    audit("invitation.claimed", { invitationId: invitation.id, meetingId: invitation.meetingId, recipients: outgoing.map((o) => o.personId) });
  }
  return { invitationId: invitation.id, meetingId: invitation.meetingId, outgoing, alreadyAccepted, inProgress };
}

/** The mail server's answer for one recipient, and when it came: the proof of sending; a refusal always with its reason. */
export type Delivery = Answer & { personId: string; at: Date };
type Answer = Omit<SendResult, "accepted" | "error"> & ({ accepted: true; error?: undefined } | { accepted: false; error: string });

/**
 * Step 2: composes every mail and hands them all to the pooled transport at once, which sends
 * them over its connections in turn. A mail that cannot be composed counts as not sent, with the
 * reason, so that step 3 releases its claim and a retry tries it again. The reasons are worded by
 * the face's renderer (`Services.render`), as they are stored.
 */
export function sendAll(services: Pick<Services, "mailer" | "clock" | "render">, outgoing: Outgoing[]): Promise<Delivery[]> {
  const render = renderOf(services);
  // composeAndSend never throws: it answers with an error instead.
  return Promise.all(outgoing.map(async (item) => ({ personId: item.personId, ...(await composeAndSend(services.mailer, item, render)), at: services.clock() })));
}

async function composeAndSend(mailer: Mailer, item: Outgoing, render: Render): Promise<Answer> {
  let message: MailMessage;
  try {
    message = item.compose();
  } catch (e) {
    return { accepted: false, messageId: null, error: render(say("stored.notComposed", (e as Error).message)).de };
  }
  const sent = await mailer.send(message);
  return sent.accepted ? { ...sent, accepted: true, error: undefined } : { ...sent, accepted: false, error: refusal(render, sent.error) };
}

/**
 * Step 3: writes each answer to its recipient; never overwrites an acceptance. The record is
 * complete (`sentAt`) once every recipient is accepted; the meeting counts as invited from the
 * first acceptance, since the proof of notice is each recipient's own `acceptedAt`.
 */
export function recordDeliveries(db: Db, invitationId: string, deliveries: Delivery[], transport: Mailer["kind"], audit: Audit): Invitation {
  const invitation = db.invitations.find((i) => i.id === invitationId);
  if (!invitation) throw new Error(`invitation ${invitationId} vanished while sending`);
  for (const d of deliveries) {
    const r = invitation.recipients.find((x) => x.personId === d.personId);
    if (r) recordResult(r, { ...d, filed: transport === "outbox" });
  }
  const last = deliveries.filter((d) => d.accepted).map((d) => d.at.getTime());
  if (!invitation.sentAt && invitation.recipients.every((r) => r.acceptedAt) && last.length > 0) {
    invitation.sentAt = toBerlinIso(new Date(Math.max(...last)));
  }
  const meeting = db.meetings.find((m) => m.id === invitation.meetingId);
  if (meeting?.state === "planned" && invitation.kind !== "cancel" && invitation.recipients.some((r) => r.acceptedAt)) meeting.state = "invited";
  audit("invitation.delivered", {
    invitationId,
    meetingId: invitation.meetingId,
    kind: invitation.kind,
    sequence: invitation.sequence,
    // "outbox": the files were written, nobody has received anything yet.
    transport,
    accepted: deliveries.filter((d) => d.accepted).map((d) => ({ personId: d.personId, at: toBerlinIso(d.at), messageId: d.messageId })),
    failed: deliveries.filter((d) => !d.accepted).map((d) => ({ personId: d.personId, error: d.error })),
    complete: invitation.sentAt !== null,
  });
  return structuredClone(invitation);
}
