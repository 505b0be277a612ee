/**
 * A reopened assessment's own due date (decision 053): the rule (a step is due on the later of the
 * cycle's date and the assessment's), the same in the waiting lists, HR's overdue counts and the
 * cycle's progress; the reopen form's checks; and, through HTTP on SQLite and PGlite in English and
 * French, a reopening with a date: the person's task is due on it and not overdue, HR's progress
 * agrees, the page says it; bad dates answer 400 naming the field and change nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { progressOf } from "../../src/assessments/cycles/progress.ts";
import { dayOf, effectiveDue } from "../../src/assessments/due.ts";
import {
  type AssessmentFacts,
  addDays,
  assessmentTasks,
  type CycleFacts,
  cycleTasks,
  type Step,
} from "../../src/assessments/reminders/tasks.ts";
import { readHistory } from "../../src/assessments/work/read.ts";
import { checkReopen, latestDueOn, offeredDueOn } from "../../src/assessments/work/reopen-form.ts";
import { formatDay, messages } from "../../src/i18n/index.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { seedAssessment } from "../support/assessment-work.ts";
import { postForm } from "../support/auth.ts";
import { runs } from "../support/fast-check-seed.ts";
import { countTags, hrefs, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

/** Calendar days between 2026-01-01 and 2029-12-31, as YYYY-MM-DD. */
const day = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addDays("2026-01-01", n));
const STEPS: Step[] = ["self", "manager", "conversation", "signoff"];
/** States that wait on someone, with the step they wait at (sign-offs not yet given). */
const WAITING = ["not_started", "in_progress", "reopened", "submitted", "in_review", "agreed"] as const;

