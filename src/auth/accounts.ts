/**
 * Our own queries on the account tables (users, accounts, sessions, verifications): listing and
 * creating accounts, disabling them, listing and revoking sessions, invitations. better-auth does
 * sign-in, session cookies and refresh (src/auth/better-auth.ts); both write the same rows, in the
 * same formats (better-auth's scrypt hash for passwords).
 */
import { randomUUID } from "node:crypto";
import { type Kysely, PostgresAdapter } from "kysely";
import type { Flag, Timestamp } from "../db/auth-tables.ts";
import type { DB } from "../db/schema.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import type { Role } from "../policy/index.ts";
import { ROLES } from "../policy/index.ts";

/** The provider id better-auth gives email + password accounts. */
export const CREDENTIAL_PROVIDER = "credential";
const INVITATION_PREFIX = "invitation:";

export interface AccountUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  /** False while an invitation has not been accepted: the account has no password yet. */
  hasPassword: boolean;
  createdAt: string;
}

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
}

export function isPostgres(db: Kysely<DB> | Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** ISO text from either dialect's timestamp (text on SQLite, Date on PostgreSQL). */
export function isoOf(value: Timestamp): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function flagOf(value: Flag): boolean {
  return value === true || value === 1;
}

/** A boolean as this dialect binds it (better-sqlite3 cannot bind booleans). */
function flag(db: Kysely<DB>, value: boolean): Flag {
  return isPostgres(db) ? value : value ? 1 : 0;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function roleOf(value: string): Role {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : "editor";
}

const userColumns = [
  "users.id",
  "users.email",
  "users.name",
  "users.role",
  "users.disabled",
  "users.must_change_password",
  "users.created_at",
] as const;

function toAccountUser(row: {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: Flag;
  must_change_password: Flag;
  created_at: Timestamp;
  password_count: number | string | bigint | null;
}): AccountUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleOf(row.role),
    disabled: flagOf(row.disabled),
    mustChangePassword: flagOf(row.must_change_password),
    hasPassword: Number(row.password_count ?? 0) > 0,
    createdAt: isoOf(row.created_at),
  };
}

function selectUsers(db: Kysely<DB>) {
  return db
    .selectFrom("users")
    .select(userColumns)
    .select((eb) =>
      eb
        .selectFrom("accounts")
        .whereRef("accounts.user_id", "=", "users.id")
        .where("accounts.provider_id", "=", CREDENTIAL_PROVIDER)
        .where("accounts.password", "is not", null)
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .as("password_count"),
    );
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<AccountUser | undefined> {
  const row = await selectUsers(db).where("users.id", "=", id).executeTakeFirst();
  return row ? toAccountUser(row) : undefined;
}

export async function findUserByEmail(db: Kysely<DB>, email: string): Promise<AccountUser | undefined> {
  const row = await selectUsers(db).where("users.email", "=", normalizeEmail(email)).executeTakeFirst();
  return row ? toAccountUser(row) : undefined;
}

/** Every account, administrators first, then by email. */
export async function listUsers(db: Kysely<DB>): Promise<AccountUser[]> {
  const rows = await selectUsers(db).orderBy("users.role", "asc").orderBy("users.email", "asc").execute();
  return rows.map(toAccountUser);
}

export interface NewAccount {
  email: string;
  /** Shown in the header and in change histories; defaults to the email's local part. */
  name?: string;
  role: Role;
  /** The password itself (hashed here); absent for an invitation, where the invitee chooses it. */
  password?: string;
  /** True for a temporary password an administrator chose: the first sign-in asks for a new one. */
  mustChangePassword?: boolean;
}

export class EmailTakenError extends Error {
  constructor() {
    super("an account with this email address already exists");
  }
}

const USERS_EMAIL_KEY = { postgres: "users_email_key", sqlite: "users.email" };

/** Creates the user and, with a password, its credential account, in one transaction. */
export async function createAccount(db: Kysely<DB>, input: NewAccount): Promise<AccountUser> {
  const email = normalizeEmail(input.email);
  const now = new Date().toISOString();
  const id = randomUUID();
  const passwordHash =
    input.password === undefined ? null : await (await import("better-auth/crypto")).hashPassword(input.password);
  // The check answers the usual case; the catch answers a parallel request that inserted the same
  // address between our check and our insert (PostgreSQL lets both transactions see "no one").
  await db
    .transaction()
    .execute(async (trx) => {
      const existing = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
      if (existing) throw new EmailTakenError();
      await trx
        .insertInto("users")
        .values({
          id,
          email,
          name: input.name?.trim() || email.split("@")[0],
          email_verified: flag(db, false),
          image: null,
          role: input.role,
          disabled: flag(db, false),
          must_change_password: flag(db, Boolean(input.mustChangePassword && passwordHash)),
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (passwordHash) await insertCredential(trx, id, passwordHash, now);
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error, USERS_EMAIL_KEY) ? new EmailTakenError() : error;
    });
  return (await findUserById(db, id)) as AccountUser;
}

async function insertCredential(db: Kysely<DB>, userId: string, passwordHash: string, now: string): Promise<void> {
  await db
    .insertInto("accounts")
    .values({
      id: randomUUID(),
      account_id: userId,
      provider_id: CREDENTIAL_PROVIDER,
      user_id: userId,
      access_token: null,
      refresh_token: null,
      id_token: null,
      access_token_expires_at: null,
      refresh_token_expires_at: null,
      scope: null,
      password: passwordHash,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Sets a new password (hashing it here), clears "must change password", and ends every session
 * of the account except `keepSessionId`, all in one transaction.
 */
export async function setPassword(
  db: Kysely<DB>,
  userId: string,
  password: string,
  options: { keepSessionId?: string } = {},
): Promise<void> {
  const passwordHash = await (await import("better-auth/crypto")).hashPassword(password);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("accounts")
      .set({ password: passwordHash, updated_at: now })
      .where("user_id", "=", userId)
      .where("provider_id", "=", CREDENTIAL_PROVIDER)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await insertCredential(trx, userId, passwordHash, now);
    await trx
      .updateTable("users")
      .set({ must_change_password: flag(db, false), updated_at: now })
      .where("id", "=", userId)
      .execute();
    let sessions = trx.deleteFrom("sessions").where("user_id", "=", userId);
    if (options.keepSessionId) sessions = sessions.where("id", "!=", options.keepSessionId);
    await sessions.execute();
  });
}

/** Disabling also ends every session of the account at once. */
export async function setDisabled(db: Kysely<DB>, userId: string, disabled: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("users")
      .set({ disabled: flag(db, disabled), updated_at: new Date().toISOString() })
      .where("id", "=", userId)
      .executeTakeFirst();
    if (disabled) await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    return Number(result.numUpdatedRows) > 0;
  });
}

export async function listSessions(db: Kysely<DB>, userId: string): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "created_at", "updated_at", "expires_at", "ip_address", "user_agent"])
    .where("user_id", "=", userId)
    .orderBy("updated_at", "desc")
    .execute();
  const now = Date.now();
  return rows
    .map((row) => ({
      id: row.id,
      createdAt: isoOf(row.created_at),
      lastActiveAt: isoOf(row.updated_at),
      expiresAt: isoOf(row.expires_at),
      ipAddress: row.ip_address,
      userAgent: row.user_agent,
    }))
    .filter((session) => Date.parse(session.expiresAt) > now);
}

