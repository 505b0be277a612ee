/**
 * Generated adoption histories on every database: random upstream editions (edits, additions,
 * removals, moves) and random local work, then random take / leave / merge sequences. After every
 * decision, no local field has changed unless that decision took it (to upstream's value or the
 * value written in the merge), nothing appeared or vanished but what a take of that change brings
 * or deletes, and the decided item waits for nothing. A refused decision changes nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { isWritable, type MergeField } from "../../src/adoption/three-way.ts";
import type { Database } from "../../src/db/connect.ts";
import { decideUpstreamChange, localItemId, upstreamReport } from "../../src/editor/commands/adopt.ts";
import { deleteItem, deletionSet, moveItem } from "../../src/editor/commands/items.ts";
import { listDraftItems } from "../../src/frameworks/draft-store.ts";
import { EditorError } from "../../src/frameworks/errors.ts";
import type { DraftItem } from "../../src/frameworks/item-state.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { adopt, ana, edit, makeSource, newItem, publish } from "./support.ts";

const FIELDS = ["code", "statement_en", "statement_fr", "description_en", "description_fr"] as const;
const CHECKED = [...FIELDS, "type", "parent_id"] as const;

const pick = fc.nat({ max: 50 });
const value = fc.constantFrom("v1", "v2", "v3");
const field = fc.constantFrom(...FIELDS);
const choice = fc.constantFrom("ours", "theirs", "value");
const decision = fc.record({
  entry: pick,
  kind: fc.constantFrom("take", "leave", "merge"),
  choices: fc.array(choice, { minLength: CHECKED.length, maxLength: CHECKED.length }),
});

const step = fc.oneof(
  { weight: 3, arbitrary: decision.map((d) => ({ on: "decide" as const, ...d })) },
  {
    weight: 5,
    arbitrary: fc.record({
      on: fc.constant("upstream" as const),
      what: fc.constant("edit" as const),
      item: pick,
      field,
      value,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ on: fc.constant("upstream" as const), what: fc.constant("add" as const), item: pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ on: fc.constant("upstream" as const), what: fc.constant("remove" as const), item: pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      on: fc.constant("upstream" as const),
      what: fc.constant("move" as const),
      item: pick,
      to: pick,
    }),
  },
  { weight: 2, arbitrary: fc.record({ on: fc.constant("upstream" as const), what: fc.constant("publish" as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      on: fc.constant("local" as const),
      what: fc.constant("edit" as const),
      item: pick,
      field,
      value,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ on: fc.constant("local" as const), what: fc.constant("remove" as const), item: pick }),
  },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
type Decision = typeof decision extends fc.Arbitrary<infer T> ? T : never;
const fieldValue = (item: DraftItem, f: (typeof CHECKED)[number]) => (item[f] ?? null) as string | null;

for (const dialect of testDialects()) {
  describe(`generated adoption histories (${dialect})`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(() => database.close());

    test("no local field changes unless the editor took that field", async () => {
      const db = database.db;
      const refused = (error: unknown) => error instanceof EditorError;
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 4, maxLength: 16 }),
          fc.array(decision, { minLength: 2, maxLength: 10 }),
          async (steps: Step[], decisions) => {
            const source = await makeSource(db);
            const copy = await adopt(db, source);
            const nth = <T>(list: T[], n: number) => list[n % list.length];
            /** Decides on one waiting change and checks what changed in the draft. */
            const decideAndCheck = async (d: Decision) => {
              const report = await upstreamReport(db, copy.id);
              if (report.entries.length === 0) return;
              const entry = nth(report.entries, d.entry);
              const mergeable = entry.three.ours !== null && entry.three.theirs !== null;
              const kind = d.kind === "merge" && !mergeable ? "take" : d.kind;
              const choices = Object.fromEntries(
                entry.takes.map((f, i) => {
                  const c = d.choices[i] === "value" && !isWritable(f) ? "theirs" : d.choices[i];
                  return [f, c === "value" ? { kind: "value", value: `merged-${i}` } : { kind: c }];
                }),
              );
              const chosen = kind === "merge" ? ({ kind, choices } as const) : ({ kind } as { kind: "take" | "leave" });
              const draft = await listDraftItems(db, copy.id);
              const outcome = await decideUpstreamChange(db, ana, copy.id, entry.id, entry.fingerprint, chosen).catch(
                (e) => {
                  if (!refused(e)) throw e;
                  return "refused" as const;
                },
              );
              const now = new Map((await listDraftItems(db, copy.id)).map((i) => [i.id, i]));
              const was = new Map(draft.map((i) => [i.id, i]));
              const label = `${kind} on ${entry.kind}${entry.conflict ? ` (${entry.conflict})` : ""}`;
              if (outcome === "refused") {
                assert.deepEqual(now, was, `a refused ${label} changed nothing`);
                return;
              }
              /** What a take or merge may write into the item's field: upstream's value (in local ids) or the merged one. */
              const allowed = (f: MergeField): string | null | undefined => {
                if (kind === "leave" || !entry.takes.includes(f)) return undefined;
                const c = kind === "merge" ? (choices[f] as { kind: string; value?: string }) : { kind: "theirs" };
                if (c.kind === "ours") return undefined;
                if (c.kind === "value") return c.value ?? null;
                const theirs = (entry.three.theirs?.[f] ?? null) as string | null;
                return f === "parent_id" && theirs !== null ? localItemId(copy.id, theirs) : theirs;
              };
              for (const [id, before] of was) {
                const after = now.get(id);
                if (!after) {
                  assert.ok(kind === "take" && entry.kind === "removed", `${id} vanished in a ${label}`);
                  continue;
                }
                for (const f of CHECKED) {
                  if (fieldValue(after, f) === fieldValue(before, f)) continue;
                  assert.equal(id, entry.localId, `${f} of another item changed in a ${label}`);
                  const expected = allowed(f);
                  assert.notEqual(expected, undefined, `${f} changed in a ${label} that did not take it`);
                  assert.equal(fieldValue(after, f), expected, `${f} holds what was taken`);
                }
              }
              for (const id of now.keys())
                if (!was.has(id)) assert.ok(kind === "take" && id === entry.localId, `${id} appeared in a ${label}`);
              const still = (await upstreamReport(db, copy.id)).entries.find((e) => e.id === entry.id);
              assert.equal(still, undefined, `after a ${label}, the item waits for nothing`);
            };
            for (const s of steps) {
              if (s.on === "decide") {
                await decideAndCheck(s);
                continue;
              }
              const frameworkId = s.on === "upstream" ? source.id : copy.id;
              const items = await listDraftItems(db, frameworkId);
              if (s.what === "publish") await publish(db, source.id);
              else if (items.length === 0) continue;
              else if (s.what === "edit") await edit(db, frameworkId, nth(items, s.item).id, { [s.field]: s.value });
              else if (s.what === "add") await newItem(db, source.id, nth(items, s.item).id, "ksa", "Added upstream");
              else if (s.what === "remove") {
                const target = nth(items, s.item);
                const set = await deletionSet(db, frameworkId, target.id);
                await deleteItem(db, ana, frameworkId, target.id, set?.subtree.length ?? 0);
              } else if (s.what === "move")
                await moveItem(db, ana, source.id, nth(items, s.item).id, nth(items, s.to).id).catch((e) => {
                  if (!refused(e)) throw e; // under itself or a descendant: not a move upstream can make either
                });
            }
            await publish(db, source.id);

            for (const d of decisions) await decideAndCheck(d);
          },
        ),
        // The logic is the same on every database; fewer runs where each statement costs more.
        { numRuns: dialect === "sqlite" ? 15 : 6 },
      );
    });
  });
}
