/**
 * The organisation's priorities page model, for random organisations and viewers: groups add up, the
 * distributions count the same people, trends are per cycle, every figure over a group with 1–4
 * unseen people is "fewer than 5", and no sequence of views a viewer may open (the organisation,
 * any unit, any position) lets sums and differences of the figures the MODEL shows recover such a
 * group — audited by exact rational elimination, independently of the plan's graph method.
 * Readiness: who meets how many targets, and by how much they miss the others.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { gapOf } from "../../src/insights/gaps.ts";
import {
  competencyKey,
  type Entry,
  prioritiesModel,
  trendsOf,
  type View,
} from "../../src/insights/organisation/model.ts";
import { type Candidate, readiness } from "../../src/insights/organisation/readiness.ts";
import { type AssessedCompetency, rankPriorities } from "../../src/insights/priority.ts";
import { MIN_GROUP } from "../../src/insights/suppression.ts";
import { runs } from "../support/fast-check-seed.ts";
import { inSpan } from "../support/rational-span.ts";

const UNITS = ["lending", "children", "archives", null] as const;
const POSITIONS = ["librarian", "technician", null] as const;
const COMPETENCIES = ["k1", "k2"] as const;

interface Person {
  id: string;
  unit: string | null;
  position: string | null;
  seen: boolean;
  levels: { target: number | null; agreed: number | null; importance: "essential" | "asset" }[];
}

const personArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  position: fc.constantFrom(...POSITIONS),
  seen: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  levels: fc.tuple(
    ...COMPETENCIES.map(() =>
      fc.record({
        target: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 6 }),
        agreed: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4 }),
        importance: fc.constantFrom("essential" as const, "asset" as const),
      }),
    ),
  ),
});
const staffArb = fc.array(personArb, { maxLength: 45 }).map((list) => list.map((p, i) => ({ ...p, id: `p${i}` })));

const rowsOf = (staff: readonly Person[]): AssessedCompetency[] =>
  staff.flatMap((p) =>
    p.levels.map((l, i) => ({
      personId: p.id,
      unitId: p.unit,
      positionId: p.position,
      frameworkId: "f",
      itemId: COMPETENCIES[i] as string,
      importance: l.importance,
      target: l.target,
      agreed: l.agreed,
    })),
  );

const viewsOf = (staff: readonly Person[]): View[] => [
  { by: "all" },
  ...[...new Set(staff.map((p) => p.unit ?? ""))].map((key) => ({ by: "unit" as const, key })),
  ...[...new Set(staff.map((p) => p.position ?? ""))].map((key) => ({ by: "position" as const, key })),
];

type Group = { unit: string | "*"; position: string | "*" };
const groupOfView = (view: View): Group =>
  view.by === "unit"
    ? { unit: view.key, position: "*" }
    : view.by === "position"
      ? { unit: "*", position: view.key }
      : { unit: "*", position: "*" };
const covers = (g: Group, p: Person) =>
  (g.unit === "*" || g.unit === (p.unit ?? "")) && (g.position === "*" || g.position === (p.position ?? ""));

/** The people of a competency: those with a target on it. */
const peopleOf = (staff: readonly Person[], k: number) => staff.filter((p) => p.levels[k]?.target != null);
const entryOf = (entries: Entry[], itemId: string) =>
  entries.find((e) => (e.kind === "shown" ? e.priority.itemId : e.itemId) === itemId);

