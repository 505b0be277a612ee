/**
 * What the rest of the app needs from authentication, in our own terms: sign in, resolve the
 * session cookie, sign out, the second factor. better-auth does the work (src/auth/better-auth.ts);
 * this wraps its results (Set-Cookie headers, error codes) so routes never touch better-auth directly.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { DB } from "../db/schema.ts";
import { type Actor, ROLES, type Role } from "../policy/index.ts";
import { deleteAllSessions } from "./accounts.ts";
import type { BetterAuth } from "./better-auth.ts";
import { createSecondFactorService, isAPIError, type SecondFactorService } from "./second-factor-service.ts";
import { ACCOUNT_DISABLED, COOKIE_PREFIX, SESSION_ABSOLUTE_MS, SESSION_IDLE_SECONDS } from "./session-settings.ts";
import { Throttle } from "./throttle.ts";

const SECRET_KEY = "auth_secret";

export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  /** The account was given a temporary password and must choose its own before anything else. */
  mustChangePassword: boolean;
  /** The account signs in with a code from an authenticator app as well. */
  twoFactorEnabled: boolean;
}

export type SignInResult =
  | { ok: true; userId: string; mustChangePassword: boolean; setCookies: string[]; secondFactor: false }
  /** The password was right, and the account asks for a code next: no session yet, only a challenge cookie. */
  | { ok: true; userId: string; setCookies: string[]; secondFactor: true }
  | { ok: false; reason: "invalid" | "disabled" };

export interface AuthService {
  signIn(email: string, password: string, headers: Headers): Promise<SignInResult>;
  /** The session the request's cookie names, if valid; plus cookies to set (refresh or removal). */
  resolve(headers: Headers): Promise<{ session: ResolvedSession | null; setCookies: string[] }>;
  signOut(headers: Headers): Promise<string[]>;
  /** Whether the request carries a session cookie at all (anonymous requests skip the database). */
  hasSessionCookie(headers: Headers): boolean;
  /** The session cookie's name (`__Host-` prefixed over HTTPS). */
  sessionCookieName: string;
  /** The secret that signs cookies and keys CSRF tokens (BETTER_AUTH_SECRET or the generated one). */
  secret(): Promise<string>;
  /** Guesses are slowed per account, per address and per browser (src/auth/throttle.ts). */
  throttle: Throttle;
  secondFactor: SecondFactorService;
  /**
   * Opens a session for an account whose identity another party has proved (an organisation's
   * single sign-on, src/people/sso): the Set-Cookie headers, or "disabled" for a disabled account.
   */
  startSession(userId: string): Promise<{ ok: true; setCookies: string[] } | { ok: false; reason: "disabled" }>;
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

export function setCookiesOf(headers: Headers | null | undefined): string[] {
  return headers?.getSetCookie() ?? [];
}

function roleOf(value: unknown): Role {
  return (ROLES as readonly unknown[]).includes(value) ? (value as Role) : "editor";
}

export function createAuthService(deps: {
  db: Kysely<DB>;
  config: Config;
  logger?: Logger;
  /** The throttle's clock (tests move it instead of waiting). */
  now?: () => number;
}): AuthService {
  const https = deps.config.baseUrl.startsWith("https:");
  let secret: Promise<string> | undefined;
  const secretOnce = () => {
    secret ??= resolveSecret(deps.db, deps.config);
    secret.catch(() => (secret = undefined));
    return secret;
  };
  let instance: Promise<BetterAuth> | undefined;
  const auth = () => {
    // Loaded on first use: anonymous readers never pay for better-auth at start-up.
    instance ??= Promise.all([secretOnce(), import("./better-auth.ts")]).then(([secret, { createBetterAuth }]) =>
      createBetterAuth({ db: deps.db, baseUrl: deps.config.baseUrl, secret }),
    );
    instance.catch(() => (instance = undefined));
    return instance;
  };
  const cookieName = `${https ? "__Host-" : ""}${COOKIE_PREFIX}.session_token`;

  return {
    throttle: new Throttle(deps.db, deps.now),
    sessionCookieName: cookieName,
    secret: secretOnce,
    secondFactor: createSecondFactorService(auth, deps.db),

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
        const response = result.response as
          | { twoFactorRedirect?: boolean; user?: { id: string; mustChangePassword?: boolean } }
          | undefined;
        if (response?.twoFactorRedirect) {
          const { findUserByEmail } = await import("./accounts.ts");
          const user = await findUserByEmail(deps.db, email);
          return { ok: true, secondFactor: true, userId: user?.id ?? "", setCookies: setCookiesOf(result.headers) };
        }
        const user = response?.user as { id: string; mustChangePassword?: boolean };
        return {
          ok: true,
          secondFactor: false,
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
        twoFactorEnabled?: unknown;
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
          twoFactorEnabled: user.twoFactorEnabled === true,
        },
        setCookies,
      };
    },

    async startSession(userId) {
      const context = await (await auth()).$context;
      try {
        // better-auth's own session row (its hooks refuse a disabled account), sent as the same
        // HMAC-signed cookie its sign-in sets (better-call's signed-cookie format: token.base64(HMAC-SHA256)).
        const session = await context.internalAdapter.createSession(userId);
        const signature = createHmac("sha256", await secretOnce())
          .update(session.token)
          .digest("base64");
        const value = encodeURIComponent(`${session.token}.${signature}`);
        const attributes = `Max-Age=${SESSION_IDLE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`;
        return { ok: true, setCookies: [`${cookieName}=${value}; ${attributes}`] };
      } catch (error) {
        if (isAPIError(error)) return { ok: false, reason: "disabled" };
        throw error;
      }
    },

    async signOut(headers) {
      const api = (await auth()).api;
      try {
        const out = await api.signOut({ headers, returnHeaders: true });
        return setCookiesOf(out.headers);
      } catch (error) {
        // No valid session: nothing to end, but still tell the browser to drop the cookie.
        if (isAPIError(error))
          return [`${cookieName}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`];
        throw error;
      }
    },
  };
}
