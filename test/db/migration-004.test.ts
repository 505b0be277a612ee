/**
 * Migration 004 writes edition 1 with its own frozen copy of the snapshot (migrations are history).
 * Whatever today's snapshot code becomes, today's readers must show that edition as the rows were:
 * the same framework, types and tree as a view built from the rows themselves. No database needed.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { snapshotAt004 } from "../../src/db/migrations/004_editions.snapshot.ts";
import type { Framework, ItemType } from "../../src/db/schema.ts";
import { assembleView, parseSnapshot, viewFromSnapshot } from "../../src/editions/snapshot.ts";
import { frameworkJson } from "../../src/frameworks/json.ts";
import type { ItemRow } from "../../src/frameworks/tree.ts";

const FC_RUNS = Number(process.env.FC_RUNS ?? 150);

const time = fc
  .integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2026-12-31T00:00:00Z") })
  .map((ms) => new Date(ms).toISOString());
const text = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null });
const TYPES = ["category", "area", "competency"];

/** A framework before editions: item rows whose parents are earlier rows (or missing, or none). */
const before004 = fc
  .record({
    framework: fc.record({
      title_en: text,
      title_fr: text,
      description_en: text,
      description_fr: text,
      publisher: text,
      version: fc.constantFrom("", "1.0", "2026"),
      licence: text,
      created_at: time,
      updated_at: time,
      extra: fc.constantFrom(null, "{}", '{"language":"de"}', '{"language":"fr-CA"}', '{"language":"no good"}', "{"),
    }),
    items: fc.array(
      fc.record({
        parent: fc.option(fc.nat(), { nil: null }),
        type: fc.constantFrom(...TYPES),
        code: fc.option(fc.constantFrom("1", "1.2", "1.10", "A", "a", "ML.CR"), { nil: null }),
        position: fc.integer({ min: 1, max: 4 }),
        statement_en: text,
        statement_fr: text,
        description_en: text,
        description_fr: text,
        updated_at: time,
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ framework, items }) => {
    const fw: Framework = { ...framework, id: "fw-1", slug: "old", status: "published" };
    const types: ItemType[] = TYPES.map((code, i) => ({
      id: `t-${code}`,
      framework_id: fw.id,
      code,
      label_en: code,
      label_fr: code.toUpperCase(),
      position: i + 1,
      extra: null,
    }));
    const rows: ItemRow[] = items.map(({ parent, type, ...item }, i) => ({
      ...item,
      id: `item-${i}`,
      // Some parents are missing (a row pointing past the end): such rows are left out, as readers do.
      parent_id: parent === null || i === 0 ? null : `item-${parent % (i + 3)}`,
      type_code: type,
    }));
    return { framework: fw, types, rows };
  });

describe("migration 004's frozen snapshot", () => {
  test("today's readers show edition 1 exactly as the rows were", () => {
    fc.assert(
      fc.property(before004, ({ framework, types, rows }) => {
        const stored = JSON.stringify(snapshotAt004(framework, types, rows));
        const read = viewFromSnapshot(parseSnapshot(stored), { slug: framework.slug });
        const fromRows = assembleView(framework, types, rows);
        assert.deepEqual(frameworkJson(read), frameworkJson(fromRows));
        assert.deepEqual(read.keys, fromRows.keys);
        assert.equal(read.itemCount, fromRows.itemCount);
      }),
      { numRuns: FC_RUNS },
    );
  });

  test("a framework without items, language or dates out of order", () => {
    const framework: Framework = {
      id: "fw-2",
      slug: "empty",
      title_en: "Empty",
      title_fr: null,
      description_en: null,
      description_fr: null,
      publisher: null,
      version: "",
      status: "published",
      licence: null,
      created_at: "2026-02-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
      extra: null,
    };
    const snapshot = snapshotAt004(framework, [], []);
    assert.equal(snapshot.createdAt, "2026-01-01T00:00:00.000Z");
    assert.equal(snapshot.lastUpdated, "2026-01-01T00:00:00.000Z");
    assert.equal("language" in snapshot, false);
    assert.deepEqual(snapshot.children, []);
  });
});
