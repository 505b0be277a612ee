/**
 * What the rest of the app needs from authentication, in our own terms: sign in, resolve the
 * session cookie, sign out. better-auth does the work (src/auth/better-auth.ts); this wraps its
 * results (Set-Cookie headers, error codes) so routes never touch better-auth directly.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { DB } from "../db/schema.ts";
import { type Actor, ROLES, type Role } from "../policy/index.ts";
import { deleteAllSessions } from "./accounts.ts";
import type { BetterAuth } from "./better-auth.ts";
import { ACCOUNT_DISABLED, COOKIE_PREFIX, SESSION_ABSOLUTE_MS } from "./session-settings.ts";

/** better-auth's APIError, recognised without importing better-auth/api at start-up. */
function isAPIError(
  error: unknown,
): error is Error & { status: string | number; body?: { code?: string; message?: string } } {
  return error instanceof Error && error.name === "APIError";
}
import { SignInLimiter } from "./rate-limit.ts";

const SECRET_KEY = "auth_secret";

export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  /** The account was given a temporary password and must choose its own before anything else. */
  mustChangePassword: boolean;
}

export type SignInResult =
  | { ok: true; userId: string; mustChangePassword: boolean; setCookies: string[] }
  | { ok: false; reason: "invalid" | "disabled" };

export interface AuthService {
  signIn(email: string, password: string, headers: Headers): Promise<SignInResult>;
  /** The session the request's cookie names, if valid; plus cookies to set (refresh or removal). */
  resolve(headers: Headers): Promise<{ session: ResolvedSession | null; setCookies: string[] }>;
  signOut(headers: Headers): Promise<string[]>;
  /** Whether the request carries a session cookie at all (anonymous requests skip the database). */
  hasSessionCookie(headers: Headers): boolean;
  limiter: SignInLimiter;
}

/** The signing secret: BETTER_AUTH_SECRET, else one generated once and kept in the meta table. */
async function resolveSecret(db: Kysely<DB>, config: Config): Promise<string> {
  if (config.authSecret) return config.authSecret;
  const read = () => db.selectFrom("meta").select("value").where("key", "=", SECRET_KEY).executeTakeFirst();
  const existing = await read();
  if (existing) return existing.value;
  await db
    .insertInto("meta")
    .values({ key: SECRET_KEY, value: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return ((await read()) as { value: string }).value;
}

function setCookiesOf(headers: Headers | null | undefined): string[] {
  return headers?.getSetCookie() ?? [];
}

function roleOf(value: unknown): Role {
  return (ROLES as readonly unknown[]).includes(value) ? (value as Role) : "editor";
}

export function createAuthService(deps: { db: Kysely<DB>; config: Config }): AuthService {
  let instance: Promise<BetterAuth> | undefined;
  const auth = () => {
    // Loaded on first use: anonymous readers never pay for better-auth at start-up.
    instance ??= Promise.all([resolveSecret(deps.db, deps.config), import("./better-auth.ts")]).then(
      ([secret, { createBetterAuth }]) => createBetterAuth({ db: deps.db, baseUrl: deps.config.baseUrl, secret }),
    );
    instance.catch(() => (instance = undefined));
    return instance;
  };
  const cookieName = `${deps.config.baseUrl.startsWith("https:") ? "__Secure-" : ""}${COOKIE_PREFIX}.session_token`;

  return {
    limiter: new SignInLimiter(),

    hasSessionCookie(headers) {
      return (headers.get("cookie") ?? "").includes(cookieName);
    },

    async signIn(email, password, headers) {
      const api = (await auth()).api;
      try {
        const result = await api.signInEmail({
          body: { email, password, rememberMe: true },
          headers,
          returnHeaders: true,
        });
        const user = result.response.user as { id: string; mustChangePassword?: boolean };
        return {
          ok: true,
          userId: user.id,
          mustChangePassword: Boolean(user.mustChangePassword),
          setCookies: setCookiesOf(result.headers),
        };
      } catch (error) {
        if (isAPIError(error)) {
          const code = (error.body as { code?: string } | undefined)?.code;
          return { ok: false, reason: code === ACCOUNT_DISABLED ? "disabled" : "invalid" };
        }
        throw error;
      }
    },

    async resolve(headers) {
      const api = (await auth()).api;
      const result = await api.getSession({ headers, returnHeaders: true });
      const setCookies = setCookiesOf(result.headers);
      const found = result.response;
      if (!found) return { session: null, setCookies };
      const user = found.user as typeof found.user & {
        role?: unknown;
        disabled?: unknown;
        mustChangePassword?: unknown;
      };
      const expired = Date.now() - new Date(found.session.createdAt).getTime() > SESSION_ABSOLUTE_MS;
      if (expired || user.disabled === true) {
        // Past the absolute lifetime (or the account was disabled meanwhile): end it for good.
        const out = await api.signOut({ headers, returnHeaders: true });
        if (user.disabled === true) await deleteAllSessions(deps.db, user.id);
        return { session: null, setCookies: setCookiesOf(out.headers) };
      }
      return {
        session: {
          actor: { id: user.id, email: user.email, name: user.name || null, role: roleOf(user.role) },
          sessionId: found.session.id,
          mustChangePassword: user.mustChangePassword === true,
        },
        setCookies,
      };
    },

    async signOut(headers) {
      const api = (await auth()).api;
      try {
        const out = await api.signOut({ headers, returnHeaders: true });
        return setCookiesOf(out.headers);
      } catch (error) {
        // No valid session: nothing to end, but still tell the browser to drop the cookie.
        if (isAPIError(error))
          return [
            `${cookieName}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${cookieName.startsWith("__Secure-") ? "; Secure" : ""}`,
          ];
        throw error;
      }
    },
  };
}
