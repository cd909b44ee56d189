/**
 * A real SMTP server on loopback for tests: listens on a free port, accepts any sender, and keeps
 * every delivered message raw, as a mail client would receive it.
 *
 *   const smtp = await startSmtp({ failFor: (rcpt) => rcpt.startsWith("gone@") });
 *   const mailer = smtpMailer(smtp.url);   … send …
 *   await mailer.close(); await smtp.close();
 */
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** MAIL FROM */
  from: string;
  /** RCPT TO addresses the server accepted */
  to: string[];
  /** The message as transmitted (headers and body, CRLF). */
  raw: Buffer;
}

export interface SmtpOptions {
  /** Recipients to refuse at RCPT TO with "550 5.1.1 … unknown"; the rest are accepted. */
  failFor?: (rcpt: string) => boolean;
  /** false: read and drop every message (the benchmark's thousands would otherwise pile up). */
  keep?: boolean;
}

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>` — pass as SMTP_URL. */
  url: string;
  port: number;
  /** Delivered messages, in arrival order (filled before the client gets its "250"). */
  messages: ReceivedMail[];
  /** Recipients refused at RCPT TO, in order. */
  refused: string[];
  /** The server itself, for what a test checks beyond the mail (the connections left open). */
  server: SMTPServer;
  close(): Promise<void>;
}

export async function startSmtp(options: SmtpOptions = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"], // plain loopback; no test certificates needed
    logger: false,
    closeTimeout: 500,
    onRcptTo(address, _session, callback) {
      if (options.failFor?.(address.address)) {
        refused.push(address.address);
        const err = Object.assign(new Error(`5.1.1 <${address.address}>: Empfänger unbekannt`), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        if (options.keep === false) return callback();
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  const port = await listenOnLoopback(server);
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    refused,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Starts the server on a free loopback port and answers with the port. */
export function listenOnLoopback(server: SMTPServer): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.server.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("SMTP test server has no port"));
    });
  });
}
