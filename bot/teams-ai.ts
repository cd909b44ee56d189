/**
 * The two parts of @microsoft/teams-ai this bot uses, imported from their own modules: the
 * package's index also loads its AI planners, tokenizer and OpenAI client (about 15 MB of memory
 * the bot never uses). Everything in bot/ imports teams-ai from here.
 */
import { TeamsAdapter as TeamsAiAdapter } from "@microsoft/teams-ai/lib/TeamsAdapter.js";
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions, TurnContext } from "botbuilder";
import { AuthenticationConstants, type AuthenticateRequestResult } from "botframework-connector";

export { Application } from "@microsoft/teams-ai/lib/Application.js";

/**
 * What a connector call may take before it is given up: a turn whose reply times out still tries
 * its apology, and both together stay within the 15 s Teams waits for the answer.
 */
export const CONNECTOR_TIMEOUT_MS = 5_000;

export interface AdapterOptions {
  /** Replaces Microsoft's OpenID metadata (channel and emulator) — for tests on loopback only. */
  openIdMetadataUrl?: string;
  connectorTimeoutMs?: number;
}

type Logic = (context: TurnContext) => Promise<void>;

/**
 * teams-ai's adapter with the token check apart from the turn (bot/server.ts answers every failed
 * check with 401, whatever botbuilder threw) and a timeout on every connector call.
 */
export class TeamsAdapter extends TeamsAiAdapter {
  private readonly timeoutMs: number;

  constructor(credentials: ConfigurationBotFrameworkAuthenticationOptions = {}, options: AdapterOptions = {}) {
    super(options.openIdMetadataUrl ? { ...credentials, ...standInAuthority(options.openIdMetadataUrl) } : credentials);
    const ms = (this.timeoutMs = options.connectorTimeoutMs ?? CONNECTOR_TIMEOUT_MS);
    // Proactive messages (continueConversationAsync) make their connector here.
    const auth = this.botFrameworkAuthentication;
    const create = auth.createConnectorFactory.bind(auth);
    auth.createConnectorFactory = (claims) => withConnectorTimeout(create(claims), ms);
  }

  /** Validates the request's token for this activity (throws on any failure); replies use the connector it makes. */
  async authenticate(activity: object, authHeader: string): Promise<AuthenticateRequestResult> {
    const auth = await this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
    return auth.connectorFactory ? { ...auth, connectorFactory: withConnectorTimeout(auth.connectorFactory, this.timeoutMs) } : auth;
  }

  /** Runs the turn of an activity whose token `authenticate` accepted. */
  runAuthenticated(auth: AuthenticateRequestResult, activity: object, logic: Logic) {
    return this.processActivity(auth, activity as Activity, logic);
  }
}

/** Microsoft's public-cloud settings with another metadata document (botbuilder then takes all of them as given). */
function standInAuthority(metadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    CallerId: "urn:botframework:azure",
    ValidateAuthority: true,
  };
}

type PipelineRequest = { timeout: number; abortSignal?: AbortSignal };
type Factory = NonNullable<AuthenticateRequestResult["connectorFactory"]>;

/**
 * botbuilder's connector factory replaces any request policy passed in, so the timeout goes onto
 * each connector client's pipeline as it is made, ahead of the retry policy: one abort signal for
 * the call with all its retries, and `request.timeout` for each attempt.
 */
function withConnectorTimeout(factory: Factory, ms: number): Factory {
  return {
    create: async (serviceUrl: string, audience?: string) => {
      const client = await factory.create(serviceUrl, audience);
      (client as unknown as { client?: { pipeline?: { addPolicy(p: unknown): void } } }).client?.pipeline?.addPolicy({
        name: "lenkungsgruppeConnectorTimeout",
        sendRequest: (request: PipelineRequest, next: (r: PipelineRequest) => Promise<unknown>) => {
          request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);
          request.timeout = ms;
          return next(request);
        },
      });
      return client;
    },
  } as Factory;
}
