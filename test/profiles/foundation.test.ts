/**
 * The tables of proficiency scales and job profiles (migrations 012 and 013): the default scale
 * shipped in both languages, a requirement pinned to an item as an edition published it, the
 * constraints, the position a person holds as the policy sees it, and both migrations down and up.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Kysely } from "kysely";
import * as m012 from "../../src/db/migrations/012_proficiency_scales.ts";
import * as m013 from "../../src/db/migrations/013_job_profiles.ts";
import * as m015 from "../../src/db/migrations/015_requirement_reviews.ts";
import * as m017 from "../../src/db/migrations/017_assessments.ts";
import * as m024 from "../../src/db/migrations/024_profile_code_key.ts";
import type { DB } from "../../src/db/schema.ts";
import { loadMembership } from "../../src/people/membership.ts";
import { DEFAULT_SCALE_ID, levelDescriptors, organisationScale } from "../../src/profiles/scales/read.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const now = "2026-01-01T00:00:00.000Z";

async function world(db: Kysely<DB>) {
  await db
    .insertInto("organisations")
    .values({
      id: "o",
      slug: "o",
      name_en: "O",
      name_fr: "O",
      default_lang: "en",
      settings: "{}",
      created_at: now,
      updated_at: now,
    })
    .execute();
  const edition = await db.selectFrom("editions").select(["id", "framework_id"]).executeTakeFirstOrThrow();
  const item = await db
    .selectFrom("published_items")
    .select("item_id")
    .where("edition_id", "=", edition.id)
    .where("type_code", "=", "competency")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("job_profiles")
    .values({
      id: "job",
      organisation_id: "o",
      code: "LIBTECH",
      title_en: "Library technician",
      title_fr: "Technicienne ou technicien en documentation",
      grade: null,
      summary_en: "",
      summary_fr: "",
      duties: "[]",
      qualifications: "[]",
      working_conditions_en: "",
      working_conditions_fr: "",
      scale_id: m012.DEFAULT_SCALE_ID,
      copied_from: null,
      version: 1,
      created_at: now,
      updated_at: now,
      updated_by: null,
    })
    .execute();
  const requirement = {
    profile_id: "job",
    framework_id: edition.framework_id,
    item_id: item.item_id,
    edition_id: edition.id,
    ordinal: 1,
    target_level: 3,
    importance: "essential",
    ksa_ids: null,
  };
  return { edition, item, requirement };
}

for (const dialect of testDialects()) {
  describe(`scales and job profiles: tables (${dialect})`, () => {
    it("ships the default scale: five levels, numbered 1 to 5, labelled and described in both languages", async () => {
      const { db, close } = await openTestDatabase(dialect);
      try {
        const scales = await db.selectFrom("proficiency_scales").selectAll().execute();
        assert.equal(scales.length, 1);
        assert.equal(scales[0]?.organisation_id, null);
        const levels = await db.selectFrom("proficiency_levels").selectAll().orderBy("number").execute();
        assert.deepEqual(
          levels.map((l) => l.number),
          [1, 2, 3, 4, 5],
        );
        for (const level of levels) {
          for (const text of [level.label_en, level.label_fr, level.descriptor_en, level.descriptor_fr])
            assert.ok(text.trim().length > 0);
          assert.notEqual(level.descriptor_en, level.descriptor_fr);
        }
      } finally {
        await close();
      }
    });

    it("pins a requirement to an item as an edition published it, and refuses what no edition published", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { requirement } = await world(db);
        await db.insertInto("job_profile_requirements").values(requirement).execute();
        await assert.rejects(
          db
            .insertInto("job_profile_requirements")
            .values({ ...requirement, item_id: "00000000-0000-0000-0000-000000000000" })
            .execute(),
        );
        await assert.rejects(
          db
            .insertInto("job_profile_requirements")
            .values({ ...requirement, importance: "nice to have" })
            .execute(),
        );
        // A second organisation-wide code is refused; no code at all may repeat.
        const profile = await db.selectFrom("job_profiles").selectAll().executeTakeFirstOrThrow();
        await assert.rejects(
          db
            .insertInto("job_profiles")
            .values({ ...profile, id: "job2" })
            .execute(),
        );
        await db
          .insertInto("job_profiles")
          .values({ ...profile, id: "job3", code: null })
          .execute();
        await db
          .insertInto("job_profiles")
          .values({ ...profile, id: "job4", code: null })
          .execute();
      } finally {
        await close();
      }
    });

    it("the policy learns the position a person holds", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        await world(db);
        await db
          .insertInto("users")
          .values({
            id: "u",
            email: "u@example.org",
            name: "U",
            role: "member",
            created_at: now,
            updated_at: now,
          } as never)
          .execute();
        await db
          .insertInto("people")
          .values({
            id: "p",
            organisation_id: "o",
            given_name: "P",
            family_name: "Q",
            employee_number: "1",
            status: "active",
            preferred_lang: "en",
            user_id: "u",
            created_at: now,
            updated_at: now,
          })
          .execute();
        assert.equal((await loadMembership(db, "o", "u"))?.positionProfileId, null);
        await db
          .insertInto("person_positions")
          .values({ person_id: "p", profile_id: "job", since: null, updated_at: now })
          .execute();
        assert.equal((await loadMembership(db, "o", "u"))?.positionProfileId, "job");
      } finally {
        await close();
      }
    });

    it("migrations 013 and 012 go down and up again", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { requirement } = await world(db);
        await db.insertInto("job_profile_requirements").values(requirement).execute();
        // Later migrations refer to these tables: down in reverse order, up again in order.
        await m024.down(db as Kysely<unknown>);
        await m017.down(db as Kysely<unknown>);
        await m015.down(db as Kysely<unknown>);
        await m013.down(db as Kysely<unknown>);
        await m012.down(db as Kysely<unknown>);
        await m012.up(db as Kysely<unknown>);
        await m013.up(db as Kysely<unknown>);
        await m015.up(db as Kysely<unknown>);
        await m017.up(db as Kysely<unknown>);
        await m024.up(db as Kysely<unknown>);
        assert.equal((await db.selectFrom("job_profiles").selectAll().execute()).length, 0);
        assert.equal((await db.selectFrom("proficiency_levels").selectAll().execute()).length, 5);
      } finally {
        await close();
      }
    });
  });
}

for (const dialect of testDialects()) {
  describe(`scales: reading (${dialect})`, () => {
    it("an organisation without a choice uses the default; level descriptors come back per item and level", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { requirement } = await world(db);
        const scale = await organisationScale(db, "o");
        assert.equal(scale.id, DEFAULT_SCALE_ID);
        assert.deepEqual(
          scale.levels.map((l) => l.number),
          [1, 2, 3, 4, 5],
        );
        await db
          .insertInto("competency_level_descriptors")
          .values({
            scale_id: DEFAULT_SCALE_ID,
            framework_id: requirement.framework_id,
            item_id: requirement.item_id,
            level_number: 3,
            descriptor_en: "Leads a partnership from start to finish.",
            descriptor_fr: "Mène un partenariat du début à la fin.",
            updated_at: now,
            updated_by: null,
          })
          .execute();
        const found = await levelDescriptors(db, DEFAULT_SCALE_ID, requirement.framework_id, [
          requirement.item_id,
          "none",
        ]);
        assert.deepEqual(found.get(requirement.item_id)?.get(3), {
          en: "Leads a partnership from start to finish.",
          fr: "Mène un partenariat du début à la fin.",
        });
        assert.equal(found.has("none"), false);
      } finally {
        await close();
      }
    });
  });
}
