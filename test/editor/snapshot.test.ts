import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { starterRows } from "../../src/content/load-starter.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import type { Framework, ItemType } from "../../src/db/schema.ts";
import {
  assembleView,
  buildSnapshot,
  diffSnapshots,
  type EditionSnapshot,
  viewFromSnapshot,
} from "../../src/editions/snapshot.ts";
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

describe("publish snapshots", () => {
  const snapshot = buildSnapshot(framework, types, itemRows);

  test("a snapshot is the API's JSON of the draft, marked published", () => {
    const json = frameworkJson(assembleView({ ...framework, status: "published" }, types, itemRows));
    assert.equal(snapshot.status, "published");
    assert.deepEqual(snapshot.children, json.children);
    assert.equal(snapshot.lastUpdated, json.lastUpdated);
  });

  test("the reader's view rebuilt from a snapshot (through JSON text) matches the draft's", () => {
    const fromText = viewFromSnapshot(JSON.parse(JSON.stringify(snapshot)) as EditionSnapshot, {
      slug: framework.slug,
    });
    const direct = assembleView({ ...framework, status: "published" }, types, itemRows);
    assert.deepEqual(frameworkJson(fromText), frameworkJson(direct));
    assert.deepEqual([...fromText.keys], [...direct.keys]);
    assert.equal(fromText.itemCount, itemRows.length);
    assert.deepEqual(
      [...fromText.types.values()].map((t) => t.id),
      types.map((t) => t.id),
    );
  });

  test("the slug readers reach it by comes from the live framework", () => {
    assert.equal(viewFromSnapshot(snapshot, { slug: "renamed" }).framework.slug, "renamed");
  });
});

describe("what changed upstream between two editions", () => {
  const older = buildSnapshot(framework, types, itemRows);
  const [first, second, third] = itemRows.filter((r) => r.type_code === "ksa");
  const newerRows = itemRows
    .filter((r) => r.id !== third.id)
    .map((r) =>
      r.id === first.id ? { ...r, statement_fr: "Énoncé révisé" } : r.id === second.id ? { ...r, position: 99 } : r,
    );
  newerRows.push({ ...first, id: "00000000-0000-4000-8000-000000000001", code: "NEW.1", statement_en: "A new one" });
  const newer = buildSnapshot(framework, types, newerRows);
  const changes = diffSnapshots(older, newer);

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

  test("the same upstream state always has the same fingerprint; another state another one", () => {
    assert.deepEqual(
      diffSnapshots(older, newer).map((c) => c.fingerprint),
      changes.map((c) => c.fingerprint),
    );
    const again = buildSnapshot(
      framework,
      types,
      newerRows.map((r) => (r.id === first.id ? { ...r, statement_fr: "Encore" } : r)),
    );
    const refingered = diffSnapshots(older, again).find((c) => c.id === first.id);
    assert.notEqual(refingered?.fingerprint, changes.find((c) => c.id === first.id)?.fingerprint);
  });

  test("identical snapshots differ in nothing", () => {
    assert.deepEqual(diffSnapshots(older, older), []);
  });
});
