/**
 * A real SMTP server on loopback that can hold its answers: while held, every message is read in
 * full but its "250 OK" waits until `release()`. Two senders started together then really overlap
 * — the first cannot finish (and record what it sent) before the second has decided what to send —
 * without a single sleep in the test. Once released, the server answers at once, for good.
 *
 *   const smtp = await startHeldSmtp();
 *   smtp.onHold(() => { if (someCondition(smtp.held())) smtp.release(); });
 */
import { SMTPServer } from "smtp-server";
import { listenOnLoopback, type ReceivedMail } from "./smtp.ts";

export interface HeldSmtp {
  url: string;
  /** Messages in arrival order (pushed when fully read, before the client gets its answer). */
  messages: ReceivedMail[];
  /** RCPT TO of each message waiting for its answer. */
  held(): string[][];
  /** Called after each message that is being held. */
  onHold(listener: () => void): void;
  /** Answers every held message and every later one at once. */
  release(): void;
  close(): Promise<void>;
}

export async function startHeldSmtp(): Promise<HeldSmtp> {
  const messages: ReceivedMail[] = [];
  const waiting: { to: string[]; answer: () => void }[] = [];
  const listeners: (() => void)[] = [];
  let released = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to, raw: Buffer.concat(chunks) });
        if (released) return callback();
        waiting.push({ to, answer: () => callback() });
        for (const l of listeners) l();
      });
    },
  });
  const port = await listenOnLoopback(server);
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    held: () => waiting.map((w) => w.to),
    onHold: (listener) => void listeners.push(listener),
    release() {
      released = true;
      for (const w of waiting.splice(0)) w.answer();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
