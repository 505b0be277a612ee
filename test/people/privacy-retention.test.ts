/**
 * Retention: the cut-off day for "N months after leaving" (pure, for every day and length), the
 * purge on each database under a clock the test sets (who goes, what goes with them, what stays,
 * and a dry run that removes nothing), the daily job that one process of several claims per day,
 * `skillshelf purge`, and the administrator's settings page.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { messages } from "../../src/i18n/index.ts";
import { createLogger } from "../../src/log.ts";
import { isDue, purge, retentionCutoff } from "../../src/people/privacy/retention.ts";
import { startRetentionJob } from "../../src/people/privacy/retention-job.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { postForm } from "../support/auth.ts";
import { runSkillshelf } from "../support/cli.ts";
import { runs } from "../support/fast-check-seed.ts";
import { shows } from "../support/html.ts";
import {
  buildWorld,
  insertAccess,
  insertChange,
  insertOrganisation,
  insertPerson,
  insertUnit,
} from "./privacy-world.ts";

const en = messages("en");

describe("retention cut-off", () => {
  test("N months before a day: the same day of that month, or its last day when the month is shorter", () => {
    assert.equal(retentionCutoff(new Date("2026-05-15T10:00:00Z"), 24), "2024-05-15");
    assert.equal(retentionCutoff(new Date("2026-03-31T23:59:00Z"), 1), "2026-02-28");
    assert.equal(retentionCutoff(new Date("2024-03-31T00:00:00Z"), 1), "2024-02-29");
    assert.equal(retentionCutoff(new Date("2026-01-10T00:00:00Z"), 1), "2025-12-10");
    assert.equal(retentionCutoff(new Date("2026-01-10T00:00:00Z"), 0), "2026-01-10");
  });

  test("for any day and length: a valid day, before today, N calendar months back, never later as N grows", () => {
    const day = fc.date({
      min: new Date("1990-01-01T00:00:00Z"),
      max: new Date("2090-12-31T23:59:59Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 1200 }), (now, months) => {
        const cutoff = retentionCutoff(now, months);
        assert.match(cutoff, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(new Date(`${cutoff}T00:00:00Z`).toISOString().slice(0, 10), cutoff, "a real calendar day");
        const today = now.toISOString().slice(0, 10);
        assert.ok(cutoff < today);
        const [y, m, d] = cutoff.split("-").map(Number);
        const monthsBack = (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - m);
        assert.equal(monthsBack, months);
        assert.ok(d <= now.getUTCDate(), "the same day, or the shorter month's last");
        assert.ok(retentionCutoff(now, months + 1) < cutoff);
      }),
      { numRuns: runs(300) },
    );
  });

  test("only people who have left are ever due, and only once the period has passed", () => {
    const now = new Date("2026-06-30T12:00:00Z");
    fc.assert(
      fc.property(
        fc.constantFrom("active", "on_leave", "left"),
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2026-06-30T00:00:00Z"), noInvalidDate: true }),
        fc.option(fc.integer({ min: 1, max: 120 })),
        (status, left, months) => {
          const person = { status, status_since: left.toISOString().slice(0, 10), updated_at: left.toISOString() };
          const due = isDue(person, months, now);
          if (status !== "left" || months === null) assert.equal(due, false);
          else assert.equal(due, person.status_since <= retentionCutoff(now, months));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

for (const dialect of testDialects()) {
  describe(`retention (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
    });
    after(() => t?.close());

    /** An organisation keeping leavers 24 months, with people who left at various times. */
    async function scene(slug: string) {
      const org = await insertOrganisation(t.db, slug, { retention_left_months: 24 });
      const unit = await insertUnit(t.db, org, "Branch");
      const longGone = await insertPerson(t.db, org, {
        given: "Gaston",
        family: "Longtemps",
        number: "G1",
        status: "left",
        status_since: "2024-01-15",
      });
      const recent = await insertPerson(t.db, org, {
        given: "Rae",
        family: "Recent",
        number: "G2",
        status: "left",
        status_since: "2025-06-01",
      });
      const report = await insertPerson(t.db, org, {
        given: "Ray",
        family: "Report",
        number: "G3",
        manager_id: longGone,
        unit_id: unit,
      });
      await t.db.updateTable("units").set({ head_person_id: longGone }).where("id", "=", unit).execute();
      for (const personId of [longGone, longGone, recent])
        await insertAccess(t.db, { organisationId: org, personId, actorLabel: "HR", at: "2024-02-01T00:00:00.000Z" });
      await insertChange(t.db, {
        organisationId: org,
        personId: longGone,
        at: "2024-01-15T00:00:00.000Z",
        before: { status: "active" },
        after: { status: "left" },
      });
      return { org, unit, longGone, recent, report };
    }
    const exists = async (id: string) =>
      Boolean(await t.db.selectFrom("people").select("id").where("id", "=", id).executeTakeFirst());

    test("a dry run reports who would go and removes nothing; the purge removes them with their log and history", async () => {
      const s = await scene("purge-a");
      const now = new Date("2026-02-01T03:00:00Z"); // cut-off 2024-02-01: Gaston (Jan 2024) is due, Rae is not
      const dry = await purge(t.db, { dryRun: true, now, organisationSlug: "purge-a" });
      assert.equal(dry.organisations[0].cutoff, "2024-02-01");
      assert.deepEqual(
        dry.organisations[0].people.map((p) => [p.employeeNumber, p.accessLogEntries, p.changeRecords]),
        [["G1", 2, 1]],
      );
      assert.ok(await exists(s.longGone), "a dry run removes nothing");

      const done = await purge(t.db, { dryRun: false, now, organisationSlug: "purge-a" });
      assert.deepEqual(done.totals, { people: 1, accessLogEntries: 2, changeRecords: 1, assessments: 0 });
      assert.equal(await exists(s.longGone), false);
      assert.ok((await exists(s.recent)) && (await exists(s.report)));
      const left = await t.db
        .selectFrom("access_log")
        .select("person_id")
        .where("organisation_id", "=", s.org)
        .execute();
      assert.deepEqual(
        left.map((row) => row.person_id),
        [s.recent],
      );
      const about = await t.db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("subject_id", "=", s.longGone)
        .execute();
      assert.equal(about.length, 0, "no change record about the person removed");
      // Their report and their unit stay, without that manager or head, and the history says so.
      const report = await t.db.selectFrom("people").selectAll().where("id", "=", s.report).executeTakeFirstOrThrow();
      assert.equal(report.manager_id, null);
      const unit = await t.db.selectFrom("units").selectAll().where("id", "=", s.unit).executeTakeFirstOrThrow();
      assert.equal(unit.head_person_id, null);
      const history = await t.db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("organisation_id", "=", s.org)
        .where("action", "=", "purge")
        .execute();
      assert.deepEqual(history.map((h) => h.subject_kind).sort(), ["organisation", "person", "unit"]);
      const summary = history.find((h) => h.subject_kind === "organisation");
      assert.deepEqual(JSON.parse(summary?.after ?? "{}"), {
        people: 1,
        accessLogEntries: 2,
        changeRecords: 1,
        cutoff: "2024-02-01",
      });
      assert.ok(!(summary?.after ?? "").includes("Gaston"), "the purge's record names no one");

      // Time passes: Rae becomes due on the day 24 months after she left, not the day before.
      assert.equal(
        (await purge(t.db, { dryRun: false, now: new Date("2027-05-31T23:00:00Z"), organisationSlug: "purge-a" }))
          .totals.people,
        0,
      );
      assert.equal(
        (await purge(t.db, { dryRun: false, now: new Date("2027-06-01T00:30:00Z"), organisationSlug: "purge-a" }))
          .totals.people,
        1,
      );
      assert.equal(await exists(s.recent), false);
    });

    test("assessments go N years after their cycle closed; an open cycle's and a recent one's stay", async () => {
      const org = await insertOrganisation(t.db, "purge-assess", { retention_assessment_years: 2 });
      const person = await insertPerson(t.db, org, { given: "Ada", family: "Assessed", number: "A1" });
      const cycle = async (id: string, state: string, closedAt: string | null) => {
        await t.db
          .insertInto("review_cycles")
          .values(
            cycleRow({
              id,
              organisation_id: org,
              period_start: "2020-01-01",
              period_end: "2020-12-31",
              state,
              closed_at: closedAt,
            }),
          )
          .execute();
        await t.db
          .insertInto("assessments")
          .values(
            assessmentRow({
              id: randomUUID(),
              cycle_id: id,
              organisation_id: org,
              person_id: person,
              state: "signed_off",
            }),
          )
          .execute();
      };
      const now = new Date("2026-03-15T03:00:00Z"); // cut-off 2024-03-15
      const [old, recent, open] = [randomUUID(), randomUUID(), randomUUID()];
      await cycle(old, "closed", "2024-03-15T18:00:00.000Z"); // closed on the cut-off day: due
      await cycle(recent, "closed", "2024-03-16T08:00:00.000Z");
      await cycle(open, "open", null);
      const remaining = async () =>
        (await t.db.selectFrom("assessments").select("cycle_id").where("organisation_id", "=", org).execute())
          .map((row) => row.cycle_id)
          .sort();
      const dry = await purge(t.db, { dryRun: true, now, organisationSlug: "purge-assess" });
      assert.equal(dry.organisations[0].assessmentCutoff, "2024-03-15");
      assert.equal(dry.totals.assessments, 1);
      assert.equal((await remaining()).length, 3, "a dry run removes nothing");
      const done = await purge(t.db, { dryRun: false, now, organisationSlug: "purge-assess" });
      assert.equal(done.totals.assessments, 1);
      assert.deepEqual(await remaining(), [open, recent].sort());
      const record = await t.db
        .selectFrom("organisation_changes")
        .select("after")
        .where("organisation_id", "=", org)
        .where("action", "=", "purge")
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(record.after ?? "{}"), { assessments: 1, cutoff: "2024-03-15" });
      assert.ok(await exists(person), "the person stays: only the old assessment went");
    });

    test("an organisation without a retention period keeps everyone; another organisation's setting does not reach it", async () => {
      const keep = await insertOrganisation(t.db, "purge-keep");
      const old = await insertPerson(t.db, keep, {
        given: "Olga",
        family: "Old",
        number: "K1",
        status: "left",
        status_since: "2001-01-01",
      });
      const report = await purge(t.db, { dryRun: false, now: new Date("2026-02-01T00:00:00Z") });
      const mine = report.organisations.find((o) => o.slug === "purge-keep");
      assert.equal(mine?.cutoff, null);
      assert.ok(await exists(old));
      await assert.rejects(
        purge(t.db, { dryRun: true, now: new Date(), organisationSlug: "no-such-org" }),
        /no organisation/,
      );
    });

    test("the daily job: of two processes on one database, one purges each day; a failed day is tried again", async () => {
      const s = await scene("purge-job");
      let clock = new Date("2026-02-01T01:00:00Z");
      const logger = createLogger("silent");
      const first = startRetentionJob({ db: t.db, logger, now: () => clock, intervalMs: 0 });
      const second = startRetentionJob({ db: t.db, logger, now: () => clock, intervalMs: 0 });
      const [a, b] = await Promise.all([first.tick(), second.tick()]);
      assert.equal([a, b].filter(Boolean).length, 1, "exactly one process ran today's purge");
      assert.equal(await exists(s.longGone), false);
      assert.equal(await first.tick(), undefined, "not twice the same day");
      assert.equal(await second.tick(), undefined);
      // The next day, whichever checks first runs it again.
      clock = new Date("2027-06-02T01:00:00Z");
      const next = await second.tick();
      assert.ok(next);
      assert.equal(await exists(s.recent), false);
      await first.stop();
      await second.stop();

      // A purge that fails gives the day back: the next check, by any process, runs it.
      clock = new Date("2027-06-03T01:00:00Z");
      const failing = startRetentionJob({
        db: t.db,
        logger,
        now: () => clock,
        intervalMs: 0,
        purge: async () => {
          throw new Error("database went away");
        },
      });
      await assert.rejects(failing.tick(), /database went away/);
      const retry = startRetentionJob({ db: t.db, logger, now: () => clock, intervalMs: 0 });
      assert.ok(await retry.tick(), "the day was released and is run");
      assert.equal(await retry.tick(), undefined);
    });

    test("the retention settings page: saved with the change history, refused with a message by field, and showing who is due", async () => {
      const w = await buildWorld(t);
      const hr = await w.cookieOf("hr");
      const bad = await t.app.request(
        "/en/orgs/riverside/privacy/retention",
        postForm(t, { left_months: "two", assessment_years: "0" }, hr),
      );
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /href="#field-left_months"/);
      assert.match(badHtml, /href="#field-assessment_years"/);
      assert.ok(shows(badHtml, en.privacyWholeNumber));
      const huge = await t.app.request(
        "/en/orgs/riverside/privacy/retention",
        postForm(t, { left_months: "99999", assessment_years: "" }, hr),
      );
      assert.equal(huge.status, 400);

      const saved = await t.app.request(
        "/en/orgs/riverside/privacy/retention",
        postForm(t, { left_months: "12", assessment_years: "" }, hr),
      );
      assert.equal(saved.status, 303);
      const org = await t.db
        .selectFrom("organisations")
        .selectAll()
        .where("slug", "=", "riverside")
        .executeTakeFirstOrThrow();
      assert.equal(org.retention_left_months, 12);
      assert.equal(org.retention_assessment_years, null);
      const change = await t.db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("organisation_id", "=", org.id)
        .where("subject_kind", "=", "organisation")
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(change.after ?? "{}"), { retentionLeftMonths: 12, retentionAssessmentYears: null });
      // The leaver left on 2025-01-31: more than 12 months before any day this test runs on.
      const page = await (
        await t.app.request("/fr/orgs/riverside/privacy/retention", { headers: { cookie: hr } })
      ).text();
      assert.ok(shows(page, "Léa Tremblay (R-005)"));

      const refused = await t.app.request(
        "/en/orgs/riverside/privacy/retention",
        postForm(t, { left_months: "1", assessment_years: "" }, await w.cookieOf("manager")),
      );
      assert.equal(refused.status, 403);
      const unchanged = await t.db
        .selectFrom("organisations")
        .select("retention_left_months")
        .where("id", "=", org.id)
        .executeTakeFirstOrThrow();
      assert.equal(unchanged.retention_left_months, 12);
    });
  });
}

