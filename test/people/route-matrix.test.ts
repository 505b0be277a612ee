/**
 * The route × role × organisation matrix (issue 13, decision 024). Every route Hono has registered
 * under /:lang/orgs/ and /api/v1/orgs/ is listed automatically and must have an expectation in
 * ROUTES below (a route without one fails, and so does an expectation for a route that no longer
 * exists). Each route is then asked by every role of test/support/people-world.ts's world:
 *
 *   1. with organisation A's slug and A's ids in the URL and form: the roles in `allow` get the
 *      expected answer; every other role is refused (anonymous: the sign-in answer; a role that may
 *      see organisation A: 403; a role with no standing in A: 404; `refusal` overrides per role);
 *   2. with A's slug but organisation B's ids in the URL and form (when the route takes any): nobody
 *      succeeds — a role that would be allowed gets 404 (or 400/409 for a form) — and B is unchanged;
 *   3. a refusal has no personal data in its body (no name, e-mail address or employee number of
 *      anyone in either organisation) and a refused write changes nothing in A.
 *
 * Adding a route: add its line to ROUTES, keyed by method and pattern (":lang" for the language).
 * URL parameters are filled from the organisation's ids by name (:org, :unit, :person, :user…; add
 * a name to OrgIds in test/support/people-world.ts if you need another). A route that consumes what it
 * acts on (a deletion) takes a `setup` making a fresh target for each request.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import { dayOf } from "../../src/assessments/due.ts";
import { addFile, addLink } from "../../src/assessments/evidence/store.ts";
import { commentField, levelField, was } from "../../src/assessments/work/form.ts";
import { itemKey } from "../../src/assessments/work/read.ts";
import { offeredDueOn } from "../../src/assessments/work/reopen-form.ts";
import type { DB } from "../../src/db/schema.ts";
import { createResource, tagCompetencies } from "../../src/insights/learning/store.ts";
import { saveStaffUpload } from "../../src/people/staff-import/uploads.ts";
import { profileInput } from "../../src/profiles/jobs/fields.ts";
import { createPosting, postingForm } from "../../src/profiles/jobs/postings.ts";
import { createProfile } from "../../src/profiles/jobs/store.ts";
import { addRequirements } from "../../src/profiles/requirements/store.ts";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { seedAssessment } from "../support/assessment-work.ts";
import { csrfHeaders, ensureAccount, postForm } from "../support/auth.ts";
import { pngFile } from "../support/evidence-files.ts";
import { seedAssessment as seedEvidenceAssessment } from "../support/evidence-world.ts";
import { TEST_CHANGE_ACTOR } from "../support/people.ts";
import {
  buildPeopleWorld,
  insertAdministratorRole,
  insertUnit,
  MATRIX_ROLES,
  type MatrixRole,
  type OrgIds,
  organisationSnapshot,
  type PeopleWorld,
} from "../support/people-world.ts";
import { insertProfile, publishSmallFramework, type SmallFramework } from "../support/profile-framework.ts";

type Which = "a" | "b";

interface Expectation {
  /** The roles this route serves in their own organisation; every other role is refused. */
  allow: readonly MatrixRole[];
  /** What an allowed request answers (default: 200 for GET, 303 for POST). */
  status?: number;
  /** The form a POST sends, from the ids of the organisation being tested (A, or B for pass 2). */
  form?: (ids: OrgIds) => Record<string, string>;
  /** A JSON body (API writes). */
  json?: (ids: OrgIds) => unknown;
  /** Fresh ids for each request (a route that deletes or moves what it acts on). */
  setup?: (db: Kysely<DB>, world: PeopleWorld, which: Which) => Promise<Partial<OrgIds>>;
  /**
   * Pass 2's answer to an allowed role when it is not 404 although the address names B's resource
   * (a route that checks its form before it looks the resource up). Each use is a finding to fix.
   */
  crossStatus?: number;
  /** A refused role whose answer is not the default (e.g. 404 for a person one may not see). */
  refusal?: Partial<Record<MatrixRole, 403 | 404>>;
}

/** Roles that may see organisation A exists (organisation.read): refused with 403, not 404. */
const READERS_OF_A: readonly MatrixRole[] = ["instanceAdmin", "orgAdmin", "manager", "staffReport", "staffOther"];
const ADMIN: readonly MatrixRole[] = ["orgAdmin"];
/** Everyone of the organisation: its administrators and its people (not the site's administrator). */
const MEMBERS: readonly MatrixRole[] = ["orgAdmin", "manager", "staffReport", "staffOther"];
const ROLE_MANAGERS: readonly MatrixRole[] = ["instanceAdmin", "orgAdmin"];
/** A person route refuses as if the person were unknown (decision 024): 404 for every member too. */
const AS_UNKNOWN_PERSON = { instanceAdmin: 404, manager: 404, staffReport: 404, staffOther: 404 } as const;

let scratchUnits = 0;

/** A fresh unit, last under the top unit, to move, rename or delete; `branch` is the world's own unit. */
const scratchUnit = async (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const { organisationId, rootUnit, unit: branch } = world[which].ids;
  const n = ++scratchUnits;
  return { unit: await insertUnit(db, organisationId, rootUnit, `Scratch ${n}`, `Essai ${n}`, 1000 + n), branch };
};

/** Profile routes: HR and managers edit; the person holding a profile reads it too. */
const PROFILE_EDITORS: readonly MatrixRole[] = ["orgAdmin", "manager"];
const PROFILE_READERS: readonly MatrixRole[] = ["orgAdmin", "manager", "staffReport"];
const AS_UNKNOWN_PROFILE = { instanceAdmin: 404, staffReport: 404, staffOther: 404 } as const;

let scratchProfiles = 0;

/** A fresh job profile; with `held`, the world's `person` (staffReport) holds it as their position. */
async function scratchJobProfile(db: Kysely<DB>, world: PeopleWorld, which: Which, held: boolean): Promise<string> {
  const { organisationId, person } = world[which].ids;
  const n = ++scratchProfiles;
  const profile = await createProfile(
    db,
    organisationId,
    profileInput.parse({ title_en: `Matrix job ${n}`, title_fr: `Poste ${n}` }),
    TEST_CHANGE_ACTOR,
  );
  if (held) {
    await db.deleteFrom("person_positions").where("person_id", "=", person).execute();
    await db
      .insertInto("person_positions")
      .values({ person_id: person, profile_id: profile.id, since: null, updated_at: new Date().toISOString() })
      .execute();
  }
  return profile.id;
}

const heldProfile = async (db: Kysely<DB>, world: PeopleWorld, which: Which) => ({
  profile: await scratchJobProfile(db, world, which, true),
});

/** A fresh profile with a posting of it (not published); with `held`, the world's person holds the profile. */
const scratchPosting = async (db: Kysely<DB>, world: PeopleWorld, which: Which, held = false) => {
  const profile = await scratchJobProfile(db, world, which, held);
  const posting = await createPosting(
    db,
    world[which].ids.organisationId,
    profile,
    postingForm.parse({
      date_posted: "2026-01-05",
      valid_through: "2026-02-05",
      employment_type: "PART_TIME",
      how_to_apply_en: "Write to us.",
      how_to_apply_fr: "Écrivez-nous.",
    }),
    TEST_CHANGE_ACTOR,
  );
  return { profile, posting: posting.id };
};

const heldPosting = (db: Kysely<DB>, world: PeopleWorld, which: Which) => scratchPosting(db, world, which, true);

let scratchCycles = 0;

