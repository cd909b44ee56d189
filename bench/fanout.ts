/**
 * The invitation fan-out: `sendInvitation` to 40 recipients through a loopback SMTP server until
 * the server has accepted every message (the figure, as the issue defines it), and until the
 * command has also recorded the answers and returns; against nodemailer alone sending the same
 * 40 messages over the same pooled transport to the same server.
 */
import { performance } from "node:perf_hooks";
import { openJsonStore } from "../adapters/json-store.ts";
import { loadProfiles } from "../adapters/profiles.ts";
import { smtpMailer, type MailMessage, type Mailer } from "../adapters/mail-transport.ts";
import type { Store } from "../adapters/store.ts";
import { sendInvitation } from "../services/invitations.ts";
import { clock, invitableMeeting } from "./data.ts";
import { render } from "../texts/catalog.ts";

/** Where one run of `sendInvitation` spends its time (ms). */
export interface Phases {
  /** First store update: create the record and claim the recipients, under the lock. */
  prepare: number;
  /** First mail handed to the transport → last one accepted. */
  sending: number;
  /** Second store update: record each server's answer. */
  record: number;
}

export interface FanoutSamples {
  recipients: number;
  /** `sendInvitation` called → the server accepted the last of its mails. */
  accepted: number[];
  /** `sendInvitation` called → it returns, the answers recorded (the Geschäftsstelle's reply). */
  recorded: number[];
  floor: number[];
  phases: Phases[];
}

export async function measureFanout(file: string, smtpUrl: string, runs: number, warmup: number): Promise<FanoutSamples> {
  const transport = smtpMailer(smtpUrl); // one pooled transport for both, warm like a running server's
  let captured: MailMessage[] | null = null;
  let updates: number[] = [];
  let sends: number[] = [];
  const span = async <T>(into: number[], work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      into.push(start, performance.now());
    }
  };
  // The services as the bot has them, with the store and the mailer timed (and the mails kept once).
  const store = openJsonStore(file, { clock });
  const timedStore: Store = { ...store, update: (options, change) => span(updates, () => store.update(options, change)) };
  const mailer: Mailer = {
    ...transport,
    send: (message) => {
      captured?.push(structuredClone(message));
      return span(sends, () => transport.send(message));
    },
  };
  const services = { store: timedStore, clock, mailer, profiles: loadProfiles(), render };
  let n = 0;

  async function subject(): Promise<{ accepted: number; recorded: number; phases: Phases }> {
    const meeting = invitableMeeting(++n);
    await store.update({ actorId: "bench" }, (db) => {
      db.meetings = [meeting];
      db.invitations = [];
    });
    updates = [];
    sends = [];
    const start = performance.now();
    const report = await sendInvitation(services, "gs-1", meeting.id, { urgent: false, reason: null });
    const recorded = performance.now() - start;
    if (report.accepted !== report.total || report.failed.length) throw new Error(`fan-out: ${report.accepted}/${report.total} accepted`);
    const [u0 = 0, u1 = 0, u2 = 0, u3 = 0] = updates;
    const lastAccepted = Math.max(...sends);
    return { accepted: lastAccepted - start, recorded, phases: { prepare: u1 - u0, sending: lastAccepted - Math.min(...sends), record: u3 - u2 } };
  }

  async function floor(messages: MailMessage[]): Promise<number> {
    const copies = messages.map((m) => structuredClone(m)); // nodemailer may touch what it is given
    const start = performance.now();
    const results = await Promise.all(copies.map((m) => transport.send(m)));
    const ms = performance.now() - start;
    if (results.some((r) => !r.accepted)) throw new Error("floor fan-out: a message was refused");
    return ms;
  }

  /** Subject and floor in turns, which one goes first alternating; warm-up runs are dropped. */
  async function compare(messages: MailMessage[]): Promise<FanoutSamples> {
    const samples: FanoutSamples = { recipients: messages.length, accepted: [], recorded: [], floor: [], phases: [] };
    for (let i = 0; i < warmup + runs; i++) {
      let s: Awaited<ReturnType<typeof subject>>, f: number;
      if (i % 2) {
        f = await floor(messages);
        s = await subject();
      } else {
        s = await subject();
        f = await floor(messages);
      }
      if (i < warmup) continue;
      samples.accepted.push(s.accepted);
      samples.recorded.push(s.recorded);
      samples.phases.push(s.phases);
      samples.floor.push(f);
    }
    return samples;
  }

  try {
    captured = [];
    await subject(); // also captures the 40 mails the floor sends
    const messages: MailMessage[] = captured;
    captured = null;
    return await compare(messages);
  } finally {
    await transport.close();
  }
}
