/**
 * Published items are rows a later table can reference, and the truth of every edition:
 * - a table of the people side can say "this competency, as published in edition N" with
 *   `foreign key (edition_id, item_id) references published_items`, on both databases: an item never
 *   published in that edition is refused, and the referenced edition cannot vanish under it;
 * - for generated frameworks edited, adopted and published in any order, every edition's cache says
 *   exactly what its rows say, and readers see what the draft was when it was published;
 * - an edition whose cache cannot be read is served from its rows.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import type { Database } from "../../src/db/connect.ts";
import { buildFrameworkView, createCatalog } from "../../src/editions/catalog.ts";
import { findEdition, latestEdition, listEditions, readEditionRows } from "../../src/editions/store.ts";
import { readEditionCache } from "../../src/editions/stored.ts";
import { adoptFramework } from "../../src/editor/commands/adopt.ts";
import { addItem, deleteItem, editItem, moveItem } from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { listDraftItems } from "../../src/frameworks/draft-store.ts";
import { frameworkJson } from "../../src/frameworks/json.ts";
import { findFrameworkById, findFrameworkBySlug } from "../../src/frameworks/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { buildThroughCommands, frameworkArbitrary } from "../support/generated-tree.ts";

const ana = { id: "u-ana", email: "ana@example.org", name: "Ana Editor", role: "editor" as const };
const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);

type Step =
  | { kind: "edit"; index: number }
  | { kind: "add"; parent: number }
  | { kind: "delete"; index: number }
  | { kind: "move"; index: number; parent: number }
  | { kind: "publish" }
  | { kind: "adopt" };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), index: fc.nat(40) }),
  fc.record({ kind: fc.constant("add" as const), parent: fc.nat(40) }),
  fc.record({ kind: fc.constant("delete" as const), index: fc.nat(40) }),
  fc.record({ kind: fc.constant("move" as const), index: fc.nat(40), parent: fc.nat(40) }),
  fc.constant({ kind: "publish" as const }),
  fc.constant({ kind: "adopt" as const }),
);

for (const dialect of testDialects()) {
  describe(`published items as rows (${dialect})`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(dialect);
      await loadStarterFramework(database.db);
    });
    after(() => database?.close());

    test("a later table references an item as published in an edition, with a foreign key", async () => {
      const db = database.db;
      await sql`create table profile_competencies (
        profile_id varchar(36) not null,
        edition_id varchar(36) not null,
        item_id varchar(36) not null,
        primary key (profile_id, edition_id, item_id),
        foreign key (edition_id, item_id) references published_items (edition_id, item_id)
      )`.execute(db);
      try {
        const starter = await findFrameworkBySlug(db, "public-library-staff");
        assert.ok(starter);
        const edition = await latestEdition(db, starter.id);
        assert.ok(edition);
        const [item] = await db
          .selectFrom("published_items")
          .select("item_id")
          .where("edition_id", "=", edition.id)
          .where("code", "=", "ML.CR.2")
          .execute();
        assert.ok(item, "the starter's ML.CR.2 is a row of its edition");
        const refer = (editionId: string, itemId: string) =>
          sql`insert into profile_competencies (profile_id, edition_id, item_id)
            values (${randomUUID()}, ${editionId}, ${itemId})`.execute(db);
        await refer(edition.id, item.item_id);

        // An item the edition does not hold (an unpublished one, or a made-up id) is refused.
        const draftOnly = randomUUID();
        await addItem(db, ana, starter.id, {
          id: draftOnly,
          parent: "root",
          type: "category",
          code: "NEW",
          statement_en: "Not published yet",
          statement_fr: "Pas encore publié",
          description_en: null,
          description_fr: null,
        });
        await assert.rejects(refer(edition.id, draftOnly));
        await assert.rejects(refer(edition.id, randomUUID()));
        // The same item in the next edition is another row, referenced on its own.
        const next = await publishEdition(db, starter.id, ana, { en: "Next edition.", fr: "Édition suivante." });
        const nextEdition = await findEdition(db, starter.id, next.number);
        assert.ok(nextEdition);
        await refer(nextEdition.id, item.item_id);
        await refer(nextEdition.id, draftOnly);
        // Deleting the framework (and so its editions) would leave references dangling: refused.
        await assert.rejects(db.deleteFrom("frameworks").where("id", "=", starter.id).execute());
        assert.equal((await listEditions(db, starter.id)).length, next.number);
      } finally {
        await sql`drop table profile_competencies`.execute(db);
      }
    });

    test("every edition's cache says what its rows say; readers see the draft as it was published", async () => {
      const db = database.db;
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          frameworkArbitrary(12),
          fc.array(stepArb, { minLength: 1, maxLength: 8 }),
          async (generated, steps) => {
            run++;
            const built = await buildThroughCommands(
              db,
              ana,
              generated,
              `gen-${dialect}-${run}-${randomUUID().slice(0, 6)}`,
            );
            const frameworks = [built.id];
            const shownWhenPublished = new Map<string, unknown>();
            const publish = async (frameworkId: string) => {
              const framework = await findFrameworkById(db, frameworkId);
              assert.ok(framework);
              const draft = frameworkJson(await buildFrameworkView(db, framework));
              const { number } = await publishEdition(db, frameworkId, ana, { en: "Checked.", fr: "Vérifié." });
              shownWhenPublished.set(`${frameworkId}:${number}`, [draft.title, draft.itemTypes, draft.children]);
            };
            for (const step of steps) {
              const items = await listDraftItems(db, built.id);
              const at = (n: number) => (items.length > 0 ? items[n % items.length] : undefined);
              if (step.kind === "edit" && at(step.index)) {
                const item = at(step.index);
                assert.ok(item);
                await editItem(db, ana, built.id, item.id, {
                  ...item,
                  statement_en: `${item.statement_en ?? ""} (edited)`,
                });
              } else if (step.kind === "add") {
                await addItem(db, ana, built.id, {
                  id: randomUUID(),
                  parent: at(step.parent)?.id ?? "root",
                  type: "ksa",
                  code: null,
                  statement_en: `Added in step ${run}`,
                  statement_fr: null,
                  description_en: null,
                  description_fr: null,
                });
              } else if (step.kind === "delete" && at(step.index)) {
                const item = at(step.index);
                assert.ok(item);
                const below = items.filter((i) => i.parent_id === item.id).length;
                // The count of descendants must be exact; leaves only keep it simple.
                if (below === 0) await deleteItem(db, ana, built.id, item.id, 0);
              } else if (step.kind === "move" && at(step.index)) {
                const item = at(step.index);
                const parent = at(step.parent);
                assert.ok(item);
                await moveItem(db, ana, built.id, item.id, parent?.id ?? null).catch((error) => {
                  // Under itself or its own subtree: refused, as the editor does.
                  if (error?.code !== "under_itself" && error?.code !== "under_descendant") throw error;
                });
              } else if (step.kind === "publish") await publish(built.id);
              else if (step.kind === "adopt") {
                const id = randomUUID();
                const source = await findFrameworkById(db, built.id);
                assert.ok(source);
                await adoptFramework(db, ana, {
                  source: source.slug,
                  id,
                  slug: `copy-${id.slice(0, 8)}`,
                  title_en: `Copy ${id.slice(0, 8)}`,
                  title_fr: `Copie ${id.slice(0, 8)}`,
                });
                await publish(id);
                frameworks.push(id);
              }
            }

            const catalog = createCatalog(db, { checkIntervalMs: 0 });
            for (const frameworkId of frameworks) {
              const framework = await findFrameworkById(db, frameworkId);
              assert.ok(framework);
              for (const summary of await listEditions(db, frameworkId)) {
                const stored = await findEdition(db, frameworkId, summary.number);
                assert.ok(stored);
                const rows = await readEditionRows(db, stored.id);
                assert.deepEqual(
                  readEditionCache(stored.snapshot, { column: "editions.snapshot", row: stored.id }),
                  rows,
                );
                const view = await catalog.edition(framework.slug, summary.number);
                assert.ok(view);
                const shown = frameworkJson(view);
                const expected = shownWhenPublished.get(`${frameworkId}:${summary.number}`);
                if (expected) assert.deepEqual([shown.title, shown.itemTypes, shown.children], expected);
              }
              // A copy's published items name their sources: items of the edition it copied.
              if (frameworkId !== built.id) {
                const copied = await db
                  .selectFrom("published_items")
                  .innerJoin("editions", "editions.id", "published_items.edition_id")
                  .select(["published_items.item_id", "published_items.source_item_id"])
                  .where("editions.framework_id", "=", frameworkId)
                  .execute();
                const upstream = new Set(
                  (
                    await db
                      .selectFrom("published_items")
                      .innerJoin("editions", "editions.id", "published_items.edition_id")
                      .select("published_items.item_id")
                      .where("editions.framework_id", "=", built.id)
                      .execute()
                  ).map((r) => r.item_id),
                );
                assert.ok(copied.length > 0 || (await listDraftItems(db, frameworkId)).length === 0);
                for (const row of copied)
                  assert.ok(row.source_item_id && upstream.has(row.source_item_id), row.item_id);
              }
            }
          },
        ),
        { numRuns: runs(dialect === "sqlite" ? 8 : 3) },
      );
    });

    test("an edition whose cache cannot be read is served from its rows", async () => {
      const db = database.db;
      const catalog = createCatalog(db, { checkIntervalMs: 0 });
      const before = frameworkJson(
        (await catalog.get("public-library-staff")) as NonNullable<Awaited<ReturnType<typeof catalog.get>>>,
      );
      const starter = await findFrameworkBySlug(db, "public-library-staff");
      assert.ok(starter);
      const edition = await latestEdition(db, starter.id);
      assert.ok(edition);
      for (const damaged of ["{ not json", JSON.stringify({ v: 99 }), JSON.stringify({ v: 2, items: "no" })]) {
        await db.updateTable("editions").set({ snapshot: damaged }).where("id", "=", edition.id).execute();
        catalog.invalidate();
        const view = await catalog.get("public-library-staff");
        assert.ok(view);
        assert.deepEqual(frameworkJson(view), before);
      }
    });
  });
}
