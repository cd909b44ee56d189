/** The bot's environment, parsed once with zod (README "Umgebungsvariablen"). */
import { z } from "zod";
import { mailSettingsFromEnv, type MailSettings } from "../adapters/mail-settings.ts";
import { BOT_CREDENTIALS_TOGETHER, invalidSetting } from "../texts/cli.ts";

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  LG_DB: z.string().min(1).default("data/db.json"),
  BOT_ID: z.string().uuid().optional(),
  BOT_PASSWORD: z.string().min(1).optional(),
  BOT_TENANT_ID: z.string().min(1).optional(),
  PLAYGROUND: z.enum(["0", "1"]).default("1"),
  PLAYGROUND_USER: z.string().min(1).default("gs-1"),
  /** The address to listen on; local mode trusts whoever writes, so only this machine by default. */
  HOST: z.string().min(1).optional(),
});

export interface Settings {
  port: number;
  db: string;
  /** SMTP_URL and SMTP_OAUTH_* (adapters/mail-settings.ts, shared with the command line). */
  mail: MailSettings;
  credentials: { MicrosoftAppId: string; MicrosoftAppPassword: string; MicrosoftAppTenantId?: string; MicrosoftAppType: string } | null;
  playground: boolean;
  playgroundUser: string;
  /** 127.0.0.1 in local mode unless HOST says otherwise; every interface with credentials (tokens are checked). */
  host: string;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): Settings {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(invalidSetting(issue.path.join("."), issue.message).de);
  }
  const e = parsed.data;
  if (Boolean(e.BOT_ID) !== Boolean(e.BOT_PASSWORD)) throw new Error(BOT_CREDENTIALS_TOGETHER.de);
  return {
    port: e.PORT,
    db: e.LG_DB,
    mail: mailSettingsFromEnv(env),
    credentials: e.BOT_ID && e.BOT_PASSWORD
      ? { MicrosoftAppId: e.BOT_ID, MicrosoftAppPassword: e.BOT_PASSWORD, MicrosoftAppTenantId: e.BOT_TENANT_ID, MicrosoftAppType: e.BOT_TENANT_ID ? "SingleTenant" : "MultiTenant" }
      : null,
    playground: e.PLAYGROUND === "1",
    playgroundUser: e.PLAYGROUND_USER,
    host: e.HOST ?? (e.BOT_ID ? "0.0.0.0" : "127.0.0.1"),
  };
}
