/**
 * Signing in through an organisation's OpenID Connect provider: authorization code with PKCE (S256),
 * a state and a nonce per attempt, kept server-side for 10 minutes and used once. The code is
 * exchanged and the ID token's signature, issuer, audience, expiry and nonce verified with
 * better-auth's OAuth 2 helpers (better-auth/oauth2). The provider is read from the database at each
 * sign-in (providers are per organisation), its endpoints from the issuer's discovery document.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createAuthorizationURL, validateAuthorizationCode, validateToken } from "better-auth/oauth2";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { SsoProvider } from "./store.ts";

const ATTEMPT_PREFIX = "sso:";
const ATTEMPT_TTL_MS = 10 * 60 * 1000;

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

export class SsoError extends Error {
  constructor(
    readonly reason: "discovery" | "state" | "provider_error" | "token" | "no_email",
    detail: string,
  ) {
    super(detail);
  }
}

export async function discover(issuer: string, fetcher: typeof fetch = fetch): Promise<Discovery> {
  const url = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  let document: Partial<Discovery>;
  try {
    const response = await fetcher(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as Partial<Discovery>;
  } catch (error) {
    throw new SsoError("discovery", `${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { authorization_endpoint, token_endpoint, jwks_uri } = document;
  // The document must be the configured issuer's own (OpenID Connect Discovery §4.3).
  if (document.issuer !== issuer || !authorization_endpoint || !token_endpoint || !jwks_uri)
    throw new SsoError("discovery", `${url}: not the discovery document of ${issuer}`);
  const userinfo = typeof document.userinfo_endpoint === "string" ? document.userinfo_endpoint : undefined;
  return { issuer, authorization_endpoint, token_endpoint, jwks_uri, userinfo_endpoint: userinfo };
}

interface Attempt {
  organisationId: string;
  codeVerifier: string;
  nonce: string;
  lang: "en" | "fr";
  /** Where to go once signed in (a path on this site), if not the organisation's page. */
  next?: string;
}

const random = () => randomBytes(32).toString("base64url");

/** Starts a sign-in: remembers the attempt and gives the provider's authorization URL to redirect to. */
export async function startSsoSignIn(
  db: Kysely<DB>,
  provider: SsoProvider,
  options: { redirectUri: string; lang: "en" | "fr"; loginHint?: string; next?: string; now?: Date },
): Promise<URL> {
  const endpoints = await discover(provider.issuer);
  const state = random();
  const attempt: Attempt = {
    organisationId: provider.organisationId,
    codeVerifier: random(),
    nonce: random(),
    lang: options.lang,
    next: options.next,
  };
  const now = options.now ?? new Date();
  await db
    .insertInto("verifications")
    .values({
      id: randomUUID(),
      identifier: `${ATTEMPT_PREFIX}${createHash("sha256").update(state).digest("hex")}`,
      value: JSON.stringify(attempt),
      expires_at: new Date(now.getTime() + ATTEMPT_TTL_MS).toISOString(),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  return createAuthorizationURL({
    id: `org-${provider.organisationId}`,
    options: { clientId: provider.clientId, clientSecret: provider.clientSecret },
    authorizationEndpoint: endpoints.authorization_endpoint,
    redirectURI: options.redirectUri,
    state,
    codeVerifier: attempt.codeVerifier,
    nonce: attempt.nonce,
    scopes: ["openid", "email", "profile"],
    loginHint: options.loginHint,
  });
}

/** The attempt a returning state names, used up (one statement: a replayed callback finds nothing). */
export async function takeAttempt(db: Kysely<DB>, state: string, now = new Date()): Promise<Attempt | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(state)) return undefined;
  const row = await db
    .deleteFrom("verifications")
    .where("identifier", "=", `${ATTEMPT_PREFIX}${createHash("sha256").update(state).digest("hex")}`)
    .returning(["value", "expires_at"])
    .executeTakeFirst();
  const expires = row
    ? Date.parse(row.expires_at instanceof Date ? row.expires_at.toISOString() : String(row.expires_at))
    : 0;
  if (!row || expires <= now.getTime()) return undefined;
  try {
    return JSON.parse(row.value) as Attempt;
  } catch {
    return undefined;
  }
}

export interface SsoIdentity {
  email: string;
  subject: string;
  name?: string;
}

/** Exchanges the code (with the PKCE verifier) and verifies the ID token; the proved e-mail address. */
export async function completeSsoSignIn(
  provider: SsoProvider,
  attempt: Attempt,
  code: string,
  redirectUri: string,
): Promise<SsoIdentity> {
  const endpoints = await discover(provider.issuer);
  let idToken: string | undefined;
  let accessToken: string | undefined;
  try {
    const tokens = await validateAuthorizationCode({
      code,
      codeVerifier: attempt.codeVerifier,
      redirectURI: redirectUri,
      options: { clientId: provider.clientId, clientSecret: provider.clientSecret },
      tokenEndpoint: endpoints.token_endpoint,
    });
    idToken = tokens.idToken;
    accessToken = tokens.accessToken;
  } catch (error) {
    throw new SsoError("token", `code exchange failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!idToken) throw new SsoError("token", "no ID token in the token response");
  let claims: Record<string, unknown>;
  try {
    const verified = await validateToken(idToken, endpoints.jwks_uri, {
      issuer: provider.issuer,
      audience: provider.clientId,
      requiredClaims: ["sub", "exp", "iat"],
    });
    claims = verified.payload as Record<string, unknown>;
  } catch (error) {
    throw new SsoError("token", `ID token refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (claims.nonce !== attempt.nonce) throw new SsoError("token", "ID token nonce does not match the attempt");
  // Some providers put the address in the ID token, others only at the UserInfo endpoint (OIDC Core
  // §5.4): ask it then, and take its answer only for the same subject (§5.3.2).
  if (typeof claims.email !== "string" && endpoints.userinfo_endpoint && accessToken) {
    const info = await userInfo(endpoints.userinfo_endpoint, accessToken);
    if (info && info.sub === claims.sub) claims = { ...claims, email: info.email, email_verified: info.email_verified };
  }
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  // A provider that says the address is unverified proves nothing about it.
  if (!email || claims.email_verified === false)
    throw new SsoError("no_email", "no verified e-mail address in the ID token");
  return { email, subject: String(claims.sub), name: typeof claims.name === "string" ? claims.name : undefined };
}

async function userInfo(endpoint: string, accessToken: string): Promise<Record<string, unknown> | undefined> {
  try {
    const response = await fetch(endpoint, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as unknown;
    return body && typeof body === "object" ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
