/**
 * What waits for whom and the reminder planner, pure: tasks by state, due dates and overdue flags,
 * HR's overdue counts; reminders before a due date, when a step starts waiting, once when overdue;
 * weekly digests; and, over generated organisations and days, the rules that must always hold.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isoWeek, type PlannedMessage, planReminders, remindersDue } from "../../src/assessments/reminders/planner.ts";
import {
  type AssessmentFacts,
  addDays,
  assessmentTasks,
  type CycleFacts,
  cycleTasks,
  type OrganisationFacts,
  tasksFor,
} from "../../src/assessments/reminders/tasks.ts";
import { runs } from "../support/fast-check-seed.ts";

const cycle = (fields: Partial<CycleFacts> = {}): CycleFacts => ({
  id: "c1",
  state: "open",
  nameEn: "Spring review",
  nameFr: "Bilan du printemps",
  due: { self: "2027-03-01", manager: "2027-03-15", conversation: "2027-03-29", signoff: "2027-04-05" },
  ...fields,
});

const assessment = (fields: Partial<AssessmentFacts> & Pick<AssessmentFacts, "id" | "personId">): AssessmentFacts => ({
  cycleId: "c1",
  personName: `Person ${fields.personId}`,
  managerId: "boss",
  state: "not_started",
  personSignedAt: null,
  managerSignedAt: null,
  stateSince: "2027-02-01T09:00:00.000Z",
  dueOn: null,
  ...fields,
});

const facts = (assessments: AssessmentFacts[], cycles: CycleFacts[] = [cycle()]): OrganisationFacts => ({
  cycles,
  assessments,
});

describe("what waits for whom", () => {
  it("gives each state its task, its owner and its step's due date", () => {
    const tasks = assessmentTasks(
      facts([
        assessment({ id: "a1", personId: "p1", state: "not_started" }),
        assessment({ id: "a2", personId: "p2", state: "in_progress" }),
        assessment({ id: "a3", personId: "p3", state: "reopened" }),
        assessment({ id: "a4", personId: "p4", state: "submitted" }),
        assessment({ id: "a5", personId: "p5", state: "in_review" }),
        assessment({ id: "a6", personId: "p6", state: "agreed", personSignedAt: "2027-04-01T10:00:00Z" }),
        assessment({ id: "a7", personId: "p7", state: "agreed" }),
        assessment({ id: "a8", personId: "p8", state: "signed_off" }),
        assessment({ id: "a9", personId: "p9", state: "withdrawn" }),
      ]),
      "2027-02-10",
    );
    assert.deepEqual(
      tasks.map((t) => [t.assessmentId, t.kind, t.recipientId, t.step, t.due]),
      [
        ["a1", "self-start", "p1", "self", "2027-03-01"],
        ["a2", "self-finish", "p2", "self", "2027-03-01"],
        ["a3", "reopened", "p3", "self", "2027-03-01"],
        ["a4", "review", "boss", "manager", "2027-03-15"],
        ["a5", "agree", "boss", "conversation", "2027-03-29"],
        ["a6", "signoff-manager", "boss", "signoff", "2027-04-05"],
        ["a7", "signoff-person", "p7", "signoff", "2027-04-05"],
        ["a7", "signoff-manager", "boss", "signoff", "2027-04-05"],
      ],
    );
  });

  it("is overdue the day after the due date, not on it", () => {
    const one = facts([assessment({ id: "a1", personId: "p1" })]);
    assert.equal(assessmentTasks(one, "2027-03-01")[0].overdue, false);
    assert.equal(assessmentTasks(one, "2027-03-02")[0].overdue, true);
  });

  it("has nothing for draft or closed cycles, nor a manager's step without a reviewer", () => {
    for (const state of ["draft", "closed"])
      assert.deepEqual(
        assessmentTasks(facts([assessment({ id: "a", personId: "p" })], [cycle({ state })]), "2027-02-10"),
        [],
      );
    assert.deepEqual(
      assessmentTasks(
        facts([assessment({ id: "a", personId: "p", state: "submitted", managerId: null })]),
        "2027-02-10",
      ),
      [],
    );
  });

  it("tells HR how many people are behind in each open cycle", () => {
    const f = facts(
      [
        assessment({ id: "a1", personId: "p1", state: "in_progress" }),
        assessment({ id: "a2", personId: "p2", state: "submitted" }),
        assessment({ id: "a3", personId: "p3", state: "submitted", managerId: null }),
        assessment({ id: "a4", personId: "p4", state: "signed_off" }),
        assessment({ id: "b1", personId: "q1", cycleId: "c2" }),
      ],
      [cycle(), cycle({ id: "c2", due: { self: "2027-12-01" } })],
    );
    // 16 March: the self step (1 March) and the manager step (15 March) are past.
    const hr = cycleTasks(f, "2027-03-16");
    assert.deepEqual(
      hr.map((t) => [t.cycleId, t.overduePeople, t.due, t.step]),
      [["c1", 3, "2027-03-15", "manager"]],
    );
    assert.deepEqual(cycleTasks(f, "2027-02-10"), []);
  });

  it("shows a viewer their own tasks, and HR's only to an administrator, overdue first", () => {
    const f = facts([
      assessment({ id: "a1", personId: "boss", managerId: "top" }),
      assessment({ id: "a2", personId: "p2", state: "submitted", personName: "Zoé" }),
      assessment({ id: "a3", personId: "p3", state: "in_progress" }),
    ]);
    const boss = tasksFor(f, { personId: "boss", administrator: false }, "2027-03-05");
    assert.deepEqual(
      boss.map((t) => [t.kind, t.overdue]),
      [
        ["self-start", true],
        ["review", false],
      ],
    );
    assert.deepEqual(
      tasksFor(f, { personId: null, administrator: true }, "2027-03-05").map((t) => t.kind),
      ["cycle-overdue"],
    );
    assert.deepEqual(tasksFor(f, { personId: "nobody", administrator: false }, "2027-03-05"), []);
  });
});

describe("reminders", () => {
  const task = (fields: Partial<AssessmentFacts> = {}) =>
    assessmentTasks(facts([assessment({ id: "a1", personId: "p1", ...fields })]), "2027-01-01")[0];

  it("go out 7 and 1 days before the due date, then once overdue, each with its own key", () => {
    const t = task();
    assert.deepEqual(remindersDue(t, "2027-02-21"), []);
    assert.deepEqual(remindersDue(t, "2027-02-22"), [{ kind: "before", key: "before:self:a1:2027-02-22" }]);
    assert.deepEqual(remindersDue(t, "2027-02-25"), [{ kind: "before", key: "before:self:a1:2027-02-22" }]);
    assert.deepEqual(remindersDue(t, "2027-02-28"), [{ kind: "before", key: "before:self:a1:2027-02-28" }]);
    assert.deepEqual(remindersDue(t, "2027-03-01"), [{ kind: "before", key: "before:self:a1:2027-02-28" }]);
    assert.deepEqual(remindersDue(t, "2027-03-02"), [{ kind: "overdue", key: "overdue:self:a1:2027-03-01" }]);
    assert.deepEqual(remindersDue(t, "2027-05-02"), [{ kind: "overdue", key: "overdue:self:a1:2027-03-01" }]);
    assert.deepEqual(remindersDue(t, "2027-02-27", { daysBefore: [3] }), [
      { kind: "before", key: "before:self:a1:2027-02-26" },
    ]);
  });

  it("go out when a step starts waiting on someone, keyed by the day it started", () => {
    const submitted = task({ state: "submitted", stateSince: "2027-03-03T15:00:00Z" });
    assert.deepEqual(remindersDue(submitted, "2027-03-03"), [
      { kind: "waiting", key: "waiting:manager:a1:2027-03-03" },
    ]);
    const agreed = task({ state: "agreed", stateSince: "2027-04-01T08:00:00Z" });
    assert.deepEqual(
      remindersDue(agreed, "2027-04-01").map((r) => r.key),
      ["waiting:signoff:a1:2027-04-01", "before:signoff:a1:2027-03-29"],
    );
    // Starting one's own self-assessment waits on nobody else.
    assert.deepEqual(remindersDue(task({ state: "in_progress" }), "2027-02-01"), []);
  });

  it("put one line per task in one message per person, and leave out what was sent", () => {
    const tasks = assessmentTasks(
      facts([
        assessment({ id: "a1", personId: "p1", state: "submitted", stateSince: "2027-03-10" }),
        assessment({ id: "a2", personId: "p2", state: "submitted", stateSince: "2027-03-10" }),
      ]),
      "2027-03-10",
    );
    const plan = planReminders({ tasks, modes: new Map(), sent: () => false, today: "2027-03-10" });
    assert.equal(plan.length, 1);
    const message = plan[0] as Extract<PlannedMessage, { type: "reminders" }>;
    assert.equal(message.personId, "boss");
    assert.deepEqual(
      message.lines.map((l) => [l.task.assessmentId, l.kind, l.keys]),
      [
        ["a1", "waiting", ["waiting:manager:a1:2027-03-10", "before:manager:a1:2027-03-08"]],
        ["a2", "waiting", ["waiting:manager:a2:2027-03-10", "before:manager:a2:2027-03-08"]],
      ],
    );
    const sent = new Set(message.lines.flatMap((l) => l.keys));
    assert.deepEqual(planReminders({ tasks, modes: new Map(), sent: (_, k) => sent.has(k), today: "2027-03-10" }), []);
  });

  it("send a weekly-digest person one summary per ISO week instead", () => {
    const tasks = assessmentTasks(facts([assessment({ id: "a1", personId: "p1" })]), "2027-02-28");
    const modes = new Map([["p1", "weekly" as const]]);
    const [digest] = planReminders({ tasks, modes, sent: () => false, today: "2027-02-28" });
    assert.equal(digest.type, "digest");
    assert.equal(digest.type === "digest" && digest.key, "digest:2027-W08");
    assert.deepEqual(
      planReminders({ tasks, modes, sent: (_, key) => key === "digest:2027-W08", today: "2027-02-28" }),
      [],
    );
  });

  it("number ISO weeks as ISO 8601 does at the turn of the year", () => {
    assert.equal(isoWeek("2027-01-01"), "2026-W53");
    assert.equal(isoWeek("2027-01-04"), "2027-W01");
    assert.equal(isoWeek("2025-12-29"), "2026-W01");
    assert.equal(isoWeek("2027-02-28"), "2027-W08");
  });
});

describe("over generated organisations and days", () => {
  const STATES = [
    "not_started",
    "in_progress",
    "submitted",
    "in_review",
    "agreed",
    "signed_off",
    "reopened",
    "withdrawn",
  ];
  const day = fc.integer({ min: 0, max: 80 }).map((n) => addDays("2027-02-01", n));
  const world = fc.record({
    cycles: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom("c1", "c2", "c3"),
        state: fc.constantFrom("draft", "open", "closed"),
        self: day,
        manager: day,
        signoff: day,
      }),
      { selector: (c) => c.id, minLength: 1, maxLength: 3 },
    ),
    assessments: fc.array(
      fc.record({
        cycleId: fc.constantFrom("c1", "c2", "c3"),
        personId: fc.constantFrom("p1", "p2", "p3", "p4"),
        managerId: fc.constantFrom("p1", "p2", null),
        state: fc.constantFrom(...STATES),
        since: day,
        personSigned: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
    weekly: fc.subarray(["p1", "p2", "p3", "p4"]),
    daysBefore: fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { minLength: 1, maxLength: 3 }),
  });
  type World = typeof world extends fc.Arbitrary<infer T> ? T : never;
  const build = (w: World) => ({
    facts: {
      cycles: w.cycles.map((c) =>
        cycle({ id: c.id, state: c.state, due: { self: c.self, manager: c.manager, signoff: c.signoff } }),
      ),
      assessments: w.assessments.map((a, i) =>
        assessment({
          id: `a${i}`,
          cycleId: a.cycleId,
          personId: a.personId,
          managerId: a.managerId === a.personId ? null : a.managerId,
          state: a.state,
          stateSince: a.since,
          personSignedAt: a.personSigned ? `${a.since}T10:00:00Z` : null,
        }),
      ),
    },
    modes: new Map(w.weekly.map((p) => [p, "weekly" as const])),
    policy: { daysBefore: w.daysBefore },
  });

  it("never sends one key twice, sends a digest person at most one message a week, and nothing about closed cycles, withdrawn or signed-off assessments", () => {
    fc.assert(
      fc.property(world, (w) => {
        const { facts: f, modes, policy } = build(w);
        const ledger = new Set<string>();
        const perWeek = new Map<string, number>();
        const closedOrDone = new Set(
          f.assessments
            .filter(
              (a) =>
                ["signed_off", "withdrawn"].includes(a.state) ||
                f.cycles.find((c) => c.id === a.cycleId)?.state !== "open",
            )
            .map((a) => a.id),
        );
        for (let n = 0; n <= 90; n++) {
          const today = addDays("2027-02-01", n);
          const tasks = assessmentTasks(f, today);
          const plan = planReminders({ tasks, modes, sent: (p, k) => ledger.has(`${p}|${k}`), today, policy });
          const people = plan.map((m) => m.personId);
          assert.equal(new Set(people).size, people.length, "one message per person per run");
          for (const message of plan) {
            const keys = message.type === "digest" ? [message.key] : message.lines.flatMap((l) => l.keys);
            for (const key of keys) {
              const entry = `${message.personId}|${key}`;
              assert.ok(!ledger.has(entry), `sent twice: ${entry}`);
              ledger.add(entry);
            }
            const tasksOf = message.type === "digest" ? message.tasks : message.lines.map((l) => l.task);
            for (const t of tasksOf) assert.ok(!closedOrDone.has(t.assessmentId), `about ${t.assessmentId}`);
            if (modes.has(message.personId)) {
              assert.equal(message.type, "digest");
              const week = `${message.personId}|${isoWeek(today)}`;
              perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
              assert.ok((perWeek.get(week) ?? 0) <= 1, `two digests in ${week}`);
            } else assert.equal(message.type, "reminders");
          }
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it("reminds everyone who has a task with a due date, by its due date", () => {
    fc.assert(
      fc.property(world, (w) => {
        const { facts: f, policy } = build(w);
        const ledger = new Set<string>();
        const reminded = new Set<string>();
        for (let n = 0; n <= 90; n++) {
          const today = addDays("2027-02-01", n);
          const tasks = assessmentTasks(f, today);
          for (const message of planReminders({
            tasks,
            modes: new Map(),
            sent: (p, k) => ledger.has(`${p}|${k}`),
            today,
            policy,
          }))
            if (message.type === "reminders")
              for (const line of message.lines) {
                for (const key of line.keys) ledger.add(`${message.personId}|${key}`);
                reminded.add(`${line.task.recipientId}|${line.task.assessmentId}|${line.task.kind}`);
              }
        }
        // Every task present on its due date (within the 90 days) was reminded of by then.
        for (let n = 0; n <= 90; n++) {
          const today = addDays("2027-02-01", n);
          for (const t of assessmentTasks(f, today))
            if (t.due === today) assert.ok(reminded.has(`${t.recipientId}|${t.assessmentId}|${t.kind}`));
        }
      }),
      { numRuns: runs(40) },
    );
  });
});
