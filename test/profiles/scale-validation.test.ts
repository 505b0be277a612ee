/**
 * A scale's rules without a database (src/profiles/scales/validate.ts) and the no-JavaScript level
 * editor's buttons (level-form.ts), over classes of input.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  applyLevelAction,
  type LevelRow,
  levelFormToSave,
  readLevelAction,
  readLevelForm,
} from "../../src/profiles/scales/level-form.ts";
import { levelMapping } from "../../src/profiles/scales/store.ts";
import {
  descriptorProblems,
  labelKey,
  MAX_LEVELS,
  MIN_LEVELS,
  normaliseScale,
  type ScaleInput,
  scaleProblems,
} from "../../src/profiles/scales/validate.ts";
import { runs } from "../support/fast-check-seed.ts";

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ]{0,20}$/);

/** A well-formed scale: 2..10 levels numbered 1..n, distinct labels in each language. */
const validScale = fc
  .uniqueArray(fc.tuple(word, word), {
    minLength: MIN_LEVELS,
    maxLength: MAX_LEVELS,
    selector: ([en]) => labelKey(en),
  })
  .filter((pairs) => new Set(pairs.map(([, fr]) => labelKey(fr))).size === pairs.length)
  .map(
    (pairs): ScaleInput =>
      normaliseScale({
        name: { en: "Our scale", fr: "Notre échelle" },
        description: { en: "", fr: "" },
        levels: pairs.map(([en, fr], i) => ({
          number: i + 1,
          label: { en, fr },
          descriptor: { en: `Level ${i + 1}`, fr: `Niveau ${i + 1}` },
        })),
      }),
  );

const fields = (scale: ScaleInput) => scaleProblems(scale).map((p) => p.field);

