/**
 * The import plan without a database: what it reports is what changed, field by field, for
 * generated frameworks and random changes (fast-check); sibling order is compared as order; a
 * date alone is no change; a spreadsheet's missing fields keep what the framework has.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { TypeWrite } from "../../src/frameworks/bulk-store.ts";
import type { ImportedFramework, ImportedItem } from "../../src/interop/model.ts";
import { type CurrentState, flatten, planImport } from "../../src/interop/plan.ts";
import { movedMembers } from "../../src/interop/plan-diff.ts";
import { generatedFramework, runs, text } from "./generated.ts";

const NOW = "2030-06-01T00:00:00.000Z";
const context = { now: NOW, slug: "s" };

/** The framework as the database would hold it after importing `f`. */
function stateOf(f: ImportedFramework): CurrentState {
  const types: TypeWrite[] = f.itemTypes.map((t, i) => ({
    id: `type-${t.code}`,
    framework_id: f.id,
    code: t.code,
    label_en: t.label.en,
    label_fr: t.label.fr,
    position: i + 1,
    extra: null,
  }));
  return {
    framework: {
      id: f.id,
      slug: "s",
      title_en: f.title.en,
      title_fr: f.title.fr,
      description_en: f.description.en,
      description_fr: f.description.fr,
      publisher: f.publisher,
      version: f.version ?? "",
      status: "published",
      licence: f.licence,
      created_at: "2020-01-01T00:00:00.000Z",
      updated_at: f.updatedAt ?? NOW,
      extra: null,
    },
    types,
    items: flatten(f.children).map(({ item, parentId }) => ({
      id: item.id,
      framework_id: f.id,
      parent_id: parentId,
      type_id: `type-${item.type}`,
      code: item.code,
      position: item.position,
      statement_en: item.statement.en,
      statement_fr: item.statement.fr,
      description_en: item.description.en,
      description_fr: item.description.fr,
      created_at: "2020-01-01T00:00:00.000Z",
      updated_at: item.updatedAt ?? NOW,
      extra: null,
    })),
    associations: [],
    definitions: [],
  };
}

const keys = (plan: ReturnType<typeof planImport>) =>
  plan.changes
    .flatMap((c) =>
      c.kind === "updated" ? c.fields.map((f) => `${c.entity}:${c.id}:${f.field}`) : [`${c.entity}:${c.id}:${c.kind}`],
    )
    .sort();

const items = (f: ImportedFramework) => flatten(f.children).map((x) => x.item);

