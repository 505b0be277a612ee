/** Upgrading a database from before editions: what readers saw stays visible, as edition 1. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Migration, Migrator } from "kysely";
import { starterRows } from "../../src/content/load-starter.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import { openDatabase, openPglite } from "../../src/db/connect.ts";
import * as m001 from "../../src/db/migrations/001_frameworks.ts";
import * as m002 from "../../src/db/migrations/002_interop.ts";
import * as m003 from "../../src/db/migrations/003_accounts.ts";
import * as m004 from "../../src/db/migrations/004_editions.ts";
import { listEditions } from "../../src/editions/store.ts";
import { createCatalog } from "../../src/frameworks/catalog.ts";
import { insertFramework } from "../../src/frameworks/store.ts";

const migrations: Record<string, Migration> = {
  "001_frameworks": m001,
  "002_interop": m002,
  "003_accounts": m003,
  "004_editions": m004,
};

for (const dialect of ["sqlite", "pglite"] as const) {
  describe(`migration 004 on a database that already publishes (${dialect})`, () => {
    test("each published framework becomes edition 1; drafts stay unpublished", async () => {
      const database = dialect === "sqlite" ? await openDatabase(":memory:") : await openPglite();
      try {
        const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
        const before = await migrator.migrateTo("003_accounts");
        assert.equal(before.error, undefined);
        const rows = starterRows(loadStarterContent(), "2030-01-01T00:00:00.000Z");
        await insertFramework(database.db, rows);
        const draft = starterRows(
          { ...loadStarterContent(), framework: { ...loadStarterContent().framework, slug: "a-draft" } },
          "2030-01-01T00:00:00.000Z",
        );
        await insertFramework(database.db, { ...draft, framework: { ...draft.framework, status: "draft" } });

        const upgrade = await migrator.migrateToLatest();
        assert.equal(upgrade.error, undefined);
        assert.deepEqual(
          (await listEditions(database.db, rows.framework.id)).map((e) => e.number),
          [1],
        );
        assert.deepEqual(await listEditions(database.db, draft.framework.id), []);
        const view = await createCatalog(database.db, { checkIntervalMs: 0 }).get(rows.framework.slug);
        assert.equal(view?.itemCount, rows.items.length);
        assert.equal(view?.byKey.get("ML.CR")?.lastUpdated, "2026-10-02T12:00:00.000Z");
      } finally {
        await database.close();
      }
    });
  });
}