describe("a step's due date: the later of the cycle's and the assessment's own", () => {
  it("effectiveDue is the later of the two, and either when the other is missing", () => {
    fc.assert(
      fc.property(fc.option(day, { nil: null }), fc.option(day, { nil: null }), (cycle, own) => {
        const due = effectiveDue(cycle, own);
        if (cycle === null && own === null) return assert.equal(due, null);
        const known = [cycle, own].filter((d): d is string => d !== null);
        assert.ok(known.includes(due as string), "one of the two");
        for (const d of known) assert.ok((due as string) >= d, "no earlier than either");
      }),
      { numRuns: runs(200) },
    );
  });

  it("tasks, HR's overdue count and the cycle's progress agree, for any dates and day", () => {
    const assessment = fc.record({
      state: fc.constantFrom(...WAITING),
      dueOn: fc.option(day, { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...STEPS), day),
        fc.array(assessment, { minLength: 1, maxLength: 6 }),
        day,
        (due, drawn, today) => {
          const cycle: CycleFacts = { id: "c", state: "open", nameEn: "C", nameFr: "C", due };
          const facts: AssessmentFacts[] = drawn.map((a, i) => ({
            id: `a${i}`,
            cycleId: "c",
            personId: `p${i}`,
            personName: `P${i}`,
            managerId: "m",
            state: a.state,
            personSignedAt: null,
            // A manager who has signed: one sign-off task, the person's, as progress counts one step.
            managerSignedAt: "2026-01-01T00:00:00.000Z",
            stateSince: "2026-01-01",
            dueOn: a.dueOn,
          }));
          const tasks = assessmentTasks({ cycles: [cycle], assessments: facts }, today);
          const progress = progressOf(
            drawn.map((a, i) => ({
              assessmentId: `a${i}`,
              personId: `p${i}`,
              name: `P${i}`,
              employeeNumber: `E${i}`,
              unitId: null,
              unitName: null,
              managerName: null,
              state: a.state,
              dueOn: a.dueOn,
            })),
            due,
            today,
          );
          assert.equal(tasks.length, drawn.length);
          for (const task of tasks) {
            const a = drawn[Number(task.assessmentId.slice(1))];
            const expected = effectiveDue(due[task.step], a?.dueOn);
            assert.equal(task.due, expected);
            assert.equal(task.overdue, expected !== null && today > expected);
            const row = progress.rows.find((r) => r.assessmentId === task.assessmentId);
            assert.deepEqual([row?.step, row?.due, row?.overdue], [task.step, task.due, task.overdue]);
          }
          const late = tasks.filter((t) => t.overdue).length;
          assert.equal(progress.overdue, late);
          assert.equal(cycleTasks({ cycles: [cycle], assessments: facts }, today)[0]?.overduePeople ?? 0, late);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("a reopened assessment whose cycle date has passed is not overdue before its own date, and is after it", () => {
    const cycle: CycleFacts = { id: "c", state: "open", nameEn: "C", nameFr: "C", due: { self: "2027-03-10" } };
    const reopened: AssessmentFacts = {
      id: "a",
      cycleId: "c",
      personId: "p",
      personName: "P",
      managerId: "m",
      state: "reopened",
      personSignedAt: null,
      managerSignedAt: null,
      stateSince: "2027-03-20",
      dueOn: "2027-04-03",
    };
    const on = (today: string) => assessmentTasks({ cycles: [cycle], assessments: [reopened] }, today)[0];
    assert.deepEqual([on("2027-03-20")?.due, on("2027-03-20")?.overdue], ["2027-04-03", false]);
    assert.equal(on("2027-04-03")?.overdue, false, "the day itself is on time");
    assert.equal(on("2027-04-04")?.overdue, true);
    assert.equal(on("2027-03-20")?.kind, "reopened");
  });
});

describe("the reopen form's checks", () => {
  const today = "2027-03-15";
  const errorOf = (due_on: unknown, reason: unknown = "Another look") => {
    const checked = checkReopen({ reason, due_on }, today);
    return checked.ok ? undefined : checked.errors;
  };

  it("accepts today, the offered day and up to two years ahead; keeps the reason", () => {
    assert.equal(offeredDueOn(today), "2027-03-29");
    assert.equal(latestDueOn(today), "2029-03-15");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 731 }), (n) => {
        const dueOn = addDays(today, n);
        const checked = checkReopen({ reason: " Wrong profile ", due_on: dueOn }, today);
        if (dueOn > latestDueOn(today)) return assert.equal(checked.ok, false);
        assert.deepEqual(checked, { ok: true, data: { reason: " Wrong profile ", dueOn } });
      }),
      { numRuns: runs(60) },
    );
  });

  it("names the date field's problem: missing, not a day, past, too far", () => {
    assert.deepEqual(errorOf(""), { due_on: "awReopenDueRequired" });
    assert.deepEqual(errorOf(undefined), { due_on: "awReopenDueRequired" });
    assert.deepEqual(errorOf(["2027-04-01", "2027-04-02"]), { due_on: "awReopenDueRequired" });
    assert.deepEqual(errorOf("2027-02-30"), { due_on: "awReopenDueInvalid" });
    assert.deepEqual(errorOf("2027-03-14"), { due_on: "awReopenDuePast" });
    assert.deepEqual(errorOf("2030-03-15"), { due_on: { key: "awReopenDueTooFar", args: [2] } });
    assert.deepEqual(errorOf("2027-04-01", "   "), { reason: "awReasonRequired" });
    assert.deepEqual(errorOf("", ""), { reason: "awReasonRequired", due_on: "awReopenDueRequired" });
  });

  it("refuses any text that is not a calendar day", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => s.trim() !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(s.trim())),
        (text) => assert.deepEqual(errorOf(text), { due_on: "awReopenDueInvalid" }),
      ),
      { numRuns: runs(100) },
    );
  });
});