describe("scale validation (pure)", () => {
  it("accepts every well-formed scale", () => {
    fc.assert(
      fc.property(validScale, (scale) => assert.deepEqual(scaleProblems(scale), [])),
      { numRuns: runs(100) },
    );
  });

  it("refuses numbers that are not 1..n in order (a gap, a repeat, a swap, a start other than 1)", () => {
    fc.assert(
      fc.property(
        validScale,
        fc.nat(),
        fc.integer({ min: -3, max: 20 }).filter((n) => n !== 0),
        (scale, at, shift) => {
          const index = at % scale.levels.length;
          const levels = scale.levels.map((level, i) =>
            i === index ? { ...level, number: level.number + shift } : level,
          );
          assert.ok(fields({ ...scale, levels }).includes("levels"));
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it("refuses fewer than two levels and more than ten", () => {
    const level = (n: number) => ({
      number: n,
      label: { en: `L${n}`, fr: `N${n}` },
      descriptor: { en: "", fr: "" },
    });
    const base = { name: { en: "S", fr: "É" }, description: { en: "", fr: "" } };
    for (const count of [0, 1, MAX_LEVELS + 1]) {
      const scale = { ...base, levels: Array.from({ length: count }, (_, i) => level(i + 1)) };
      assert.deepEqual(
        scaleProblems(scale).map((p) => p.message),
        [{ key: "scaleLevelCount", args: [MIN_LEVELS, MAX_LEVELS] }],
        `${count} levels`,
      );
    }
    for (const count of [MIN_LEVELS, MAX_LEVELS])
      assert.deepEqual(scaleProblems({ ...base, levels: Array.from({ length: count }, (_, i) => level(i + 1)) }), []);
  });

  it("names the level and language of a missing label, and of a label repeated in another case or spacing", () => {
    fc.assert(
      fc.property(validScale, fc.nat(), fc.constantFrom("en" as const, "fr" as const), (scale, at, lang) => {
        const index = at % scale.levels.length;
        const n = index + 1;
        const blank = scale.levels.map((level, i) =>
          i === index ? { ...level, label: { ...level.label, [lang]: "" } } : level,
        );
        assert.deepEqual(
          scaleProblems({ ...scale, levels: blank }).map((p) => [p.field, p.message]),
          [[`level_${n}_label_${lang}`, "formRequired"]],
        );
        if (index === 0) return;
        const first = scale.levels[0]?.label[lang] ?? "";
        // Another case where it is the same word again (not "ß" → "SS"), and stray spaces.
        const upper = labelKey(first.toUpperCase()) === labelKey(first) ? first.toUpperCase() : first;
        const repeated = scale.levels.map((level, i) =>
          i === index ? { ...level, label: { ...level.label, [lang]: `  ${upper.replace(" ", "  ")} ` } } : level,
        );
        const problems = scaleProblems(normaliseScale({ ...scale, levels: repeated }));
        assert.deepEqual(
          problems.map((p) => [p.field, p.message]),
          [[`level_${n}_label_${lang}`, { key: "scaleLabelRepeated", args: [1] }]],
        );
      }),
      { numRuns: runs(100) },
    );
  });

  it("requires the scale's name in both languages and bounds every text", () => {
    const [scale] = fc.sample(validScale, { numRuns: 1, seed: 1 });
    assert.ok(scale);
    assert.deepEqual(fields({ ...scale, name: { en: "", fr: "Échelle" } }), ["name_en"]);
    const long = "x".repeat(2001);
    const levels = scale.levels.map((level, i) => (i === 0 ? { ...level, descriptor: { en: long, fr: "" } } : level));
    assert.deepEqual(fields({ ...scale, levels }), ["level_1_descriptor_en"]);
  });

  it("per-competency descriptors only for levels the scale has", () => {
    const text = { en: "Leads partnerships", fr: "Dirige les partenariats" };
    assert.deepEqual(descriptorProblems(5, new Map([[3, text]])), []);
    for (const n of [0, 6, 2.5, -1])
      assert.equal(descriptorProblems(5, new Map([[n, text]]))[0]?.message, "scaleLevelNumbers", `level ${n}`);
  });
});

const rows = fc.array(
  fc
    .record({
      label_en: word,
      label_fr: word,
      descriptor_en: fc.string({ maxLength: 10 }),
      descriptor_fr: fc.string({ maxLength: 10 }),
      was: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    })
    .map((row): LevelRow => ({ ...row })),
  { minLength: 1, maxLength: MAX_LEVELS },
);

describe("level editor buttons (pure)", () => {
  it("moving keeps every level and what was typed in it; removing drops exactly one; adding stops at the limit", () => {
    fc.assert(
      fc.property(rows, fc.nat(), fc.constantFrom("up", "down", "remove", "add"), (levels, at, kind) => {
        const index = at % levels.length;
        const action = readLevelAction(kind === "add" ? "add" : `${kind}:${index + 1}`, levels.length);
        const after = applyLevelAction(levels, action);
        const key = (r: LevelRow) => JSON.stringify(r);
        if (kind === "up" || kind === "down") {
          assert.deepEqual(after.map(key).sort(), levels.map(key).sort());
          const to = kind === "up" ? index - 1 : index + 1;
          if (to >= 0 && to < levels.length) assert.deepEqual(after[to], levels[index]);
          else assert.deepEqual(after, levels);
        } else if (kind === "remove") {
          assert.deepEqual(
            after,
            levels.filter((_, i) => i !== index),
          );
        } else {
          assert.equal(after.length, Math.min(levels.length + 1, MAX_LEVELS));
          assert.deepEqual(after.slice(0, levels.length), levels);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("a button naming no level, or one out of range, is taken as save", () => {
    for (const value of [undefined, "", "up:0", "down:99", "remove:x", "drop table", ["up:1"]])
      assert.deepEqual(readLevelAction(value, 3), { kind: "save" });
  });

  it("reads the form back as it was drawn, numbering levels in the order shown", () => {
    fc.assert(
      fc.property(rows, (levels) => {
        const body: Record<string, unknown> = {
          name_en: "A",
          name_fr: "B",
          description_en: "",
          description_fr: "",
          version: "4",
          count: String(levels.length),
        };
        levels.forEach((row, i) => {
          const n = i + 1;
          Object.assign(body, {
            [`level_${n}_label_en`]: row.label_en,
            [`level_${n}_label_fr`]: row.label_fr,
            [`level_${n}_descriptor_en`]: row.descriptor_en,
            [`level_${n}_descriptor_fr`]: row.descriptor_fr,
            ...(row.was === null ? {} : { [`level_${n}_was`]: String(row.was) }),
          });
        });
        const form = readLevelForm(body);
        assert.deepEqual(form.rows, levels);
        const save = levelFormToSave(form);
        assert.equal(save.expectedVersion, 4);
        assert.deepEqual(
          save.levels.map((l) => l.number),
          levels.map((_, i) => i + 1),
        );
      }),
      { numRuns: runs(50) },
    );
  });

  it("maps each kept old level to its new place, once; new and unknown levels map nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), rows, (oldCount, levels) => {
        const saved = levels.map((row, i) => ({
          number: i + 1,
          label: { en: row.label_en, fr: row.label_fr },
          descriptor: { en: "", fr: "" },
          was: row.was,
        }));
        const mapping = levelMapping(oldCount, saved);
        for (const [from, to] of mapping) {
          assert.ok(from >= 1 && from <= oldCount);
          assert.equal(saved[to - 1]?.was, from);
        }
        assert.equal(new Set(mapping.values()).size, mapping.size, "two old levels never land on one");
      }),
      { numRuns: runs(100) },
    );
    // Without `was` (the API): a level keeps its number if the old scale had it.
    const level = (n: number) => ({ number: n, label: { en: `${n}`, fr: `${n}` }, descriptor: { en: "", fr: "" } });
    assert.deepEqual(
      [...levelMapping(3, [1, 2, 3, 4].map(level))],
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    );
  });
});
