/**
 * The job profile store on both databases: create, read, save with the version the author started
 * from, codes unique in an organisation whatever their case, units of the same organisation only,
 * copies (with their requirements), deletion refused while people hold the profile, and every
 * change in the organisation's history. Migration 016 (the history's new subjects) down and up.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import * as m016 from "../../src/db/migrations/016_profile_extras.ts";
import * as m019 from "../../src/db/migrations/019_cycle_changes.ts";
import * as m024 from "../../src/db/migrations/024_profile_code_key.ts";
import type { DB } from "../../src/db/schema.ts";
import { assignPosition } from "../../src/profiles/jobs/positions.ts";
import {
  CodeTakenError,
  copyProfile,
  createProfile,
  deleteProfile,
  findProfile,
  listProfiles,
  ProfileHeldError,
  StaleProfileError,
  UnitUnknownError,
  updateProfile,
} from "../../src/profiles/jobs/store.ts";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { eightAtOnce, ROUNDS } from "../support/parallel.ts";
import { addPerson, insertOrganisation, insertUnit, TEST_CHANGE_ACTOR } from "../support/people.ts";
import { technician } from "../support/profiles.ts";

let worlds = 0;
async function world(db: Kysely<DB>) {
  const n = ++worlds;
  const a = await insertOrganisation(db, `alpha-${n}`);
  const b = await insertOrganisation(db, `beta-${n}`);
  return { a, b, unitA: await insertUnit(db, a, "Central"), unitB: await insertUnit(db, b, "Elsewhere") };
}

async function history(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom("organisation_changes")
    .select(["subject_kind", "action", "subject_id"])
    .where("organisation_id", "=", organisationId)
    .orderBy("at")
    .execute();
}

for (const dialect of testDialects()) {
  describe(`job profile store (${dialect})`, () => {
    // One database for the file (opening one per test costs seconds on PGlite); each test has its
    // own organisations.
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    before(async () => {
      ({ db, close } = await openTestDatabase(dialect, { starter: true }));
    });
    after(() => close());

    it("creates a profile on the organisation's scale and reads it back as written, with its history", async () => {
      {
        const { a, unitA } = await world(db);
        const created = await createProfile(db, a, technician({ unit_ids: [unitA] }), TEST_CHANGE_ACTOR);
        const read = await findProfile(db, a, created.id);
        assert.ok(read);
        assert.equal(read.title_fr, "Technicienne ou technicien en documentation");
        assert.deepEqual(read.duties, technician().duties);
        assert.deepEqual(read.unitIds, [unitA]);
        assert.equal(read.scaleId, DEFAULT_SCALE_ID);
        assert.equal(read.version, 1);
        assert.deepEqual(
          (await history(db, a)).map((h) => [h.subject_kind, h.action, h.subject_id]),
          [["profile", "create", created.id]],
        );
      }
    });

    it("refuses a code another profile of the organisation has in any case, but not another organisation's", async () => {
      {
        const { a, b } = await world(db);
        await createProfile(db, a, technician({ code: "LT-2" }), TEST_CHANGE_ACTOR);
        await assert.rejects(createProfile(db, a, technician({ code: " lt-2" }), TEST_CHANGE_ACTOR), CodeTakenError);
        await createProfile(db, b, technician({ code: "lt-2" }), TEST_CHANGE_ACTOR);
        assert.equal((await listProfiles(db, a)).length, 1);
      }
    });

    it("two saves of one code in different cases at once: one is stored, the other is refused as taken", async () => {
      const { a } = await world(db);
      const results = await Promise.allSettled([
        createProfile(db, a, technician({ code: "RACE-1" }), TEST_CHANGE_ACTOR),
        createProfile(db, a, technician({ code: "race-1 " }), TEST_CHANGE_ACTOR),
      ]);
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      const refused = results.find((r) => r.status === "rejected");
      assert.ok(refused?.status === "rejected" && refused.reason instanceof CodeTakenError);
      assert.equal((await listProfiles(db, a)).length, 1);
    });

    it("the database itself refuses a code that differs only by case or spaces (migration 024), down and up", async () => {
      const { a } = await world(db);
      const created = await createProfile(db, a, technician({ code: "DB-7" }), TEST_CHANGE_ACTOR);
      const row = await db
        .selectFrom("job_profiles")
        .selectAll()
        .where("id", "=", created.id)
        .executeTakeFirstOrThrow();
      const twin = { ...row, id: crypto.randomUUID(), code: " db-7" };
      await assert.rejects(db.insertInto("job_profiles").values(twin).execute());
      // Down, the exact-match index of 013 lets the twin in; up again refuses, naming the clash.
      await m024.down(db as Kysely<unknown>);
      await db.insertInto("job_profiles").values(twin).execute();
      await assert.rejects(
        m024.up(db as Kysely<unknown>),
        /differ only by case or spaces must be renamed first: "db-7"/,
      );
      await db.deleteFrom("job_profiles").where("id", "=", twin.id).execute();
      await m024.up(db as Kysely<unknown>);
      await assert.rejects(db.insertInto("job_profiles").values(twin).execute());
    });

    it("refuses units of another organisation, changing nothing", async () => {
      {
        const { a, unitB } = await world(db);
        await assert.rejects(
          createProfile(db, a, technician({ unit_ids: [unitB] }), TEST_CHANGE_ACTOR),
          UnitUnknownError,
        );
        assert.deepEqual(await listProfiles(db, a), []);
        assert.deepEqual(await history(db, a), []);
      }
    });

    it("saves only from the current version: a stale save changes nothing", async () => {
      {
        const { a } = await world(db);
        const created = await createProfile(db, a, technician(), TEST_CHANGE_ACTOR);
        const saved = await updateProfile(db, a, created.id, 1, technician({ grade: "Band 5" }), TEST_CHANGE_ACTOR);
        assert.equal(saved.version, 2);
        assert.equal(saved.grade, "Band 5");
        await assert.rejects(
          updateProfile(db, a, created.id, 1, technician({ grade: "Band 9" }), TEST_CHANGE_ACTOR),
          StaleProfileError,
        );
        assert.equal((await findProfile(db, a, created.id))?.grade, "Band 5");
        assert.deepEqual(
          (await history(db, a)).map((h) => h.action),
          ["create", "update"],
        );
      }
    });

    it("lists by title or code and by unit, and never another organisation's profiles", async () => {
      {
        const { a, b, unitA } = await world(db);
        await createProfile(db, a, technician({ unit_ids: [unitA] }), TEST_CHANGE_ACTOR);
        await createProfile(
          db,
          a,
          technician({ title_en: "Branch manager", title_fr: "Gestionnaire de succursale", code: "BM_1" }),
          TEST_CHANGE_ACTOR,
        );
        await createProfile(db, b, technician({ title_en: "Branch helper" }), TEST_CHANGE_ACTOR);
        assert.deepEqual(
          (await listProfiles(db, a, { q: "branch" })).map((p) => p.code),
          ["BM_1"],
        );
        assert.deepEqual(
          (await listProfiles(db, a, { q: "lt-" })).map((p) => p.code),
          ["LT-2"],
        );
        // "_" is a character to find, not a wildcard.
        assert.deepEqual(
          (await listProfiles(db, a, { q: "m_" })).map((p) => p.code),
          ["BM_1"],
        );
        assert.deepEqual(
          (await listProfiles(db, a, { unitId: unitA })).map((p) => p.code),
          ["LT-2"],
        );
        assert.deepEqual(
          (await listProfiles(db, a, { lang: "fr" })).map((p) => p.title_fr),
          ["Gestionnaire de succursale", "Technicienne ou technicien en documentation"],
        );
      }
    });

    it("copies a profile with its units and requirements, titled as a copy and without a code", async () => {
      {
        const { a, unitA } = await world(db);
        const source = await createProfile(db, a, technician({ unit_ids: [unitA] }), TEST_CHANGE_ACTOR);
        const edition = await db.selectFrom("editions").select(["id", "framework_id"]).executeTakeFirstOrThrow();
        const item = await db
          .selectFrom("published_items")
          .select("item_id")
          .where("edition_id", "=", edition.id)
          .where("type_code", "=", "competency")
          .executeTakeFirstOrThrow();
        await db
          .insertInto("job_profile_requirements")
          .values({
            profile_id: source.id,
            framework_id: edition.framework_id,
            item_id: item.item_id,
            edition_id: edition.id,
            ordinal: 0,
            target_level: 4,
            importance: "asset",
            ksa_ids: null,
          })
          .execute();
        const copy = await copyProfile(db, a, source.id, TEST_CHANGE_ACTOR);
        assert.notEqual(copy.id, source.id);
        assert.equal(copy.title_en, "Library technician (copy)");
        assert.equal(copy.title_fr, "Technicienne ou technicien en documentation (copie)");
        assert.equal(copy.code, null);
        assert.equal(copy.copiedFrom, `profile:${source.id}`);
        assert.deepEqual(copy.unitIds, [unitA]);
        const copied = await db
          .selectFrom("job_profile_requirements")
          .select(["item_id", "target_level", "importance"])
          .where("profile_id", "=", copy.id)
          .execute();
        assert.deepEqual(copied, [{ item_id: item.item_id, target_level: 4, importance: "asset" }]);
      }
    });

    it("refuses to delete a profile people hold unless their position is cleared", async () => {
      {
        const { a } = await world(db);
        const profile = await createProfile(db, a, technician(), TEST_CHANGE_ACTOR);
        const person = await addPerson(db, a, { givenName: "Ada", familyName: "Roy", employeeNumber: `E${worlds}` });
        await db
          .insertInto("person_positions")
          .values({ person_id: person.id, profile_id: profile.id, since: null, updated_at: new Date().toISOString() })
          .execute();
        await assert.rejects(deleteProfile(db, a, profile.id, { clearPositions: false }, TEST_CHANGE_ACTOR), (e) => {
          assert.ok(e instanceof ProfileHeldError);
          assert.equal(e.holders, 1);
          return true;
        });
        assert.ok(await findProfile(db, a, profile.id));
        await deleteProfile(db, a, profile.id, { clearPositions: true }, TEST_CHANGE_ACTOR);
        assert.equal(await findProfile(db, a, profile.id), undefined);
        assert.deepEqual(
          await db.selectFrom("person_positions").selectAll().where("person_id", "=", person.id).execute(),
          [],
        );
        const actions = (await history(db, a)).map((h) => `${h.subject_kind}:${h.action}`);
        assert.ok(actions.includes("profile:delete"));
        assert.ok(actions.includes("person:update"));
      }
    });

    // On PostgreSQL each assignment's delete misses the row another inserted meanwhile, and its
    // insert meets it (test/db/unique-violation.test.ts says more).
    it("eight assignments of one person at once, to either of two profiles, all answer; the person holds one", async () => {
      const { a } = await world(db);
      const profiles = [
        await createProfile(db, a, technician(), TEST_CHANGE_ACTOR),
        await createProfile(db, a, technician({ code: null }), TEST_CHANGE_ACTOR),
      ];
      for (let round = 1; round <= ROUNDS; round++) {
        const number = `P${worlds}.${round}`;
        const person = await addPerson(db, a, { givenName: "Bo", familyName: "Roy", employeeNumber: number });
        const held = await eightAtOnce(round, (i) =>
          assignPosition(db, a, profiles[i % 2].id, number, TEST_CHANGE_ACTOR),
        );
        assert.ok(held.every((h) => h.personId === person.id));
        const rows = await db
          .selectFrom("person_positions")
          .select("profile_id")
          .where("person_id", "=", person.id)
          .execute();
        assert.equal(rows.length, 1);
      }
    });

    it("migration 016 goes down (dropping the new subjects' history) and up again", async () => {
      {
        const { a } = await world(db);
        await createProfile(db, a, technician(), TEST_CHANGE_ACTOR);
        // Later migrations first (019 widened the same constraint again), then back up in order.
        await m019.down(db as unknown as Kysely<unknown>);
        await m016.down(db as unknown as Kysely<unknown>);
        assert.deepEqual(await history(db, a), []);
        await assert.rejects(createProfile(db, a, technician({ code: "X" }), TEST_CHANGE_ACTOR));
        await m016.up(db as unknown as Kysely<unknown>);
        await m019.up(db as unknown as Kysely<unknown>);
        await createProfile(db, a, technician({ code: "Y" }), TEST_CHANGE_ACTOR);
        assert.equal((await history(db, a)).length, 1);
      }
    });
  });
}
