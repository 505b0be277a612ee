/** starterRows: validated content → database rows, with stable identifiers. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { starterRows } from "../../src/content/load-starter.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import { uuidV5 } from "../../src/db/uuid.ts";

const content = loadStarterContent();
const NOW = "2030-01-01T00:00:00.000Z";
const rows = starterRows(content, NOW);
const slug = content.framework.slug;
const byCode = new Map(rows.items.map((item) => [item.code, item]));

describe("starterRows", () => {
  test("identifiers are version-5 UUIDs derived from slug and code, the same on every run", () => {
    assert.equal(rows.framework.id, uuidV5(`framework:${slug}`));
    assert.equal(byCode.get("ML.CR")?.id, uuidV5(`item:${slug}:ML.CR`));
    assert.deepEqual(
      starterRows(content, "2031-05-05T00:00:00.000Z").items.map((i) => i.id),
      rows.items.map((i) => i.id),
    );
  });

  test("one row per content node, ids unique", () => {
    let nodes = 0;
    const count = (n: { children?: unknown[] }) => {
      nodes++;
      for (const child of (n.children ?? []) as { children?: unknown[] }[]) count(child);
    };
    for (const category of content.categories) count(category);
    assert.equal(rows.items.length, nodes);
    assert.equal(new Set(rows.items.map((i) => i.id)).size, nodes);
  });

  test("parents come before their children, and belong to the same framework", () => {
    const seen = new Set<string>();
    for (const item of rows.items) {
      if (item.parent_id !== null) assert.ok(seen.has(item.parent_id as string), `${item.code} before its parent`);
      assert.equal(item.framework_id, rows.framework.id);
      seen.add(item.id);
    }
  });

  test("positions count from 1 among siblings, in content order", () => {
    const ml = byCode.get("ML");
    assert.ok(ml, "the ML category");
    const mlAreas = rows.items.filter((i) => i.parent_id === ml.id);
    assert.deepEqual(
      mlAreas.map((a) => a.position),
      mlAreas.map((_, index) => index + 1),
    );
    assert.equal(mlAreas[0].code, "ML.BF");
    assert.equal(byCode.get("CORE")?.position, 1);
  });

  test("every item's type is one of the framework's types", () => {
    const typeIds = new Set(rows.itemTypes.map((t) => t.id));
    for (const item of rows.items) assert.ok(typeIds.has(item.type_id), `${item.code}: type ${item.type_id}`);
    assert.deepEqual(
      rows.itemTypes.map((t) => t.code),
      ["category", "area", "competency", "ksa"],
    );
  });

  test("dates: a node's day at noon UTC, inherited from its parent when it has none", () => {
    assert.equal(byCode.get("ML.CR")?.updated_at, "2026-11-30T12:00:00.000Z");
    assert.equal(
      byCode.get("ML.CR.1.1")?.updated_at,
      "2026-11-30T12:00:00.000Z",
      "a KSA without a date takes its area's",
    );
    assert.equal(byCode.get("ML")?.updated_at, `${content.framework.updated}T12:00:00.000Z`);
    assert.equal(rows.framework.updated_at, `${content.framework.updated}T12:00:00.000Z`);
    assert.equal(byCode.get("ML.CR")?.created_at, NOW);
  });

  test("the framework row: published, bilingual title, version and licence from framework.json", () => {
    assert.equal(rows.framework.status, "published");
    assert.equal(rows.framework.slug, slug);
    assert.equal(rows.framework.title_en, content.framework.en.statement);
    assert.equal(rows.framework.title_fr, content.framework.fr.statement);
    assert.equal(rows.framework.version, content.framework.version);
    assert.equal(rows.framework.licence, content.framework.licence);
  });

  test("texts land in both language columns", () => {
    const cr = byCode.get("ML.CR");
    assert.ok(cr, "ML.CR");
    assert.equal(cr.statement_en, "Community Relations");
    assert.ok(cr.statement_fr && cr.description_en && cr.description_fr);
  });
});
