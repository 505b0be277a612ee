/**
 * Cross-site request forgery, refused twice over before any handler runs:
 *
 * 1. Origin: every request that is not GET/HEAD/OPTIONS, whatever its content type, must come from
 *    BASE_URL's origin (its Origin header, or Sec-Fetch-Site: same-origin when a browser sends no
 *    Origin). Requests with neither (scripts, curl) are refused too.
 * 2. Token: it must also carry a token (form field `_csrf`, or header `X-CSRF-Token` for scripts)
 *    that only a page of this site could have given it. The token is an HMAC, under a key derived
 *    from the auth secret, of the session cookie (signed in) or of a random `skillshelf.csrf`
 *    cookie (`__Host-` over HTTPS) set the first time an anonymous visitor is shown a form. Another
 *    site can neither read the token nor compute it, even if it manages to plant a cookie.
 *
 * No form has to remember the token: the page renderer adds the hidden field to every
 * `<form method="post">` it renders (`withCsrfFields`), and marks such pages `no-store`.
 *
 * The middleware also reads the form body, through the one safe reader (form-body.ts): a body that
 * cannot be read is a translated 400, never a 500.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../app-env.ts";
import { refusalResponse } from "../policy/refusal.tsx";
import { readFormBody } from "./form-body.ts";
import { logSecurityEvent } from "./request.ts";

export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function csrfCookieName(https: boolean): string {
  return `${https ? "__Host-" : ""}skillshelf.csrf`;
}

/** The token key, derived from the auth secret so that every process of an installation agrees. */
export function csrfKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("skillshelf csrf token v1").digest();
}

/** What a token is bound to: the session cookie when signed in, else the anonymous csrf cookie. */
export type CsrfBinding = { session: string } | { anonymous: string };

export function csrfToken(key: Buffer, binding: CsrfBinding): string {
  const message = "session" in binding ? `session:${binding.session}` : `anonymous:${binding.anonymous}`;
  return createHmac("sha256", key).update(message).digest("base64url");
}

function tokenMatches(key: Buffer, sent: string, bindings: CsrfBinding[]): boolean {
  const given = Buffer.from(sent);
  return bindings.some((binding) => {
    const expected = Buffer.from(csrfToken(key, binding));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

const POST_FORM = /<form\b[^>]*\bmethod="post"[^>]*>/gi;

/** Adds the hidden token field to every POST form of a rendered page. */
export function withCsrfFields(html: string, token: string): string {
  return html.replace(POST_FORM, (tag) => `${tag}<input type="hidden" name="${CSRF_FIELD}" value="${token}">`);
}

export function hasPostForm(html: string): boolean {
  // Most pages (every reader's) have no post form at all: one plain search before the pattern.
  if (!/method="post"/i.test(html)) return false;
  POST_FORM.lastIndex = 0;
  const found = POST_FORM.test(html);
  POST_FORM.lastIndex = 0;
  return found;
}

export interface CsrfOptions {
  baseUrl: string;
  /** The auth secret (BETTER_AUTH_SECRET or the generated one). */
  secret: () => Promise<string>;
  /** The session cookie's name, which differs over HTTPS. */
  sessionCookie: string;
}

/** The request's origin is BASE_URL's (hono/csrf's rule, applied to every content type). */
function sameOrigin(c: Context<AppEnv>, origin: string): boolean {
  if (c.req.header("sec-fetch-site") === "same-origin") return true;
  return c.req.header("origin") === origin;
}

interface RequestCsrf {
  key: Buffer;
  session?: string;
  anonymous?: string;
}
/**
 * Keyed by the context: the body limit replaces `c.req.raw` between the two middlewares. Read only
 * for requests that change something; the cookies are parsed when first needed.
 */
const perRequest = new WeakMap<Context<AppEnv>, () => RequestCsrf>();

/**
 * Makes `c.var.csrfToken()` available to every page (run it early, so that even a refusal page's
 * sign-out form gets a token). An anonymous visitor shown a form for the first time gets the
 * csrf cookie with the response.
 */
export function provideCsrfToken(options: CsrfOptions): MiddlewareHandler<AppEnv> {
  const https = options.baseUrl.startsWith("https:");
  const cookieName = csrfCookieName(https);
  let keyFor: { secret: string; key: Buffer } | undefined;

  return async function provideCsrfToken(c, next) {
    // Static assets have no forms: skip the secret lookup.
    if (c.req.path.startsWith("/assets/")) {
      c.set("csrfToken", () => "");
      return next();
    }
    // The secret is the same for the process's life once known (the auth service keeps it): the
    // key is derived once, not per request.
    if (!keyFor) {
      const secret = await options.secret();
      keyFor ??= { secret, key: csrfKey(secret) };
    }
    const key = keyFor.key;
    // Most requests (a reader's GET of a page without forms) never ask for a token: the cookies
    // are read when one is.
    let state: RequestCsrf | undefined;
    const stateOf = () => {
      state ??= { key, session: getCookie(c, options.sessionCookie), anonymous: getCookie(c, cookieName) };
      return state;
    };
    if (!SAFE_METHODS.has(c.req.method)) perRequest.set(c, stateOf);
    let minted: string | undefined;
    c.set("csrfToken", () => {
      const known = stateOf();
      if (c.get("user") && known.session) return csrfToken(known.key, { session: known.session });
      if (!known.anonymous) known.anonymous = minted = randomBytes(32).toString("base64url");
      return csrfToken(known.key, { anonymous: known.anonymous });
    });
    await next();
    if (minted) {
      const attributes = `Path=/; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`;
      c.res.headers.append("set-cookie", `${cookieName}=${minted}; ${attributes}`);
    }
  };
}

/**
 * Refuses a request that changes something unless it comes from BASE_URL's origin and carries a
 * valid token; reads the form body on the way (400 when it cannot be read). Run it after the body
 * limit and after `provideCsrfToken`.
 */
export function refuseForgedRequests(
  options: Pick<CsrfOptions, "baseUrl"> & {
    /** Paths that are not the site's (the bench's own routes, which exist only under `npm run bench`). */
    exempt?: (path: string) => boolean;
  },
): MiddlewareHandler<AppEnv> {
  const origin = new URL(options.baseUrl).origin;
  return async function refuseForgedRequests(c, next) {
    if (SAFE_METHODS.has(c.req.method) || options.exempt?.(c.req.path)) return next();
    const state = perRequest.get(c)?.();
    if (!sameOrigin(c, origin) || !state) {
      await logSecurityEvent(c, "request.refused_cross_site", {
        detail: { path: c.req.path.slice(0, 200), reason: "origin" },
      });
      return refusalResponse(c, 403, "csrf");
    }
    const body = await readFormBody(c);
    if (!body) return refusalResponse(c, 400, "malformed");
    const field = body[CSRF_FIELD];
    const sent = c.req.header(CSRF_HEADER) ?? (typeof field === "string" ? field : undefined);
    const bindings: CsrfBinding[] = [];
    if (state.session) bindings.push({ session: state.session });
    if (state.anonymous) bindings.push({ anonymous: state.anonymous });
    if (!sent || sent.length > 100 || !tokenMatches(state.key, sent, bindings)) {
      await logSecurityEvent(c, "request.refused_cross_site", {
        detail: { path: c.req.path.slice(0, 200), reason: sent ? "token" : "no token" },
      });
      return refusalResponse(c, 403, "csrf");
    }
    return next();
  };
}