for (const dialect of testDialects()) {
  describe(`reopening with a due date, through HTTP (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    const today = dayOf(new Date());
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
    });
    after(() => t.close());

    const get = (url: string, cookie: string | undefined) => t.app.request(url, { headers: cookie ? { cookie } : {} });
    const post = (url: string, fields: Record<string, string>, cookie: string | undefined) =>
      t.app.request(url, postForm(t, fields, cookie));

    /** A submitted assessment in a cycle whose every step's date is already past. */
    async function submittedLate() {
      const s = await seedAssessment(t.db, {
        organisationId: world.a.ids.organisationId,
        personId: world.a.ids.person,
        managerId: world.a.ids.manager,
        state: "submitted",
      });
      await t.db
        .insertInto("review_cycle_steps")
        .values([
          { cycle_id: s.cycleId, step: "self", due_date: addDays(today, -20) },
          { cycle_id: s.cycleId, step: "manager", due_date: addDays(today, -10) },
          { cycle_id: s.cycleId, step: "conversation", due_date: addDays(today, -5) },
          { cycle_id: s.cycleId, step: "signoff", due_date: addDays(today, -2) },
        ])
        .execute();
      return s;
    }
    const row = (id: string) =>
      t.db
        .selectFrom("assessments")
        .select(["state", "due_on", "reopened_reason", "version"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();

    for (const lang of ["en", "fr"] as const) {
      const m = messages(lang);
      it(`${lang}: the reviewer reopens with a date; the person's task is due on it, not overdue; HR agrees`, async () => {
        const s = await submittedLate();
        const page = `/${lang}/orgs/alpha/assessments/${s.assessmentId}`;
        // The form asks by when, offering two weeks from today.
        const form = await (await get(page, world.cookies.manager)).text();
        assert.ok(shows(form, m.awReopenDue));
        assert.match(form, new RegExp(`<input[^>]*name="due_on"[^>]*type="date"[^>]*value="${offeredDueOn(today)}"`));

        const dueOn = addDays(today, 9);
        const done = await post(`${page}/reopen`, { reason: "Missing evidence", due_on: dueOn }, world.cookies.manager);
        assert.equal(done.status, 303);
        assert.deepEqual(
          { ...(await row(s.assessmentId)), version: undefined },
          { state: "reopened", due_on: dueOn, reopened_reason: "Missing evidence", version: undefined },
        );
        const history = await readHistory(t.db, s.assessmentId);
        assert.ok(history.some((h) => h.toState === "reopened" && h.detail.dueOn === dueOn && h.detail.reason));

        // The page, for the person: why, and by when, in their language; the history line too.
        const shown = await (await get(page, world.cookies.staffReport)).text();
        assert.equal(htmlLang(shown), `${lang}-CA`);
        assert.equal(countTags(shown, "h1"), 1);
        assert.ok(shows(shown, m.awReopenedBecauseBy("Missing evidence", formatDay(dueOn, lang))));
        assert.ok(shows(shown, m.awEventDueOn(formatDay(dueOn, lang))));

        // The person's waiting list: the reopened task, due on the new date, not overdue.
        const waiting = await (await get(`/${lang}/orgs/alpha/waiting`, world.cookies.staffReport)).text();
        assert.ok(shows(waiting, m.waitingReopened));
        assert.ok(hrefs(waiting).includes(page));
        assert.ok(shows(waiting, m.waitingDueOn(formatDay(dueOn, lang))));
        assert.ok(!shows(waiting, m.waitingOverdueBadge), "nothing overdue");

        // HR: the cycle is not behind; its progress gives the new date, not overdue.
        const hr = await (await get(`/${lang}/orgs/alpha/waiting`, world.cookies.orgAdmin)).text();
        assert.ok(!hrefs(hr).some((h) => h.includes(s.cycleId)), "the cycle is not listed as behind");
        const csv = await (
          await get(`/${lang}/orgs/alpha/cycles/${s.cycleId}/progress.csv`, world.cookies.orgAdmin)
        ).text();
        const line = csv.split(/\r?\n/).find((l) => l.includes(dueOn));
        assert.ok(line, "the row carries the assessment's own date");
        assert.ok(line.endsWith(`,${dueOn},${m.cyclesNo}`), line);
      });

      it(`${lang}: bad dates answer 400 naming the field, and change nothing`, async () => {
        const s = await submittedLate();
        const page = `/${lang}/orgs/alpha/assessments/${s.assessmentId}`;
        const before = await row(s.assessmentId);
        const historyBefore = (await readHistory(t.db, s.assessmentId)).length;
        const cases: [string, string][] = [
          ["", m.awReopenDueRequired],
          ["2027-02-30", m.awReopenDueInvalid],
          [addDays(today, -1), m.awReopenDuePast],
          [addDays(today, 3 * 365 + 1), m.awReopenDueTooFar(2)],
          ['"><script>alert(1)</script>', m.awReopenDueInvalid],
          ["'; drop table assessments; --", m.awReopenDueInvalid],
        ];
        for (const [sent, message] of cases) {
          const response = await post(
            `${page}/reopen`,
            { reason: "Another look", due_on: sent },
            world.cookies.manager,
          );
          assert.equal(response.status, 400, sent);
          const html = await response.text();
          assert.ok(shows(html, message), `${sent}: ${message}`);
          assert.ok(shows(message, m.awReopenDue), "the message names the field");
          assert.match(html, /<input[^>]*name="due_on"[^>]*aria-invalid="true"/);
          assert.ok(!html.includes("<script>alert(1)"), "what was sent is escaped");
          assert.ok(shows(html, "Another look"), "the reason is kept");
        }
        const blank = await post(`${page}/reopen`, { reason: " ", due_on: offeredDueOn(today) }, world.cookies.manager);
        assert.equal(blank.status, 400);
        assert.ok(shows(await blank.text(), m.awReasonRequired));
        assert.deepEqual(await row(s.assessmentId), before);
        assert.equal((await readHistory(t.db, s.assessmentId)).length, historyBefore);
      });
    }
  });
}
