/**
 * A stand-in for Microsoft's Bot Framework token authority on loopback (Microsoft's cloud cannot
 * run here): the OpenID metadata document and the signing keys (JWKS) as
 * https://login.botframework.com/v1/.well-known/openidconfiguration serves them, with one RSA key
 * endorsed for "msteams". `sign` makes tokens with that key, or forgeries of every kind, as
 * documented for Bot Connector tokens (iss https://api.botframework.com, aud = the bot's app id,
 * serviceurl claim). Tokens are built with node:crypto so nothing of botbuilder's own JWT code is used.
 */
import { createSign, createHmac, generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const KID = "stand-in-key";
export const ISSUER = "https://api.botframework.com";

export interface OpenIdStandIn {
  /** The metadata document's URL, for `ToBotFromChannelOpenIdMetadataUrl`. */
  metadataUrl: string;
  publicPem: string;
  /** A token signed with the stand-in's own key. */
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>): string;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** An RS256 JWT over `claims` with `key` (or any private key given). */
export function rs256(key: KeyObject, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const head = `${b64({ alg: "RS256", typ: "JWT", kid: KID, ...header })}.${b64(claims)}`;
  return `${head}.${createSign("RSA-SHA256").update(head).sign(key).toString("base64url")}`;
}

/** An HS256 JWT whose HMAC secret is the text of a public key (the classic algorithm confusion). */
export function hs256WithPublicKey(publicPem: string, claims: Record<string, unknown>): string {
  const head = `${b64({ alg: "HS256", typ: "JWT", kid: KID })}.${b64(claims)}`;
  return `${head}.${createHmac("sha256", publicPem).update(head).digest("base64url")}`;
}

/** An unsigned JWT (`alg: none`). */
export function unsigned(claims: Record<string, unknown>): string {
  return `${b64({ alg: "none", typ: "JWT", kid: KID })}.${b64(claims)}.`;
}

export function freshRsaKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync("rsa", { modulusLength: 2048 });
}

export async function startOpenIdStandIn(): Promise<OpenIdStandIn> {
  const { privateKey, publicKey } = freshRsaKey();
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  let base = "";
  const server: Server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/v1/.well-known/openidconfiguration") {
      res.end(JSON.stringify({ issuer: ISSUER, authorization_endpoint: `${base}/auth`, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
    } else if (req.url === "/v1/.well-known/keys") {
      res.end(JSON.stringify({ keys: [{ kty: "RSA", use: "sig", kid: KID, n: jwk.n, e: jwk.e, endorsements: ["msteams"] }] }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    publicPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    sign: (claims, header) => rs256(privateKey, claims, header),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
