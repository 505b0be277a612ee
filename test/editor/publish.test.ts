/** Publishing editions and what readers see, on every database. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import type { Database } from "../../src/db/connect.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { listEditions } from "../../src/editions/store.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { EditorError } from "../../src/frameworks/errors.ts";
import { findFrameworkBySlug, readContentRevision } from "../../src/frameworks/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const SLUG = "public-library-staff";
const RENAMED = { en: "Renamed Community Relations.", fr: "Nouveau nom pour Relations avec la collectivité." };
const editor = { id: "u-1", email: "ed@example.org", name: "Edith Editor", role: "editor" as const };

for (const dialect of testDialects()) {
  describe(`editions (${dialect})`, () => {
    let database: Database;
    let frameworkId: string;
    let itemId: string;
    before(async () => {
      database = await openTestDatabase(dialect);
      await loadStarterFramework(database.db);
      frameworkId = (await findFrameworkBySlug(database.db, SLUG))?.id as string;
      itemId = (
        await database.db.selectFrom("items").select("id").where("code", "=", "ML.CR").executeTakeFirstOrThrow()
      ).id;
    });
    after(() => database.close());

    test("the starter load publishes edition 1, which readers see", async () => {
      const editions = await listEditions(database.db, frameworkId);
      assert.deepEqual(
        editions.map((e) => [e.number, e.published_by]),
        [[1, null]],
      );
      const view = await createCatalog(database.db, { checkIntervalMs: 0 }).get(SLUG);
      assert.equal(view?.edition?.number, 1);
      assert.equal(view?.byKey.get("ML.CR")?.statement.en, "Community Relations");
    });

    test("a draft change is invisible to readers until it is published", async () => {
      const catalog = createCatalog(database.db, { checkIntervalMs: 0 });
      const revision = await readContentRevision(database.db);
      const editedAt = "2031-05-06T10:00:00.000Z";
      await database.db
        .updateTable("items")
        .set({ statement_en: "Community Relations and Outreach", updated_at: editedAt })
        .where("id", "=", itemId)
        .execute();
      assert.equal((await catalog.get(SLUG))?.byKey.get("ML.CR")?.statement.en, "Community Relations");

      const published = await publishEdition(database.db, frameworkId, editor, RENAMED);
      assert.equal(published.number, 2);
      assert.equal(await readContentRevision(database.db), revision + 1);
      const view = await catalog.get(SLUG);
      assert.equal(view?.byKey.get("ML.CR")?.statement.en, "Community Relations and Outreach");
      assert.equal(view?.byKey.get("ML.CR")?.lastUpdated, editedAt);
      assert.equal(view?.edition?.number, 2);
      assert.deepEqual(view?.edition?.summary, RENAMED);
      assert.equal(view?.framework.version, "2", "the edition's number is the public version");
      assert.equal((await catalog.list()).find((f) => f.slug === SLUG)?.version, "2");
      // The earlier edition stays readable as it was.
      const first = await catalog.edition(SLUG, 1);
      assert.equal(first?.byKey.get("ML.CR")?.statement.en, "Community Relations");
      assert.equal(first?.edition?.number, 1);
      assert.equal(await catalog.edition(SLUG, 3), undefined);
      assert.equal(await catalog.edition(SLUG, 0), undefined);
      assert.deepEqual(
        (await catalog.editions(SLUG))?.map((e) => [e.number, e.published_by_label]),
        [
          [2, "Edith Editor"],
          [1, null],
        ],
      );
      const log = await database.db
        .selectFrom("changes")
        .select(["kind", "actor_id", "after"])
        .where("kind", "=", "publish")
        .execute();
      assert.deepEqual(log.at(-1), {
        kind: "publish",
        actor_id: "u-1",
        after: JSON.stringify({ number: 2, summary: RENAMED }),
      });
    });

    test("a publish needs a summary in both languages, and an unknown framework publishes nothing", async () => {
      const count = async () => (await listEditions(database.db, frameworkId)).length;
      const before = await count();
      for (const [summary, field] of [
        [{ en: "   ", fr: "Résumé." }, "summary_en"],
        [{ en: "Summary.", fr: "" }, "summary_fr"],
        [{ en: "x".repeat(501), fr: "Résumé." }, "summary_en"],
        [{ en: "Summary.", fr: "Résumé \u202e inversé." }, "summary_fr"],
      ] as const)
        await assert.rejects(
          publishEdition(database.db, frameworkId, editor, summary),
          (e: unknown) =>
            e instanceof EditorError && e.code === "invalid" && (e.details as { field?: string })?.field === field,
        );
      await assert.rejects(
        publishEdition(database.db, "no-such-id", editor, { en: "x", fr: "x" }),
        (e: unknown) => e instanceof EditorError && e.code === "not_found",
      );
      assert.equal(await count(), before);
    });

    test("two publishes at once get consecutive numbers", async () => {
      const results = await Promise.allSettled([
        publishEdition(database.db, frameworkId, editor, { en: "One.", fr: "Une." }),
        publishEdition(database.db, frameworkId, editor, { en: "Two.", fr: "Deux." }),
      ]);
      const numbers = results
        .filter((r) => r.status === "fulfilled")
        .map((r) => (r as PromiseFulfilledResult<{ number: number }>).value.number);
      assert.ok(numbers.length >= 1);
      assert.equal(new Set(numbers).size, numbers.length);
      const stored = (await listEditions(database.db, frameworkId)).map((e) => e.number);
      assert.deepEqual(
        stored,
        [...stored].sort((a, b) => b - a),
      );
      assert.equal(new Set(stored).size, stored.length);
    });

    test("a framework without an edition is not public, even marked published", async () => {
      await database.db
        .insertInto("frameworks")
        .values({
          id: "f-draft",
          slug: "draft-only",
          title_en: "Draft",
          title_fr: null,
          description_en: null,
          description_fr: null,
          publisher: null,
          version: "0",
          status: "published",
          licence: null,
          created_at: "2030-01-01T00:00:00.000Z",
          updated_at: "2030-01-01T00:00:00.000Z",
          extra: null,
        })
        .execute();
      const catalog = createCatalog(database.db, { checkIntervalMs: 0 });
      assert.equal(await catalog.get("draft-only"), undefined);
      assert.deepEqual(
        (await catalog.list()).map((f) => f.slug),
        [SLUG],
      );
      assert.deepEqual(await catalog.editions("draft-only"), []);
      assert.equal(await catalog.editions("no-such-framework"), undefined);
    });
  });
}