/** A fresh review cycle of the organisation in the given state (everyone takes part), at version 1. */
const scratchCycle =
  (state: "draft" | "open" | "closed") =>
  async (db: Kysely<DB>, world: PeopleWorld, which: Which): Promise<Partial<OrgIds>> => {
    const id = `matrix-cycle-${++scratchCycles}`;
    await db
      .insertInto("review_cycles")
      .values(cycleRow({ id, organisation_id: world[which].ids.organisationId, state }))
      .execute();
    await db
      .insertInto("review_cycle_steps")
      .values(
        (["self", "manager", "conversation", "signoff"] as const).map((step, i) => ({
          cycle_id: id,
          step,
          due_date: `2027-0${i + 2}-01`,
        })),
      )
      .execute();
    return { cycle: id };
  };

/** A complete draft form (the organisation's unit ticked, so it names an id of the organisation tested). */
const cycleForm = (ids: OrgIds) => ({
  name_en: "Matrix review",
  name_fr: "Bilan de la matrice",
  period_start: "2027-01-01",
  period_end: "2027-12-31",
  scale: DEFAULT_SCALE_ID,
  leaver_rule: "keep",
  units: ids.unit,
  due_self: "2027-02-01",
  due_manager: "2027-03-01",
  due_conversation: "2027-04-01",
  due_signoff: "2027-05-01",
});

let scratchAccounts = 0;
let newPeople = 0;

/** An account that holds no role anywhere (appointing one never changes what the world's roles may do). */
async function scratchAccount(db: Kysely<DB>) {
  const email = `scratch-${++scratchAccounts}@accounts.test`;
  return { email, user: await ensureAccount({ app: undefined as never, db }, "editor", email) };
}

/** One small published framework per database, for the profile builder's routes. */
const matrixFrameworks = new WeakMap<Kysely<DB>, Promise<SmallFramework>>();
const matrixFramework = (db: Kysely<DB>) => {
  let framework = matrixFrameworks.get(db);
  if (!framework) {
    framework = publishSmallFramework(db, "matrix-practice");
    matrixFrameworks.set(db, framework);
  }
  return framework;
};

/** A fresh profile of the organisation (`:profile`), and a competency it could require. */
const scratchProfile = async (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const framework = await matrixFramework(db);
  const profile = await insertProfile(db, world[which].ids.organisationId);
  return { profile, pick: `${framework.id}~${framework.competencies[0]?.[0]}` };
};

/** A fresh profile requiring one competency (`:requirement`), at version 2. */
const scratchRequirement = async (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const framework = await matrixFramework(db);
  const organisationId = world[which].ids.organisationId;
  const profile = await insertProfile(db, organisationId);
  const itemId = framework.competencies[0]?.[0] as string;
  await addRequirements(db, { organisationId, profileId: profile }, 1, [{ frameworkId: framework.id, itemId }], null);
  return { profile, requirement: `${framework.id}~${itemId}` };
};

/**
 * Assessments (issue 15): the person (staffReport), their manager (the reviewer) and HR read one;
 * anyone else is refused as if it did not exist (404), as for a person they may not see.
 */
const ASSESSMENT_READERS: readonly MatrixRole[] = ["orgAdmin", "manager", "staffReport"];
const AS_UNKNOWN_ASSESSMENT = { instanceAdmin: 404, staffOther: 404 } as const;

/** One assessment per organisation and database: the world's person's, reviewed by their manager. */
const matrixAssessments = new WeakMap<Kysely<DB>, Map<Which, Promise<string>>>();
const documentAssessment = (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const byOrganisation = matrixAssessments.get(db) ?? new Map<Which, Promise<string>>();
  matrixAssessments.set(db, byOrganisation);
  let made = byOrganisation.get(which);
  if (!made) {
    const { organisationId, person, manager } = world[which].ids;
    const cycle = `matrix-document-cycle-${which}`;
    const id = `matrix-assessment-${which}`;
    made = (async () => {
      await db
        .insertInto("review_cycles")
        .values(cycleRow({ id: cycle, organisation_id: organisationId }))
        .execute();
      await db
        .insertInto("assessments")
        .values(
          assessmentRow({
            id,
            cycle_id: cycle,
            organisation_id: organisationId,
            person_id: person,
            manager_id: manager,
          }),
        )
        .execute();
      return id;
    })();
    byOrganisation.set(which, made);
  }
  return made.then((assessment) => ({ assessment }));
};

/**
 * Assessments' evidence (src/assessments/evidence): one assessment of the world's person (staffReport),
 * reviewed by their manager, in each organisation, with a file; a fresh link of the person's to remove.
 */
const evidenceAssessments = new Map<string, Promise<string>>();
const evidenceAssessment = (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const ids = world[which].ids;
  let assessment = evidenceAssessments.get(ids.organisationId);
  if (!assessment) {
    assessment = seedEvidenceAssessment(db, {
      organisationId: ids.organisationId,
      personId: ids.person,
      managerId: ids.manager,
    }).then((seeded) => seeded.assessment);
    evidenceAssessments.set(ids.organisationId, assessment);
  }
  return assessment;
};
const evidenceFile = async (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const assessment = await evidenceAssessment(db, world, which);
  const existing = await db
    .selectFrom("assessment_evidence")
    .select("id")
    .where("assessment_id", "=", assessment)
    .where("kind", "=", "file")
    .executeTakeFirst();
  const evidence =
    existing?.id ??
    (await addFile(
      db,
      { assessmentId: assessment, sentName: "photo.png", kind: "png", mediaType: "image/png", bytes: pngFile() },
      TEST_CHANGE_ACTOR,
    ));
  return { assessment, evidence };
};
const personsLink = async (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const assessment = await evidenceAssessment(db, world, which);
  const author = { id: world.accounts.staffReport ?? null, label: "report" };
  const evidence = await addLink(db, { assessmentId: assessment, title: "Link", url: "https://x.example/" }, author);
  return { assessment, evidence };
};

/**
 * Assessments (src/assessments/work): the world's `person` (staffReport) is assessed, their manager
 * reviews. An assessment's page: the person, the manager (and up the chain) and HR read; the staff
 * member who is not a report, the site's administrator and another organisation get 404, as for an
 * unknown assessment. Writes: the person's and the reviewer's own; a reader refused (403).
 */

/** A fresh assessment (`:assessment`) in the given state, its first competency's key and field names. */
const scratchAssessment =
  (state: "not_started" | "in_progress" | "submitted" | "agreed" = "not_started", added = false) =>
  async (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
    const { organisationId, person, manager } = world[which].ids;
    const seeded = await seedAssessment(db, { organisationId, personId: person, managerId: manager, state });
    const first = itemKey(seeded.frameworkId, seeded.items[0] as string);
    const spare = itemKey(seeded.frameworkId, seeded.spare);
    if (added)
      await db
        .updateTable("assessment_items")
        .set({ origin: "person" })
        .where("assessment_id", "=", seeded.assessmentId)
        .where("item_id", "=", seeded.items[1] as string)
        .execute();
    return {
      assessment: seeded.assessmentId,
      first,
      spare,
      competency: itemKey(seeded.frameworkId, seeded.items[1] as string),
    };
  };

const ratingForm = (group: "self" | "manager") => (ids: OrgIds) => ({
  version: "1",
  action: "save",
  [levelField(group, ids.first as string)]: "2",
  [was(levelField(group, ids.first as string))]: "0",
  [commentField(group, ids.first as string)]: "",
  [was(commentField(group, ids.first as string))]: "",
});

