/**
 * The development plans store on every database: one plan per person and year, the organisation's
 * goal limit, what each state allows, done_at exactly when done, a stale version refused with
 * nothing changed, and random sequences of edits keeping those invariants.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { createResource } from "../../src/insights/learning/store.ts";
import { addCheckin, changePlanState, setActivityStatus } from "../../src/insights/plans/progress.ts";
import { readPlan } from "../../src/insights/plans/read.ts";
import { ACTIVITY_STATUSES } from "../../src/insights/plans/rules.ts";
import {
  addActivity,
  addGoal,
  createPlan,
  type PlanKey,
  PlanRefused,
  removeGoal,
  StalePlanError,
  updateActivity,
  updateGoal,
} from "../../src/insights/plans/store.ts";
import { withMaxPlanGoals } from "../../src/insights/settings.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { insertPerson } from "../support/people-world.ts";
import { publishSmallFramework, type SmallFramework } from "../support/profile-framework.ts";

const at = (minute: number) => new Date(Date.UTC(2027, 2, 1, 9, minute));

async function organisation(db: Kysely<DB>, id: string, settings = "{}") {
  await db
    .insertInto("organisations")
    .values({
      id,
      slug: id,
      name_en: id,
      name_fr: id,
      default_lang: "en",
      settings,
      created_at: at(0).toISOString(),
      updated_at: at(0).toISOString(),
    })
    .execute();
}

const person = (db: Kysely<DB>, organisationId: string, given = "Ana") =>
  insertPerson(db, organisationId, {
    given,
    family: "Lopes",
    email: `${given.toLowerCase()}-${randomUUID().slice(0, 6)}@example.org`,
    number: randomUUID().slice(0, 8),
  });

const refusal = (reason: string) => (error: unknown) => error instanceof PlanRefused && error.reason === reason;

async function versionOf(db: Kysely<DB>, planId: string) {
  const row = await db
    .selectFrom("development_plans")
    .select("version")
    .where("id", "=", planId)
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

const competenciesOf = (framework: SmallFramework) => framework.competencies.flat();

for (const dialect of testDialects()) {
  describe(`development plans store (${dialect})`, () => {
    it("keeps one plan per person and year, scoped to the organisation", async () => {
      const { db, close } = await openTestDatabase(dialect);
      try {
        await organisation(db, "north");
        await organisation(db, "south");
        const ana = await person(db, "north");
        const planId = await createPlan(db, { organisationId: "north", personId: ana, year: 2027 });
        await assert.rejects(createPlan(db, { organisationId: "north", personId: ana, year: 2027 }), refusal("exists"));
        await createPlan(db, { organisationId: "north", personId: ana, year: 2028 });
        // Another organisation cannot create a plan for this person, nor write to this plan.
        await assert.rejects(
          createPlan(db, { organisationId: "south", personId: ana, year: 2029 }),
          refusal("not-found"),
        );
        await assert.rejects(
          addCheckin(db, { organisationId: "south", planId, version: 1 }, "note", { userId: null, label: "x" }),
          refusal("not-found"),
        );
        const plan = await readPlan(db, "north", ana, 2027);
        assert.equal(plan?.state, "draft");
        assert.equal(await readPlan(db, "south", ana, 2027), undefined);
      } finally {
        await close();
      }
    });

    it("refuses the goal past the organisation's limit (4 by default), a second goal on one competency and an unknown competency", async () => {
      const { db, close } = await openTestDatabase(dialect);
      try {
        await organisation(db, "north");
        const framework = await publishSmallFramework(db, "plans-limit", { areas: 2, perArea: 3, ksas: 0 });
        const items = competenciesOf(framework);
        const ana = await person(db, "north");
        const planId = await createPlan(db, { organisationId: "north", personId: ana, year: 2027 });
        const key = async (): Promise<PlanKey> => ({
          organisationId: "north",
          planId,
          version: await versionOf(db, planId),
        });
        for (const itemId of items.slice(0, 4))
          await addGoal(db, await key(), { frameworkId: framework.id, itemId, text: `Grow in ${itemId}` });
        await assert.rejects(
          addGoal(db, await key(), { frameworkId: framework.id, itemId: items[4] as string, text: "one more" }),
          (error: unknown) => error instanceof PlanRefused && error.reason === "goal-limit" && error.limit === 4,
        );
        await db
          .updateTable("organisations")
          .set({ settings: withMaxPlanGoals("{}", 5) })
          .where("id", "=", "north")
          .execute();
        await assert.rejects(
          addGoal(db, await key(), { frameworkId: framework.id, itemId: items[0] as string, text: "again" }),
          refusal("duplicate-goal"),
        );
        await assert.rejects(
          addGoal(db, await key(), {
            frameworkId: framework.id,
            itemId: framework.areas[0] as string,
            text: "an area",
          }),
          refusal("unknown-competency"),
        );
        await addGoal(db, await key(), { frameworkId: framework.id, itemId: items[4] as string, text: "fifth" });
        // Lowering the limit keeps the goals there, and stops new ones.
        await db
          .updateTable("organisations")
          .set({ settings: withMaxPlanGoals("{}", 2) })
          .where("id", "=", "north")
          .execute();
        await assert.rejects(
          addGoal(db, await key(), { frameworkId: framework.id, itemId: items[5] as string, text: "sixth" }),
          refusal("goal-limit"),
        );
        assert.equal((await readPlan(db, "north", ana, 2027))?.goals.length, 5);
      } finally {
        await close();
      }
    });

    it("a stale version changes nothing; each state allows only its own writes", async () => {
      const { db, close } = await openTestDatabase(dialect);
      try {
        await organisation(db, "north");
        const framework = await publishSmallFramework(db, "plans-states", { areas: 1, perArea: 2, ksas: 0 });
        const [first, second] = competenciesOf(framework) as [string, string];
        const ana = await person(db, "north");
        const resource = await createResource(
          db,
          "north",
          {
            titleEn: "Storytelling course",
            titleFr: "Cours de conte",
            url: null,
            provider: null,
            format: "course",
            durationMinutes: null,
            costCents: null,
            currency: null,
          },
          null,
        );
        const planId = await createPlan(db, { organisationId: "north", personId: ana, year: 2027 });
        const key = async (): Promise<PlanKey> => ({
          organisationId: "north",
          planId,
          version: await versionOf(db, planId),
        });
        await assert.rejects(changePlanState(db, await key(), { move: "submit" }), refusal("state"), "an empty plan");
        const goalId = await addGoal(db, await key(), {
          frameworkId: framework.id,
          itemId: first,
          text: "Tell stories",
        });
        const before = await readPlan(db, "north", ana, 2027);
        await assert.rejects(
          updateGoal(db, { organisationId: "north", planId, version: 1 }, goalId, "stale"),
          StalePlanError,
        );
        assert.deepEqual(await readPlan(db, "north", ana, 2027), before, "a stale write changes nothing");
        const activityId = await addActivity(db, await key(), goalId, {
          kind: "resource",
          resourceId: resource,
          description: "Take the course",
          targetDate: "2027-06-30",
        });
        await assert.rejects(
          addActivity(db, await key(), goalId, {
            kind: "course",
            resourceId: randomUUID(),
            description: "x",
            targetDate: null,
          }),
          refusal("unknown-resource"),
        );
        await updateActivity(db, await key(), activityId, {
          kind: "resource",
          resourceId: resource,
          description: "Take the course in spring",
          targetDate: "2027-05-31",
        });
        await changePlanState(db, await key(), { move: "submit" });
        await assert.rejects(
          updateActivity(db, await key(), activityId, {
            kind: "course",
            resourceId: null,
            description: "x",
            targetDate: null,
          }),
          refusal("state"),
        );
        await assert.rejects(
          addGoal(db, await key(), { frameworkId: framework.id, itemId: second, text: "late" }),
          refusal("state"),
          "a submitted plan's content is what the manager reads",
        );
        await changePlanState(db, await key(), { move: "return", reason: "Add a date", by: { label: "Mo" } });
        let plan = await readPlan(db, "north", ana, 2027);
        assert.equal(plan?.state, "draft");
        assert.deepEqual(plan?.returned?.reason, "Add a date");
        await changePlanState(db, await key(), { move: "submit" });
        assert.equal((await readPlan(db, "north", ana, 2027))?.returned, null, "submitting again clears the reason");
        await assert.rejects(changePlanState(db, await key(), { move: "close" }), refusal("state"));
        await changePlanState(db, await key(), { move: "approve", approver: { personId: ana, label: "Mo Manager" } });
        await setActivityStatus(db, await key(), activityId, "done", at(5));
        await addCheckin(db, await key(), "Halfway", { userId: null, label: "Ana" }, at(6));
        await changePlanState(db, await key(), { move: "close" });
        await assert.rejects(setActivityStatus(db, await key(), activityId, "planned"), refusal("state"));
        await assert.rejects(addCheckin(db, await key(), "late", { userId: null, label: "Ana" }), refusal("state"));
        await assert.rejects(removeGoal(db, await key(), goalId), refusal("state"));
        plan = await readPlan(db, "north", ana, 2027);
        assert.equal(plan?.state, "closed");
        assert.equal(plan?.approvedByLabel, "Mo Manager");
        assert.equal(plan?.goals[0]?.activities[0]?.resource?.titleFr, "Cours de conte");
        assert.equal(plan?.goals[0]?.activities[0]?.doneAt, at(5).toISOString());
        assert.equal(plan?.goals[0]?.activities[0]?.description, "Take the course in spring");
        assert.equal(plan?.goals[0]?.activities[0]?.targetDate, "2027-05-31");
        assert.deepEqual(
          plan?.checkins.map((c) => c.note),
          ["Halfway"],
        );
      } finally {
        await close();
      }
    });

    it("random sequences of edits keep the invariants: goal limit, done_at exactly when done, one plan per year", async () => {
      const { db, close } = await openTestDatabase(dialect);
      try {
        await organisation(db, "north");
        const framework = await publishSmallFramework(db, "plans-property", { areas: 2, perArea: 3, ksas: 0 });
        const items = competenciesOf(framework);
        const command = fc.oneof(
          fc.record({ op: fc.constant("create" as const), year: fc.integer({ min: 2026, max: 2027 }) }),
          { arbitrary: fc.record({ op: fc.constant("goal" as const), item: fc.nat(items.length - 1) }), weight: 4 },
          fc.record({ op: fc.constant("removeGoal" as const), index: fc.nat(5) }),
          { arbitrary: fc.record({ op: fc.constant("activity" as const), index: fc.nat(3) }), weight: 3 },
          {
            arbitrary: fc.record({
              op: fc.constant("status" as const),
              index: fc.nat(5),
              status: fc.constantFrom(...ACTIVITY_STATUSES),
            }),
            weight: 5,
          },
          fc.record({
            op: fc.constant("move" as const),
            move: fc.constantFrom("submit" as const, "approve" as const, "return" as const, "close" as const),
          }),
          fc.record({ op: fc.constant("stale" as const) }),
        );
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 1, max: 4 }),
            fc.array(command, { minLength: 10, maxLength: 24 }),
            async (limit, commands) => {
              await db
                .updateTable("organisations")
                .set({ settings: withMaxPlanGoals("{}", limit) })
                .where("id", "=", "north")
                .execute();
              const ana = await person(db, "north");
              // Each run starts from a draft with a goal and two activities, so status changes have something to change.
              const first = await createPlan(db, { organisationId: "north", personId: ana, year: 2027 });
              const goal = await addGoal(
                db,
                { organisationId: "north", planId: first, version: 1 },
                { frameworkId: framework.id, itemId: items[0] as string, text: "g" },
              );
              for (const version of [2, 3])
                await addActivity(db, { organisationId: "north", planId: first, version }, goal, {
                  kind: "course",
                  resourceId: null,
                  description: "c",
                  targetDate: null,
                });
              let clock = 0;
              for (const c of commands) {
                const now = at(clock++ % 60);
                const plan = (
                  await db
                    .selectFrom("development_plans")
                    .select(["id", "version", "year"])
                    .where("person_id", "=", ana)
                    .orderBy("year")
                    .execute()
                )[0];
                const key = plan
                  ? { organisationId: "north", planId: plan.id, version: Number(plan.version) }
                  : undefined;
                const goals = plan ? ((await readPlan(db, "north", ana, Number(plan.year)))?.goals ?? []) : [];
                const activities = goals.flatMap((g) => g.activities);
                try {
                  if (c.op === "create")
                    await createPlan(db, { organisationId: "north", personId: ana, year: c.year }, now);
                  else if (!key) continue;
                  else if (c.op === "goal")
                    await addGoal(
                      db,
                      key,
                      { frameworkId: framework.id, itemId: items[c.item] as string, text: "g" },
                      now,
                    );
                  else if (c.op === "removeGoal" && goals[c.index])
                    await removeGoal(db, key, goals[c.index]?.id as string, now);
                  else if (c.op === "activity" && goals[c.index])
                    await addActivity(
                      db,
                      key,
                      goals[c.index]?.id as string,
                      { kind: "practice", resourceId: null, description: "a", targetDate: null },
                      now,
                    );
                  else if (c.op === "status" && activities[c.index])
                    await setActivityStatus(db, key, activities[c.index]?.id as string, c.status, now);
                  else if (c.op === "move")
                    await changePlanState(
                      db,
                      key,
                      c.move === "approve"
                        ? { move: "approve", approver: { personId: ana, label: "M" } }
                        : c.move === "return"
                          ? { move: "return", reason: "r", by: { label: "M" } }
                          : { move: c.move },
                      now,
                    );
                  else if (c.op === "stale") {
                    await assert.rejects(
                      addCheckin(db, { ...key, version: key.version - 1 }, "n", { userId: null, label: "A" }),
                      StalePlanError,
                    );
                    assert.equal(await versionOf(db, key.planId), key.version, "a stale write leaves the version");
                  }
                } catch (error) {
                  if (!(error instanceof PlanRefused)) throw error;
                }
              }
              const plans = await db
                .selectFrom("development_plans")
                .select(["id", "year"])
                .where("person_id", "=", ana)
                .execute();
              assert.equal(new Set(plans.map((p) => p.year)).size, plans.length, "one plan per year");
              for (const p of plans) {
                const whole = await readPlan(db, "north", ana, Number(p.year));
                assert.ok((whole?.goals.length ?? 0) <= limit, "never more goals than the limit");
                for (const a of whole?.goals.flatMap((g) => g.activities) ?? [])
                  assert.equal(a.doneAt !== null, a.status === "done", "done_at exactly when done");
              }
            },
          ),
          { numRuns: runs(dialect === "sqlite" ? 25 : 10) },
        );
      } finally {
        await close();
      }
    });
  });
}
