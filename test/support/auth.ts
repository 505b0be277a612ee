/**
 * Signing in from tests, through the real sign-in form (better-auth, cookies and all).
 *
 *   const t = await makeTestApp({ dialect });
 *   const cookie = await signInAs(t, "editor");          // "administrator" | "editor"
 *   await t.app.request("/en/editor", { headers: { cookie } });
 *   await t.app.request("/en/editor/…", postForm(t, { field: "value" }, cookie));
 *
 * Every state-changing request must carry the site's Origin and a CSRF token (the protection
 * refuses it otherwise): `postForm` adds both, computing the token a page of the site would have
 * given (from the session cookie, or from an anonymous csrf cookie it adds). For a body that is not
 * a urlencoded form (multipart, JSON), spread `csrfHeaders(t, cookie)` into the request's headers.
 */
import type { Hono } from "hono";
import { parse } from "hono/utils/cookie";
import type { Kysely } from "kysely";
import type { AppEnv } from "../../src/app-env.ts";
import { createAccount, findUserByEmail } from "../../src/auth/accounts.ts";
import type { Config } from "../../src/config.ts";
import type { DB } from "../../src/db/schema.ts";
import type { Role } from "../../src/policy/index.ts";
import { CSRF_FIELD, CSRF_HEADER, csrfCookieName, csrfKey, csrfToken } from "../../src/security/csrf.ts";

export interface TestAppLike {
  app: Hono<AppEnv>;
  db: Kysely<DB>;
  config?: Config;
}

/** A password the rules accept, shared by every test account. */
export const TEST_PASSWORD = "amber kettle orbit meadow 42";

export function testEmail(role: Role): string {
  return `${role}@skillshelf.test`;
}

export function originOf(t: TestAppLike): string {
  return new URL(t.config?.baseUrl ?? "http://localhost:3000").origin;
}

/** The `cookie` request header that carries the cookies a response set. */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

/** The anonymous csrf cookie value tests send when they have no session. */
const ANONYMOUS_CSRF = "test-anonymous-csrf-cookie";

/**
 * The `cookie` header to send (the given cookies, plus the anonymous csrf cookie when there is no
 * session cookie) and the CSRF token a page of the site would have put in its forms for it.
 */
export function csrfFor(t: TestAppLike, cookie?: string): { cookie: string; token: string } {
  const secret = t.config?.authSecret;
  if (!secret) throw new Error("postForm/csrfHeaders need t.config.authSecret: build the app with makeTestApp()");
  const https = originOf(t).startsWith("https:");
  const jar = parse(cookie ?? "");
  const session = jar[`${https ? "__Host-" : ""}skillshelf.session_token`];
  const key = csrfKey(secret);
  if (session) return { cookie: cookie as string, token: csrfToken(key, { session }) };
  const anonymous = jar[csrfCookieName(https)] ?? ANONYMOUS_CSRF;
  const withCsrf = jar[csrfCookieName(https)]
    ? (cookie as string)
    : [cookie, `${csrfCookieName(https)}=${anonymous}`].filter(Boolean).join("; ");
  return { cookie: withCsrf, token: csrfToken(key, { anonymous }) };
}

/** Origin, cookie and X-CSRF-Token headers of a same-origin request (for multipart or JSON bodies). */
export function csrfHeaders(t: TestAppLike, cookie?: string): Record<string, string> {
  const csrf = csrfFor(t, cookie);
  return { origin: originOf(t), cookie: csrf.cookie, [CSRF_HEADER]: csrf.token };
}

/** A same-origin form POST with its CSRF token, optionally signed in. */
export function postForm(
  t: TestAppLike,
  fields: Record<string, string>,
  cookie?: string,
  headers: Record<string, string> = {},
): RequestInit {
  const csrf = csrfFor(t, cookie);
  return {
    method: "POST",
    headers: {
      origin: originOf(t),
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.cookie,
      ...headers,
    },
    body: new URLSearchParams({ [CSRF_FIELD]: csrf.token, ...fields }).toString(),
  };
}

/** Creates the account if it does not exist yet (password TEST_PASSWORD). */
export async function ensureAccount(
  t: TestAppLike,
  role: Role,
  email = testEmail(role),
  name?: string,
): Promise<string> {
  const existing = await findUserByEmail(t.db, email);
  if (existing) return existing.id;
  return (await createAccount(t.db, { email, role, name: name ?? `Test ${role}`, password: TEST_PASSWORD })).id;
}

/**
 * Signs in as an account of that role (created on first use) and returns the `cookie` header to
 * send with later requests. Each call opens a new session.
 */
export async function signInAs(
  t: TestAppLike,
  role: Role,
  options: { email?: string; lang?: "en" | "fr" } = {},
): Promise<string> {
  const email = options.email ?? testEmail(role);
  await ensureAccount(t, role, email);
  const response = await t.app.request(
    `/${options.lang ?? "en"}/sign-in`,
    postForm(t, { email, password: TEST_PASSWORD }),
  );
  const cookie = cookieFrom(response);
  if (response.status !== 303 || !cookie)
    throw new Error(`signInAs(${role}): sign-in answered ${response.status} without a session cookie`);
  return cookie;
}