/** The learning catalogue (src/insights/learning): HR and managers keep it, everyone there reads it. */
const LEARNING_EDITORS: readonly MatrixRole[] = ["orgAdmin", "manager"];
const learningForm = () => ({ title_en: "Matrix course", title_fr: "Cours de la matrice", format: "course" });

/** A fresh resource of the organisation (`:resource`, version 1), and a competency to tag (`pick`). */
const scratchResource = async (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const framework = await matrixFramework(db);
  const resource = await createResource(db, world[which].ids.organisationId, learningFields("Matrix"), null);
  return { resource, pick: `${framework.id}~${framework.competencies[0]?.[0]}` };
};

/** A fresh resource with one competency tagged (version 2). */
const taggedResource = async (db: Kysely<DB>, world: PeopleWorld, which: Which) => {
  const framework = await matrixFramework(db);
  const organisationId = world[which].ids.organisationId;
  const resource = await createResource(db, organisationId, learningFields("Tagged"), null);
  const itemId = framework.competencies[0]?.[0] as string;
  await tagCompetencies(db, organisationId, resource, 1, [{ frameworkId: framework.id, itemId }], null);
  return { resource, pick: `${framework.id}~${itemId}` };
};

const learningFields = (title: string) => ({
  titleEn: title,
  titleFr: `${title} (fr)`,
  url: null,
  provider: null,
  format: "course" as const,
  durationMinutes: null,
  costCents: null,
  currency: null,
});

/**
 * Development plans (src/insights/plans): HR, the person and their managers read a plan; the person
 * writes it; a manager up the chain approves, sends back and closes; the person or a manager checks
 * in. Each request gets the person's plan for the year afresh, in the state the route needs.
 */
const PLAN_READERS: readonly MatrixRole[] = ["orgAdmin", "manager", "staffReport"];
const AS_UNSEEN_PLAN = { instanceAdmin: 404, staffOther: 404 } as const;
const PLAN_YEAR = 2027;