describe("skillshelf purge", () => {
  let folder: string;
  let env: Record<string, string>;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), "skillshelf-purge-"));
    env = { DATABASE_URL: join(folder, "purge.db"), LOG_LEVEL: "silent" };
    const database = await openDatabase(env.DATABASE_URL);
    await migrateToLatest(database.db);
    const org = await insertOrganisation(database.db, "cli-org", { retention_left_months: 6 });
    await insertPerson(database.db, org, {
      given: "Ada",
      family: "Ancienne",
      number: "C1",
      status: "left",
      status_since: "2020-03-01",
    });
    await insertPerson(database.db, org, { given: "Ben", family: "Busy", number: "C2" });
    await insertOrganisation(database.db, "cli-keep");
    await database.close();
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test("--dry-run --json reports who would go; then a real run removes them and says so", async () => {
    const dry = await runSkillshelf(["purge", "--dry-run", "--json"], env);
    assert.equal(dry.status, 0, dry.stderr);
    const report = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      totals: { people: number };
      organisations: { slug: string; people: { employeeNumber: string }[] }[];
    };
    assert.equal(report.dryRun, true);
    assert.deepEqual(
      report.organisations.find((o) => o.slug === "cli-org")?.people.map((p) => p.employeeNumber),
      ["C1"],
    );

    const text = await runSkillshelf(["purge", "--org", "cli-org"], env);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /cli-org: .*removed 1 /);
    assert.match(text.stdout, /C1\s+Ada Ancienne\s+left 2020-03-01/);
    assert.doesNotMatch(text.stdout, /cli-keep/, "--org narrows the run to one organisation");

    const again = await runSkillshelf(["purge", "--dry-run"], env);
    assert.match(again.stdout, /cli-org: nothing to remove/);
    assert.match(again.stdout, /cli-keep: no retention set/);
  });

  test("an unknown organisation is a failure that says so", async () => {
    const run = await runSkillshelf(["purge", "--org", "nowhere"], env);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no organisation "nowhere"/);
  });
});