describe("organisation priorities page model", () => {
  it("for a viewer who sees everyone, each view's figures are exactly its people's, and units add up to the organisation", () => {
    fc.assert(
      fc.property(staffArb, (staff) => {
        const rows = rowsOf(staff);
        const all = prioritiesModel(rows, () => true, { by: "all" }, 5);
        assert.ok(all.entries.every((e) => e.kind === "shown"));
        assert.deepEqual(
          all.entries.map((e) => (e.kind === "shown" ? e.priority : undefined)),
          rankPriorities(rows),
        );
        for (const [k, itemId] of COMPETENCIES.entries()) {
          let people = 0;
          let score = 0;
          for (const view of viewsOf(staff).filter((v) => v.by === "unit")) {
            const entry = entryOf(prioritiesModel(rows, () => true, view, 5).entries, itemId);
            const members = peopleOf(staff, k).filter((p) => covers(groupOfView(view), p));
            if (members.length === 0) assert.equal(entry, undefined);
            if (entry?.kind !== "shown") continue;
            assert.equal(entry.priority.people, members.length);
            // The distribution counts the same people: at each level, beyond the scale, not assessed.
            const d = entry.distribution;
            assert.equal(d.byLevel.reduce((a, b) => a + b, 0) + d.beyondScale + d.unassessed, members.length);
            assert.equal(d.unassessed, entry.priority.unassessed);
            people += entry.priority.people;
            score += entry.priority.score;
          }
          const whole = entryOf(all.entries, itemId);
          assert.equal(people, whole?.kind === "shown" ? whole.priority.people : 0);
          assert.equal(score, whole?.kind === "shown" ? whole.priority.score : 0);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("every figure over a group with 1–4 unseen people is suppressed, in every view; shown entries are ranked first, the rest unranked", () => {
    fc.assert(
      fc.property(staffArb, (staff) => {
        const rows = rowsOf(staff);
        const seen = (id: string) => staff.find((p) => p.id === id)?.seen === true;
        for (const view of viewsOf(staff)) {
          const model = prioritiesModel(rows, seen, view, 5);
          const firstSuppressed = model.entries.findIndex((e) => e.kind === "suppressed");
          if (firstSuppressed >= 0)
            assert.ok(model.entries.slice(firstSuppressed).every((e) => e.kind === "suppressed"));
          model.entries.forEach((e, i) => {
            if (e.kind === "shown") assert.equal(e.rank, i + 1);
          });
          for (const [k, itemId] of COMPETENCIES.entries()) {
            const unseen = peopleOf(staff, k).filter((p) => covers(groupOfView(view), p) && !p.seen).length;
            const entry = entryOf(model.entries, itemId);
            if (unseen >= 1 && unseen < MIN_GROUP)
              assert.equal(entry?.kind, "suppressed", `${itemId} ${JSON.stringify(view)}`);
          }
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("no sequence of views a viewer opens lets sums and differences of the model's figures recover a group under 5", () => {
    fc.assert(
      fc.property(staffArb, fc.infiniteStream(fc.boolean()), (staff, picks) => {
        const rows = rowsOf(staff);
        const seen = (id: string) => staff.find((p) => p.id === id)?.seen === true;
        const opened = viewsOf(staff).filter(() => picks.next().value as boolean);
        for (const [k, itemId] of COMPETENCIES.entries()) {
          const people = peopleOf(staff, k);
          const unseenPeople = people.filter((p) => !p.seen);
          // Unknowns: each unseen person's value (a person is the finest group there is).
          const vector = (g: Group) => unseenPeople.map((p) => (covers(g, p) ? 1n : 0n));
          const unitKeys = [...new Set(people.map((p) => p.unit ?? ""))];
          const positionKeys = [...new Set(people.map((p) => p.position ?? ""))];
          const groups: Group[] = [];
          for (const unit of [...unitKeys, "*"])
            for (const position of [...positionKeys, "*"]) groups.push({ unit, position });
          const unseenIn = (g: Group) => unseenPeople.filter((p) => covers(g, p)).length;
          // Known: what the model showed in the views opened, and every group without unseen people.
          const known: bigint[][] = [];
          for (const view of opened) {
            const entry = entryOf(prioritiesModel(rows, seen, view, 5).entries, itemId);
            if (entry?.kind === "shown") known.push(vector(groupOfView(view)));
          }
          for (const g of groups) if (unseenIn(g) === 0) known.push(vector(g));
          for (const g of groups) {
            const n = unseenIn(g);
            if (n >= 1 && n < MIN_GROUP)
              assert.equal(inSpan(known, vector(g)), false, `${itemId}: ${JSON.stringify(g)} recoverable`);
          }
        }
      }),
      { numRuns: runs(120) },
    );
  });

  it("trends: each cycle's figures are that cycle's own ranking, mean gap over the people assessed", () => {
    fc.assert(
      fc.property(staffArb, staffArb, (first, second) => {
        const rows = [
          ...rowsOf(first).map((r) => ({ ...r, cycleId: "c1" })),
          ...rowsOf(second).map((r) => ({ ...r, cycleId: "c2" })),
        ];
        const trends = trendsOf(rows, ["c1", "c2"], [{ frameworkId: "f", itemId: "k1" }]);
        assert.equal(trends.length, 1);
        for (const point of trends[0]?.points ?? []) {
          const own = rankPriorities(rows.filter((r) => r.cycleId === point.cycleId)).find((p) => p.itemId === "k1");
          assert.ok(own);
          assert.equal(point.score, own.score);
          assert.equal(point.people, own.people);
          const assessed = rows.filter(
            (r) => r.cycleId === point.cycleId && r.itemId === "k1" && gapOf(r.target, r.agreed).kind === "assessed",
          ).length;
          assert.equal(point.assessed, assessed);
          assert.equal(point.meanGap, assessed ? own.gapTotal / assessed : null);
        }
        assert.deepEqual(
          (trends[0]?.points ?? []).map((p) => p.cycleId),
          ["c1", "c2"].filter((c) => rows.some((r) => r.cycleId === c && r.itemId === "k1" && r.target != null)),
        );
      }),
      { numRuns: runs(60) },
    );
  });
});

describe("readiness", () => {
  const requirementsArb = fc.uniqueArray(
    fc.record({ itemId: fc.constantFrom("a", "b", "c", "d"), target: fc.integer({ min: 1, max: 5 }) }),
    { selector: (r) => r.itemId, minLength: 1, maxLength: 4 },
  );
  const peopleArb = fc.array(
    fc.record({
      name: fc.constantFrom("Émile Roy", "Ana Lee", "Zoé Tran", "Bea Chu"),
      levels: fc.dictionary(fc.constantFrom("a", "b", "c", "d"), fc.option(fc.integer({ min: 1, max: 5 }))),
    }),
    { maxLength: 20 },
  );

  it("lists exactly the people meeting at least one target, each with what is missing and by how much, in the order asked", () => {
    fc.assert(
      fc.property(
        requirementsArb,
        peopleArb,
        fc.constantFrom("met", "shortfall", "name" as const),
        (reqs, staff, sort) => {
          const requirements = reqs.map((r) => ({
            frameworkId: "f",
            itemId: r.itemId,
            target: r.target,
            importance: "essential",
          }));
          const people = staff.map((p, i) => ({
            personId: `p${i}`,
            name: p.name,
            agreed: new Map(
              Object.entries(p.levels).map(([item, level]) => [
                competencyKey({ frameworkId: "f", itemId: item }),
                level,
              ]),
            ),
          }));
          const collator = new Intl.Collator("fr-CA");
          const list = readiness(requirements, people, sort, collator);
          const metOf = (p: (typeof people)[number]) =>
            requirements.filter((r) => {
              const level = p.agreed.get(competencyKey(r));
              return level != null && level >= r.target;
            }).length;
          assert.deepEqual(
            new Set(list.map((c) => c.personId)),
            new Set(people.filter((p) => metOf(p) > 0).map((p) => p.personId)),
          );
          for (const c of list) {
            assert.equal(c.met + c.missing.length, requirements.length);
            assert.equal(c.met, metOf(people.find((p) => p.personId === c.personId) as (typeof people)[number]));
            for (const m of c.missing) assert.equal(m.short, m.target - (m.agreed ?? 0));
            assert.equal(
              c.shortfall,
              c.missing.reduce((s, m) => s + m.short, 0),
            );
          }
          const inOrder = (a: Candidate, b: Candidate) =>
            sort === "met"
              ? a.met > b.met || (a.met === b.met && a.shortfall <= b.shortfall)
              : sort === "shortfall"
                ? a.shortfall < b.shortfall || (a.shortfall === b.shortfall && a.met >= b.met)
                : collator.compare(a.name, b.name) <= 0;
          for (let i = 1; i < list.length; i++) assert.ok(inOrder(list[i - 1] as Candidate, list[i] as Candidate));
        },
      ),
      { numRuns: runs(150) },
    );
  });
});