const scratchPlan =
  (state: "draft" | "submitted" | "approved", options: { activity?: "planned" | "done"; assessment?: boolean } = {}) =>
  async (db: Kysely<DB>, world: PeopleWorld, which: Which): Promise<Partial<OrgIds>> => {
    const { organisationId, person, manager } = world[which].ids;
    await db.deleteFrom("development_plans").where("person_id", "=", person).execute();
    // The competency of the plan's goal is one an open assessment of the person has, for the evidence route.
    const seeded = options.assessment
      ? await seedAssessment(db, { organisationId, personId: person, managerId: manager, state: "in_progress" })
      : undefined;
    const framework = await matrixFramework(db);
    const frameworkId = seeded?.frameworkId ?? framework.id;
    const itemId = seeded?.items[0] ?? (framework.competencies[0]?.[0] as string);
    const spare = framework.competencies[0]?.[1] as string;
    const now = new Date().toISOString();
    const plan = randomUUID();
    await db
      .insertInto("development_plans")
      .values({
        id: plan,
        organisation_id: organisationId,
        person_id: person,
        year: PLAN_YEAR,
        state,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const goal = randomUUID();
    await db
      .insertInto("development_plan_goals")
      .values({
        id: goal,
        plan_id: plan,
        framework_id: frameworkId,
        item_id: itemId,
        goal: "Matrix goal",
        ordinal: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const activity = randomUUID();
    await db
      .insertInto("development_plan_activities")
      .values({
        id: activity,
        goal_id: goal,
        kind: "practice",
        learning_resource_id: null,
        description: "Matrix activity",
        target_date: null,
        status: options.activity ?? "planned",
        done_at: options.activity === "done" ? now : null,
        ordinal: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return {
      year: String(PLAN_YEAR),
      goal,
      activity,
      competency: `${framework.id}~${spare}`,
      assessment: seeded?.assessmentId ?? randomUUID(),
    };
  };

const ROUTES: Record<string, Expectation> = {
  // organisations (src/people/organisations)
  "GET /:lang/orgs/:org": { allow: READERS_OF_A },
  "GET /:lang/orgs/:org/settings": { allow: ADMIN },
  "POST /:lang/orgs/:org/settings": {
    allow: ADMIN,
    form: (ids) => ({ name_en: "Renamed", name_fr: "Renommée", slug: ids.org, default_lang: "fr" }),
  },
  "GET /:lang/orgs/:org/roles": { allow: ROLE_MANAGERS },
  "POST /:lang/orgs/:org/roles": {
    allow: ROLE_MANAGERS,
    status: 200,
    setup: async (db) => ({ email: (await scratchAccount(db)).email }),
    form: (ids) => ({ email: ids.email as string }),
  },
  "POST /:lang/orgs/:org/roles/:user/remove": {
    allow: ROLE_MANAGERS,
    status: 200,
    setup: async (db, world, which) => {
      const { user } = await scratchAccount(db);
      await insertAdministratorRole(db, world[which].ids.organisationId, user);
      return { user };
    },
  },
  "GET /:lang/orgs/:org/history": { allow: ADMIN },

  // units (src/people/units)
  "GET /:lang/orgs/:org/units": { allow: READERS_OF_A },
  "POST /:lang/orgs/:org/units": {
    allow: ADMIN,
    form: (ids) => ({ name_en: "New branch", name_fr: "Nouvelle succursale", parent: ids.unit }),
  },
  "GET /:lang/orgs/:org/units/:unit": { allow: ADMIN },
  "POST /:lang/orgs/:org/units/:unit/rename": {
    allow: ADMIN,
    status: 200,
    setup: scratchUnit,
    form: () => ({ name_en: "Renamed branch", name_fr: "Succursale renommée" }),
  },
  "POST /:lang/orgs/:org/units/:unit/move": { allow: ADMIN, setup: scratchUnit, form: () => ({ direction: "up" }) },
  "POST /:lang/orgs/:org/units/:unit/parent": {
    allow: ADMIN,
    setup: scratchUnit,
    form: (ids) => ({ parent: ids.branch as string }),
  },
  "POST /:lang/orgs/:org/units/:unit/head": {
    allow: ADMIN,
    status: 200,
    setup: scratchUnit,
    form: (ids) => ({ employee_number: ids.employeeNumbers[ids.person] ?? "" }),
  },
  "POST /:lang/orgs/:org/units/:unit/delete": { allow: ADMIN, setup: scratchUnit },

  // staff import (src/people/staff-import). The preview is asked with a real upload of the
  // organisation's administrator (B's, made by B's administrator, in pass 2); the import itself with
  // an upload that does not exist, so no role's request imports anything here.
  "GET /:lang/orgs/:org/import": { allow: ADMIN },
  "POST /:lang/orgs/:org/import": { allow: ADMIN, status: 422, form: () => ({}) },
  "GET /:lang/orgs/:org/import/done": { allow: ADMIN },
  "GET /:lang/orgs/:org/import/:token": {
    allow: ADMIN,
    setup: async (db, world, which) => ({
      token: await saveStaffUpload(
        db,
        world.accounts[which === "a" ? "orgAdmin" : "otherMember"] as string,
        {
          organisationId: world[which].ids.organisationId,
          name: "staff.csv",
          createUnits: false,
          markMissingAsLeft: false,
          dateOrder: "dmy",
        },
        new TextEncoder().encode("Employee number,Given name,Family name\nA-9001,Ada,Tester\n"),
      ),
    }),
  },
  "POST /:lang/orgs/:org/import/:token": {
    allow: ADMIN,
    status: 404,
    setup: async () => ({ token: "no-such-upload" }),
    form: () => ({}),
  },

  // staff (src/people/staff): "my organisations", people list, profile, edit, team, the people API.
  "GET /:lang/orgs": {
    allow: ["instanceAdmin", "orgAdmin", "manager", "staffReport", "staffOther", "left", "otherMember"],
  },
  "GET /:lang/orgs/:org/people": { allow: ["orgAdmin", "manager"] },
  "GET /:lang/orgs/:org/people/new": { allow: ADMIN },
  "POST /:lang/orgs/:org/people": {
    allow: ADMIN,
    form: (ids) => ({
      givenName: "Matrix",
      familyName: "Newcomer",
      employeeNumber: `M-${++newPeople}`,
      managerNumber: ids.employeeNumbers[ids.manager] ?? "",
      status: "active",
      preferredLang: "en",
      unitId: "",
    }),
  },
  "GET /:lang/orgs/:org/people/:person": {
    allow: ["orgAdmin", "manager", "staffReport"],
    refusal: { instanceAdmin: 404, staffOther: 404 },
  },
  "GET /:lang/orgs/:org/people/:person/edit": { allow: ADMIN, refusal: AS_UNKNOWN_PERSON },
  "POST /:lang/orgs/:org/people/:person": {
    allow: ADMIN,
    refusal: AS_UNKNOWN_PERSON,
    // FINDING (staff): with B's person in the address and B's numbers in the form, the form's
    // errors answer (400) before the person is looked up (404). Nothing of B is shown or changed.
    crossStatus: 400,
    form: (ids) => ({
      givenName: "Ysolde",
      familyName: "Marchetti",
      employeeNumber: ids.employeeNumbers[ids.person] ?? "",
      managerNumber: ids.employeeNumbers[ids.manager] ?? "",
      status: "active",
      preferredLang: "en",
      unitId: "",
    }),
  },
  "GET /:lang/orgs/:org/team": { allow: ["manager"] },
  "GET /api/v1/orgs/:org/people": { allow: ["orgAdmin", "manager"] },
  "POST /api/v1/orgs/:org/people": {
    allow: ADMIN,
    status: 201,
    json: () => ({
      givenName: "Api",
      familyName: "Newcomer",
      employeeNumber: `API-${++newPeople}`,
      preferredLang: "fr",
    }),
  },
  "GET /api/v1/orgs/:org/people/:person": {
    allow: ["orgAdmin", "manager", "staffReport"],
    refusal: { instanceAdmin: 404, staffOther: 404 },
  },
  "PATCH /api/v1/orgs/:org/people/:person": {
    allow: ADMIN,
    refusal: AS_UNKNOWN_PERSON,
    json: () => ({ preferredName: "Sol" }),
  },

  // invitations and single sign-on (src/people/invitations, src/people/sso). Accepting an
  // invitation and starting single sign-on are for anyone (the token, the provider decide): asked
  // here with no invitation and no provider, every role gets the same answer.
  // Asked without a person to invite (the page takes ?person=ID), the administrator gets 404; the
  // invitations' own tests cover the invitation itself. TODO(access): a person id here.
  "GET /:lang/orgs/:org/invitations/new": { allow: ADMIN, status: 404 },
  "POST /:lang/orgs/:org/invitations": { allow: ADMIN, status: 404, form: () => ({}) },
  "GET /:lang/orgs/:org/invitations/accept/:token": {
    allow: MATRIX_ROLES,
    status: 404,
    setup: async () => ({ token: "no-such-invitation" }),
  },
  "POST /:lang/orgs/:org/invitations/accept/:token": {
    allow: MATRIX_ROLES,
    status: 404,
    setup: async () => ({ token: "no-such-invitation" }),
    form: () => ({}),
  },
  "GET /:lang/orgs/:org/sso": { allow: ADMIN },
  "POST /:lang/orgs/:org/sso": { allow: ADMIN, status: 400, form: () => ({}) },
  "GET /:lang/orgs/:org/sso/start": { allow: MATRIX_ROLES, status: 404 },

  // privacy (src/people/privacy): the notice, the access log, own data, retention, export, deletion.
  "GET /:lang/orgs/:org/privacy": { allow: READERS_OF_A },
  "GET /:lang/orgs/:org/privacy/edit": { allow: ADMIN },
  "POST /:lang/orgs/:org/privacy/edit": {
    allow: ADMIN,
    form: () => ({ notice_en: "How we keep staff records.", notice_fr: "Comment nous gardons les dossiers." }),
  },
  "GET /:lang/orgs/:org/privacy/retention": { allow: ADMIN },
  "POST /:lang/orgs/:org/privacy/retention": {
    allow: ADMIN,
    form: () => ({ left_months: "24", assessment_years: "" }),
  },
  "GET /:lang/orgs/:org/access-log": { allow: ADMIN },
  "GET /:lang/orgs/:org/me/access-log": { allow: ["manager", "staffReport", "staffOther"], status: 303 },
  "GET /:lang/orgs/:org/me/data": { allow: ["manager", "staffReport", "staffOther"], status: 303 },
  // Who viewed a record, and everything held about a person: the person and the administrators only.
  "GET /:lang/orgs/:org/people/:person/access-log": { allow: ["orgAdmin", "staffReport"], refusal: AS_UNKNOWN_PERSON },
  "GET /:lang/orgs/:org/people/:person/data": { allow: ["orgAdmin", "staffReport"], refusal: AS_UNKNOWN_PERSON },
  "GET /:lang/orgs/:org/people/:person/data.json": { allow: ["orgAdmin", "staffReport"], refusal: AS_UNKNOWN_PERSON },
  "GET /:lang/orgs/:org/export.json": { allow: ADMIN },
  "GET /:lang/orgs/:org/delete": { allow: ADMIN },
  // Asked with a confirmation that does not name the organisation: refused (400), nothing deleted.
  "POST /:lang/orgs/:org/delete": { allow: ADMIN, status: 400, form: () => ({ confirm: "not-this-one" }) },

  // job profiles (src/profiles/jobs): pages and API. A profile refused to a member answers as if it
  // did not exist (404), as a person does; the list and the forms are the organisation's (403).
  "GET /:lang/orgs/:org/profiles": { allow: PROFILE_EDITORS },
  "GET /:lang/orgs/:org/profiles/new": { allow: PROFILE_EDITORS },
  "POST /:lang/orgs/:org/profiles/new": {
    allow: PROFILE_EDITORS,
    form: () => ({ title_en: "Matrix job", title_fr: "Poste de la matrice", duties_en_0: "Do", duties_fr_0: "Faire" }),
  },
  "GET /:lang/orgs/:org/profiles/starters": { allow: PROFILE_EDITORS },
  // The matrix's database has no starter framework: the copy is refused (409) and nothing is made.
  // A starter's code is the instance's, not an organisation's: "B's" is the same code (409 again).
  "POST /:lang/orgs/:org/profiles/starters/:code/copy": {
    allow: PROFILE_EDITORS,
    status: 409,
    crossStatus: 409,
    setup: async () => ({ code: "PAGE" }),
  },
  "GET /:lang/orgs/:org/profiles/compare": { allow: PROFILE_EDITORS },
  "GET /:lang/orgs/:org/profiles/mine": { allow: READERS_OF_A },
  "GET /:lang/orgs/:org/profiles/:profile": {
    allow: PROFILE_READERS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  "GET /:lang/orgs/:org/profiles/:profile/description": {
    allow: PROFILE_READERS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  "GET /:lang/orgs/:org/profiles/:profile/description.pdf": {
    allow: PROFILE_READERS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  "GET /:lang/orgs/:org/profiles/:profile/description.docx": {
    allow: PROFILE_READERS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  // A posting's files are read as its profile is (published or not).
  "GET /:lang/orgs/:org/profiles/:profile/postings/:posting/posting.pdf": {
    allow: PROFILE_READERS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldPosting,
  },
  "GET /:lang/orgs/:org/profiles/:profile/postings/:posting/posting.docx": {
    allow: PROFILE_READERS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldPosting,
  },
  "GET /:lang/orgs/:org/profiles/:profile/postings/new": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  "POST /:lang/orgs/:org/profiles/:profile/postings/new": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
    form: () => ({
      date_posted: "2026-01-05",
      valid_through: "2026-02-05",
      employment_type: "FULL_TIME",
      how_to_apply_en: "Write to us.",
      how_to_apply_fr: "Écrivez-nous.",
    }),
  },
  // Editing and deleting a posting: whoever edits the profile (publishing stays the administrators').
  "GET /:lang/orgs/:org/profiles/:profile/postings/:posting/edit": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: scratchPosting,
  },
  "POST /:lang/orgs/:org/profiles/:profile/postings/:posting/edit": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: scratchPosting,
    form: () => ({
      date_posted: "2026-01-05",
      valid_through: "2026-03-05",
      employment_type: "PART_TIME",
      how_to_apply_en: "Write to us again.",
      how_to_apply_fr: "Écrivez-nous de nouveau.",
    }),
  },
  "GET /:lang/orgs/:org/profiles/:profile/postings/:posting/delete": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: scratchPosting,
  },
  "POST /:lang/orgs/:org/profiles/:profile/postings/:posting/delete": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: scratchPosting,
  },
  // Publishing is the organisation's administrators' (a public statement in its name).
  "POST /:lang/orgs/:org/profiles/:profile/postings/:posting/publish": {
    allow: ADMIN,
    refusal: { ...AS_UNKNOWN_PROFILE, instanceAdmin: 403, staffReport: 403, staffOther: 403 },
    setup: scratchPosting,
  },
  "POST /:lang/orgs/:org/profiles/:profile/postings/:posting/unpublish": {
    allow: ADMIN,
    refusal: { ...AS_UNKNOWN_PROFILE, instanceAdmin: 403, staffReport: 403, staffOther: 403 },
    setup: scratchPosting,
  },
  "GET /:lang/orgs/:org/profiles/:profile/edit": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  "POST /:lang/orgs/:org/profiles/:profile/edit": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
    form: () => ({ version: "1", title_en: "Renamed job", title_fr: "Poste renommé" }),
  },
  "POST /:lang/orgs/:org/profiles/:profile/copy": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  "GET /:lang/orgs/:org/profiles/:profile/delete": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  "POST /:lang/orgs/:org/profiles/:profile/delete": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
    form: () => ({ clear_positions: "yes" }),
  },
  "POST /:lang/orgs/:org/profiles/:profile/holders": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    status: 200,
    setup: heldProfile,
    form: (ids) => ({ employee_number: ids.employeeNumbers[ids.otherPerson] ?? "" }),
  },
  "POST /:lang/orgs/:org/profiles/:profile/holders/:person/remove": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    status: 200,
    setup: heldProfile,
  },
  "GET /api/v1/orgs/:org/profiles": { allow: PROFILE_EDITORS },
  "POST /api/v1/orgs/:org/profiles": {
    allow: PROFILE_EDITORS,
    status: 201,
    json: () => ({ title_en: "API job", title_fr: "Poste de l'API" }),
  },
  "GET /api/v1/orgs/:org/profiles/:profile": {
    allow: PROFILE_READERS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
  },
  "PUT /api/v1/orgs/:org/profiles/:profile": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    setup: heldProfile,
    json: () => ({ version: 1, title_en: "Renamed by the API", title_fr: "Renommé par l'API" }),
  },
  "DELETE /api/v1/orgs/:org/profiles/:profile": {
    allow: PROFILE_EDITORS,
    refusal: AS_UNKNOWN_PROFILE,
    status: 204,
    setup: async (db, world, which) => ({ profile: await scratchJobProfile(db, world, which, false) }),
  },

  "GET /api/v1/orgs/:org/units": { allow: READERS_OF_A },
  "GET /api/v1/orgs/:org/units/:unit": { allow: READERS_OF_A },
  "POST /api/v1/orgs/:org/units": {
    allow: ADMIN,
    status: 201,
    json: (ids) => ({ name: { en: "Matrix unit", fr: "Unité de la matrice" }, parentId: ids.rootUnit }),
  },
  "PATCH /api/v1/orgs/:org/units/:unit": {
    allow: ADMIN,
    status: 200,
    setup: scratchUnit,
    json: () => ({ name: { en: "Renamed by the API", fr: "Renommée par l'API" } }),
  },
  "DELETE /api/v1/orgs/:org/units/:unit": { allow: ADMIN, status: 204, setup: scratchUnit },

  // the profile builder (src/profiles/builder): administrators and managers edit a profile's
  // competencies; members who may see the organisation are refused (403); another organisation's
  // profile is unknown (404).
  "GET /:lang/orgs/:org/profiles/:profile/builder": { allow: PROFILE_EDITORS, setup: scratchProfile },
  "GET /:lang/orgs/:org/profiles/:profile/builder/preview": { allow: PROFILE_EDITORS, setup: scratchProfile },
  "POST /:lang/orgs/:org/profiles/:profile/requirements": {
    allow: PROFILE_EDITORS,
    setup: scratchProfile,
    form: (ids) => ({ version: "1", item: ids.pick as string }),
  },
  "POST /:lang/orgs/:org/profiles/:profile/requirements/:requirement": {
    allow: PROFILE_EDITORS,
    setup: scratchRequirement,
    form: () => ({ version: "2", level: "4", importance: "asset" }),
  },
  "POST /:lang/orgs/:org/profiles/:profile/requirements/:requirement/move": {
    allow: PROFILE_EDITORS,
    setup: scratchRequirement,
    form: () => ({ version: "2", direction: "up" }),
  },
  "POST /:lang/orgs/:org/profiles/:profile/requirements/:requirement/remove": {
    allow: PROFILE_EDITORS,
    setup: scratchRequirement,
    form: () => ({ version: "2" }),
  },
  "POST /:lang/orgs/:org/profiles/:profile/requirements/:requirement/take": {
    allow: PROFILE_EDITORS,
    setup: scratchRequirement,
    form: () => ({ version: "2" }),
  },
  "POST /:lang/orgs/:org/profiles/:profile/requirements/:requirement/keep": {
    allow: PROFILE_EDITORS,
    setup: scratchRequirement,
    form: () => ({ version: "2" }),
  },

  // proficiency scale (src/profiles/scales): everyone of the organisation reads it; its
  // administrators choose and define it. The level editor's buttons other than "save" redraw the
  // form (200) and save nothing. This world has no framework, so a competency's levels page is
  // asked about a competency that does not exist: 404 for those allowed (scale-pages.test.ts asks
  // about a real one, as staff, administrator and another organisation).
  "GET /:lang/orgs/:org/scale": { allow: MEMBERS },
  "POST /:lang/orgs/:org/scale/choose": { allow: ADMIN, form: () => ({ scale: "default" }) },
  "POST /:lang/orgs/:org/scale/levels": { allow: ADMIN, status: 200, form: () => ({ action: "add" }) },
  "GET /:lang/orgs/:org/scale/competencies/:framework/:item": {
    allow: MEMBERS,
    status: 404,
    setup: async () => ({ framework: "no-such-framework", item: "no-such-item" }),
  },
  "POST /:lang/orgs/:org/scale/competencies/:framework/:item": {
    allow: ADMIN,
    status: 404,
    setup: async () => ({ framework: "no-such-framework", item: "no-such-item" }),
    form: () => ({}),
  },
  // A CASE rubric that is not JSON is refused on its field (400) for those allowed.
  "POST /:lang/orgs/:org/scale/import-rubric": { allow: ADMIN, status: 400, form: () => ({ rubric: "not json" }) },
  // an assessment's printable page and PDF (src/assessments/documents)
  "GET /:lang/orgs/:org/assessments/:assessment/print": {
    allow: ASSESSMENT_READERS,
    refusal: AS_UNKNOWN_ASSESSMENT,
    setup: documentAssessment,
  },
  "GET /:lang/orgs/:org/assessments/:assessment/pdf": {
    allow: ASSESSMENT_READERS,
    refusal: AS_UNKNOWN_ASSESSMENT,
    setup: documentAssessment,
  },
  "GET /api/v1/orgs/:org/scale": { allow: MEMBERS },
  "PUT /api/v1/orgs/:org/scale": { allow: ADMIN, json: () => ({ uses: "default" }) },

  // review cycles (src/assessments/cycles): the organisation's administrators (HR) only; a member is
  // refused with 403 as for the organisation's other administration pages. A cycle of organisation B
  // asked through A's address is unknown (404). A draft form ticking B's unit is refused (400).
  "GET /:lang/orgs/:org/cycles": { allow: ADMIN },
  "GET /:lang/orgs/:org/cycles/new": { allow: ADMIN },
  "POST /:lang/orgs/:org/cycles": { allow: ADMIN, form: cycleForm },
  "GET /:lang/orgs/:org/cycles/:cycle": { allow: ADMIN, setup: scratchCycle("draft") },
  "GET /:lang/orgs/:org/cycles/:cycle/edit": { allow: ADMIN, setup: scratchCycle("draft") },
  "POST /:lang/orgs/:org/cycles/:cycle/edit": {
    allow: ADMIN,
    setup: scratchCycle("draft"),
    form: (ids) => ({ ...cycleForm(ids), version: "1" }),
  },
  "POST /:lang/orgs/:org/cycles/:cycle/open": {
    allow: ADMIN,
    setup: scratchCycle("draft"),
    form: () => ({ version: "1" }),
  },
  "POST /:lang/orgs/:org/cycles/:cycle/extend": {
    allow: ADMIN,
    setup: scratchCycle("open"),
    form: () => ({
      version: "1",
      period_end: "2028-01-31",
      due_self: "2027-02-01",
      due_manager: "2027-03-01",
      due_conversation: "2027-04-01",
      due_signoff: "2027-06-01",
    }),
  },
  "POST /:lang/orgs/:org/cycles/:cycle/close": {
    allow: ADMIN,
    setup: scratchCycle("open"),
    form: () => ({ version: "1" }),
  },
  "POST /:lang/orgs/:org/cycles/:cycle/reopen": {
    allow: ADMIN,
    setup: scratchCycle("closed"),
    form: () => ({ version: "1" }),
  },
  "GET /:lang/orgs/:org/cycles/:cycle/progress": { allow: ADMIN, setup: scratchCycle("open") },
  "GET /:lang/orgs/:org/cycles/:cycle/progress.csv": { allow: ADMIN, setup: scratchCycle("open") },
  "GET /:lang/orgs/:org/cycles/:cycle/progress.xlsx": { allow: ADMIN, setup: scratchCycle("open") },

  // what waits for you (src/assessments/reminders): everyone of the organisation sees their own list
  // (HR its cycles' overdue counts); each person chooses how their own reminders come — HR's account
  // has no staff record in A, so no reminders of its own there (403, like any member refused).
  "GET /:lang/orgs/:org/waiting": { allow: MEMBERS },
  "GET /:lang/orgs/:org/reminders": { allow: ["manager", "staffReport", "staffOther"] },
  "POST /:lang/orgs/:org/reminders": {
    allow: ["manager", "staffReport", "staffOther"],
    form: () => ({ mode: "weekly" }),
  },
  // assessments' evidence (src/assessments/evidence): readers list and download; the person adds and removes in the self phase
  "GET /:lang/orgs/:org/assessments/:assessment/evidence": {
    allow: ASSESSMENT_READERS,
    refusal: AS_UNKNOWN_ASSESSMENT,
    setup: async (db, world, which) => ({ assessment: await evidenceAssessment(db, world, which) }),
  },
  "GET /:lang/orgs/:org/assessments/:assessment/evidence/:evidence": {
    allow: ASSESSMENT_READERS,
    refusal: AS_UNKNOWN_ASSESSMENT,
    setup: evidenceFile,
  },
  "POST /:lang/orgs/:org/assessments/:assessment/evidence/links": {
    allow: ["staffReport"],
    refusal: AS_UNKNOWN_ASSESSMENT,
    setup: async (db, world, which) => ({ assessment: await evidenceAssessment(db, world, which) }),
    form: () => ({ title: "Storytime", url: "https://library.example/storytime" }),
  },
  // The matrix sends URL-encoded forms: the person is let through to the file check, which finds no file (422).
  "POST /:lang/orgs/:org/assessments/:assessment/evidence/files": {
    allow: ["staffReport"],
    status: 422,
    refusal: AS_UNKNOWN_ASSESSMENT,
    setup: async (db, world, which) => ({ assessment: await evidenceAssessment(db, world, which) }),
    form: () => ({ title: "No file" }),
  },
  "POST /:lang/orgs/:org/assessments/:assessment/evidence/:evidence/remove": {
    allow: ["staffReport"],
    refusal: AS_UNKNOWN_ASSESSMENT,
    setup: personsLink,
    form: () => ({ confirm: "yes" }),
  },

  // assessments (src/assessments/work): see scratchAssessment above.
  "GET /:lang/orgs/:org/assessments": { allow: READERS_OF_A },
  "GET /:lang/orgs/:org/assessments/:assessment": {
    allow: ASSESSMENT_READERS,
    setup: scratchAssessment(),
    refusal: AS_UNKNOWN_ASSESSMENT,
  },
  "POST /:lang/orgs/:org/assessments/:assessment/self": {
    allow: ["staffReport"],
    setup: scratchAssessment(),
    form: ratingForm("self"),
    refusal: AS_UNKNOWN_ASSESSMENT,
  },
  "POST /:lang/orgs/:org/assessments/:assessment/review": {
    allow: ["manager"],
    setup: scratchAssessment("submitted"),
    form: ratingForm("manager"),
    refusal: AS_UNKNOWN_ASSESSMENT,
  },
  "POST /:lang/orgs/:org/assessments/:assessment/sign": {
    allow: ["staffReport", "manager"],
    setup: scratchAssessment("agreed"),
    form: () => ({ confirm: "yes" }),
    refusal: AS_UNKNOWN_ASSESSMENT,
  },
  "POST /:lang/orgs/:org/assessments/:assessment/reopen": {
    allow: ["manager", "orgAdmin"],
    setup: scratchAssessment("submitted"),
    form: () => ({ reason: "Another look", due_on: offeredDueOn(dayOf(new Date())) }),
    refusal: AS_UNKNOWN_ASSESSMENT,
  },
  "POST /:lang/orgs/:org/assessments/:assessment/withdraw": {
    allow: ["orgAdmin"],
    setup: scratchAssessment("in_progress"),
    form: () => ({ withdrawReason: "Long leave" }),
    refusal: AS_UNKNOWN_ASSESSMENT,
  },
  "POST /:lang/orgs/:org/assessments/:assessment/competencies": {
    allow: ["staffReport"],
    setup: scratchAssessment(),
    form: (ids) => ({ pick: ids.spare as string }),
    refusal: AS_UNKNOWN_ASSESSMENT,
  },
  "POST /:lang/orgs/:org/assessments/:assessment/competencies/:competency/remove": {
    allow: ["staffReport"],
    setup: scratchAssessment("not_started", true),
    refusal: AS_UNKNOWN_ASSESSMENT,
  },

  // learning resources (src/insights/learning): everyone of the organisation reads the catalogue;
  // HR and managers add, edit, tag, import and delete. A resource of B through A's address: 404.
  "GET /:lang/orgs/:org/learning": { allow: MEMBERS },
  "GET /:lang/orgs/:org/learning/export.csv": { allow: MEMBERS },
  "GET /:lang/orgs/:org/learning/new": { allow: LEARNING_EDITORS },
  "POST /:lang/orgs/:org/learning/new": { allow: LEARNING_EDITORS, form: learningForm },
  "GET /:lang/orgs/:org/learning/import": { allow: LEARNING_EDITORS },
  // Sent without a file: refused on its field (400), nothing imported.
  "POST /:lang/orgs/:org/learning/import": { allow: LEARNING_EDITORS, status: 400, form: () => ({}) },
  "GET /:lang/orgs/:org/learning/:resource": { allow: MEMBERS, setup: scratchResource },
  "GET /:lang/orgs/:org/learning/:resource/edit": { allow: LEARNING_EDITORS, setup: scratchResource },
  "POST /:lang/orgs/:org/learning/:resource/edit": {
    allow: LEARNING_EDITORS,
    setup: scratchResource,
    form: () => ({ ...learningForm(), version: "1" }),
  },
  "GET /:lang/orgs/:org/learning/:resource/delete": { allow: LEARNING_EDITORS, setup: scratchResource },
  "POST /:lang/orgs/:org/learning/:resource/delete": {
    allow: LEARNING_EDITORS,
    setup: scratchResource,
    form: () => ({ version: "1" }),
  },
  "POST /:lang/orgs/:org/learning/:resource/competencies": {
    allow: LEARNING_EDITORS,
    setup: scratchResource,
    form: (ids) => ({ version: "1", competency: ids.pick as string }),
  },
  "POST /:lang/orgs/:org/learning/:resource/competencies/remove": {
    allow: LEARNING_EDITORS,
    setup: taggedResource,
    form: (ids) => ({ version: "2", competency: ids.pick as string }),
  },

  // a person's insights (src/insights/person): the person, their managers up the chain and HR, as
  // for their record; anyone else is answered as for an unknown person (404). The world's person has
  // no assessment: the page's empty state (the pages themselves: test/insights/person-pages.test.ts).
  "GET /:lang/orgs/:org/insights/me": { allow: ["manager", "staffReport", "staffOther"], status: 303 },
  ...Object.fromEntries(
    ["", ".csv", ".xlsx", ".pdf"].map((suffix) => [
      `GET /:lang/orgs/:org/people/:person/insights${suffix}`,
      { allow: ["orgAdmin", "manager", "staffReport"], refusal: { instanceAdmin: 404, staffOther: 404 } },
    ]),
  ),

  // team insights (src/insights/team): a manager's heatmap and ranked gaps of their own reports, and
  // their downloads; managers only (a member who manages no one: 403, as the team page).
  "GET /:lang/orgs/:org/team/insights": { allow: ["manager"] },
  "GET /:lang/orgs/:org/team/insights/heatmap.csv": { allow: ["manager"] },
  "GET /:lang/orgs/:org/team/insights/gaps.csv": { allow: ["manager"] },
  "GET /:lang/orgs/:org/team/insights/insights.xlsx": { allow: ["manager"] },
  "GET /:lang/orgs/:org/team/insights/insights.pdf": { allow: ["manager"] },

  // development plans (src/insights/plans), and HR's setting of how many goals a plan may hold.
  "GET /:lang/orgs/:org/people/:person/plans": { allow: PLAN_READERS, refusal: AS_UNSEEN_PLAN },
  "POST /:lang/orgs/:org/people/:person/plans": { allow: ["staffReport"], refusal: AS_UNSEEN_PLAN },
  "GET /:lang/orgs/:org/people/:person/plans/:year": {
    allow: PLAN_READERS,
    setup: scratchPlan("draft"),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/goals": {
    allow: ["staffReport"],
    setup: scratchPlan("draft"),
    form: (ids) => ({ version: "1", competency: ids.competency as string, goal: "Matrix goal 2" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/goals/:goal": {
    allow: ["staffReport"],
    setup: scratchPlan("draft"),
    form: () => ({ version: "1", goal: "Matrix goal, reworded" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/goals/:goal/remove": {
    allow: ["staffReport"],
    setup: scratchPlan("draft"),
    form: () => ({ version: "1" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/goals/:goal/activities": {
    allow: ["staffReport"],
    setup: scratchPlan("draft"),
    form: () => ({ version: "1", kind: "mentoring", description: "Matrix mentoring" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/activities/:activity": {
    allow: ["staffReport"],
    setup: scratchPlan("draft"),
    form: () => ({ version: "1", kind: "course", description: "Matrix course", target_date: "2027-09-30" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/activities/:activity/status": {
    allow: ["staffReport"],
    setup: scratchPlan("approved"),
    form: () => ({ version: "1", status: "done" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/activities/:activity/remove": {
    allow: ["staffReport"],
    setup: scratchPlan("draft"),
    form: () => ({ version: "1" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/activities/:activity/evidence": {
    allow: ["staffReport"],
    setup: scratchPlan("approved", { activity: "done", assessment: true }),
    form: (ids) => ({ version: "1", assessment: ids.assessment as string }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/checkins": {
    allow: ["staffReport", "manager"],
    setup: scratchPlan("approved"),
    form: () => ({ version: "1", note: "Matrix check-in" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/submit": {
    allow: ["staffReport"],
    setup: scratchPlan("draft"),
    form: () => ({ version: "1" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/approve": {
    allow: ["manager"],
    setup: scratchPlan("submitted"),
    form: () => ({ version: "1" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/return": {
    allow: ["manager"],
    setup: scratchPlan("submitted"),
    form: () => ({ version: "1", reason: "Matrix reason" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "POST /:lang/orgs/:org/people/:person/plans/:year/close": {
    allow: ["manager"],
    setup: scratchPlan("approved"),
    form: () => ({ version: "1" }),
    refusal: AS_UNSEEN_PLAN,
  },
  "GET /:lang/orgs/:org/plans/settings": { allow: ADMIN },
  "POST /:lang/orgs/:org/plans/settings": { allow: ADMIN, form: () => ({ max_plan_goals: "4" }) },

  // organisation insights (src/insights/organisation): training priorities for HR and managers
  // (figures suppressed per viewer), readiness for HR only. A readiness download names a profile in
  // its query: without one there is nothing to download (404 to an allowed role).
  "GET /:lang/orgs/:org/insights": { allow: ["orgAdmin", "manager"] },
  "GET /:lang/orgs/:org/insights/export.csv": { allow: ["orgAdmin", "manager"] },
  "GET /:lang/orgs/:org/insights/export.xlsx": { allow: ["orgAdmin", "manager"] },
  "GET /:lang/orgs/:org/insights/export.pdf": { allow: ["orgAdmin", "manager"] },
  "GET /:lang/orgs/:org/insights/readiness": { allow: ADMIN },
  "GET /:lang/orgs/:org/insights/readiness/export.csv": { allow: ADMIN, status: 404 },
  "GET /:lang/orgs/:org/insights/readiness/export.xlsx": { allow: ADMIN, status: 404 },
  "GET /:lang/orgs/:org/insights/readiness/export.pdf": { allow: ADMIN, status: 404 },
};

/** The expectation key of a registered route: its method and its pattern with the language as :lang. */
const keyOf = (method: string, path: string) => `${method} ${path.replace(/^\/(en|fr)\//, "/:lang/")}`;

function registeredRoutes(app: { routes: { method: string; path: string }[] }): string[] {
  const keys = app.routes
    .filter((r) => r.method !== "ALL")
    .filter((r) => /^\/(en|fr)\/orgs(\/|$)/.test(r.path) || /^\/api\/v1\/orgs(\/|$)/.test(r.path))
    .map((r) => keyOf(r.method, r.path));
  return [...new Set(keys)].sort();
}

function fill(pattern: string, ids: OrgIds, lang: string): string {
  return pattern.replace(/^\/:lang\//, `/${lang}/`).replace(/:([A-Za-z]+)/g, (_whole, name: string) => {
    const value = ids[name];
    if (typeof value !== "string") throw new Error(`${pattern}: no id named "${name}" in OrgIds`);
    return encodeURIComponent(value);
  });
}

/** The route takes ids other than the organisation's own slug (in its URL or its form). */
const takesIds = (pattern: string, expectation: Expectation) =>
  /:(?!lang\b|org\b)[A-Za-z]+/.test(pattern) || expectation.form !== undefined || expectation.json !== undefined;

const defaultRefusal = (role: MatrixRole): 403 | 404 | "sign-in" =>
  role === "anonymous" ? "sign-in" : READERS_OF_A.includes(role) ? 403 : 404;

// The matrix checks routes and the policy, not SQL: it runs on the first available dialect (SQLite,
// or what TEST_DIALECTS names); the stores behind these routes are tested on every dialect in their
// own files. One run walks every route for every role twice: on all dialects it would not stay
// well under a minute on a busy machine.
for (const dialect of testDialects().slice(0, 1)) {
  describe(`route × role × organisation matrix (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
    });
    after(() => t.close());

    it("every organisation route has an expectation, and every expectation a route", () => {
      const registered = registeredRoutes(t.app);
      assert.ok(registered.length > 0, "the organisation routes are registered");
      assert.deepEqual(
        registered.filter((key) => !(key in ROUTES)),
        [],
        "routes without an expectation: add them to ROUTES",
      );
      assert.deepEqual(
        Object.keys(ROUTES).filter((key) => !registered.includes(key)),
        [],
        "expectations for routes that do not exist",
      );
    });

    const request = async (
      key: string,
      expectation: Expectation,
      role: MatrixRole,
      ids: OrgIds,
      urlIds: OrgIds,
      lang: string,
    ) => {
      const [method, pattern] = key.split(" ") as [string, string];
      const url = fill(pattern, { ...urlIds, org: world.a.ids.org }, lang);
      const cookie = world.cookies[role];
      if (method === "GET") return t.app.request(url, { headers: cookie ? { cookie } : {} });
      if (expectation.json)
        return t.app.request(url, {
          method,
          headers: { ...csrfHeaders(t, cookie), "content-type": "application/json" },
          body: JSON.stringify(expectation.json(ids)),
        });
      const init = postForm(t, expectation.form?.(ids) ?? {}, cookie);
      return t.app.request(url, { ...init, method });
    };

    const assertNothingPersonal = (body: string, what: string) => {
      for (const text of [...world.personalStrings, ...world.a.names.slice(2), ...world.b.names])
        assert.ok(!body.includes(text), `${what}: the refusal shows "${text}"`);
    };

    it("each role gets exactly what the policy gives it, in its own organisation only", async () => {
      const mismatches: string[] = [];
      for (const [key, expectation] of Object.entries(ROUTES)) {
        const [method, pattern] = key.split(" ") as [string, string];
        for (const [index, role] of MATRIX_ROLES.entries()) {
          const lang = index % 2 === 0 ? "en" : "fr";
          const api = pattern.startsWith("/api/");
          const what = `${key} as ${role} (${lang})`;

          // 1. Organisation A's own ids.
          const ids = { ...world.a.ids, ...(await expectation.setup?.(t.db, world, "a")) } as OrgIds;
          const aBefore = method === "GET" ? "" : await organisationSnapshot(t.db, world.a.ids.organisationId);
          const response = await request(key, expectation, role, ids, ids, lang);
          const body = await response.text();
          if (expectation.allow.includes(role)) {
            const wanted = expectation.status ?? (method === "GET" ? 200 : api ? 200 : 303);
            if (response.status !== wanted) mismatches.push(`${what}: ${response.status}, expected ${wanted}`);
          } else {
            const refusal = expectation.refusal?.[role] ?? defaultRefusal(role);
            const status = response.status;
            if (refusal === "sign-in") {
              const location = response.headers.get("location") ?? "";
              const ok = api ? status === 401 : status === 303 && location.startsWith(`/${lang}/sign-in`);
              if (!ok) mismatches.push(`${what}: ${status} ${location}, expected the sign-in answer`);
            } else if (status !== refusal) mismatches.push(`${what}: ${status}, expected ${refusal}`);
            assertNothingPersonal(body, what);
            if (method !== "GET") {
              const aAfter = await organisationSnapshot(t.db, world.a.ids.organisationId);
              if (aAfter !== aBefore) mismatches.push(`${what}: refused, yet organisation A changed`);
            }
          }

          // 2. Organisation A's address with organisation B's ids.
          if (!takesIds(pattern, expectation)) continue;
          const bIds = { ...world.b.ids, ...(await expectation.setup?.(t.db, world, "b")) } as OrgIds;
          const bBefore = await organisationSnapshot(t.db, world.b.ids.organisationId);
          const crossed = await request(key, expectation, role, bIds, bIds, lang);
          if ((await organisationSnapshot(t.db, world.b.ids.organisationId)) !== bBefore)
            mismatches.push(`${what} with B's ids: organisation B changed`);
          const crossedBody = await crossed.text();
          const allowed = expectation.allow.includes(role);
          // A role allowed the route: B's id in the address is unknown here (404); B's ids only in
          // the form are refused or ignored (any answer but a server error), B's snapshot proving
          // nothing of B's was touched. Any other role: refused as in pass 1.
          const idInAddress = /:(?!lang\b|org\b)/.test(pattern);
          const crossedOk = allowed
            ? idInAddress
              ? crossed.status === (expectation.crossStatus ?? 404)
              : crossed.status < 500
            : [401, 403, 404, 303].includes(crossed.status);
          if (!crossedOk) mismatches.push(`${what} with B's ids: ${crossed.status}`);
          // Nobody sees B's data through A's address; a refused role sees nothing personal at all.
          // (What the request itself sent, echoed in a refused form, is not B's data shown.)
          const sent = JSON.stringify({ ...expectation.form?.(bIds), ...(expectation.json?.(bIds) as object) });
          for (const text of [...world.b.personal, ...world.b.names])
            if (crossedBody.includes(text) && !sent.includes(text))
              mismatches.push(`${what} with B's ids: the answer shows "${text}"`);
          if (!allowed) assertNothingPersonal(crossedBody, `${what} with B's ids`);
        }
      }
      assert.deepEqual(mismatches, [], "mismatches");
    });
  });
}
