/**
 * better-auth, configured for Skillshelf: email + password (and an optional TOTP second factor), on the project's own Kysely
 * instance (SQLite or PostgreSQL), in the tables migration 003 creates (snake_case columns mapped
 * below). Its HTTP handler is never mounted: our own server-rendered forms call `auth.api.*`, so
 * no sign-up or other endpoint is reachable from outside.
 *
 * Sessions: a random token in the database, sent as an HMAC-signed cookie
 * (`skillshelf.session_token`, `__Host-` prefixed over HTTPS), HttpOnly, SameSite=Lax, Secure
 * when BASE_URL is https. Idle expiry 12 hours: each request more than 15 minutes after the last
 * refresh moves the expiry 12 hours ahead. Absolute expiry 12 hours after sign-in, enforced by
 * src/auth/service.ts (better-auth itself has no absolute limit). No cookie cache, so revoking a
 * session or disabling an account takes effect on the very next request.
 */
import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { twoFactor } from "better-auth/plugins/two-factor";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { findUserById, isPostgres } from "./accounts.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules.ts";
import { generateRecoveryCodes } from "./secrets.ts";
import {
  ACCOUNT_DISABLED,
  CLIENT_ADDRESS_HEADER,
  COOKIE_PREFIX,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_SECONDS,
  SESSION_REFRESH_SECONDS,
} from "./session-settings.ts";

export {
  ACCOUNT_DISABLED,
  CLIENT_ADDRESS_HEADER,
  COOKIE_PREFIX,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_SECONDS,
  SESSION_REFRESH_SECONDS,
};

const timestamps = { createdAt: "created_at", updatedAt: "updated_at" } as const;

export function createBetterAuth(options: { db: Kysely<DB>; baseUrl: string; secret: string }) {
  const https = options.baseUrl.startsWith("https:");
  return betterAuth({
    appName: "Skillshelf",
    baseURL: options.baseUrl,
    basePath: "/auth",
    secret: options.secret,
    database: { db: options.db, type: isPostgres(options.db) ? "postgres" : "sqlite" },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by administrators and the CLI (src/auth/accounts.ts), never by sign-up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    user: {
      modelName: "users",
      fields: { emailVerified: "email_verified", ...timestamps },
      additionalFields: {
        role: { type: "string", required: true, input: false, defaultValue: "editor" },
        disabled: { type: "boolean", required: true, input: false, defaultValue: false },
        mustChangePassword: {
          type: "boolean",
          required: true,
          input: false,
          defaultValue: false,
          fieldName: "must_change_password",
        },
      },
    },
    session: {
      modelName: "sessions",
      fields: {
        userId: "user_id",
        expiresAt: "expires_at",
        ipAddress: "ip_address",
        userAgent: "user_agent",
        ...timestamps,
      },
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: SESSION_REFRESH_SECONDS,
      cookieCache: { enabled: false },
    },
    account: {
      modelName: "accounts",
      fields: {
        accountId: "account_id",
        providerId: "provider_id",
        userId: "user_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        ...timestamps,
      },
    },
    verification: { modelName: "verifications", fields: { expiresAt: "expires_at", ...timestamps } },
    databaseHooks: {
      session: {
        create: {
          // A disabled account never gets a session, even with the right password.
          before: async (session) => {
            const user = await findUserById(options.db, session.userId);
            if (!user || user.disabled)
              throw APIError.from("FORBIDDEN", { code: ACCOUNT_DISABLED, message: "This account is disabled." });
          },
        },
      },
    },
    plugins: [
      // Optional second factor (TOTP from an authenticator app, plus recovery codes), turned on by
      // each person from their account page; a sign-in then asks for a code (src/auth/second-factor.tsx).
      twoFactor({
        issuer: "Skillshelf",
        backupCodeOptions: { customBackupCodesGenerate: generateRecoveryCodes },
        schema: {
          user: { fields: { twoFactorEnabled: "two_factor_enabled" } },
          twoFactor: {
            modelName: "two_factors",
            fields: {
              backupCodes: "backup_codes",
              userId: "user_id",
              failedVerificationCount: "failed_verification_count",
              lockedUntil: "locked_until",
            },
          },
        },
      }),
    ],
    // Sign-in attempts are throttled per account and per address by src/auth/throttle.ts.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
    advanced: {
      // Over HTTPS the cookies are `__Host-` prefixed (Secure, Path=/, no Domain: no other host,
      // not even a subdomain, can set or shadow them). better-auth's own secure prefix would be
      // `__Secure-`, so it is off and the prefix and Secure flag are set here.
      cookiePrefix: cookiePrefix(https),
      useSecureCookies: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/", secure: https },
      // Joins: a session is read with its user in one query, not two. Every signed-in request reads
      // its session, so on PostgreSQL this is one round trip less on each (decision 032's addendum).
      database: { generateId: () => randomUUID(), joins: true },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
  });
}

export type BetterAuth = ReturnType<typeof createBetterAuth>;

export function cookiePrefix(https: boolean): string {
  return `${https ? "__Host-" : ""}${COOKIE_PREFIX}`;
}
