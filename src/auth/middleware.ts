/**
 * Request-level security: the session middleware (cookie → `c.var.user`), CSRF refusal, and the
 * client address used by the sign-in rate limits.
 */
import type { Context, MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env.ts";
import { refusalResponse } from "../policy/refusal.tsx";
import type { AuthService, ResolvedSession } from "./service.ts";

const sessions = new WeakMap<Request, ResolvedSession>();

/** The session behind `c.var.user` (its id, whether a new password is due), or undefined. */
export function currentSession(c: Context<AppEnv>): ResolvedSession | undefined {
  return sessions.get(c.req.raw);
}

/**
 * Resolves the session cookie into `c.var.user`. Requests without the cookie (every anonymous
 * reader) never touch the database. A disabled account or an expired session counts as anonymous,
 * and the browser is told to drop the cookie; a refreshed session gets its cookie renewed.
 */
export function sessionMiddleware(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async function resolveSession(c, next) {
    // Static assets never depend on who asks: no session lookup for them.
    if (c.req.path.startsWith("/assets/") || !auth.hasSessionCookie(c.req.raw.headers)) return next();
    const { session, setCookies } = await auth.resolve(c.req.raw.headers);
    if (session) {
      c.set("user", session.actor);
      sessions.set(c.req.raw, session);
    }
    await next();
    // What a signed-in person sees (at least the header) is theirs: no shared cache may keep it.
    if (session && !c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "private, no-store");
    // A handler that set its own session cookie (sign-in, sign-out) has the last word.
    if (setCookies.length === 0 || c.res.headers.getSetCookie().length > 0) return;
    for (const cookie of setCookies) c.res.headers.append("set-cookie", cookie);
    c.res.headers.set("cache-control", "private, no-store");
  };
}

/**
 * Refuses state-changing form posts that come from another origin than BASE_URL (hono/csrf checks
 * Origin, and Sec-Fetch-Site when the browser sends it). Only POST can come from another site
 * without a CORS preflight (which this app never grants for writes): PUT, PATCH and DELETE, and
 * POSTs with a JSON body, cannot be forged by a cross-origin page. The refusal is a translated
 * 403 page; the handler is never reached.
 */
export function csrfProtection(baseUrl: string): MiddlewareHandler<AppEnv> {
  const check = csrf({ origin: new URL(baseUrl).origin });
  return async function refuseCrossSiteForms(c, next) {
    if (c.req.method !== "POST") return next();
    try {
      await check(c, async () => {});
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) return refusalResponse(c, 403, "csrf");
      throw error;
    }
    await next();
  };
}

/**
 * The client's address: the socket's peer, or with TRUST_PROXY=1 the last address in
 * X-Forwarded-For (the one our own proxy appended; earlier entries are whatever the client claimed).
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.config.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").at(-1)?.trim();
    if (last) return last.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}
