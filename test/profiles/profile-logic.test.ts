/**
 * The pure parts of job profiles: the edit form's bilingual lists and their operations, the form's
 * validation (each problem on its own field), the comparison of two profiles, and how a starter
 * profile's levels land on a scale of another size.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { compareRequirements, differingFields } from "../../src/profiles/jobs/compare.ts";
import { applyListOp, formValues, type ListOp, parseListOp, parseProfileForm } from "../../src/profiles/jobs/fields.ts";
import { mapLevel, type StarterProfileLike, starterRequirements } from "../../src/profiles/jobs/starter-copy.ts";
import { copyTitles } from "../../src/profiles/jobs/store.ts";
import { runs } from "../support/fast-check-seed.ts";

const RUNS = { numRuns: runs(200) };

const op = (length: number): fc.Arbitrary<ListOp> =>
  fc.oneof(
    fc.constant({ list: "duties" as const, kind: "add" as const }),
    fc.record({
      list: fc.constant("duties" as const),
      kind: fc.constantFrom("up" as const, "down" as const, "remove" as const),
      index: fc.integer({ min: -1, max: length + 1 }),
    }),
  );

describe("bilingual lists", () => {
  it("moving keeps every row exactly once; removing drops one; nothing out of range changes anything", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 12 }).chain((list) => fc.tuple(fc.constant(list), op(list.length))),
        ([list, o]) => {
          const next = applyListOp(list, o, 0);
          if (o.kind === "add") return assert.deepEqual(next, [...list, 0]);
          const inRange = o.index >= 0 && o.index < list.length;
          if (o.kind === "remove") {
            assert.equal(next.length, inRange ? list.length - 1 : list.length);
            return;
          }
          assert.deepEqual([...next].sort(), [...list].sort());
          const target = o.kind === "up" ? o.index - 1 : o.index + 1;
          if (inRange && target >= 0 && target < list.length) {
            assert.equal(next[target], list[o.index]);
            // Moving back undoes it.
            assert.deepEqual(
              applyListOp(next, { list: "duties", kind: o.kind === "up" ? "down" : "up", index: target }, 0),
              list,
            );
          } else assert.deepEqual(next, list);
        },
      ),
      RUNS,
    );
  });

  it("reads only the buttons the form has", () => {
    assert.deepEqual(parseListOp("duties:up:2"), { list: "duties", kind: "up", index: 2 });
    assert.deepEqual(parseListOp("qualifications:add"), { list: "qualifications", kind: "add" });
    for (const bad of ["duties:up", "people:up:1", "duties:up:-1", "duties:drop:1", 3, undefined])
      assert.equal(parseListOp(bad), undefined);
  });
});

const line = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== "");

describe("the profile form", () => {
  it("reads back any valid profile it shows (lists in order, blank rows dropped)", () => {
    fc.assert(
      fc.property(
        fc.record({
          title_en: line,
          title_fr: line,
          duties: fc.array(fc.record({ en: line, fr: line }), { maxLength: 6 }),
        }),
        ({ title_en, title_fr, duties }) => {
          const input = {
            title_en: title_en.trim(),
            title_fr: title_fr.trim(),
            code: null,
            grade: null,
            summary_en: "",
            summary_fr: "",
            duties: duties.map((d) => ({ en: d.en.trim(), fr: d.fr.trim() })),
            qualifications: [],
            working_conditions_en: "",
            working_conditions_fr: "",
            unit_ids: [],
          };
          // The form shows one blank row to add a duty: it is not a duty.
          const body = {
            ...formValues(input),
            [`duties_en_${duties.length}`]: " ",
            [`duties_fr_${duties.length}`]: "",
          };
          const parsed = parseProfileForm(body);
          assert.ok(parsed.ok);
          assert.deepEqual(parsed.input, input);
        },
      ),
      RUNS,
    );
  });

  it("names the field of a row written in one language only, and each missing title", () => {
    const parsed = parseProfileForm({
      title_en: "Page",
      title_fr: " ",
      duties_en_0: "Shelve",
      duties_fr_0: "Ranger",
      duties_en_1: "Sort",
      duties_fr_1: "",
    });
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(Object.keys(parsed.errors).sort(), ["duties_fr_1", "title_fr"]);
    // The rows come back as typed, for the page to show again.
    assert.deepEqual(parsed.rows.duties, [
      { en: "Shelve", fr: "Ranger" },
      { en: "Sort", fr: "" },
    ]);
  });

  it("a copy's titles say so in each language and fit the column", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (title) => {
        const copy = copyTitles({ title_en: title, title_fr: title });
        assert.ok(copy.title_en.endsWith(" (copy)") && copy.title_en.length <= 200);
        assert.ok(copy.title_fr.endsWith(" (copie)") && copy.title_fr.length <= 200);
      }),
      RUNS,
    );
  });
});

const requirement = fc.record({
  frameworkId: fc.constantFrom("f1", "f2"),
  itemId: fc.constantFrom("a", "b", "c", "d", "e", "f"),
  targetLevel: fc.integer({ min: 1, max: 5 }),
  importance: fc.constantFrom("essential" as const, "asset" as const),
});
const requirements = fc.uniqueArray(requirement, { selector: (r) => `${r.frameworkId} ${r.itemId}`, maxLength: 12 });

describe("comparing two profiles", () => {
  it("puts every competency of either profile in exactly one place, and is symmetric", () => {
    fc.assert(
      fc.property(requirements, requirements, (a, b) => {
        const ab = compareRequirements(a, b);
        const ba = compareRequirements(b, a);
        const key = (r: { frameworkId: string; itemId: string }) => `${r.frameworkId} ${r.itemId}`;
        const inA = [...ab.onlyInA, ...ab.differ.map(([x]) => x), ...ab.same.map(([x]) => x)].map(key).sort();
        const inB = [...ab.onlyInB, ...ab.differ.map(([, y]) => y), ...ab.same.map(([, y]) => y)].map(key).sort();
        assert.deepEqual(inA, a.map(key).sort());
        assert.deepEqual(inB, b.map(key).sort());
        assert.deepEqual(ab.onlyInA, ba.onlyInB);
        assert.equal(ab.differ.length, ba.differ.length);
        for (const [x, y] of ab.same) assert.ok(x.targetLevel === y.targetLevel && x.importance === y.importance);
        for (const [x, y] of ab.differ) assert.ok(x.targetLevel !== y.targetLevel || x.importance !== y.importance);
        // A profile compared with itself differs in nothing.
        const self = compareRequirements(a, a);
        assert.equal(self.same.length, a.length);
      }),
      RUNS,
    );
  });

  it("names the fields that differ (units in any order are the same)", () => {
    const base = {
      title_en: "Page",
      title_fr: "Commis",
      code: null,
      grade: null,
      summary_en: "",
      summary_fr: "",
      duties: [{ en: "Shelve", fr: "Ranger" }],
      qualifications: [],
      working_conditions_en: "",
      working_conditions_fr: "",
      units: ["u1", "u2"],
    };
    assert.deepEqual(differingFields(base, { ...base, units: ["u2", "u1"] }), []);
    assert.deepEqual(differingFields(base, { ...base, grade: "3", duties: [{ en: "Shelve", fr: "Classer" }] }), [
      "grade",
      "duties",
    ]);
  });
});

describe("starter levels on the organisation's scale", () => {
  it("keeps the lowest and highest, stays in range and never reverses the order of two levels", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (from, to, x, y) => {
          const [a, b] = [Math.min(x, from), Math.min(y, from)];
          const [ma, mb] = [mapLevel(a, from, to), mapLevel(b, from, to)];
          assert.ok(ma >= 1 && ma <= to);
          if (a <= b) assert.ok(ma <= mb);
          if (from === to) assert.equal(ma, a);
          if (from > 1) {
            assert.equal(mapLevel(1, from, to), 1);
            assert.equal(mapLevel(from, from, to), to);
          }
        },
      ),
      RUNS,
    );
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((l) => mapLevel(l, 5, 3)),
      [1, 2, 2, 3, 3],
    );
  });

  it("pins to the given edition, in the starter's order, leaving out what the edition no longer has", () => {
    const starter: StarterProfileLike = {
      code: "PAGE",
      en: { title: "Page", grade: "1", summary: "", duties: [], qualifications: [], workingConditions: "" },
      fr: { title: "Commis", grade: "1", summary: "", duties: [], qualifications: [], workingConditions: "" },
      requirements: [
        { itemId: "c2", position: 2, level: 5, importance: "asset", ksas: [{ itemId: "k-gone" }] },
        { itemId: "c1", position: 1, level: 3, importance: "essential", ksas: [{ itemId: "k1" }] },
        { itemId: "c-retired", position: 3, level: 2, importance: "essential", ksas: [] },
      ],
    };
    const { rows, missing } = starterRequirements(
      starter,
      { frameworkId: "f", editionId: "e3", items: new Set(["c1", "c2", "k1"]) },
      3,
    );
    assert.deepEqual(
      rows.map((r) => [r.item_id, r.edition_id, r.ordinal, r.target_level, r.importance, r.ksa_ids]),
      [
        ["c1", "e3", 0, 2, "essential", JSON.stringify(["k1"])],
        ["c2", "e3", 1, 3, "asset", null],
      ],
    );
    assert.deepEqual(missing, ["c-retired"]);
  });
});
