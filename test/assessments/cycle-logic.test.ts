/**
 * The pure parts of review cycles: the draft form's checks (each problem names its field), the
 * extension's (dates only move later), which step an assessment waits at and whether it is overdue on
 * a given day, the counts and filters of HR's progress, and what a leaver rule does.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CYCLE_STEPS, checkCycleForm, checkExtension, isDay, peopleLines } from "../../src/assessments/cycles/form.ts";
import { moverOutcome } from "../../src/assessments/cycles/movers.ts";
import { ASSESSMENT_STATES, isOverdue, progressOf, stepOf } from "../../src/assessments/cycles/progress.ts";
import { progressCsv, safeCell } from "../../src/assessments/cycles/progress-read.ts";

const valid = {
  name_en: "2027 review",
  name_fr: "Bilan 2027",
  period_start: "2027-01-01",
  period_end: "2027-12-31",
  scale: "scale",
  leaver_rule: "keep",
  due_self: "2027-02-01",
  due_manager: "2027-03-01",
  due_conversation: "2027-04-01",
  due_signoff: "2027-05-01",
};

const errorsOf = (body: Record<string, unknown>) => {
  const checked = checkCycleForm(body);
  return checked.ok ? {} : checked.errors;
};

/** Days between 2026 and 2029 as YYYY-MM-DD. */
const dayArb = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 86_400_000, max: Date.UTC(2029, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

describe("the draft form", () => {
  it("accepts a complete form; units and profiles come as one value or several", () => {
    const one = checkCycleForm({ ...valid, units: "u1", profiles: ["p1", "p2"] });
    assert.ok(one.ok);
    assert.deepEqual(one.data.units, ["u1"]);
    assert.deepEqual(one.data.profiles, ["p1", "p2"]);
    assert.deepEqual(one.data.people, "");
  });

  it("names the field of each problem", () => {
    assert.deepEqual(errorsOf({ ...valid, name_fr: "  " }), { name_fr: "formRequired" });
    assert.deepEqual(errorsOf({ ...valid, period_start: "2027-02-30" }), { period_start: "cyclesErrorDate" });
    assert.deepEqual(errorsOf({ ...valid, period_end: "2026-12-31" }), { period_end: "cyclesErrorEndBeforeStart" });
    assert.deepEqual(errorsOf({ ...valid, due_self: "2026-12-01" }), { due_self: "cyclesErrorDueBeforeStart" });
    assert.deepEqual(errorsOf({ ...valid, due_conversation: "2027-02-15" }), {
      due_conversation: "cyclesErrorDueOrder",
    });
    assert.deepEqual(errorsOf({ ...valid, leaver_rule: "vanish" }), { leaver_rule: "formChoose" });
    const { due_signoff: _gone, ...withoutSignoff } = valid;
    assert.deepEqual(errorsOf(withoutSignoff), { due_signoff: "formRequired" });
  });

  it("due dates may fall after the period, never before its start, always in order", () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.array(dayArb, { minLength: 4, maxLength: 4 }), (start, end, dues) => {
        const body = {
          ...valid,
          period_start: start,
          period_end: end,
          ...Object.fromEntries(CYCLE_STEPS.map((step, i) => [`due_${step}`, dues[i]])),
        };
        const ok = end >= start && dues.every((d) => d >= start) && dues.every((d, i) => i === 0 || d >= dues[i - 1]);
        assert.equal(checkCycleForm(body).ok, ok);
      }),
      { numRuns: 300 },
    );
  });

  it("reads people one a line, blank lines skipped, numbered as typed", () => {
    assert.deepEqual(peopleLines(" a@b.org\r\n\n  E7 \r"), [
      { line: 1, text: "a@b.org" },
      { line: 3, text: "E7" },
    ]);
    assert.ok(isDay("2028-02-29"));
    assert.ok(!isDay("2027-02-29"));
  });
});

describe("extending", () => {
  const current = {
    periodStart: "2027-01-01",
    periodEnd: "2027-12-31",
    due: { self: "2027-02-01", manager: "2027-03-01", conversation: "2027-04-01", signoff: "2027-05-01" },
  };
  const body = (o: Record<string, string> = {}) => ({
    period_end: "2027-12-31",
    due_self: "2027-02-01",
    due_manager: "2027-03-01",
    due_conversation: "2027-04-01",
    due_signoff: "2027-05-01",
    ...o,
  });
  it("moves dates later or leaves them, never earlier, and keeps the steps in order", () => {
    const later = checkExtension(body({ period_end: "2028-01-31", due_signoff: "2028-01-15" }), current);
    assert.ok(later.ok);
    assert.equal(later.data.due.signoff, "2028-01-15");
    const earlier = checkExtension(body({ period_end: "2027-11-30", due_self: "2027-01-15" }), current);
    assert.ok(!earlier.ok);
    assert.deepEqual(earlier.errors, { period_end: "cyclesErrorEarlier", due_self: "cyclesErrorEarlier" });
    const disorder = checkExtension(body({ due_self: "2027-03-15" }), current);
    assert.ok(!disorder.ok);
    assert.deepEqual(disorder.errors, { due_manager: "cyclesErrorDueOrder" });
    const broken = checkExtension(body({ due_manager: "soon", period_end: "" }), current);
    assert.ok(!broken.ok);
    assert.deepEqual(broken.errors, { period_end: "formRequired", due_manager: "cyclesErrorDate" });
  });
});

