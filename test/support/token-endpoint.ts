/**
 * A stand-in for Microsoft Entra (the only thing here that is not real): an HTTPS server on
 * loopback that speaks the documented Microsoft identity platform v2.0 protocol for one tenant —
 * the OpenID Connect discovery document (`/{tenant}/v2.0/.well-known/openid-configuration`) and
 * the token endpoint (`POST /{tenant}/oauth2/v2.0/token`, client-credentials grant, form-encoded,
 * answering `{ token_type, expires_in, ext_expires_in, access_token }` or, for a wrong secret,
 * 401 `invalid_client` with AADSTS7000215 as Entra does). msal-node talks to it unchanged; it only
 * refuses plain HTTP, hence the self-signed loopback certificate below, which a child process
 * trusts through NODE_EXTRA_CA_CERTS.
 *
 *   const entra = await startTokenEndpoint({ tenantId, clientId, clientSecret });
 *   env: SMTP_OAUTH_AUTHORITY=entra.authority, NODE_EXTRA_CA_CERTS=entra.caFile
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** For 127.0.0.1 only, valid from 2000 to 2126: a test key, never trusted outside these tests' child processes. */
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg6xFIf7v+tA2bfZUC
qFuJFwaxHx8oYunB+rEpP8PGdtChRANCAAThv2Yvcgaq+U+61nxQAWNtqkG+80i6
KPahW4UnsUClohQS7otfZk/Z48t46ZUC1UI0JW3kSbl+bF/gC5SYWcU8
-----END PRIVATE KEY-----
`;
const CERT = `-----BEGIN CERTIFICATE-----
MIIBaDCCAQ2gAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAkxMjcuMC4w
LjEwIBcNMDAwMTAxMDAwMDAwWhgPMjEyNjAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM
CTEyNy4wLjAuMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABOG/Zi9yBqr5T7rW
fFABY22qQb7zSLoo9qFbhSexQKWiFBLui19mT9njy3jplQLVQjQlbeRJuX5sX+AL
lJhZxTyjTjBMMBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9zdDAPBgNVHRMBAf8E
BTADAQH/MB0GA1UdDgQWBBTkF3Lb0/Cn2CrrHeixLIIIEnKptDAKBggqhkjOPQQD
AgNJADBGAiEAid03NTRs8yVF6b0QI42ZsP0V258gcjsEeCu7GnbyK4gCIQC8CO14
FDDxqIgvZdUpKDdVW26OmcIrOsgKBAVOzV2Nfg==
-----END CERTIFICATE-----
`;

export interface TokenEndpointOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Lifetime of each issued token in seconds (Entra: 3599 or so). */
  expiresIn?: number;
}

export interface TokenRequest {
  /** The form fields as msal posted them, the secret included. */
  form: Record<string, string>;
  status: number;
}

export interface IssuedToken {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer valid. */
  expiresAt: number;
}

export interface TokenEndpoint {
  /** `https://127.0.0.1:<port>`: pass as SMTP_OAUTH_AUTHORITY. */
  authority: string;
  /** The certificate as a file: pass as NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** Every POST to the token endpoint, in order. */
  requests: TokenRequest[];
  issued: IssuedToken[];
  /** Changeable between runs. */
  expiresIn: number;
  /** Whether a resource server (our SMTP server) should accept this token now. */
  valid(accessToken: string): boolean;
  close(): Promise<void>;
}

export async function startTokenEndpoint(o: TokenEndpointOptions): Promise<TokenEndpoint> {
  const dir = await mkdtemp(join(tmpdir(), "lg-entra-"));
  const caFile = join(dir, "loopback-ca.pem");
  await writeFile(caFile, CERT);
  const requests: TokenRequest[] = [];
  const issued: IssuedToken[] = [];
  const server = createServer({ key: KEY, cert: CERT });
  const endpoint: TokenEndpoint = {
    authority: "",
    caFile,
    requests,
    issued,
    expiresIn: o.expiresIn ?? 3599,
    valid: (token) => issued.some((t) => t.accessToken === token && t.expiresAt > Date.now()),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
  server.on("request", (req, res) => void handle(req, res, o, endpoint).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint.authority = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  return endpoint;
}

async function handle(req: IncomingMessage, res: ServerResponse, o: TokenEndpointOptions, e: TokenEndpoint): Promise<void> {
  const base = `${e.authority}/${o.tenantId}`;
  const path = new URL(req.url ?? "/", e.authority).pathname;
  if (req.method === "GET" && path === `/${o.tenantId}/v2.0/.well-known/openid-configuration`) {
    return reply(res, 200, {
      issuer: `${base}/v2.0`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${e.authority}/${o.tenantId}/discovery/v2.0/keys`,
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    });
  }
  if (req.method === "POST" && path === `/${o.tenantId}/oauth2/v2.0/token`) {
    const form = Object.fromEntries(new URLSearchParams(await body(req)));
    const ok = form.grant_type === "client_credentials" && form.client_id === o.clientId && form.client_secret === o.clientSecret;
    e.requests.push({ form, status: ok ? 200 : 401 });
    if (!ok) {
      return reply(res, 401, {
        error: "invalid_client",
        error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${form.client_id}'.\r\nTrace ID: 0000\r\nCorrelation ID: 0000\r\nTimestamp: 2026-01-01 00:00:00Z`,
        error_codes: [7000215],
        timestamp: "2026-01-01 00:00:00Z",
        trace_id: "00000000-0000-0000-0000-000000000000",
        correlation_id: form["client-request-id"] ?? "00000000-0000-0000-0000-000000000000",
      });
    }
    const token = { accessToken: `eyJ0eXAiOiJKV1Qi.${randomBytes(24).toString("base64url")}`, expiresAt: Date.now() + e.expiresIn * 1000 };
    e.issued.push(token);
    return reply(res, 200, { token_type: "Bearer", expires_in: e.expiresIn, ext_expires_in: e.expiresIn, access_token: token.accessToken });
  }
  reply(res, 404, { error: "not_found" });
}

function reply(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(json));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
