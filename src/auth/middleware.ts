/**
 * The session middleware (cookie → `c.var.user`). CSRF refusal and body limits are request-level
 * protections for the whole app: src/security.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import type { AuthService, ResolvedSession } from "./service.ts";

/** Keyed by the request's context (the body limit replaces `c.req.raw` on the way). */
const sessions = new WeakMap<Context<AppEnv>, ResolvedSession>();

/** The session behind `c.var.user` (its id, whether a new password is due), or undefined. */
export function currentSession(c: Context<AppEnv>): ResolvedSession | undefined {
  return sessions.get(c);
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
      c.set("passwordChangeDue", session.mustChangePassword);
      sessions.set(c, session);
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

export { clientAddress } from "../security/request.ts";