describe("import plan (pure)", () => {
  it("a framework planned against itself changes nothing and writes nothing", () => {
    fc.assert(
      fc.property(generatedFramework, (f) => {
        const plan = planImport(stateOf(f), structuredClone(f), context);
        assert.deepEqual(plan.changes, []);
        assert.equal(plan.framework, null);
        assert.deepEqual(
          [plan.itemWrites, plan.itemRemovals, plan.typeInserts, plan.typeUpdates, plan.typeDeletes],
          [[], [], [], [], []],
        );
        assert.equal(plan.counts.items.unchanged, items(f).length);
      }),
      { numRuns: runs(100) },
    );
  });

  it("k random field changes are reported as exactly those k, and only changed items are written", () => {
    const FIELDS = ["statement.en", "statement.fr", "description.en", "description.fr", "code", "type"] as const;
    const change = fc.record({ item: fc.nat(), field: fc.nat(), value: text, where: fc.nat(3) });
    fc.assert(
      fc.property(generatedFramework, fc.array(change, { minLength: 1, maxLength: 8 }), (f, changes) => {
        const incoming = structuredClone(f);
        const all = items(incoming);
        const expected = new Set<string>();
        changes.forEach((c, n) => {
          const fresh = `New ${n} ${c.value}`;
          if (c.where === 0) {
            const field = (["title", "description"] as const)[c.field % 2];
            const lang = (["en", "fr"] as const)[c.item % 2];
            incoming[field] = { ...incoming[field], [lang]: fresh };
            expected.add(`framework:${f.id}:${field}.${lang}`);
          } else if (c.where === 1) {
            const type = incoming.itemTypes[c.item % incoming.itemTypes.length];
            const lang = (["en", "fr"] as const)[c.field % 2];
            type.label = { ...type.label, [lang]: fresh };
            expected.add(`itemType:${type.code}:label.${lang}`);
          } else {
            const item = all[c.item % all.length];
            const field = FIELDS[c.field % FIELDS.length];
            if (field === "type") {
              const other = incoming.itemTypes.find((t) => t.code !== item.type);
              if (!other) return;
              item.type = other.code;
            } else if (field === "code") item.code = `Z${n}`;
            else {
              const [key, lang] = field.split(".") as ["statement" | "description", "en" | "fr"];
              item[key] = { ...item[key], [lang]: fresh };
            }
            expected.add(`item:${item.id}:${field}`);
          }
        });
        const plan = planImport(stateOf(f), incoming, context);
        assert.deepEqual(keys(plan), [...expected].sort());
        const changedItems = new Set([...expected].filter((k) => k.startsWith("item:")).map((k) => k.split(":")[1]));
        assert.deepEqual(new Set(plan.itemWrites.map((w) => w.id)), changedItems);
        assert.equal(plan.counts.items.updated, changedItems.size);
      }),
      { numRuns: runs(150) },
    );
  });

  it("sibling order is order: renumbered positions are no change; a moved item is the one reported", () => {
    const f = structuredClone(siblings(["a", "b", "c", "d", "e"], [1, 2, 3, 4, 5]));
    const renumbered = siblings(["a", "b", "c", "d", "e"], [10, 20, 30, 40, 50]);
    const same = planImport(stateOf(f), renumbered, context);
    assert.deepEqual(same.changes, []);
    assert.deepEqual(same.itemWrites, [], "the stored numbers stay when the order stays");
    // "e" moved to the front: one move, not five.
    const moved = planImport(stateOf(f), siblings(["e", "a", "b", "c", "d"], [1, 2, 3, 4, 5]), context);
    assert.deepEqual(keys(moved), ["item:e:position"]);
  });

  it("movedMembers finds the fewest moves (a longest run in order stays)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 60 }), (ranks) => {
        const moved = movedMembers(ranks, (r) => r);
        const kept = ranks.filter((r) => !moved.has(r));
        assert.ok(
          kept.every((r, i) => i === 0 || kept[i - 1] < r),
          "what is not moved is in order",
        );
        // No longer increasing run exists (quadratic check on small inputs).
        const best = new Array<number>(ranks.length).fill(1);
        for (let i = 0; i < ranks.length; i++)
          for (let j = 0; j < i; j++) if (ranks[j] < ranks[i]) best[i] = Math.max(best[i], best[j] + 1);
        assert.equal(kept.length, Math.max(0, ...best));
      }),
      { numRuns: runs(200) },
    );
  });

  it("a date that moved alone is no change; a changed item takes the source's date", () => {
    const f = siblings(["a", "b"], [1, 2]);
    const later = structuredClone(f);
    for (const item of later.children) item.updatedAt = "2031-01-01T00:00:00.000Z";
    later.updatedAt = "2031-01-01T00:00:00.000Z";
    assert.deepEqual(planImport(stateOf(f), later, context).changes, []);
    later.children[0].statement = { en: "Changed", fr: null };
    const plan = planImport(stateOf(f), later, context);
    assert.equal(plan.itemWrites[0].updated_at, "2031-01-01T00:00:00.000Z");
    delete later.children[0].updatedAt;
    assert.equal(planImport(stateOf(f), later, context).itemWrites[0].updated_at, NOW, "no date: now");
  });

  it("a spreadsheet's missing framework fields and type labels keep what the framework has", () => {
    const f = siblings(["a"], [1]);
    f.publisher = "Publisher";
    f.licence = "CC0";
    const sheet: ImportedFramework = {
      ...structuredClone(f),
      title: { en: null, fr: null },
      publisher: null,
      licence: null,
      itemTypes: [{ code: "t", label: { en: null, fr: null } }],
      sparse: true,
      partialTypes: true,
    };
    const state = stateOf(f);
    state.types.push({ ...state.types[0], id: "type-unused", code: "unused", position: 2 });
    const plan = planImport(state, sheet, context);
    assert.deepEqual(plan.changes, [], "nothing erased, no type removed");
    assert.deepEqual(planImport(state, { ...sheet, partialTypes: undefined }, context).typeDeletes, ["type-unused"]);
    const json = { ...structuredClone(f), publisher: null };
    assert.deepEqual(
      keys(planImport(stateOf(f), json, context)),
      [`framework:${f.id}:publisher`],
      "JSON says null: erased",
    );
  });
});

/** One level of items with these ids and positions, under a framework "f". */
function siblings(ids: string[], positions: number[]): ImportedFramework {
  const children: ImportedItem[] = ids.map((id, i) => ({
    id,
    type: "t",
    code: null,
    position: positions[i],
    statement: { en: `Item ${id}`, fr: null },
    description: { en: null, fr: null },
    updatedAt: "2024-01-01T00:00:00.000Z",
    children: [],
  }));
  return {
    id: "f",
    title: { en: "F", fr: null },
    description: { en: null, fr: null },
    publisher: null,
    version: "1",
    status: null,
    licence: null,
    updatedAt: "2024-01-01T00:00:00.000Z",
    itemTypes: [{ code: "t", label: { en: "T", fr: "T" } }],
    children,
  };
}
