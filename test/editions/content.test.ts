import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { starterRows } from "../../src/content/load-starter.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import type { Framework, ItemType } from "../../src/db/schema.ts";
import { assembleView, diffEditions, freezeDraft, viewFromContent } from "../../src/editions/content.ts";
import { readEditionCache, writeEditionCache } from "../../src/editions/stored.ts";
import { frameworkJson } from "../../src/frameworks/json.ts";
import type { ItemRow } from "../../src/frameworks/tree.ts";

const rows = starterRows(loadStarterContent(), "2030-01-01T00:00:00.000Z");
const framework = { ...rows.framework, status: "draft" } as Framework;
const types = rows.itemTypes.map((t) => ({ ...t, framework_id: framework.id, extra: null })) as ItemType[];
const typeCode = new Map(types.map((t) => [t.id, t.code]));
const itemRows: ItemRow[] = rows.items.map((i) => ({
  id: i.id,
  parent_id: i.parent_id ?? null,
  type_code: typeCode.get(i.type_id) as string,
  code: i.code ?? null,
  position: i.position,
  statement_en: i.statement_en ?? null,
  statement_fr: i.statement_fr ?? null,
  description_en: i.description_en ?? null,
  description_fr: i.description_fr ?? null,
  updated_at: i.updated_at,
}));

const at = { column: "editions.snapshot", row: "test" };
const live = { slug: framework.slug, version: "3" };

describe("an edition's content", () => {
  const content = freezeDraft(framework, types, itemRows);

  test("every item of the draft is frozen once, parents before their children", () => {
    assert.equal(content.items.length, itemRows.length);
    assert.deepEqual(new Set(content.items.map((i) => i.id)), new Set(itemRows.map((i) => i.id)));
    const seen = new Set<string>();
    for (const item of content.items) {
      if (item.parent_id !== null) assert.ok(seen.has(item.parent_id), `${item.code} after its parent`);
      seen.add(item.id);
    }
  });

  test("the reader's view rebuilt from the content (through its cache text) matches the draft's", () => {
    const fromText = viewFromContent(readEditionCache(writeEditionCache(content), at), live);
    const direct = assembleView({ ...framework, status: "published", version: "3" }, types, itemRows);
    assert.deepEqual(frameworkJson(fromText), frameworkJson(direct));
    assert.deepEqual([...fromText.keys], [...direct.keys]);
    assert.equal(fromText.itemCount, itemRows.length);
    assert.deepEqual(
      [...fromText.types.values()].map((t) => t.id),
      types.map((t) => t.id),
    );
  });

  test("the slug and version readers see come from the live framework and the edition", () => {
    const view = viewFromContent(content, { slug: "renamed", version: "7" });
    assert.equal(view.framework.slug, "renamed");
    assert.equal(view.framework.version, "7");
    assert.equal(view.framework.status, "published");
  });

  test("a cache of another format, or damaged, is refused by name, never read as something else", () => {
    for (const text of ["{", JSON.stringify({ v: 1, children: [] }), JSON.stringify({ ...content, v: 2, items: 3 })])
      assert.throws(() => readEditionCache(text, at), /editions\.snapshot \(test\)/);
  });
});

describe("what changed upstream between two editions", () => {
  const older = freezeDraft(framework, types, itemRows);
  const [first, second, third] = itemRows.filter((r) => r.type_code === "ksa");
  const newerRows = itemRows
    .filter((r) => r.id !== third.id)
    .map((r) =>
      r.id === first.id ? { ...r, statement_fr: "Énoncé révisé" } : r.id === second.id ? { ...r, position: 99 } : r,
    );
  newerRows.push({ ...first, id: "00000000-0000-4000-8000-000000000001", code: "NEW.1", statement_en: "A new one" });
  const newer = freezeDraft(framework, types, newerRows);
  const changes = diffEditions(older, newer);

  test("added, changed and removed items are found; a new position alone is not a change", () => {
    assert.deepEqual(
      changes.map((c) => [c.kind, c.id]).sort(),
      [
        ["added", "00000000-0000-4000-8000-000000000001"],
        ["changed", first.id],
        ["removed", third.id],
      ].sort(),
    );
    const changed = changes.find((c) => c.kind === "changed");
    assert.deepEqual(changed?.fields, [{ field: "statement_fr", before: first.statement_fr, after: "Énoncé révisé" }]);
  });

  test("identical editions differ in nothing", () => {
    assert.deepEqual(diffEditions(older, older), []);
  });
});
