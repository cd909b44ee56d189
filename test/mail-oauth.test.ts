/**
 * Mail through Microsoft 365: `invite` signs in to SMTP with XOAUTH2 and a token that msal-node got
 * from Entra by the client-credentials grant. The SMTP server is real (smtp-server on loopback,
 * XOAUTH2 only, as Exchange Online now demands); Entra is a stand-in built to its documented
 * protocol (test/support/token-endpoint.ts), the one part that is not the real thing. The CLI runs
 * as a child process, exactly as the Geschäftsstelle runs it, trusting the stand-in's loopback
 * certificate through NODE_EXTRA_CA_CERTS.
 */
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { MailSettingsError, mailSettingsFromEnv } from "../adapters/mail-settings.ts";
import { settingsFromEnv } from "../bot/settings.ts";
import { fixture, type Fixture } from "./support/invitation-fixture.ts";
import { parseMail } from "./support/mail-parse.ts";
import { listenOnLoopback } from "./support/smtp.ts";
import { runCli } from "./support/store-process.ts";
import { startTokenEndpoint, type TokenEndpoint } from "./support/token-endpoint.ts";

const MAILBOX = "geschaeftsstelle-kim@example.org";
const TENANT = "0e7c1a52-4c3f-4f0e-9a3b-6d1f2c8b7a90";
const CLIENT = "5d2f8c4e-1b7a-4e6d-8f3c-2a9b0c1d4e5f";
const SECRET = "Qx8~richtig.geheim";
const MEETING = { start: "2022-05-12T10:00", location: "Kreishaus Siegburg, Großer Sitzungssaal" };
const NOW = ["--now", "2022-04-20T09:30:00+02:00"];

interface OAuthSmtp {
  url: string;
  /** Every AUTH XOAUTH2 attempt: who, with which token, and whether it was let in. */
  logins: { user: string; token: string; ok: boolean }[];
  messages: { to: string[]; raw: Buffer }[];
  close(): Promise<void>;
}

/** Like Exchange Online: no sending without AUTH, and AUTH only by XOAUTH2 with a valid token for the mailbox. */
async function startOAuthSmtp(entra: TokenEndpoint): Promise<OAuthSmtp> {
  const logins: OAuthSmtp["logins"] = [];
  const messages: OAuthSmtp["messages"] = [];
  const server = new SMTPServer({
    authMethods: ["XOAUTH2"],
    allowInsecureAuth: true, // plain loopback, no test certificate for SMTP
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      const token = auth.accessToken ?? "";
      const ok = auth.method === "XOAUTH2" && auth.username === MAILBOX && entra.valid(token);
      logins.push({ user: auth.username ?? "", token, ok });
      if (ok) return callback(null, { user: auth.username });
      callback(null, { data: { status: "401", schemes: "bearer", scope: "https://outlook.office365.com/.default" } });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  const port = await listenOnLoopback(server);
  return { url: `smtp://127.0.0.1:${port}`, logins, messages, close: () => new Promise((r) => server.close(() => r())) };
}

let f: Fixture;
let entra: TokenEndpoint;
let smtp: OAuthSmtp;

async function setUp(expiresIn = 3599): Promise<string> {
  f = await fixture("2022-04-20T09:15:00+02:00");
  entra = await startTokenEndpoint({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, expiresIn });
  smtp = await startOAuthSmtp(entra);
  return f.meeting(MEETING);
}

afterEach(async () => {
  await smtp?.close();
  await entra?.close();
  await f?.close();
});

/** The environment of a Kreis on Microsoft 365, with the stand-in as authority. */
function m365Env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    SMTP_URL: smtp.url,
    SMTP_OAUTH_TENANT_ID: TENANT,
    SMTP_OAUTH_CLIENT_ID: CLIENT,
    SMTP_OAUTH_CLIENT_SECRET: SECRET,
    SMTP_OAUTH_USER: MAILBOX,
    SMTP_OAUTH_AUTHORITY: entra.authority,
    NODE_EXTRA_CA_CERTS: entra.caFile,
    ...overrides,
  };
}

