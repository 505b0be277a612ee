/**
 * Two organisations with every role, written straight into the tables (the people store lands
 * separately): in "riverside", an administrator (HR, also a person there), a manager with one
 * report, another member of staff who is not that report, and someone who has left; in "lakeshore",
 * one member of staff. Each person with an account signs in with `cookieOf(key)`.
 *
 * Accounts have no password and sessions are written as the sign-in form would open them: a
 * password hash and check per account would cost most of these tests' time (the sign-in form has
 * its own tests).
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { createAccount } from "../../src/auth/accounts.ts";
import type { DB } from "../../src/db/schema.ts";
import type { Role } from "../../src/policy/index.ts";
import { originOf, type TestAppLike } from "../support/auth.ts";

const STAMP = "2026-01-05T10:00:00.000Z";

export interface WorldPerson {
  id: string;
  userId: string | null;
  email: string;
  name: string;
  employeeNumber: string;
}

export async function insertOrganisation(db: Kysely<DB>, slug: string, fields: Partial<DB["organisations"]> = {}) {
  const id = randomUUID();
  await db
    .insertInto("organisations")
    .values({
      id,
      slug,
      name_en: `${slug} Public Library`,
      name_fr: `Bibliothèque publique de ${slug}`,
      default_lang: "en",
      retention_left_months: null,
      retention_assessment_years: null,
      privacy_notice_en: null,
      privacy_notice_fr: null,
      settings: "{}",
      created_at: STAMP,
      updated_at: STAMP,
      ...fields,
    })
    .execute();
  return id;
}

export async function insertUnit(db: Kysely<DB>, organisationId: string, name: string, parentId: string | null = null) {
  const id = randomUUID();
  await db
    .insertInto("units")
    .values({
      id,
      organisation_id: organisationId,
      parent_id: parentId,
      name_en: name,
      name_fr: `${name} (fr)`,
      ordinal: 0,
      head_person_id: null,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  return id;
}

export async function insertPerson(
  db: Kysely<DB>,
  organisationId: string,
  fields: { given: string; family: string; number: string } & Partial<DB["people"]>,
): Promise<string> {
  const id = randomUUID();
  const { given, family, number, ...rest } = fields;
  await db
    .insertInto("people")
    .values({
      id,
      organisation_id: organisationId,
      given_name: given,
      family_name: family,
      preferred_name: null,
      email: null,
      employee_number: number,
      unit_id: null,
      manager_id: null,
      status: "active",
      status_since: null,
      preferred_lang: "en",
      user_id: null,
      created_at: STAMP,
      updated_at: STAMP,
      ...rest,
    })
    .execute();
  return id;
}

export async function insertAccess(
  db: Kysely<DB>,
  entry: {
    organisationId: string;
    personId: string;
    actorLabel: string;
    at: string;
    what?: string;
    actorId?: string | null;
  },
) {
  await db
    .insertInto("access_log")
    .values({
      id: randomUUID(),
      organisation_id: entry.organisationId,
      at: entry.at,
      actor_id: entry.actorId ?? null,
      actor_label: entry.actorLabel,
      person_id: entry.personId,
      what: entry.what ?? "record",
      path: null,
      request_id: null,
    })
    .execute();
}

export async function insertChange(
  db: Kysely<DB>,
  entry: { organisationId: string; personId: string; at: string; before: unknown; after: unknown },
) {
  await db
    .insertInto("organisation_changes")
    .values({
      id: randomUUID(),
      organisation_id: entry.organisationId,
      at: entry.at,
      actor_id: null,
      actor_label: "HR import",
      subject_kind: "person",
      subject_id: entry.personId,
      action: "update",
      batch_id: randomUUID(),
      before: JSON.stringify(entry.before),
      after: JSON.stringify(entry.after),
    })
    .execute();
}

/** A signed-in session's cookie for the account: a session row and its HMAC-signed token (as better-auth signs it). */
export async function sessionCookieFor(t: TestAppLike, userId: string): Promise<string> {
  const secret = t.config?.authSecret;
  if (!secret) throw new Error("sessionCookieFor needs t.config.authSecret: build the app with makeTestApp()");
  const token = randomBytes(24).toString("base64url");
  const at = new Date();
  await t.db
    .insertInto("sessions")
    .values({
      id: randomUUID(),
      token,
      user_id: userId,
      expires_at: new Date(at.getTime() + 3_600_000).toISOString(),
      ip_address: null,
      user_agent: null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .execute();
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  const prefix = originOf(t).startsWith("https:") ? "__Host-" : "";
  return `${prefix}skillshelf.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

const accountFor = async (t: TestAppLike, role: Role, email: string, name: string) =>
  (await createAccount(t.db, { email, role, name })).id;

export type WorldKey = "hr" | "manager" | "report" | "colleague" | "leaver" | "outsider";

export async function buildWorld(t: TestAppLike) {
  const db = t.db;
  const riverside = await insertOrganisation(db, "riverside");
  const lakeshore = await insertOrganisation(db, "lakeshore");
  const branch = await insertUnit(db, riverside, "Central Branch");
  const people = {} as Record<WorldKey, WorldPerson>;
  const add = async (
    key: WorldKey,
    organisationId: string,
    given: string,
    family: string,
    number: string,
    extra: Partial<DB["people"]> = {},
  ) => {
    const email = `${key}@${organisationId === riverside ? "riverside" : "lakeshore"}.test`;
    const userId = await accountFor(t, "editor", email, `${given} ${family}`);
    const id = await insertPerson(db, organisationId, { given, family, number, email, user_id: userId, ...extra });
    people[key] = { id, userId, email, name: `${given} ${family}`, employeeNumber: number };
  };
  await add("hr", riverside, "Hana", "Roy", "R-001");
  await add("manager", riverside, "Marc", "Ouellet", "R-002", { unit_id: branch });
  await add("report", riverside, "Rita", "Singh", "R-003", { unit_id: branch });
  await db.updateTable("people").set({ manager_id: people.manager.id }).where("id", "=", people.report.id).execute();
  await add("colleague", riverside, "Colin", "Baptiste", "R-004");
  await add("leaver", riverside, "Léa", "Tremblay", "R-005", { status: "left", status_since: "2025-01-31" });
  await add("outsider", lakeshore, "Omar", "Haddad", "L-001");
  await db
    .insertInto("organisation_roles")
    .values({
      organisation_id: riverside,
      user_id: people.hr.userId as string,
      role: "administrator",
      granted_at: STAMP,
      granted_by: null,
    })
    .execute();
  const instanceAdmin = await accountFor(t, "administrator", "instance-admin@privacy.test", "Instance Admin");
  const cookies = new Map<string, string>();
  const cookieOf = async (key: WorldKey | "instanceAdmin") => {
    let cookie = cookies.get(key);
    if (!cookie) {
      cookie = await sessionCookieFor(t, key === "instanceAdmin" ? instanceAdmin : (people[key].userId as string));
      cookies.set(key, cookie);
    }
    return cookie;
  };
  return { riverside, lakeshore, branch, people, cookieOf };
}
