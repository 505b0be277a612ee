/**
 * Publishes the generated 50,000-item bilingual framework (bench/search/synthetic.ts, notes on every
 * item) into a Skillshelf database from a process of its own, as another process (the command line,
 * another server) would: `node --import tsx bench/groups/rebuild-publish-child.ts DATABASE_URL`.
 * One transaction writes the framework and publishes it as edition 1, which bumps the content
 * revision the running server checks. Written through the stores rather than a CASE import, so the
 * figure does not depend on the CASE size cap or on the import's own memory (measured in case.ts).
 */
import { openDatabase } from "../../src/db/connect.ts";
import { buildFrameworkView } from "../../src/editions/catalog.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { insertFramework, listFrameworks } from "../../src/frameworks/store.ts";
import { walk } from "../../src/frameworks/tree.ts";
import { syntheticFrameworkView } from "../search/synthetic.ts";

const ITEMS = 50_000;
const [databaseUrl] = process.argv.slice(2);
const database = await openDatabase(databaseUrl);
try {
  const [starter] = await listFrameworks(database.db);
  const view = syntheticFrameworkView(await buildFrameworkView(database.db, starter), ITEMS);
  const now = new Date().toISOString();
  const typeId = (code: string) => view.types.get(code)?.id as string;
  await database.db.transaction().execute(async (trx) => {
    await insertFramework(trx, {
      framework: { ...view.framework, status: "draft" },
      itemTypes: [...view.types.values()].map((t) => ({
        id: t.id,
        code: t.code,
        label_en: t.label_en,
        label_fr: t.label_fr,
        position: t.position,
      })),
      items: [...walk(view.tree.roots)].map((node) => ({
        id: node.id,
        framework_id: view.framework.id,
        parent_id: node.parentId,
        type_id: typeId(node.type),
        code: node.code,
        position: node.position,
        statement_en: node.statement.en,
        statement_fr: node.statement.fr,
        description_en: node.description.en,
        description_fr: node.description.fr,
        created_at: now,
        updated_at: node.updatedAt,
        extra: null,
        source_item_id: null,
      })),
    });
    await publishEdition(trx, view.framework.id, null, { en: "Generated.", fr: "Généré." });
  });
  console.log(JSON.stringify({ slug: view.framework.slug, items: view.itemCount }));
} finally {
  await database.close();
}
