/**
 * The fan-out's loopback SMTP server, accepting everything, in a process of its own. It uses the
 * tests' smtp-server (a development dependency), so it runs from source with tsx, not from dist/.
 * Same protocol as child.ts: `{ ready, url }` over IPC; exits when the parent goes away.
 */
import { startSmtp } from "../test/support/smtp.ts";

process.on("disconnect", () => process.exit(0));
startSmtp({ keep: false }).then(
  (smtp) => process.send?.({ ready: true, url: smtp.url }),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