const invite = (env: NodeJS.ProcessEnv, ...more: string[]) => runCli(["--db", f.file, ...NOW, "invite", ...more], env);

describe("invitations through Microsoft 365 (SMTP with XOAUTH2)", () => {
  it("`invite` signs in with a token from Entra and all 18 invitations arrive", { timeout: 60_000 }, async () => {
    await setUp();
    const run = await invite(m365Env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("18 von 18 versandt");

    expect(smtp.messages).toHaveLength(18);
    expect(new Set(smtp.messages.flatMap((m) => m.to)).size).toBe(18);
    const { email } = await parseMail(smtp.messages[0]!.raw);
    expect(email.subject).toBe("Einladung: Sitzung der Lenkungsgruppe KIM im Rhein-Sieg-Kreis am Donnerstag, 12.05.2022");
    expect(email.from?.address).toBe(MAILBOX);
    // Every sign-in was the mailbox with a token Entra issued; the pooled connections shared one token.
    expect(smtp.logins.length).toBeGreaterThan(0);
    expect(smtp.logins.every((l) => l.ok && l.user === MAILBOX)).toBe(true);
    expect(entra.requests).toHaveLength(1);
    expect(entra.requests[0]!.form).toMatchObject({
      grant_type: "client_credentials",
      client_id: CLIENT,
      client_secret: SECRET,
      scope: "https://outlook.office365.com/.default",
    });
    expect(new Set(smtp.logins.map((l) => l.token))).toEqual(new Set([entra.issued[0]!.accessToken]));
  });

  it("a token that expires within minutes is not used for the next sign-in: a new one is fetched", { timeout: 60_000 }, async () => {
    // 60 s lies inside msal's five-minute renewal window; one connection at a time, six mails each.
    await setUp(60);
    const run = await invite(m365Env({ SMTP_URL: `${smtp.url}?maxConnections=1&maxMessages=6` }));
    expect(run.code, run.stderr).toBe(0);
    expect(smtp.messages).toHaveLength(18);
    expect(smtp.logins.map((l) => l.ok)).toEqual([true, true, true]);
    expect(entra.requests).toHaveLength(3);
    expect(new Set(smtp.logins.map((l) => l.token)).size).toBe(3);
  });

  it("a long-lived token serves the next sign-ins from the cache", { timeout: 60_000 }, async () => {
    await setUp(3599);
    const run = await invite(m365Env({ SMTP_URL: `${smtp.url}?maxConnections=1&maxMessages=6` }));
    expect(run.code, run.stderr).toBe(0);
    expect(smtp.logins.map((l) => l.ok)).toEqual([true, true, true]);
    expect(entra.requests).toHaveLength(1);
  });

  it("a token the server refuses is renewed once, and the mail still goes out", { timeout: 60_000 }, async () => {
    await setUp();
    // Exchange refuses the first token Entra hands out (as after a revocation).
    const valid = entra.valid;
    entra.valid = (token) => valid(token) && token !== entra.issued[0]?.accessToken;
    const run = await invite(m365Env({ SMTP_URL: `${smtp.url}?maxConnections=1` }));
    expect(run.code, run.stderr).toBe(0);
    expect(smtp.messages).toHaveLength(18);
    expect(smtp.logins.map((l) => l.ok)).toEqual([false, true]);
    expect(entra.requests).toHaveLength(2);
  });

  it("a wrong client secret: nothing is sent, the Geschäftsstelle reads why, and `invite retry` sends all once fixed", { timeout: 90_000 }, async () => {
    const id = await setUp();
    const wrong = await invite(m365Env({ SMTP_OAUTH_CLIENT_SECRET: "abgelaufen" }));
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain(
      "nichts versandt – " +
        `${smtp.url} meldet: Microsoft 365 hat kein Zugriffstoken für den E-Mail-Versand ausgestellt (invalid_client: AADSTS7000215: Invalid client secret provided.): ` +
        "bitte Mandanten-ID, Client-ID und geheimen Clientschlüssel (SMTP_OAUTH_TENANT_ID, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_CLIENT_SECRET) und dessen Ablaufdatum in Entra prüfen; " +
        "die Nachricht bleibt im Postausgang und kann danach erneut gesendet werden. Keine Nachricht ist als versandt vermerkt (0 von 18).",
    );
    expect(wrong.stdout).not.toContain("abgelaufen"); // the secret itself is never shown
    expect(smtp.messages).toHaveLength(0);
    expect(entra.requests.every((r) => r.status === 401)).toBe(true);

    const [record] = (await f.store.read()).invitations;
    expect(record!.recipients.every((r) => r.acceptedAt === null && /kein Zugriffstoken/.test(r.error ?? ""))).toBe(true);

    const retry = await runCli(["--db", f.file, ...NOW, "--json", "invite", "retry", "--meeting", id], m365Env());
    expect(retry.code, retry.stderr).toBe(0);
    expect(JSON.parse(retry.stdout)).toMatchObject({ sentNow: 18, accepted: 18 });
    expect(smtp.messages).toHaveLength(18);
  });

  it("half a Microsoft 365 configuration is refused in one sentence before anything is sent", { timeout: 60_000 }, async () => {
    await setUp();
    const run = await invite(m365Env({ SMTP_OAUTH_CLIENT_SECRET: "" }));
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      "Fehler: Für den Versand über Microsoft 365 fehlt SMTP_OAUTH_CLIENT_SECRET: bitte alle vier setzen (SMTP_OAUTH_TENANT_ID, SMTP_OAUTH_CLIENT_ID, SMTP_OAUTH_CLIENT_SECRET, SMTP_OAUTH_USER) oder alle weglassen.",
    );
    expect(smtp.messages).toHaveLength(0);
    expect((await f.store.read()).invitations).toEqual([]);
  });
});

