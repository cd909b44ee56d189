/**
 * Credential mode (BOT_ID set): every request without a valid Bot Framework token gets exactly 401
 * with a generic body, whatever is wrong with the token, also when the key endpoint cannot be
 * reached. Microsoft's token authority is a stand-in on loopback (test/support/openid-stand-in.ts),
 * so no test reaches the Internet; a token the stand-in signed properly is the control that
 * shows the 401s come from the forgery, not from the setup.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_BODY } from "../texts/limits.ts";
import { message, post, startConnector, type Connector } from "./support/connector.ts";
import { freshRsaKey, hs256WithPublicKey, ISSUER, rs256, startOpenIdStandIn, unsigned, type OpenIdStandIn } from "./support/openid-stand-in.ts";
import { APP_ID, startSecurityBot, type SecurityBot } from "./support/security-bot.ts";
import { freePort as closedPort } from "./support/ports.ts";

let authority: OpenIdStandIn;
let connector: Connector;
let bot: SecurityBot;
const now = () => Math.floor(Date.now() / 1000);
const claims = (over: Record<string, unknown> = {}) => ({ iss: ISSUER, aud: APP_ID, serviceurl: connector.url, nbf: now() - 60, exp: now() + 3600, ...over });
const someoneElsesKey = freshRsaKey().privateKey;

/** [what, Authorization header (made when run; null for none)]. */
const FORGED: [string, () => string | null][] = [
  ["no Authorization header", () => null],
  ["empty Bearer", () => "Bearer "],
  ["not a JWT", () => "Bearer not.a.token"],
  ["Basic scheme", () => "Basic dXNlcjpwYXNz"],
  ["alg none", () => `Bearer ${unsigned(claims())}`],
  ["self-made RS256 key with the stand-in's key id", () => `Bearer ${rs256(someoneElsesKey, claims())}`],
  ["HS256 signed with the public key", () => `Bearer ${hs256WithPublicKey(authority.publicPem, claims())}`],
  ["expired", () => `Bearer ${authority.sign(claims({ nbf: now() - 7200, exp: now() - 3600 }))}`],
  ["not yet valid", () => `Bearer ${authority.sign(claims({ nbf: now() + 3600 }))}`],
  ["wrong audience", () => `Bearer ${authority.sign(claims({ aud: "00000000-0000-4000-8000-00000000dead" }))}`],
  ["wrong issuer", () => `Bearer ${authority.sign(claims({ iss: "https://evil.example/" }))}`],
  ["unknown key id", () => `Bearer ${authority.sign(claims(), { kid: "other-key" })}`],
  ["serviceurl claim for another connector", () => `Bearer ${authority.sign(claims({ serviceurl: "http://127.0.0.1:1/" }))}`],
  ["an Emulator-issuer token from a self-made key", () => `Bearer ${rs256(someoneElsesKey, claims({ iss: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", ver: "1.0", appid: APP_ID }))}`],
  ["a token 12 KB long", () => `Bearer ${"a".repeat(12_000)}.${"b".repeat(10)}.c`],
];

beforeAll(async () => {
  authority = await startOpenIdStandIn();
  connector = await startConnector();
  bot = await startSecurityBot({ credentials: true, adapter: { openIdMetadataUrl: authority.metadataUrl } });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
  await authority.close();
});

async function attempt(target: SecurityBot, header: string | null) {
  const before = target.dataBytes();
  const res = await post(target.url, message(connector, "Ich nehme teil", `t-${Math.random()}`), header === null ? {} : { authorization: header });
  const body = await res.text();
  expect(target.dataBytes().equals(before)).toBe(true);
  return { status: res.status, body };
}

describe("credential mode, keys from the stand-in authority", () => {
  it.each(FORGED)("%s → 401", async (_what, header) => {
    expect(await attempt(bot, header())).toEqual({ status: 401, body: HTTP_BODY.unauthorized });
    expect(connector.received).toEqual([]);
    expect(bot.outboxFiles()).toEqual([]);
  });

  it("control: a token the authority signed passes the check (an invoke the bot does not serve: 501, nothing sent)", async () => {
    const invoke = { ...message(connector, "", "t-control"), type: "invoke", name: "composeExtension/query", value: {} };
    const res = await post(bot.url, invoke, { authorization: `Bearer ${authority.sign(claims())}` });
    expect(res.status).toBe(501);
    expect(connector.received).toEqual([]);
  });
});

describe("credential mode, key endpoint unreachable or broken", () => {
  it.each([
    ["connection refused", async () => `http://127.0.0.1:${await closedPort()}/v1/.well-known/openidconfiguration`],
    ["answers 500", async () => failingAuthority(500)],
    ["answers with no JSON", async () => failingAuthority(200)],
  ])("%s: a well-formed token gets 401, the body names no URL", async (_what, url) => {
    const target = await startSecurityBot({ credentials: true, adapter: { openIdMetadataUrl: await url() } });
    try {
      for (const header of [authority.sign(claims()), unsigned(claims()), hs256WithPublicKey(authority.publicPem, claims())]) {
        expect(await attempt(target, `Bearer ${header}`)).toEqual({ status: 401, body: HTTP_BODY.unauthorized });
      }
      expect(target.logLines.filter((l) => l.msg === "token.refused")).toHaveLength(3);
    } finally {
      await target.close();
    }
  });
});


const failing: ReturnType<typeof createServer>[] = [];
afterAll(() => failing.forEach((s) => s.close()));

/** An authority whose metadata request fails (status 500) or is not JSON (status 200). */
async function failingAuthority(status: number): Promise<string> {
  const s = createServer((_req, res) => {
    res.statusCode = status;
    res.end("<html>oops</html>");
  });
  failing.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
}
