/**
 * A small organisation with one assessment to print, for the document tests: HR (an administrator
 * without a person), a department head, a manager reporting to them, the person assessed reporting to
 * the manager, a colleague, and a second organisation with its own assessment. The assessment has
 * competencies of a small published framework in two areas, levels given and missing, comments,
 * a conversation, one sign-off, and evidence (a file with bytes and a link).
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { createAccount } from "../../src/auth/accounts.ts";
import type { DB } from "../../src/db/schema.ts";
import { assessmentRow, cycleRow } from "./assessment-rows.ts";
import type { TestAppLike } from "./auth.ts";
import { insertAdministratorRole, insertPerson, insertUnit, sessionCookieFor } from "./people-world.ts";
import { insertProfile, publishSmallFramework, type SmallFramework } from "./profile-framework.ts";

export const DOCUMENT_ROLES = ["hr", "head", "manager", "person", "colleague", "otherHr", "siteAdmin"] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

export interface AssessmentDocumentWorld {
  organisationId: string;
  assessmentId: string;
  /** The second organisation's assessment (slug "south"). */
  otherAssessmentId: string;
  framework: SmallFramework;
  accounts: Record<DocumentRole, string>;
  people: { head: string; manager: string; person: string; colleague: string };
  cookies: Record<DocumentRole, string>;
}

export const HOSTILE_COMMENT = "</td><script>alert('x')</script> & « élan »";
const AT = "2027-03-01T09:00:00.000Z";

async function organisation(db: Kysely<DB>, slug: string, en: string, fr: string) {
  const id = randomUUID();
  await db
    .insertInto("organisations")
    .values({ id, slug, name_en: en, name_fr: fr, default_lang: "en", settings: "{}", created_at: AT, updated_at: AT })
    .execute();
  return id;
}

/** Builds the world; cookies only when an app is given (the loader tests need none). */
export async function buildAssessmentDocumentWorld(db: Kysely<DB>, t?: TestAppLike): Promise<AssessmentDocumentWorld> {
  const accounts = {} as Record<DocumentRole, string>;
  for (const role of DOCUMENT_ROLES)
    accounts[role] = (
      await createAccount(db, {
        email: `${role}-${randomUUID().slice(0, 6)}@documents.test`,
        role: role === "siteAdmin" ? "administrator" : "editor",
        name: `Account ${role}`,
      })
    ).id;

  const north = await organisation(db, "north", "North Library", "Bibliothèque du Nord");
  const south = await organisation(db, "south", "South Library", "Bibliothèque du Sud");
  await insertAdministratorRole(db, north, accounts.hr);
  await insertAdministratorRole(db, south, accounts.otherHr);
  const unit = await insertUnit(db, north, null, "Central branch", "Succursale centrale");
  const person = (given: string, family: string, userId: string | null, managerId: string | null, org = north) =>
    insertPerson(db, org, {
      given,
      family,
      email: `${given.toLowerCase()}@north.test`,
      number: `N-${randomUUID().slice(0, 8)}`,
      unitId: org === north ? unit : null,
      managerId,
      userId,
    });
  const head = await person("Aurelio", "Headington", accounts.head, null);
  const manager = await person("Zoë", "Ångström", accounts.manager, head);
  const assessed = await person("Héloïse", "Lefèbvre", accounts.person, manager);
  const colleague = await person("Casimir", "Colleague", accounts.colleague, null);
  const southPerson = await person("Sunniva", "Southgate", null, null, south);

  const framework = await publishSmallFramework(db, `doc-${randomUUID().slice(0, 6)}`, {
    areas: 2,
    perArea: 2,
    ksas: 0,
  });
  const edition = await db
    .selectFrom("editions")
    .select("id")
    .where("framework_id", "=", framework.id)
    .executeTakeFirstOrThrow();
  const profile = await insertProfile(db, north, "Circulation assistant");

  const cycle = randomUUID();
  await db
    .insertInto("review_cycles")
    .values(
      cycleRow({
        id: cycle,
        organisation_id: north,
        name_en: "Annual review 2027",
        name_fr: "Bilan annuel 2027",
        state: "open",
      }),
    )
    .execute();
  const assessmentId = randomUUID();
  await db
    .insertInto("assessments")
    .values(
      assessmentRow({
        id: assessmentId,
        cycle_id: cycle,
        organisation_id: north,
        person_id: assessed,
        manager_id: manager,
        profile_id: profile,
        state: "agreed",
        conversation_date: "2027-03-15",
        conversation_notes: "We agreed on a training plan.\n\nFollow-up in June.",
        person_signed_at: "2027-03-20T10:00:00.000Z",
      }),
    )
    .execute();
  const [c11, c12] = framework.competencies[0] as string[];
  const [c21, c22] = framework.competencies[1] as string[];
  const item = (itemId: string, ordinal: number, levels: Partial<DB["assessment_items"]>) => ({
    assessment_id: assessmentId,
    framework_id: framework.id,
    item_id: itemId,
    edition_id: edition.id,
    ordinal,
    origin: "profile",
    target_level: 3,
    importance: "essential",
    self_level: null,
    self_comment: null,
    manager_level: null,
    manager_comment: null,
    agreed_level: null,
    updated_at: AT,
    ...levels,
  });
  await db
    .insertInto("assessment_items")
    .values([
      item(c11 as string, 1, { self_level: 4, self_comment: HOSTILE_COMMENT, manager_level: 3, agreed_level: 3 }),
      item(c12 as string, 2, { self_level: 2, manager_level: 1, manager_comment: "Needs practice.", agreed_level: 1 }),
      item(c21 as string, 3, { target_level: null, importance: null, origin: "person", self_level: 5 }),
      item(c22 as string, 4, { importance: "asset" }),
    ])
    .execute();
  await db
    .insertInto("assessment_evidence")
    .values([
      {
        id: randomUUID(),
        assessment_id: assessmentId,
        item_id: c11 as string,
        kind: "file",
        title: "Class visits summary",
        url: null,
        file_name: "class-visits.pdf",
        media_type: "application/pdf",
        size: 12,
        bytes: Buffer.from("%PDF-SECRET-BYTES"),
        created_at: AT,
        created_by: accounts.person,
      },
      {
        id: randomUUID(),
        assessment_id: assessmentId,
        item_id: null,
        kind: "link",
        title: "Newsletter article",
        url: "https://library.example.org/news/42",
        file_name: null,
        media_type: null,
        size: null,
        bytes: null,
        created_at: "2027-03-02T09:00:00.000Z",
        created_by: accounts.person,
      },
    ])
    .execute();

  const southCycle = randomUUID();
  await db
    .insertInto("review_cycles")
    .values(cycleRow({ id: southCycle, organisation_id: south }))
    .execute();
  const otherAssessmentId = randomUUID();
  await db
    .insertInto("assessments")
    .values(
      assessmentRow({ id: otherAssessmentId, cycle_id: southCycle, organisation_id: south, person_id: southPerson }),
    )
    .execute();

  const cookies = {} as Record<DocumentRole, string>;
  if (t) for (const role of DOCUMENT_ROLES) cookies[role] = await sessionCookieFor(t, accounts[role]);
  return {
    organisationId: north,
    assessmentId,
    otherAssessmentId,
    framework,
    accounts,
    people: { head, manager, person: assessed, colleague },
    cookies,
  };
}
