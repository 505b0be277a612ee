/**
 * The people foundation (decision 024) on every database: the actor's standing in an organisation,
 * a person's manager chain, the access log, the organisation gate, and migration 010 going down and
 * up again.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Hono } from "hono";
import type { Kysely } from "kysely";
import type { AppEnv } from "../../src/app-env.ts";
import { createAccount } from "../../src/auth/accounts.ts";
import type { Database } from "../../src/db/connect.ts";
import * as m010 from "../../src/db/migrations/010_people.ts";
import * as m011 from "../../src/db/migrations/011_invitations_and_sso.ts";
import * as m012 from "../../src/db/migrations/012_proficiency_scales.ts";
import * as m013 from "../../src/db/migrations/013_job_profiles.ts";
import * as m015 from "../../src/db/migrations/015_requirement_reviews.ts";
import * as m016 from "../../src/db/migrations/016_profile_extras.ts";
import * as m017 from "../../src/db/migrations/017_assessments.ts";
import * as m018 from "../../src/db/migrations/018_insights.ts";
import * as m019 from "../../src/db/migrations/019_cycle_changes.ts";
import * as m023 from "../../src/db/migrations/023_plan_returns.ts";
import * as m024 from "../../src/db/migrations/024_profile_code_key.ts";
import type { DB } from "../../src/db/schema.ts";
import { recordAccess } from "../../src/people/access-log.ts";
import { type OrganisationEnv, organisationContext, requireInOrganisation } from "../../src/people/context.ts";
import { loadMembership, personResource } from "../../src/people/membership.ts";
import type { Actor } from "../../src/policy/index.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const now = "2026-01-01T00:00:00.000Z";

async function organisation(db: Kysely<DB>, id: string) {
  await db
    .insertInto("organisations")
    .values({
      id,
      slug: id,
      name_en: id,
      name_fr: id,
      default_lang: "en",
      settings: "{}",
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function person(
  db: Kysely<DB>,
  id: string,
  organisationId: string,
  fields: { manager?: string; user?: string; status?: string } = {},
) {
  await db
    .insertInto("people")
    .values({
      id,
      organisation_id: organisationId,
      given_name: id,
      family_name: "Test",
      employee_number: id,
      manager_id: fields.manager ?? null,
      user_id: fields.user ?? null,
      status: fields.status ?? "active",
      preferred_lang: "en",
      created_at: now,
      updated_at: now,
    })
    .execute();
}

for (const dialect of testDialects()) {
  describe(`people foundation (${dialect})`, () => {
    let database: Database;
    let db: Kysely<DB>;
    const users: Record<string, Actor> = {};

    before(async () => {
      database = await openTestDatabase(dialect);
      db = database.db;
      for (const name of ["hr", "boss", "lead", "clerk", "gone", "outsider"]) {
        const account = await createAccount(db, { email: `${name}@example.org`, role: "editor", name });
        users[name] = { id: account.id, email: `${name}@example.org`, name, role: "editor" };
      }
      await organisation(db, "north");
      await organisation(db, "south");
      await db
        .insertInto("organisation_roles")
        .values({
          organisation_id: "north",
          user_id: users.hr.id,
          role: "administrator",
          granted_at: now,
          granted_by: null,
        })
        .execute();
      await person(db, "boss", "north", { user: users.boss.id });
      await person(db, "lead", "north", { manager: "boss", user: users.lead.id });
      await person(db, "clerk", "north", { manager: "lead", user: users.clerk.id });
      await person(db, "gone", "north", { manager: "lead", user: users.gone.id, status: "left" });
      await person(db, "outsider", "south", { user: users.outsider.id });
    });
    after(() => database.close());

    it("loads the actor's standing: role, person, reports; someone who left has no person there", async () => {
      assert.deepEqual(await loadMembership(db, "north", users.hr.id), {
        organisationId: "north",
        administrator: true,
        personId: null,
        hasReports: false,
        positionProfileId: null,
      });
      assert.equal((await loadMembership(db, "north", users.lead.id))?.hasReports, true);
      assert.equal((await loadMembership(db, "north", users.clerk.id))?.hasReports, false);
      assert.equal(await loadMembership(db, "north", users.gone.id), null);
      assert.equal(await loadMembership(db, "north", users.outsider.id), null);
      assert.equal((await loadMembership(db, "south", users.outsider.id))?.personId, "outsider");
    });

    it("a person's managers come nearest first; a person of another organisation is not found", async () => {
      assert.deepEqual((await personResource(db, "north", "clerk"))?.managerChain, ["lead", "boss"]);
      assert.deepEqual((await personResource(db, "north", "boss"))?.managerChain, []);
      assert.equal(await personResource(db, "north", "outsider"), undefined);
      assert.equal(await personResource(db, "south", "clerk"), undefined);
    });

    it("logs views of another person's record, not of one's own", async () => {
      const resource = (await personResource(db, "north", "clerk")) as NonNullable<
        Awaited<ReturnType<typeof personResource>>
      >;
      const lead = { ...users.lead, membership: await loadMembership(db, "north", users.lead.id) };
      const clerk = { ...users.clerk, membership: await loadMembership(db, "north", users.clerk.id) };
      assert.equal(
        await recordAccess(db, { actor: lead, resource, what: "record", path: "/en/orgs/north/people/clerk" }),
        true,
      );
      assert.equal(await recordAccess(db, { actor: clerk, resource, what: "record" }), false);
      const rows = await db.selectFrom("access_log").selectAll().where("person_id", "=", "clerk").execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0].actor_id, users.lead.id);
      assert.equal(rows[0].actor_label, "lead <lead@example.org>");
      assert.equal(rows[0].what, "record");
    });

    it("the organisation gate: unknown or foreign → 404, member refused → 403, anonymous → 401", async () => {
      const app = new Hono<AppEnv>();
      let actor: Actor | null = null;
      let due = false;
      app.use("*", async (c, next) => {
        c.set("db", db);
        c.set("lang", "en");
        c.set("user", actor);
        c.set("passwordChangeDue", due);
        await next();
      });
      const org = new Hono<OrganisationEnv>();
      org.use("*", organisationContext());
      org.get("/settings", requireInOrganisation("organisation.administer"), (c) =>
        c.json({ ok: c.var.organisation.slug }),
      );
      app.route("/api/orgs/:org", org as unknown as Hono<AppEnv>);
      const status = async (who: Actor | null, slug: string) => {
        actor = who;
        return (await app.request(`/api/orgs/${slug}/settings`)).status;
      };
      assert.equal(await status(users.hr, "north"), 200);
      assert.equal(await status(users.clerk, "north"), 403);
      assert.equal(await status(users.outsider, "north"), 404);
      assert.equal(await status(users.gone, "north"), 404);
      assert.equal(await status(users.hr, "south"), 404);
      assert.equal(await status(users.hr, "nowhere"), 404);
      assert.equal(await status(null, "north"), 401);
      // A temporary password is replaced before anything else, here as everywhere.
      due = true;
      assert.equal(await status(users.hr, "north"), 403);
    });

    it("migration 010 goes down and up again", async () => {
      const copy = await openTestDatabase(dialect);
      try {
        await organisation(copy.db, "x");
        await copy.db
          .insertInto("units")
          .values({
            id: "u",
            organisation_id: "x",
            parent_id: null,
            name_en: "U",
            name_fr: "U",
            ordinal: 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await person(copy.db, "p", "x");
        await copy.db.updateTable("units").set({ head_person_id: "p" }).execute();
        // Down in reverse order: later migrations' tables refer to 010's; then up again in order.
        const later = [m010, m011, m012, m013, m015, m016, m017, m018, m019, m023, m024];
        for (const migration of [...later].reverse()) await migration.down(copy.db as Kysely<unknown>);
        for (const migration of later) await migration.up(copy.db as Kysely<unknown>);
        assert.equal((await copy.db.selectFrom("people").selectAll().execute()).length, 0);
        // The constraints came back: an unknown status is refused.
        await organisation(copy.db, "y");
        await assert.rejects(person(copy.db, "q", "y", { status: "retired" }));
      } finally {
        await copy.close();
      }
    });
  });
}