describe("the mail settings, read alike by the bot and the command line", () => {
  const m365 = {
    SMTP_URL: "smtp://smtp.office365.com:587",
    SMTP_OAUTH_TENANT_ID: TENANT,
    SMTP_OAUTH_CLIENT_ID: CLIENT,
    SMTP_OAUTH_CLIENT_SECRET: SECRET,
    SMTP_OAUTH_USER: MAILBOX,
  };

  it("SMTP_URL alone is plain SMTP; with the four SMTP_OAUTH_* it is Microsoft 365 for the bot too", () => {
    expect(mailSettingsFromEnv({ SMTP_URL: "smtp://kim:geheim@mail.kreis.example:587" })).toEqual({ smtpUrl: "smtp://kim:geheim@mail.kreis.example:587" });
    expect(mailSettingsFromEnv({})).toEqual({ smtpUrl: undefined });
    expect(settingsFromEnv(m365).mail).toEqual({
      smtpUrl: "smtp://smtp.office365.com:587",
      oauth: { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, user: MAILBOX, authority: undefined },
    });
  });

  it("refuses what cannot work, in one sentence each", () => {
    const refusal = (env: NodeJS.ProcessEnv) => {
      try {
        mailSettingsFromEnv(env);
      } catch (e) {
        expect(e).toBeInstanceOf(MailSettingsError);
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refusal({ ...m365, SMTP_URL: undefined })).toBe("Für den Versand über Microsoft 365 fehlt SMTP_URL: bitte z. B. SMTP_URL=smtp://smtp.office365.com:587 setzen.");
    expect(refusal({ ...m365, SMTP_URL: "smtp://kim:geheim@smtp.office365.com:587" })).toMatch(/^SMTP_URL enthält Benutzer oder Kennwort, obwohl SMTP_OAUTH_… gesetzt ist/);
    expect(refusal({ ...m365, SMTP_OAUTH_USER: "geschaeftsstelle" })).toMatch(/^Umgebungsvariable SMTP_OAUTH_USER ist ungültig/);
    expect(refusal({ ...m365, SMTP_OAUTH_AUTHORITY: "http://login.example" })).toMatch(/^Umgebungsvariable SMTP_OAUTH_AUTHORITY ist ungültig/);
    expect(() => settingsFromEnv({ ...m365, SMTP_OAUTH_TENANT_ID: "" })).toThrow(/fehlt SMTP_OAUTH_TENANT_ID/);
  });
});
