/**
 * The starter profiles fit the tables an organisation's profiles live in (migration 013): copied
 * into an organisation, every requirement pins an item the starter's published edition holds, as a
 * competency, with its chosen KSAs under it; levels are on the default scale; texts come back whole.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  IMPORTANCES,
  loadStarterProfiles,
  STARTER_LEVELS,
  starterJobProfile,
} from "../../src/content/starter-profiles.ts";
import * as m012 from "../../src/db/migrations/012_proficiency_scales.ts";
import * as m013 from "../../src/db/migrations/013_job_profiles.ts";
import { latestEdition } from "../../src/editions/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const starter = loadStarterProfiles();
const now = "2026-01-01T00:00:00.000Z";

describe("the starter profiles' levels and importances are the tables' own", () => {
  it("levels are the default scale's numbers; importances are the ones the table accepts", () => {
    assert.deepEqual(
      [...STARTER_LEVELS],
      m012.DEFAULT_SCALE.levels.map((l) => l.number),
    );
    assert.deepEqual([...IMPORTANCES], [...m013.IMPORTANCES]);
  });
});

for (const dialect of testDialects()) {
  describe(`the starter profiles copied into an organisation (${dialect})`, () => {
    it("every profile and requirement is stored, pinned to the starter's published edition", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        await db
          .insertInto("organisations")
          .values({
            id: "org",
            slug: "org",
            name_en: "Library",
            name_fr: "Bibliothèque",
            default_lang: "fr",
            settings: "{}",
            created_at: now,
            updated_at: now,
          })
          .execute();
        const edition = await latestEdition(db, starter.framework.id);
        assert.ok(edition, "the starter framework has a published edition");
        for (const profile of starter.profiles) {
          const fields = starterJobProfile(profile, starter.framework.id, "fr");
          await db
            .insertInto("job_profiles")
            .values({
              ...fields.profile,
              id: `job-${profile.code}`,
              organisation_id: "org",
              scale_id: m012.DEFAULT_SCALE_ID,
              version: 1,
              created_at: now,
              updated_at: now,
              updated_by: null,
            })
            .execute();
          // The foreign key to published_items refuses an item the edition did not publish.
          await db
            .insertInto("job_profile_requirements")
            .values(
              fields.requirements.map((r) => ({ ...r, profile_id: `job-${profile.code}`, edition_id: edition.id })),
            )
            .execute();
        }

        const published = await db
          .selectFrom("published_items")
          .select(["item_id", "parent_id", "type_code", "code"])
          .where("edition_id", "=", edition.id)
          .execute();
        const byId = new Map(published.map((p) => [p.item_id, p]));
        const stored = await db
          .selectFrom("job_profile_requirements")
          .selectAll()
          .orderBy("profile_id")
          .orderBy("ordinal")
          .execute();
        assert.equal(
          stored.length,
          starter.profiles.reduce((n, p) => n + p.requirements.length, 0),
        );
        for (const row of stored) {
          const item = byId.get(row.item_id);
          assert.equal(item?.type_code, "competency", `${row.profile_id}: ${item?.code} is a published competency`);
          for (const ksa of row.ksa_ids ? (JSON.parse(row.ksa_ids) as string[]) : []) {
            assert.equal(byId.get(ksa)?.type_code, "ksa");
            assert.equal(byId.get(ksa)?.parent_id, row.item_id, `${byId.get(ksa)?.code} is under ${item?.code}`);
          }
        }

        const cyslRow = await db
          .selectFrom("job_profiles")
          .selectAll()
          .where("id", "=", "job-CYSL")
          .executeTakeFirstOrThrow();
        const cysl = starter.profiles.find((p) => p.code === "CYSL");
        assert.ok(cysl);
        assert.equal(cyslRow.title_fr, cysl.fr.title);
        assert.equal(cyslRow.grade, cysl.fr.grade, "the grade in the organisation's language");
        assert.equal(cyslRow.copied_from, "starter:CYSL");
        assert.deepEqual(
          JSON.parse(cyslRow.duties),
          cysl.en.duties.map((en, i) => ({ en, fr: cysl.fr.duties[i] })),
        );
        const cyslCodes = stored
          .filter((r) => r.profile_id === "job-CYSL")
          .map((r) => [byId.get(r.item_id)?.code, Number(r.target_level), r.importance]);
        assert.deepEqual(
          cyslCodes,
          cysl.requirements.map((r) => [r.code, r.level, r.importance]),
        );
      } finally {
        await close();
      }
    });
  });
}
