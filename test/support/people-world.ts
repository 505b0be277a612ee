/**
 * Two organisations with someone in every role, written straight into the tables (the stores are
 * tested on their own): the world the route × role × organisation matrix and the page tests walk.
 *
 *   const world = await buildPeopleWorld(t);       // t from makeTestApp()
 *   world.cookies.manager                          // signed in as org A's manager (undefined: anonymous)
 *   world.a.ids.unit, world.b.ids.person           // ids to put in URLs and forms
 *
 * Org A ("alpha"): an administrator (HR, an account with no staff record), a manager with one report,
 * another staff member who is not that manager's report, and someone who has left (with an account).
 * Org B ("beta"): its administrator, who is also a manager there, with one report. Account e-mail
 * addresses differ from the people's own, so a page showing a person's e-mail is told apart from the
 * header naming the signed-in account.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { createAccount, findUserByEmail } from "../../src/auth/accounts.ts";
import type { DB } from "../../src/db/schema.ts";
import type { Role } from "../../src/policy/index.ts";
import { originOf, type TestAppLike } from "./auth.ts";

export const MATRIX_ROLES = [
  "anonymous",
  "instanceAdmin",
  "orgAdmin",
  "manager",
  "staffReport",
  "staffOther",
  "left",
  "otherMember",
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** Ids by the route parameter (or form field) that carries them. */
export interface OrgIds {
  /** The organisation's slug (`:org`). */
  org: string;
  /** The organisation's id (for direct inserts). */
  organisationId: string;
  /** A branch under the organisation's top unit (`:unit`). */
  unit: string;
  rootUnit: string;
  /** A person every role of this organisation but "staffOther" may see: the manager's report (`:person`). */
  person: string;
  manager: string;
  /** Someone who is nobody's report and manages nobody. */
  otherPerson: string;
  leftPerson: string;
  /** An account holding the administrator role here (`:user`). */
  user: string;
  /** Employee numbers, by the person ids above. */
  employeeNumbers: Record<string, string>;
  [name: string]: string | Record<string, string>;
}

export interface PeopleWorld {
  /** Each organisation's ids, its own and its units' names, and its people's personal strings. */
  a: { ids: OrgIds; names: string[]; personal: string[] };
  b: { ids: OrgIds; names: string[]; personal: string[] };
  /** The `cookie` header of each role (anonymous has none). */
  cookies: Record<MatrixRole, string | undefined>;
  /** Account ids by role (anonymous has none). */
  accounts: Partial<Record<MatrixRole, string>>;
  /** Everything personal in both organisations: names, e-mail addresses, employee numbers. */
  personalStrings: string[];
}

export const ACCOUNT_EMAILS: Record<Exclude<MatrixRole, "anonymous">, string> = {
  instanceAdmin: "site-admin@accounts.test",
  orgAdmin: "hr-alpha@accounts.test",
  manager: "manager-alpha@accounts.test",
  staffReport: "report-alpha@accounts.test",
  staffOther: "other-alpha@accounts.test",
  left: "left-alpha@accounts.test",
  otherMember: "hr-beta@accounts.test",
};

const now = () => new Date().toISOString();

