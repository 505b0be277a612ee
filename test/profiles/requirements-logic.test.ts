/**
 * The pure rules of requirements, over classes of input: a move keeps a permutation; levels are the
 * scale's; KSAs narrow to a subset of the competency's; the edition comparison matches what was
 * changed in generated edition pairs; the word diff rebuilds both texts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  compareEditions,
  defaultLevel,
  type ItemSnapshot,
  isLevelOf,
  isRequirableType,
  keepKsas,
  moveTo,
  narrowKsas,
  needsReview,
  targetIndex,
  wordDiff,
} from "../../src/profiles/requirements/logic.ts";

const moves = fc.oneof(
  fc.constantFrom("up" as const, "down" as const, "first" as const, "last" as const),
  fc.integer({ min: -5, max: 50 }),
);

describe("requirement order", () => {
  it("a move keeps every entry once and the others in their order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 30 }), fc.nat(), moves, (list, at, move) => {
        const from = at % list.length;
        const to = targetIndex(from, list.length, move);
        const moved = moveTo(list, from, to);
        assert.deepEqual([...moved].sort(), [...list].sort());
        assert.equal(moved[to], list[from]);
        assert.deepEqual(
          moved.filter((x) => x !== list[from]),
          list.filter((x) => x !== list[from]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("up and down stop at the ends; a position is 1-based and clamped", () => {
    assert.equal(targetIndex(0, 3, "up"), 0);
    assert.equal(targetIndex(2, 3, "down"), 2);
    assert.equal(targetIndex(1, 3, 1), 0);
    assert.equal(targetIndex(1, 3, 99), 2);
    assert.deepEqual(moveTo(["a", "b", "c"], 2, 0), ["c", "a", "b"]);
  });
});

describe("levels and KSAs", () => {
  it("a level is valid only when it is one of the scale's numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.double({ min: -3, max: 13, noNaN: true }), (n, level) => {
        const levels = Array.from({ length: n }, (_, i) => ({ number: i + 1 }));
        assert.equal(isLevelOf(levels, level), Number.isInteger(level) && level >= 1 && level <= n);
        assert.ok(isLevelOf(levels, defaultLevel(levels)));
      }),
      { numRuns: 200 },
    );
    assert.equal(defaultLevel([1, 2, 3, 4, 5].map((number) => ({ number }))), 3);
  });

  it("a narrowing is a subset of the competency's KSAs in their order; none or all is the whole", () => {
    const ids = fc.uniqueArray(fc.uuid(), { minLength: 0, maxLength: 8 });
    fc.assert(
      fc.property(ids, fc.array(fc.nat()), fc.array(fc.uuid(), { maxLength: 2 }), (available, picks, strangers) => {
        const chosen = picks.map((p) => available[p % Math.max(1, available.length)]).filter((x): x is string => !!x);
        const result = narrowKsas(chosen, available);
        assert.ok(result.ok);
        const distinct = new Set(chosen);
        if (distinct.size === 0 || distinct.size === available.length) assert.equal(result.ksaIds, null);
        else
          assert.deepEqual(
            result.ksaIds,
            available.filter((id) => distinct.has(id)),
          );
        const foreign = strangers.filter((s) => !available.includes(s));
        if (foreign.length > 0) {
          const refused = narrowKsas([...chosen, ...foreign], available);
          assert.equal(refused.ok, false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("taking a change keeps the chosen KSAs still present and names those dropped", () => {
    assert.deepEqual(keepKsas(["a", "b", "c"], ["c", "a"]), { ksaIds: ["a", "c"], dropped: ["b"] });
    assert.deepEqual(keepKsas(["b"], ["a"]), { ksaIds: null, dropped: ["b"] });
    assert.deepEqual(keepKsas(null, []), { ksaIds: null, dropped: [] });
  });

  it("only competencies may be required", () => {
    assert.ok(isRequirableType("competency", "Competency"));
    assert.ok(isRequirableType("Comp", "Competency"));
    for (const [code, label] of [
      ["category", "Category"],
      ["area", "Area"],
      ["ksa", "Knowledge, skill or ability"],
      ["x", "Competency knowledge"],
    ])
      assert.ok(!isRequirableType(code as string, label));
  });
});

const text = fc.option(fc.string({ maxLength: 12 }), { nil: null });
const bilingual = fc.record({ en: text, fr: text });
const ksa = fc.record({ id: fc.uuid(), statement: bilingual, description: bilingual });
const snapshotArb: fc.Arbitrary<ItemSnapshot> = fc.record({
  parentId: fc.option(fc.constantFrom("p1", "p2", "p3"), { nil: null }),
  code: fc.option(fc.string({ maxLength: 4 }), { nil: null }),
  statement: bilingual,
  description: bilingual,
  ksas: fc.uniqueArray(ksa, { selector: (k) => k.id, maxLength: 5 }),
});

/** What a newer edition may do to an item: each edit, and whether it counts as a change of wording. */
const edits = fc.record({
  statement: fc.option(bilingual, { nil: undefined }),
  code: fc.option(fc.option(fc.string({ maxLength: 4 }), { nil: null }), { nil: undefined }),
  parentId: fc.option(fc.constantFrom("p1", "p2", "p4", null), { nil: undefined }),
  dropFirstKsa: fc.boolean(),
  addKsa: fc.option(ksa, { nil: undefined }),
  retire: fc.boolean(),
});