/** Ends one of the account's own sessions; another account's session id matches nothing. */
export async function deleteSession(db: Kysely<DB>, userId: string, sessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteAllSessions(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Replaces any earlier invitation of the account; only the token's hash is stored. */
export async function saveInvitation(
  db: Kysely<DB>,
  userId: string,
  tokenHash: string,
  expiresAt: Date,
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("verifications")
      .where("identifier", "like", `${INVITATION_PREFIX}%`)
      .where("value", "=", userId)
      .execute();
    await trx
      .insertInto("verifications")
      .values({
        id: randomUUID(),
        identifier: `${INVITATION_PREFIX}${tokenHash}`,
        value: userId,
        expires_at: expiresAt.toISOString(),
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
}

/** The account an unexpired invitation is for, or undefined. */
export async function findInvitation(db: Kysely<DB>, tokenHash: string): Promise<AccountUser | undefined> {
  const row = await db
    .selectFrom("verifications")
    .select(["value", "expires_at"])
    .where("identifier", "=", `${INVITATION_PREFIX}${tokenHash}`)
    .executeTakeFirst();
  if (!row || Date.parse(isoOf(row.expires_at)) <= Date.now()) return undefined;
  return findUserById(db, row.value);
}

/**
 * Uses an invitation up: one statement deletes it and gives back its account, so of any number of
 * parallel requests with the same link exactly one gets the account. Undefined when the link was
 * already used, replaced or has expired.
 */
export async function consumeInvitation(db: Kysely<DB>, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .deleteFrom("verifications")
    .where("identifier", "=", `${INVITATION_PREFIX}${tokenHash}`)
    .returning(["value", "expires_at"])
    .executeTakeFirst();
  if (!row || Date.parse(isoOf(row.expires_at)) <= Date.now()) return undefined;
  return row.value;
}

/** Changes an account's role; false when there is no such account. */
export async function setRole(db: Kysely<DB>, userId: string, role: Role): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ role, updated_at: new Date().toISOString() })
    .where("id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteInvitations(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .deleteFrom("verifications")
    .where("identifier", "like", `${INVITATION_PREFIX}%`)
    .where("value", "=", userId)
    .execute();
}

/** The stored scrypt hash of the account's password, for checking the current one before a change. */
export async function passwordHashOf(db: Kysely<DB>, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("accounts")
    .select("password")
    .where("user_id", "=", userId)
    .where("provider_id", "=", CREDENTIAL_PROVIDER)
    .executeTakeFirst();
  return row?.password ?? undefined;
}