async function insertOrganisation(db: Kysely<DB>, slug: string, nameEn: string, nameFr: string) {
  const id = randomUUID();
  await db
    .insertInto("organisations")
    .values({
      id,
      slug,
      name_en: nameEn,
      name_fr: nameFr,
      default_lang: "en",
      retention_left_months: null,
      retention_assessment_years: null,
      privacy_notice_en: null,
      privacy_notice_fr: null,
      settings: "{}",
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}

export async function insertUnit(
  db: Kysely<DB>,
  organisationId: string,
  parentId: string | null,
  nameEn: string,
  nameFr = `${nameEn} (fr)`,
  ordinal = 0,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("units")
    .values({
      id,
      organisation_id: organisationId,
      parent_id: parentId,
      name_en: nameEn,
      name_fr: nameFr,
      ordinal,
      head_person_id: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}

export interface PersonRow {
  given: string;
  family: string;
  email: string;
  number: string;
  unitId?: string | null;
  managerId?: string | null;
  status?: "active" | "on_leave" | "left";
  userId?: string | null;
}

export async function insertPerson(db: Kysely<DB>, organisationId: string, p: PersonRow): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("people")
    .values({
      id,
      organisation_id: organisationId,
      given_name: p.given,
      family_name: p.family,
      preferred_name: null,
      email: p.email,
      employee_number: p.number,
      unit_id: p.unitId ?? null,
      manager_id: p.managerId ?? null,
      status: p.status ?? "active",
      status_since: p.status === "left" ? "2026-01-31" : null,
      preferred_lang: "en",
      user_id: p.userId ?? null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}

export async function insertAdministratorRole(db: Kysely<DB>, organisationId: string, userId: string) {
  await db
    .insertInto("organisation_roles")
    .values({
      organisation_id: organisationId,
      user_id: userId,
      role: "administrator",
      granted_at: now(),
      granted_by: null,
    })
    .execute();
}

/** An account without a password (nothing to hash: the world has seven of them). */
async function accountFor(db: Kysely<DB>, role: Role, email: string): Promise<string> {
  const existing = await findUserByEmail(db, email);
  return existing ? existing.id : (await createAccount(db, { email, role, name: `Account ${email.split("@")[0]}` })).id;
}

/**
 * A signed-in session for the account, as the sign-in form would have opened it: a session row and
 * its token in the cookie, signed with the app's secret (better-auth's HMAC-SHA256 signature).
 * Signing in through the form costs a password check per account; the world needs seven.
 */
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
  // Over HTTPS the cookie carries the __Host- prefix (src/auth/session-settings.ts).
  const prefix = originOf(t).startsWith("https:") ? "__Host-" : "";
  return `${prefix}skillshelf.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

export async function buildPeopleWorld(t: TestAppLike): Promise<PeopleWorld> {
  const db = t.db;
  const accounts: Partial<Record<MatrixRole, string>> = {};
  for (const [role, email] of Object.entries(ACCOUNT_EMAILS) as [Exclude<MatrixRole, "anonymous">, string][])
    accounts[role] = await accountFor(db, role === "instanceAdmin" ? "administrator" : "editor", email);

  const personal: string[] = [];
  const person = async (organisationId: string, row: PersonRow) => {
    personal.push(row.given, row.family, row.email, row.number);
    return insertPerson(db, organisationId, row);
  };

  const aId = await insertOrganisation(db, "alpha", "Alpha Regional Library", "Bibliothèque régionale Alpha");
  const aRoot = await insertUnit(db, aId, null, "Alpha System", "Réseau Alpha");
  const aUnit = await insertUnit(db, aId, aRoot, "Alpha Central Branch", "Succursale centrale Alpha");
  await insertAdministratorRole(db, aId, accounts.orgAdmin as string);
  const aManager = await person(aId, {
    given: "Quorra",
    family: "Vantablack",
    email: "quorra.v@alpha-people.test",
    number: "A-1001",
    unitId: aUnit,
    userId: accounts.manager,
  });
  const aReport = await person(aId, {
    given: "Ysolde",
    family: "Marchetti",
    email: "ysolde.m@alpha-people.test",
    number: "A-1002",
    unitId: aUnit,
    managerId: aManager,
    userId: accounts.staffReport,
  });
  const aOther = await person(aId, {
    given: "Thaddeus",
    family: "Oyelaran",
    email: "thaddeus.o@alpha-people.test",
    number: "A-1003",
    unitId: aRoot,
    userId: accounts.staffOther,
  });
  const aLeft = await person(aId, {
    given: "Perpetua",
    family: "Lindqvist",
    email: "perpetua.l@alpha-people.test",
    number: "A-1004",
    managerId: aManager,
    status: "left",
    userId: accounts.left,
  });

  const personalOfA = [...personal];
  const bId = await insertOrganisation(db, "beta", "Beta County Library", "Bibliothèque du comté Beta");
  const bRoot = await insertUnit(db, bId, null, "Beta System", "Réseau Beta");
  const bUnit = await insertUnit(db, bId, bRoot, "Beta Harbour Branch", "Succursale du port Beta");
  await insertAdministratorRole(db, bId, accounts.otherMember as string);
  const bManager = await person(bId, {
    given: "Evander",
    family: "Kowalczyk",
    email: "evander.k@beta-people.test",
    number: "B-2001",
    unitId: bUnit,
    userId: accounts.otherMember,
  });
  const bReport = await person(bId, {
    given: "Isadora",
    family: "Nakagawa",
    email: "isadora.n@beta-people.test",
    number: "B-2002",
    unitId: bUnit,
    managerId: bManager,
  });
  const bOther = await person(bId, {
    given: "Cornelius",
    family: "Abernathy",
    email: "cornelius.a@beta-people.test",
    number: "B-2003",
    unitId: bRoot,
  });
  const bLeft = await person(bId, {
    given: "Seraphina",
    family: "Doukas",
    email: "seraphina.d@beta-people.test",
    number: "B-2004",
    status: "left",
  });

  const cookies = { anonymous: undefined } as Record<MatrixRole, string | undefined>;
  for (const role of Object.keys(ACCOUNT_EMAILS) as Exclude<MatrixRole, "anonymous">[])
    cookies[role] = await sessionCookieFor(t, accounts[role] as string);

  const numbers = async (organisationId: string) =>
    Object.fromEntries(
      (
        await db
          .selectFrom("people")
          .select(["id", "employee_number"])
          .where("organisation_id", "=", organisationId)
          .execute()
      ).map((row) => [row.id, row.employee_number]),
    );
  return {
    a: {
      ids: {
        org: "alpha",
        organisationId: aId,
        unit: aUnit,
        rootUnit: aRoot,
        person: aReport,
        manager: aManager,
        otherPerson: aOther,
        leftPerson: aLeft,
        user: accounts.orgAdmin as string,
        employeeNumbers: await numbers(aId),
      },
      names: ["Alpha Regional Library", "Bibliothèque régionale Alpha", "Alpha Central Branch", "Alpha System"],
      personal: personalOfA,
    },
    b: {
      ids: {
        org: "beta",
        organisationId: bId,
        unit: bUnit,
        rootUnit: bRoot,
        person: bReport,
        manager: bManager,
        otherPerson: bOther,
        leftPerson: bLeft,
        user: accounts.otherMember as string,
        employeeNumbers: await numbers(bId),
      },
      names: ["Beta County Library", "Bibliothèque du comté Beta", "Beta Harbour Branch", "Beta System"],
      personal: personal.filter((text) => !personalOfA.includes(text)),
    },
    cookies,
    accounts,
    personalStrings: personal,
  };
}

/** Everything stored for one organisation, as text: equal before and after means nothing changed. */
export async function organisationSnapshot(db: Kysely<DB>, organisationId: string): Promise<string> {
  const [organisation, units, people, roles, changes, learning] = await Promise.all([
    db.selectFrom("organisations").selectAll().where("id", "=", organisationId).execute(),
    db.selectFrom("units").selectAll().where("organisation_id", "=", organisationId).orderBy("id").execute(),
    db.selectFrom("people").selectAll().where("organisation_id", "=", organisationId).orderBy("id").execute(),
    db
      .selectFrom("organisation_roles")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .orderBy("user_id")
      .execute(),
    db
      .selectFrom("organisation_changes")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .orderBy("id")
      .execute(),
    // The learning catalogue (src/insights) with each resource's competencies.
    db
      .selectFrom("learning_resources as r")
      .leftJoin("learning_resource_competencies as t", "t.resource_id", "r.id")
      .selectAll("r")
      .select(["t.framework_id", "t.item_id"])
      .where("r.organisation_id", "=", organisationId)
      .orderBy("r.id")
      .orderBy("t.item_id")
      .execute(),
  ]);
  return JSON.stringify({ organisation, units, people, roles, changes, learning });
}
