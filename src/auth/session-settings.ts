/**
 * Session and cookie settings, apart from src/auth/better-auth.ts so that reading them does not load
 * better-auth itself (it is loaded on the first sign-in or session lookup, which keeps start-up fast).
 */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_REFRESH_SECONDS = 15 * 60;
/** Whatever its use, a session ends this long after signing in: people re-authenticate at least every 12 hours (ASVS 3.3.2). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const COOKIE_PREFIX = "skillshelf";

/** better-auth records a session's address from this header, which our routes always set themselves. */
export const CLIENT_ADDRESS_HEADER = "x-skillshelf-client-address";

/** Thrown from the session hook when a disabled account gives the right password. */
export const ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