describe("edition comparison", () => {
  it("finds exactly what a generated newer edition changed", () => {
    fc.assert(
      fc.property(snapshotArb, edits, (pinned, edit) => {
        if (edit.retire) {
          assert.equal(compareEditions(pinned, undefined).status, "retired");
          return;
        }
        const ksas = pinned.ksas.slice(edit.dropFirstKsa ? 1 : 0);
        const added = edit.addKsa && !pinned.ksas.some((k) => k.id === edit.addKsa?.id) ? [edit.addKsa] : [];
        const current: ItemSnapshot = {
          ...pinned,
          ...(edit.statement !== undefined ? { statement: edit.statement } : {}),
          ...(edit.code !== undefined ? { code: edit.code } : {}),
          ...(edit.parentId !== undefined ? { parentId: edit.parentId } : {}),
          ksas: [...ksas, ...added],
        };
        const result = compareEditions(pinned, current);
        const statementChanged =
          edit.statement !== undefined &&
          (edit.statement.en !== pinned.statement.en || edit.statement.fr !== pinned.statement.fr);
        const codeChanged = edit.code !== undefined && edit.code !== pinned.code;
        const removed = edit.dropFirstKsa && pinned.ksas.length > 0 ? [pinned.ksas[0]?.id] : [];
        assert.deepEqual(result.ksasRemoved, removed);
        assert.deepEqual(
          result.ksasAdded,
          added.map((k) => k.id),
        );
        assert.equal(result.fields.includes("statement"), statementChanged);
        assert.equal(result.fields.includes("code"), codeChanged);
        const moved = (current.parentId ?? null) !== (pinned.parentId ?? null);
        assert.equal(result.moved, moved);
        const changed = statementChanged || codeChanged || removed.length > 0 || added.length > 0;
        assert.equal(result.status, changed ? "changed" : moved ? "moved" : "unchanged");
        assert.equal(compareEditions(pinned, pinned).status, "unchanged");
      }),
      { numRuns: 300 },
    );
  });

  it("a notice shows until the author reviews that edition; the pinned edition itself never needs one", () => {
    assert.equal(needsReview({ status: "changed" }, "e1", "e2", null), true);
    assert.equal(needsReview({ status: "changed" }, "e1", "e2", "e2"), false);
    assert.equal(needsReview({ status: "retired" }, "e1", "e3", "e2"), true);
    assert.equal(needsReview({ status: "unchanged" }, "e1", "e2", null), false);
    assert.equal(needsReview({ status: "changed" }, "e2", "e2", null), false);
  });
});

describe("word diff", () => {
  const words = fc.array(fc.constantFrom("the", "library", "lends", "books", "to", "all", "  ", "\n", "é"), {
    maxLength: 25,
  });
  it("the same and removed parts give the old text, the same and added parts the new one", () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const before = a.join(" ");
        const after = b.join(" ");
        const parts = wordDiff(before, after);
        assert.equal(
          parts
            .filter((p) => p.kind !== "added")
            .map((p) => p.text)
            .join(""),
          before,
        );
        assert.equal(
          parts
            .filter((p) => p.kind !== "removed")
            .map((p) => p.text)
            .join(""),
          after,
        );
      }),
      { numRuns: 200 },
    );
    assert.deepEqual(wordDiff("lends books", "lends old books"), [
      { kind: "same", text: "lends " },
      { kind: "added", text: "old " },
      { kind: "same", text: "books" },
    ]);
  });
});
