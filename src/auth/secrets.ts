/** One-time secrets an administrator passes on: invitation tokens and temporary passwords. */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { checkNewPassword } from "./password-rules.ts";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** 256 random bits, URL-safe; only its hash is stored (`hashToken`). */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens we issued look like this; anything else is refused before touching the database. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

// No 0/o, 1/l/i: easy to read aloud and to type from a note.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Four groups of five characters (about 99 bits), e.g. "k3xq9-pz2mw-7fhte-a8rnc". */
export function generateTemporaryPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
    );
    const password = groups.join("-");
    if (checkNewPassword(password) === null) return password;
  }
}

/** Ten second-factor recovery codes like "k3xq9-pz2mw" (about 49 bits each), used once each. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () =>
    Array.from({ length: 2 }, () =>
      Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
    ).join("-"),
  );
}

/** A recovery code as typed (any case, spaces, with or without the dash) in its stored form. */
export function normalizeRecoveryCode(input: string): string {
  const compact = input.toLowerCase().replace(/[^a-z0-9]/g, "");
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
}
