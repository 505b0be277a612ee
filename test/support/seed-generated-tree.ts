/**
 * Adds one generated framework (a fixed-seed draw of test/support/generated-tree.ts, four levels
 * deep) to a running instance's database through the editor's own commands, and publishes it.
 * Used by the browser tests to check pages of a tree nobody wrote by hand:
 *
 *   DATABASE_URL=… node --import tsx test/support/seed-generated-tree.ts SLUG
 *
 * Prints one JSON line: the slug and, for each depth, one item's id and published URL key.
 */
import fc from "fast-check";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { buildThroughCommands, frameworkArbitrary, type GeneratedNode } from "./generated-tree.ts";

const SEED = 20261128;
const slug = process.argv[2] ?? "generated-e2e";
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL names the database to seed");

const depthOf = (nodes: GeneratedNode[]): number =>
  nodes.length === 0 ? 0 : 1 + Math.max(...nodes.map((n) => depthOf(n.children)));
// The first of the fixed draws that is four levels deep, so every kind of page has an example.
const generated = fc.sample(frameworkArbitrary(20), { seed: SEED, numRuns: 50 }).find((f) => depthOf(f.roots) === 4);
if (!generated) throw new Error("no four-level tree among the fixed draws");

const database = await openDatabase(url);
try {
  await migrateToLatest(database.db);
  const built = await buildThroughCommands(database.db, null, generated, slug);
  const view = await createCatalog(database.db, { checkIntervalMs: 0 }).get(slug);
  if (!view) throw new Error("the generated framework was not published");
  const byDepth: { depth: number; id: string; key: string }[] = [];
  for (const { id } of built.items) {
    const node = view.tree.byId.get(id);
    if (node && !byDepth.some((d) => d.depth === node.depth))
      byDepth.push({ depth: node.depth, id, key: view.keys.get(id) as string });
  }
  console.log(JSON.stringify({ slug, frameworkId: built.id, items: byDepth.sort((a, b) => a.depth - b.depth) }));
} finally {
  await database.close();
}
