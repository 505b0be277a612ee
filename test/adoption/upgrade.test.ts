/**
 * Migration 006 on a database with adoptions made before it: every decision recorded by fingerprint
 * becomes per-item tracking at the newest upstream edition with that state, so nothing decided is
 * asked again and everything undecided still waits.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { Migrator } from "kysely";
import { migrationSchema, migrations } from "../../src/db/migrate.ts";
import { contentItems } from "../../src/editions/content.ts";
import { findEdition, readEditionContent, type StoredEdition } from "../../src/editions/store.ts";
import { upstreamReport } from "../../src/editor/commands/adopt.ts";
import { deleteItem } from "../../src/editor/commands/items.ts";
import type { ItemState } from "../../src/frameworks/item-state.ts";
import { openUnmigratedTestDatabase, testDialects } from "../support/app.ts";
import { adopt, ana, edit, makeSource, newItem, publish } from "./support.ts";

/** How decisions were keyed before migration 006 (the upstream state decided on). */
const COMPARED = [
  "code",
  "type",
  "statement_en",
  "statement_fr",
  "description_en",
  "description_fr",
  "parent_id",
] as const;
const legacyFingerprint = (kind: string, id: string, state: ItemState | null) =>
  createHash("sha256")
    .update(JSON.stringify([kind, id, state && COMPARED.map((f) => state[f])]))
    .digest("hex")
    .slice(0, 32);

for (const dialect of testDialects()) {
  describe(`migration 006 on adoptions made before it (${dialect})`, () => {
    test("decided changes stay decided; undecided ones still wait, compared with the adopted edition", async () => {
      const database = await openUnmigratedTestDatabase(dialect);
      const db = database.db;
      try {
        const migrator = new Migrator({
          db,
          migrationTableSchema: await migrationSchema(db),
          provider: { getMigrations: async () => migrations },
        });
        // Built with today's code on today's schema, then taken back down to 005 (each later migration's
        // `down`, 008's rebuilding the snapshots of the time from the rows) and given decisions the old way.
        assert.equal((await migrator.migrateToLatest()).error, undefined);
        const source = await makeSource(db);
        const copy = await adopt(db, source);
        // Edition 2: k1 and k2 changed, an item added, k3 removed.
        await edit(db, source.id, source.ids.k1, { statement_en: "Plans the yearly budget" });
        await edit(db, source.id, source.ids.k2, { code: "K2" });
        const added = await newItem(db, source.id, source.ids.a, "ksa", "Forecasts revenue");
        await deleteItem(db, ana, source.id, source.ids.k3, 0);
        await publish(db, source.id);
        const e2 = contentItems(await readEditionContent(db, (await findEdition(db, source.id, 2)) as StoredEdition));
        await edit(db, copy.id, copy.local(source.ids.k1), { statement_en: "Plans the yearly budget" });
        await deleteItem(db, ana, copy.id, copy.local(source.ids.k3), 0);
        // Edition 3 changes only area b: the decided items' state is the same as in edition 2.
        await edit(db, source.id, source.ids.b, { description_en: "Buildings and grounds" });
        await publish(db, source.id);

        assert.equal((await migrator.migrateTo("005_edition_labels")).error, undefined);
        // Decided then, the old way: k1 taken, the addition left, the removal taken; k2 not decided.
        const decisions = [
          [source.ids.k1, legacyFingerprint("changed", source.ids.k1, e2.get(source.ids.k1) ?? null), "take"],
          [added, legacyFingerprint("added", added, e2.get(added) ?? null), "leave"],
          [source.ids.k3, legacyFingerprint("removed", source.ids.k3, null), "take"],
        ] as const;
        await db
          .insertInto("adoption_decisions" as never)
          .values(
            decisions.map(([id, fingerprint, decision]) => ({
              framework_id: copy.id,
              source_item_id: id,
              fingerprint,
              decision,
              actor_id: ana.id,
              at: "2030-01-02T00:00:00.000Z",
            })) as never,
          )
          .execute();

        const upgrade = await migrator.migrateToLatest();
        assert.equal(upgrade.error, undefined);
        const tracked = await db
          .selectFrom("adoption_items")
          .select(["source_item_id", "edition", "decision", "kind"])
          .where("framework_id", "=", copy.id)
          .execute();
        assert.deepEqual(
          tracked.map((r) => [r.source_item_id, Number(r.edition), r.decision, r.kind]).sort(),
          [
            [source.ids.k1, 3, "take", "changed"],
            [added, 3, "leave", "added"],
            [source.ids.k3, 3, "take", "removed"],
          ].sort(),
        );
        const report = await upstreamReport(db, copy.id);
        assert.deepEqual(
          report.entries.map((e) => [e.id, e.kind, e.baseEdition]).sort(),
          [
            [source.ids.k2, "changed", 1],
            [source.ids.b, "changed", 1],
          ].sort(),
        );
      } finally {
        await database.close();
      }
    });
  });
}
