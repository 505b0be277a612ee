/**
 * Parallel requests that create the same thing meet the unique constraint, not a 500: under
 * PostgreSQL's read-committed isolation two transactions can both check "no one has this address"
 * and both insert; the second one's failure must read as the check would have answered ("taken",
 * "exists", or the row the first one made). Run on every database (with TEST_DATABASE_URL, real
 * PostgreSQL, where the race actually happens).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createAccount, EmailTakenError } from "../../src/auth/accounts.ts";
import type { Database } from "../../src/db/connect.ts";
import { isUniqueViolation } from "../../src/db/unique-violation.ts";
import { adoptFramework } from "../../src/editor/commands/adopt.ts";
import { createFramework } from "../../src/editor/commands/frameworks.ts";
import { createPlan, PlanRefused } from "../../src/insights/plans/store.ts";
import { importFramework } from "../../src/interop/import.ts";
import type { ImportedFramework } from "../../src/interop/model.ts";
import { acceptInvitation, issueInvitation } from "../../src/people/invitations/store.ts";
import {
  appointAdministrator,
  createOrganisation,
  SlugTakenError,
  updateOrganisation,
} from "../../src/people/organisations/store.ts";
import { personFields } from "../../src/people/staff/fields.ts";
import { createPerson, findPerson, type StoreResult, updatePerson } from "../../src/people/staff/store.ts";
import type { Actor } from "../../src/policy/index.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { eightAtOnce, ROUNDS } from "../support/parallel.ts";
import { addPerson, TEST_CHANGE_ACTOR } from "../support/people.ts";
import { insertPerson } from "../support/people-world.ts";
import { publishSmallFramework } from "../support/profile-framework.ts";

/** "false" as the dialect binds it: better-sqlite3 cannot bind booleans. */
const no = (database: Database) => (database.dialect === "sqlite" ? 0 : false);

const usersEmail = { postgres: "users_email_key", sqlite: "users.email" };

const userRow = (database: Database, id: string, email: string) => ({
  id,
  email,
  name: "Someone",
  email_verified: no(database),
  image: null,
  role: "member" as const,
  disabled: no(database),
  must_change_password: no(database),
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
});

const author = { id: null, label: "test" };
const newFramework = (slug: string | null, title = "Shelving") => ({
  id: randomUUID(),
  slug,
  ...{ title_en: title, title_fr: null, description_en: null, description_fr: null },
});
const importedFramework = (): ImportedFramework => {
  const none = { en: null, fr: null };
  const item = { id: randomUUID(), type: "competency", code: "S1", position: 1, description: none, children: [] };
  return {
    id: randomUUID(),
    ...{ title: { en: "Imported shelving", fr: null }, description: none },
    ...{ publisher: null, version: null, status: null, licence: null },
    itemTypes: [{ code: "competency", label: { en: "Competency", fr: "Compétence" } }],
    children: [{ ...item, statement: { en: "Shelves returns", fr: null } }],
  };
};
const orgSettings = (slug: string) => ({ slug, name_en: slug, name_fr: slug, default_lang: "en" as const });

