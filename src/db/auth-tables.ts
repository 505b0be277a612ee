/**
 * The account tables (migration 003), as Kysely sees them. better-auth owns most writes; our own
 * queries live in src/auth/accounts.ts. Timestamps are ISO text on SQLite but `Date` on
 * PostgreSQL, booleans 0/1 on SQLite but true/false on PostgreSQL (see the migration for why):
 * read them through `isoOf()` / `flagOf()` in accounts.ts.
 */
import type { Generated } from "kysely";

export type Timestamp = string | Date;
export type Flag = number | boolean;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  email_verified: Flag;
  image: string | null;
  /** administrator | editor */
  role: string;
  disabled: Flag;
  must_change_password: Flag;
  /** Set by better-auth's two-factor plugin once a TOTP enrolment is confirmed (migration 007). */
  two_factor_enabled: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  /** The random session token (the cookie carries it, HMAC-signed). */
  token: string;
  user_id: string;
  /** Idle expiry: moved forward while the session is used (src/auth/better-auth.ts). */
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountsTable {
  id: string;
  account_id: string;
  /** "credential" for email + password. */
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  password: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** better-auth's two-factor plugin (migration 007): one row per account that enrolled an authenticator app. */
export interface TwoFactorsTable {
  id: string;
  /** Encrypted with the auth secret by better-auth. */
  secret: string;
  backup_codes: string;
  user_id: string;
  verified: Flag;
  failed_verification_count: number;
  locked_until: Timestamp | null;
}
