/** The three-way model of one adopted item, without a database: what waits, what conflicts, what a decision changes. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  applyResolution,
  type Choice,
  type Decision,
  diverge,
  fieldValue,
  isWritable,
  MERGE_FIELDS,
  type MergeField,
  resolve,
  type ThreeWay,
} from "../../src/adoption/three-way.ts";
import type { ItemState } from "../../src/frameworks/item-state.ts";

const item = (fields: Partial<ItemState> = {}): ItemState => ({
  id: "u1",
  parent_id: "p1",
  position: 1,
  type: "ksa",
  code: "A.1",
  statement_en: "Plans the budget",
  statement_fr: "Planifie le budget",
  description_en: null,
  description_fr: null,
  ...fields,
});

const three = (x: Partial<ThreeWay>): ThreeWay => ({
  base: item(),
  ours: item(),
  theirs: item(),
  neverTaken: false,
  localWorkBelow: false,
  ...x,
});

const take: Decision = { kind: "take" };
const leave: Decision = { kind: "leave" };

function decided(x: ThreeWay, decision: Decision) {
  const d = diverge(x);
  assert.ok(d, "something waits");
  const resolution = resolve(x, d, decision);
  assert.equal(typeof resolution, "object", `resolved: ${String(resolution)}`);
  return { d, after: applyResolution(x.ours, resolution as Exclude<typeof resolution, string>) };
}

describe("what waits, and what conflicts", () => {
  test("the issue's case: French edited locally, English changed upstream; taking keeps the local French", () => {
    const x = three({
      ours: item({ statement_fr: "Prépare le budget annuel" }),
      theirs: item({ statement_en: "Prepares the yearly budget" }),
    });
    const { d, after } = decided(x, take);
    assert.equal(d.kind, "changed");
    assert.equal(d.conflict, null, "different fields: no conflict");
    assert.deepEqual(d.takes, ["statement_en"]);
    assert.equal(after?.statement_en, "Prepares the yearly budget");
    assert.equal(after?.statement_fr, "Prépare le budget annuel");
  });

  test("the same field changed on both sides, differently: a conflict naming that field", () => {
    const d = diverge(three({ ours: item({ statement_en: "Ours" }), theirs: item({ statement_en: "Theirs" }) }));
    assert.equal(d?.conflict, "both_changed");
    assert.deepEqual(
      d?.fields.filter((f) => f.conflict).map((f) => [f.field, f.base, f.ours, f.theirs]),
      [["statement_en", "Plans the budget", "Ours", "Theirs"]],
    );
  });

  test("the same edit made on both sides waits for nothing; no upstream change waits for nothing", () => {
    assert.equal(diverge(three({ ours: item({ code: "B" }), theirs: item({ code: "B" }) })), null);
    assert.equal(diverge(three({ ours: item({ code: "Local" }) })), null);
  });

  test("moved upstream only: taking moves it; moved on both sides to different places: a conflict", () => {
    const moved = three({ theirs: item({ parent_id: "p2" }) });
    const { d, after } = decided(moved, take);
    assert.deepEqual(d.takes, ["parent_id"]);
    assert.equal(after?.parent_id, "p2");
    assert.equal(diverge({ ...moved, ours: item({ parent_id: "local:x" }) })?.conflict, "both_changed");
  });

  test("removed upstream: plain when untouched locally; a conflict when edited, or with local work under it", () => {
    const removed = three({ theirs: null });
    assert.deepEqual([diverge(removed)?.kind, diverge(removed)?.conflict], ["removed", null]);
    assert.equal(diverge({ ...removed, ours: item({ description_fr: "Ajout local" }) })?.conflict, "edited_locally");
    assert.equal(diverge({ ...removed, localWorkBelow: true })?.conflict, "edited_locally");
    assert.equal(decided(removed, take).after, null, "taking a removal deletes the local copy");
    assert.deepEqual(decided(removed, leave).after, item(), "leaving it keeps the local copy");
    assert.equal(diverge({ ...removed, ours: null }), null, "removed on both sides: nothing waits");
  });

  test("changed upstream but deleted locally: a conflict; taking brings upstream's version back", () => {
    const x = three({ ours: null, theirs: item({ code: "A.9" }) });
    const { d, after } = decided(x, take);
    assert.deepEqual([d.kind, d.conflict], ["changed", "removed_locally"]);
    assert.equal(after?.code, "A.9");
  });

  test("added upstream; an addition left earlier and changed upstream since is offered as an addition again", () => {
    assert.deepEqual(
      [diverge(three({ base: null, ours: null }))?.kind, diverge(three({ base: null, ours: null }))?.conflict],
      ["added", null],
    );
    const left = three({ ours: null, theirs: item({ code: "A.2" }), neverTaken: true });
    assert.deepEqual([diverge(left)?.kind, diverge(left)?.conflict], ["added", null]);
    const held = three({ base: null, ours: item({ code: "Mine" }) });
    assert.equal(diverge(held)?.conflict, "added_both");
  });

  test("a merge takes, keeps or writes field by field; type and place are chosen, never typed", () => {
    const x = three({
      ours: item({ statement_fr: "Nôtre" }),
      theirs: item({ statement_en: "Theirs", statement_fr: "La leur", type: "competency" }),
    });
    const d = diverge(x);
    assert.ok(d);
    assert.deepEqual(d.takes, ["type", "statement_en", "statement_fr"]);
    const choices: Partial<Record<MergeField, Choice>> = {
      type: { kind: "ours" },
      statement_en: { kind: "value", value: "Written here" },
      statement_fr: { kind: "theirs" },
    };
    const merged = resolve(x, d, { kind: "merge", choices });
    assert.ok(typeof merged === "object" && merged.action === "update");
    assert.deepEqual(merged.set, { statement_en: "Written here", statement_fr: "La leur" });
    assert.deepEqual([merged.taken, merged.written], [["statement_fr"], ["statement_en"]]);
    assert.equal(
      resolve(x, d, { kind: "merge", choices: { ...choices, type: { kind: "value", value: "x" } } }),
      "not_writable",
    );
    assert.equal(resolve(x, d, { kind: "merge", choices: { statement_en: { kind: "ours" } } }), "choice_missing");
    assert.equal(resolve({ ...x, ours: null }, { ...d }, { kind: "merge", choices }), "not_mergeable");
  });
});

// ── generated: no local field changes unless the decision took it ─────────────────────────────
const value = fc.constantFrom<string | null>(null, "a", "b", "c");
const state = fc.record({
  parent_id: fc.constantFrom<string | null>(null, "p1", "p2", "local:x"),
  type: fc.constantFrom("ksa", "competency"),
  code: value,
  statement_en: value,
  statement_fr: value,
  description_en: value,
  description_fr: value,
});
const maybe = (arb: typeof state) => fc.option(arb, { nil: null, freq: 4 });
const threeWay = fc.record({
  base: maybe(state),
  ours: maybe(state),
  theirs: maybe(state),
  neverTaken: fc.boolean(),
  localWorkBelow: fc.boolean(),
});
const choice = fc.oneof(
  fc.constant<Choice>({ kind: "ours" }),
  fc.constant<Choice>({ kind: "theirs" }),
  value.map<Choice>((v) => ({ kind: "value", value: v })),
);
const decisionArb = fc.oneof(
  fc.constant<Decision>(take),
  fc.constant<Decision>(leave),
  fc.tuple(...MERGE_FIELDS.map(() => choice)).map<Decision>((cs) => ({
    kind: "merge",
    choices: Object.fromEntries(
      MERGE_FIELDS.map((f, i) => [f, isWritable(f) || cs[i].kind !== "value" ? cs[i] : { kind: "theirs" }]),
    ),
  })),
);
const withIds = (s: Omit<ItemState, "id" | "position"> | null): ItemState | null => s && { ...s, id: "u", position: 1 };

describe("generated three-way cases", () => {
  test("a field of the local copy changes only when the decision took it, to upstream's value or the one written", () => {
    fc.assert(
      fc.property(threeWay, decisionArb, (raw, decision) => {
        const x: ThreeWay = { ...raw, base: withIds(raw.base), ours: withIds(raw.ours), theirs: withIds(raw.theirs) };
        const d = diverge(x);
        if (!d) return;
        const resolution = resolve(x, d, decision);
        if (typeof resolution === "string") return;
        const after = applyResolution(x.ours, resolution);
        if (decision.kind === "leave") assert.deepEqual(after, x.ours);
        if (x.ours === null || after === null) {
          // Only a take creates or deletes.
          if (after !== x.ours) assert.equal(decision.kind, "take");
          return;
        }
        for (const field of MERGE_FIELDS) {
          const before = fieldValue(x.ours, field);
          const now = fieldValue(after, field);
          if (now === before) continue;
          if (decision.kind === "take") {
            assert.ok(d.takes.includes(field), `${field} was not changed upstream`);
            assert.equal(now, fieldValue(x.theirs, field));
          } else if (decision.kind === "merge") {
            const c = decision.choices[field];
            assert.ok(c && c.kind !== "ours", `${field} was kept`);
            assert.equal(now, c.kind === "theirs" ? fieldValue(x.theirs, field) : c.value);
            assert.ok(d.takes.includes(field));
          }
        }
        // A take leaves the copy holding upstream's value for every field upstream changed.
        if (decision.kind === "take" && x.theirs)
          for (const field of d.takes) assert.equal(fieldValue(after, field), fieldValue(x.theirs, field));
      }),
      { numRuns: 500 },
    );
  });

  test("a conflict is exactly a field changed on both sides to different values (for an item both hold)", () => {
    fc.assert(
      fc.property(state, state, state, (b, o, t) => {
        const x = three({ base: withIds(b), ours: withIds(o), theirs: withIds(t) });
        const d = diverge(x);
        const both = MERGE_FIELDS.some(
          (f) =>
            fieldValue(x.base, f) !== fieldValue(x.theirs, f) &&
            fieldValue(x.base, f) !== fieldValue(x.ours, f) &&
            fieldValue(x.ours, f) !== fieldValue(x.theirs, f),
        );
        assert.equal(d?.conflict === "both_changed", both);
        const upstreamNew = MERGE_FIELDS.some(
          (f) => fieldValue(x.base, f) !== fieldValue(x.theirs, f) && fieldValue(x.ours, f) !== fieldValue(x.theirs, f),
        );
        assert.equal(d !== null, upstreamNew, "something waits exactly when upstream changed a field the copy lacks");
      }),
      { numRuns: 500 },
    );
  });
});