for (const dialect of testDialects()) {
  describe(`unique constraints met by parallel requests (${dialect})`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(() => database.close());

    // Without a password, so no hashing spaces the requests out.
    test("of eight parallel accounts with one address (any case), one is made and seven are told it is taken", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const address = `ben.${round}@north.example`;
        const spellings = [address, address.toUpperCase(), ` ${address} `, address.replace("ben", "Ben")];
        const made = await eightAtOnce(
          round,
          (i) => createAccount(database.db, { email: spellings[i % spellings.length], role: "member" }),
          (error) => error instanceof EmailTakenError,
        );
        assert.equal(made.length, 1, `round ${round}: made ${made.length}`);
        const users = await database.db.selectFrom("users").select("id").where("email", "=", address).execute();
        assert.equal(users.length, 1);
      }
    });

    test("one account accepting eight people's invitations at once becomes one of them; seven are told it is taken", async () => {
      const { id: organisationId } = await createOrganisation(database.db, orgSettings("invitations"), author);
      for (let round = 1; round <= ROUNDS; round++) {
        const email = `cy.${round}@north.example`;
        const user = await createAccount(database.db, { email, role: "member" });
        const actor: Actor = { id: user.id, email, name: null, role: "member" };
        const tokens: string[] = [];
        for (let i = 0; i < 8; i++) {
          const id = await insertPerson(database.db, organisationId, {
            given: "Cy",
            family: `${round}.${i}`,
            email,
            number: `${round}.${i}`,
          });
          const person = await findPerson(database.db, organisationId, id);
          if (!person) throw new Error("the person was not written");
          tokens.push((await issueInvitation(database.db, { organisationId, person, invitedBy: actor })).token);
        }
        const outcomes = await eightAtOnce(round, (i) =>
          acceptInvitation(database.db, { organisationId, token: tokens[i], user: actor }),
        );
        assert.equal(outcomes.filter((o) => o.ok).length, 1, `round ${round}: ${JSON.stringify(outcomes)}`);
        for (const o of outcomes)
          assert.ok(o.ok || o.reason === "account_taken", `round ${round}: ${JSON.stringify(o)}`);
        const linked = await database.db.selectFrom("people").select("id").where("user_id", "=", user.id).execute();
        assert.equal(linked.length, 1);
      }
    });

    test("of eight parallel plans for one person and year, one is made and seven are told it exists", async () => {
      const { id: organisationId } = await createOrganisation(database.db, orgSettings("plans"), author);
      for (let round = 1; round <= ROUNDS; round++) {
        const personId = await insertPerson(database.db, organisationId, {
          given: "Dee",
          family: `${round}`,
          email: `dee.${round}@north.example`,
          number: `plans-${round}`,
        });
        const made = await eightAtOnce(
          round,
          () => createPlan(database.db, { organisationId, personId, year: 2027 }),
          (error) => error instanceof PlanRefused && error.reason === "exists",
        );
        assert.equal(made.length, 1, `round ${round}: made ${made.length}`);
        const plans = await database.db
          .selectFrom("development_plans")
          .select("id")
          .where("person_id", "=", personId)
          .execute();
        assert.equal(plans.length, 1);
      }
    });

    test("of eight organisations made or renamed at once with one slug, one has it and seven are told it is taken", async () => {
      const taken = (error: unknown) => error instanceof SlugTakenError;
      for (let round = 1; round <= ROUNDS; round++) {
        const made = await eightAtOnce(
          round,
          () => createOrganisation(database.db, orgSettings(`made-${round}`), author),
          taken,
        );
        assert.equal(made.length, 1, `round ${round}: made ${made.length}`);
        const others = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            createOrganisation(database.db, orgSettings(`was-${round}-${i}`), author),
          ),
        );
        const renamed = await eightAtOnce(
          round,
          (i) => updateOrganisation(database.db, others[i], orgSettings(`renamed-${round}`), author),
          taken,
        );
        assert.equal(renamed.length, 1, `round ${round}: renamed ${renamed.length}`);
      }
    });

    test("of eight people given one employee number at once, new or changed, one has it; seven are told it is taken", async () => {
      const { id: organisationId } = await createOrganisation(database.db, orgSettings("staff"), author);
      const numberTaken = (r: StoreResult | undefined) =>
        r?.ok === false && r.errors.employeeNumber === "staffEmployeeNumberTaken";
      for (let round = 1; round <= ROUNDS; round++) {
        const fields = (i: number) =>
          personFields.parse({
            givenName: "Fay",
            familyName: `${i}`,
            employeeNumber: `new-${round}`,
            preferredLang: "en",
          });
        const created = await eightAtOnce(round, (i) =>
          createPerson(database.db, organisationId, fields(i), TEST_CHANGE_ACTOR),
        );
        assert.equal(created.filter((r) => r.ok).length, 1, `round ${round}: ${JSON.stringify(created)}`);
        assert.ok(created.every((r) => r.ok || numberTaken(r)));
        const people = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            addPerson(database.db, organisationId, {
              givenName: "Gil",
              familyName: `${i}`,
              employeeNumber: `${round}.${i}`,
            }),
          ),
        );
        const changed = await eightAtOnce(round, (i) =>
          updatePerson(
            database.db,
            organisationId,
            people[i].id,
            { employeeNumber: `changed-${round}` },
            TEST_CHANGE_ACTOR,
          ),
        );
        assert.equal(changed.filter((r) => r?.ok).length, 1, `round ${round}: ${JSON.stringify(changed)}`);
        assert.ok(changed.every((r) => r?.ok || numberTaken(r)));
      }
    });

    test("eight parallel appointments of one administrator appoint once; seven find them appointed", async () => {
      const { id: organisationId } = await createOrganisation(database.db, orgSettings("roles"), author);
      for (let round = 1; round <= ROUNDS; round++) {
        const user = await createAccount(database.db, { email: `eve.${round}@north.example`, role: "member" });
        const answers = await eightAtOnce(round, () => appointAdministrator(database.db, organisationId, user, author));
        assert.deepEqual(
          answers.filter((appointed) => appointed),
          [true],
          `round ${round}: ${answers}`,
        );
        const changes = await database.db
          .selectFrom("organisation_changes")
          .select("id")
          .where("subject_kind", "=", "role")
          .where("subject_id", "=", user.id)
          .execute();
        assert.equal(changes.length, 1);
      }
    });

    test("a new framework submitted eight times at once is made once; the other submits find it", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const input = newFramework(`made-${round}`);
        const answers = await eightAtOnce(round, () => createFramework(database.db, null, input));
        assert.deepEqual(answers.map((a) => a.outcome).sort(), ["done", ...Array(7).fill("unchanged")]);
      }
    });

    test("eight new frameworks of one title made at once get eight slugs made from it", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const title = `Round ${round} of shelving`;
        const answers = await eightAtOnce(round, () => createFramework(database.db, null, newFramework(null, title)));
        assert.equal(new Set(answers.map((a) => a.slug)).size, 8, `round ${round}: ${answers.map((a) => a.slug)}`);
      }
    });

    test("an adoption submitted eight times at once makes one copy; the other submits find it", async () => {
      const source = await publishSmallFramework(database.db, "source", { areas: 1, perArea: 1, ksas: 1 });
      for (let round = 1; round <= ROUNDS; round++) {
        const input = { source: source.slug, id: randomUUID(), slug: `copy-${round}`, title_en: null, title_fr: null };
        const answers = await eightAtOnce(round, () => adoptFramework(database.db, null, input));
        assert.deepEqual(answers.map((a) => a.outcome).sort(), ["done", ...Array(7).fill("unchanged")]);
      }
    });

    test("a file imported eight times at once makes one framework; the other imports update it", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const file = importedFramework();
        const outcomes = await eightAtOnce(round, () => importFramework(database.db, file));
        const created = outcomes.map((o) => (o.ok ? o.report.created : o.problems));
        assert.deepEqual(created.sort(), [false, false, false, false, false, false, false, true]);
      }
    });

    test("a duplicate address is recognised as that constraint, a duplicate id is not", async () => {
      const id = randomUUID();
      await database.db
        .insertInto("users")
        .values(userRow(database, id, "ana@north.example"))
        .execute();
      const sameAddress = await database.db
        .insertInto("users")
        .values(userRow(database, randomUUID(), "ana@north.example"))
        .execute()
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      assert.ok(sameAddress, "the database refuses a second row with the address");
      assert.equal(isUniqueViolation(sameAddress, usersEmail), true);
      const sameId = await database.db
        .insertInto("users")
        .values(userRow(database, id, "other@north.example"))
        .execute()
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      assert.ok(sameId, "the database refuses a second row with the id");
      assert.equal(isUniqueViolation(sameId, usersEmail), false);
      assert.equal(isUniqueViolation(new Error("something else"), usersEmail), false);
      assert.equal(isUniqueViolation(undefined, usersEmail), false);
    });
  });
}
