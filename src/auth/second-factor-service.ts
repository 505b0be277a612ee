/**
 * The optional second factor, in our own terms, over better-auth's two-factor plugin: enrol an
 * authenticator app (TOTP, RFC 6238) with recovery codes, confirm it with a first code, answer the
 * sign-in challenge with a code or a recovery code, renew the recovery codes, turn it off.
 * Turning it on or off, or renewing codes, asks for the current password.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { BetterAuth } from "./better-auth.ts";
import { normalizeRecoveryCode } from "./secrets.ts";

/** better-auth's APIError, recognised without importing better-auth/api at start-up. */
export function isAPIError(
  error: unknown,
): error is Error & { status: string | number; body?: { code?: string; message?: string } } {
  return error instanceof Error && error.name === "APIError";
}

const codeOf = (error: unknown) => (isAPIError(error) ? (error.body?.code ?? "") : undefined);
/** Set-Cookie lines of a result's headers (an APIError's headers may be a plain object: none then). */
const setCookiesOf = (headers: unknown): string[] => (headers instanceof Headers ? headers.getSetCookie() : []);

export interface Enrolment {
  /** The shared secret in base32, as authenticator apps take it typed in. */
  secret: string;
  /** The otpauth:// URI (what a QR code would hold; phones open it in their authenticator). */
  uri: string;
  recoveryCodes: string[];
}

export type ChallengeResult =
  | { ok: true; userId: string; setCookies: string[] }
  | { ok: false; reason: "invalid" | "expired" | "locked"; setCookies: string[] };

export interface SecondFactorService {
  /** The account a pending sign-in challenge (its cookie) is for; undefined without one. */
  challengeUserId(headers: Headers): Promise<string | undefined>;
  /** Answers the sign-in challenge with a 6-digit code or a recovery code. */
  answerChallenge(code: string, headers: Headers): Promise<ChallengeResult>;
  /** Starts an enrolment (not active until `confirm`); undefined when the password is wrong. */
  enrol(password: string, headers: Headers): Promise<Enrolment | "wrong-password">;
  /** Confirms the enrolment with a first code: from now on every sign-in asks for one. */
  confirm(code: string, headers: Headers): Promise<{ ok: boolean; setCookies: string[] }>;
  disable(password: string, headers: Headers): Promise<{ ok: boolean; setCookies: string[] }>;
  renewRecoveryCodes(password: string, headers: Headers): Promise<string[] | "wrong-password">;
}

/** A 6-digit code from the app (spaces allowed), or else a recovery code. */
function totpCode(input: string): string | undefined {
  const digits = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

export function createSecondFactorService(auth: () => Promise<BetterAuth>, db: Kysely<DB>): SecondFactorService {
  return {
    async challengeUserId(headers) {
      const cookie = (headers.get("cookie") ?? "").match(/(?:^|;\s*)(?:__Host-)?skillshelf\.two_factor=([^;]+)/);
      if (!cookie) return undefined;
      // The signed value is "identifier.signature"; better-auth checks the signature itself. Here
      // it only names the account whose attempts are counted.
      const identifier = decodeURIComponent(cookie[1]).split(".")[0];
      const row = await db
        .selectFrom("verifications")
        .select("value")
        .where("identifier", "=", identifier)
        .executeTakeFirst();
      return row?.value;
    },

    async answerChallenge(input, headers) {
      const api = (await auth()).api;
      const totp = totpCode(input);
      try {
        const result = totp
          ? await api.verifyTOTP({ body: { code: totp }, headers, returnHeaders: true })
          : await api.verifyBackupCode({ body: { code: normalizeRecoveryCode(input) }, headers, returnHeaders: true });
        const user = (result.response as { user?: { id?: string } }).user;
        return { ok: true, userId: user?.id ?? "", setCookies: setCookiesOf(result.headers) };
      } catch (error) {
        const code = codeOf(error);
        if (code === undefined) throw error;
        const setCookies = setCookiesOf((error as { headers?: unknown }).headers);
        if (code === "INVALID_CODE" || code === "INVALID_BACKUP_CODE" || code === "BACKUP_CODES_NOT_ENABLED")
          return { ok: false, reason: "invalid", setCookies };
        if (code === "ACCOUNT_TEMPORARILY_LOCKED") return { ok: false, reason: "locked", setCookies };
        // No challenge, an expired one, or one that used up its attempts: sign in again.
        return { ok: false, reason: "expired", setCookies };
      }
    },

    async enrol(password, headers) {
      const api = (await auth()).api;
      try {
        const result = await api.enableTwoFactor({ body: { password }, headers });
        const uri = (result as { totpURI?: string }).totpURI ?? "";
        const secret = new URL(uri).searchParams.get("secret") ?? "";
        return { secret, uri, recoveryCodes: (result as { backupCodes?: string[] }).backupCodes ?? [] };
      } catch (error) {
        if (codeOf(error) === "INVALID_PASSWORD") return "wrong-password";
        throw error;
      }
    },

    async confirm(input, headers) {
      const api = (await auth()).api;
      const totp = totpCode(input);
      if (!totp) return { ok: false, setCookies: [] };
      try {
        const result = await api.verifyTOTP({ body: { code: totp }, headers, returnHeaders: true });
        return { ok: true, setCookies: setCookiesOf(result.headers) };
      } catch (error) {
        if (codeOf(error) === undefined) throw error;
        return { ok: false, setCookies: [] };
      }
    },

    async disable(password, headers) {
      const api = (await auth()).api;
      try {
        const result = await api.disableTwoFactor({ body: { password }, headers, returnHeaders: true });
        return { ok: true, setCookies: setCookiesOf(result.headers) };
      } catch (error) {
        if (codeOf(error) === undefined) throw error;
        return { ok: false, setCookies: [] };
      }
    },

    async renewRecoveryCodes(password, headers) {
      const api = (await auth()).api;
      try {
        const result = await api.generateBackupCodes({ body: { password }, headers });
        return (result as { backupCodes?: string[] }).backupCodes ?? [];
      } catch (error) {
        if (codeOf(error) === "INVALID_PASSWORD") return "wrong-password";
        throw error;
      }
    },
  };
}