describe("progress", () => {
  const due = { self: "2027-02-01", manager: "2027-03-01", conversation: "2027-04-01", signoff: "2027-05-01" };
  const person = (n: number, state: string, unitId: string | null = "u1") => ({
    assessmentId: `a${n}`,
    personId: `p${n}`,
    name: `Person ${n}`,
    employeeNumber: `E${n}`,
    unitId,
    unitName: unitId ? { en: unitId, fr: unitId } : null,
    managerName: null,
    state,
    dueOn: null as string | null,
  });

  it("maps each state to the step it waits at", () => {
    assert.deepEqual(
      ASSESSMENT_STATES.map((s) => [s, stepOf(s)]),
      [
        ["not_started", "self"],
        ["in_progress", "self"],
        ["submitted", "manager"],
        ["in_review", "conversation"],
        ["agreed", "signoff"],
        ["signed_off", null],
        ["reopened", "self"],
        ["withdrawn", null],
      ],
    );
  });

  it("is overdue from the day after the due date, whatever today is", () => {
    fc.assert(
      fc.property(dayArb, dayArb, (dueDay, today) => {
        assert.equal(isOverdue(dueDay, today), today > dueDay);
        assert.equal(isOverdue(null, today), false);
      }),
      { numRuns: 200 },
    );
    const onTheDay = progressOf([person(1, "in_progress")], due, "2027-02-01");
    assert.equal(onTheDay.rows[0]?.overdue, false);
    const dayAfter = progressOf([person(1, "in_progress")], due, "2027-02-02");
    assert.equal(dayAfter.rows[0]?.overdue, true);
    assert.equal(dayAfter.overdue, 1);
    // Signed off: waits for nothing, never overdue.
    assert.equal(progressOf([person(1, "signed_off")], due, "2030-01-01").overdue, 0);
  });

  it("counts every state over the whole cycle; filters only choose the rows", () => {
    const all = [
      person(1, "not_started", "u1"),
      person(2, "submitted", "u2"),
      person(3, "submitted", "u1"),
      person(4, "signed_off", null),
    ];
    const filtered = progressOf(all, due, "2027-03-15", { units: new Set(["u1"]), state: "submitted" });
    assert.deepEqual(
      filtered.rows.map((r) => r.assessmentId),
      ["a3"],
    );
    assert.equal(filtered.counts.submitted, 2);
    assert.equal(filtered.counts.not_started, 1);
    assert.equal(filtered.counts.signed_off, 1);
    assert.equal(filtered.overdue, 3, "two submitted past the manager's date, one not started past the self date");
    assert.equal(filtered.rows[0]?.step, "manager");
    assert.equal(filtered.rows[0]?.due, "2027-03-01");
  });

  it("writes a CSV whose cells never start a formula", () => {
    const rows = progressOf([{ ...person(1, "submitted"), name: "=HYPERLINK(1)" }], due, "2027-03-15").rows;
    const text = progressCsv(rows, "fr").toString("utf8");
    assert.ok(text.startsWith("\uFEFF"), "BOM");
    assert.ok(text.includes("'=HYPERLINK(1)"));
    assert.ok(text.includes("\r\n"));
    fc.assert(
      fc.property(fc.string(), (s) => {
        assert.ok(!/^[=+\-@\t\r]/.test(safeCell(s)));
      }),
      { numRuns: 200 },
    );
  });
});

describe("leaver rules", () => {
  it("keep keeps, move follows a mover and withdraws a leaver, withdraw withdraws", () => {
    assert.equal(moverOutcome("keep", { left: true }), "kept");
    assert.equal(moverOutcome("keep", { left: false }), "kept");
    assert.equal(moverOutcome("move", { left: false }), "moved");
    assert.equal(moverOutcome("move", { left: true }), "withdrawn");
    assert.equal(moverOutcome("withdraw", { left: false }), "withdrawn");
    assert.equal(moverOutcome("withdraw", { left: true }), "withdrawn");
  });
});
