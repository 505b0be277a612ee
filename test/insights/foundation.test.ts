/**
 * The tables of learning resources and development plans (migration 018): a resource tagged with a
 * competency by framework and item (no edition), a plan with a goal, an activity and a check-in, the
 * constraints the model relies on, and the migration down and up.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Kysely } from "kysely";
import * as m018 from "../../src/db/migrations/018_insights.ts";
import type { DB } from "../../src/db/schema.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const now = "2027-01-10T09:00:00.000Z";

async function world(db: Kysely<DB>) {
  await db
    .insertInto("organisations")
    .values({
      id: "o",
      slug: "o",
      name_en: "O",
      name_fr: "O",
      default_lang: "fr",
      settings: "{}",
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const [id, manager] of [
    ["boss", null],
    ["p", "boss"],
  ] as const)
    await db
      .insertInto("people")
      .values({
        id,
        organisation_id: "o",
        given_name: id,
        family_name: "Test",
        employee_number: id,
        manager_id: manager,
        status: "active",
        preferred_lang: "fr",
        created_at: now,
        updated_at: now,
      })
      .execute();
  const edition = await db.selectFrom("editions").select(["id", "framework_id"]).executeTakeFirstOrThrow();
  const item = await db
    .selectFrom("published_items")
    .select("item_id")
    .where("edition_id", "=", edition.id)
    .where("type_code", "=", "competency")
    .executeTakeFirstOrThrow();
  const resource = {
    id: "r",
    organisation_id: "o",
    title_en: "Storytime for toddlers",
    title_fr: "L'heure du conte pour les tout-petits",
    url: "https://learning.example.org/storytime",
    provider: "Regional library network",
    format: "course",
    duration_minutes: 90,
    cost_cents: 12_550,
    currency: "CAD",
    version: 1,
    created_at: now,
    updated_at: now,
    updated_by: null,
  };
  const plan = {
    id: "plan",
    organisation_id: "o",
    person_id: "p",
    year: 2027,
    state: "draft",
    submitted_at: null,
    approved_by: null,
    approved_by_label: null,
    approved_at: null,
    closed_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const goal = {
    id: "g",
    plan_id: "plan",
    framework_id: edition.framework_id,
    item_id: item.item_id,
    goal: "Lead a storytime on my own by spring.",
    ordinal: 1,
    created_at: now,
    updated_at: now,
  };
  const activity = {
    id: "act",
    goal_id: "g",
    kind: "resource",
    learning_resource_id: "r",
    description: "Take the regional course",
    target_date: "2027-04-30",
    status: "planned",
    done_at: null,
    ordinal: 1,
    created_at: now,
    updated_at: now,
  };
  return { frameworkId: edition.framework_id, itemId: item.item_id, resource, plan, goal, activity };
}

for (const dialect of testDialects()) {
  describe(`insights: tables (${dialect})`, () => {
    it("keeps a resource with its competencies, and a plan with a goal, an activity and a check-in", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const w = await world(db);
        await db.insertInto("learning_resources").values(w.resource).execute();
        await db
          .insertInto("learning_resource_competencies")
          .values({ resource_id: "r", framework_id: w.frameworkId, item_id: w.itemId })
          .execute();
        await db.insertInto("development_plans").values(w.plan).execute();
        await db.insertInto("development_plan_goals").values(w.goal).execute();
        await db.insertInto("development_plan_activities").values(w.activity).execute();
        await db
          .insertInto("development_plan_checkins")
          .values({
            id: "c",
            plan_id: "plan",
            at: now,
            author_id: null,
            author_label: "P Test <p@example.org>",
            note: "Halfway.",
          })
          .execute();
        const back = await db.selectFrom("learning_resources").selectAll().executeTakeFirstOrThrow();
        assert.equal(back.cost_cents, 12_550);
        assert.equal(back.duration_minutes, 90);
        // Deleting the resource keeps the activity, without its link; deleting the plan takes the rest.
        await db.deleteFrom("learning_resources").execute();
        const activity = await db.selectFrom("development_plan_activities").selectAll().executeTakeFirstOrThrow();
        assert.equal(activity.learning_resource_id, null);
        assert.equal((await db.selectFrom("learning_resource_competencies").selectAll().execute()).length, 0);
        await db.deleteFrom("development_plans").execute();
        assert.equal((await db.selectFrom("development_plan_goals").selectAll().execute()).length, 0);
        assert.equal((await db.selectFrom("development_plan_activities").selectAll().execute()).length, 0);
        assert.equal((await db.selectFrom("development_plan_checkins").selectAll().execute()).length, 0);
      } finally {
        await close();
      }
    });

    it("refuses what the model forbids", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const w = await world(db);
        const refused = async (what: string, insert: () => Promise<unknown>) =>
          assert.rejects(insert, Error, `${what} should be refused`);
        await refused("an unknown format", () =>
          db
            .insertInto("learning_resources")
            .values({ ...w.resource, format: "podcast" })
            .execute(),
        );
        await refused("a cost without its currency", () =>
          db
            .insertInto("learning_resources")
            .values({ ...w.resource, currency: null })
            .execute(),
        );
        await refused("a negative cost", () =>
          db
            .insertInto("learning_resources")
            .values({ ...w.resource, cost_cents: -1 })
            .execute(),
        );
        await db.insertInto("learning_resources").values(w.resource).execute();
        await db.insertInto("development_plans").values(w.plan).execute();
        await refused("a second plan for the same person and year", () =>
          db
            .insertInto("development_plans")
            .values({ ...w.plan, id: "plan2" })
            .execute(),
        );
        await refused("an unknown plan state", () =>
          db
            .insertInto("development_plans")
            .values({ ...w.plan, id: "plan3", year: 2028, state: "done" })
            .execute(),
        );
        await db.insertInto("development_plan_goals").values(w.goal).execute();
        await refused("the same competency twice in a plan", () =>
          db
            .insertInto("development_plan_goals")
            .values({ ...w.goal, id: "g2", ordinal: 2 })
            .execute(),
        );
        await refused("a done activity without its date", () =>
          db
            .insertInto("development_plan_activities")
            .values({ ...w.activity, status: "done" })
            .execute(),
        );
        await refused("a planned activity with a done date", () =>
          db
            .insertInto("development_plan_activities")
            .values({ ...w.activity, done_at: now })
            .execute(),
        );
        await refused("an unknown activity kind", () =>
          db
            .insertInto("development_plan_activities")
            .values({ ...w.activity, kind: "webinar" })
            .execute(),
        );
        await db
          .insertInto("development_plan_activities")
          .values({ ...w.activity, status: "done", done_at: now })
          .execute();
      } finally {
        await close();
      }
    });

    it("migration 018 goes down and up again", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const w = await world(db);
        await db.insertInto("learning_resources").values(w.resource).execute();
        await db.insertInto("development_plans").values(w.plan).execute();
        await m018.down(db as Kysely<unknown>);
        await m018.up(db as Kysely<unknown>);
        assert.equal((await db.selectFrom("learning_resources").selectAll().execute()).length, 0);
        assert.equal((await db.selectFrom("development_plans").selectAll().execute()).length, 0);
        assert.equal((await db.selectFrom("people").selectAll().execute()).length, 2);
        await assert.rejects(
          db
            .insertInto("learning_resources")
            .values({ ...w.resource, format: "podcast" })
            .execute(),
        );
      } finally {
        await close();
      }
    });
  });
}
