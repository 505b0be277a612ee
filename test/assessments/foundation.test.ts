/**
 * The tables of review cycles and assessments (migration 017): a cycle with its steps, an assessment
 * with an item pinned to a published edition, evidence bytes that come back exactly, the history,
 * reminders sent once, the constraints, and the migration down and up.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import type { Kysely } from "kysely";
import * as m017 from "../../src/db/migrations/017_assessments.ts";
import type { DB } from "../../src/db/schema.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";

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
  await db
    .insertInto("review_cycles")
    .values(
      cycleRow({
        id: "c",
        organisation_id: "o",
        name_en: "2027 review",
        name_fr: "Bilan 2027",
        state: "open",
        opened_at: now,
      }),
    )
    .execute();
  await db
    .insertInto("review_cycle_steps")
    .values(
      (["self", "manager", "conversation", "signoff"] as const).map((step, i) => ({
        cycle_id: "c",
        step,
        due_date: `2027-0${i + 2}-01`,
      })),
    )
    .execute();
  const assessment = assessmentRow({
    id: "a",
    cycle_id: "c",
    organisation_id: "o",
    person_id: "p",
    manager_id: "boss",
    state: "in_progress",
  });
  await db.insertInto("assessments").values(assessment).execute();
  const edition = await db.selectFrom("editions").select(["id", "framework_id"]).executeTakeFirstOrThrow();
  const item = await db
    .selectFrom("published_items")
    .select("item_id")
    .where("edition_id", "=", edition.id)
    .where("type_code", "=", "competency")
    .executeTakeFirstOrThrow();
  const assessed = {
    assessment_id: "a",
    framework_id: edition.framework_id,
    item_id: item.item_id,
    edition_id: edition.id,
    ordinal: 1,
    origin: "profile",
    target_level: 3,
    importance: "essential",
    self_level: 2,
    self_comment: "J'anime l'heure du conte chaque semaine.",
    manager_level: null,
    manager_comment: null,
    agreed_level: null,
    updated_at: now,
  };
  return { assessment, assessed };
}

for (const dialect of testDialects()) {
  describe(`assessments: tables (${dialect})`, () => {
    it("keeps a cycle, an assessment, its items, evidence bytes exactly, history and reminders sent once", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { assessed } = await world(db);
        await db.insertInto("assessment_items").values(assessed).execute();
        const bytes = new Uint8Array(randomBytes(70_000));
        await db
          .insertInto("assessment_evidence")
          .values({
            id: "e",
            assessment_id: "a",
            item_id: assessed.item_id,
            kind: "file",
            title: "Programme d'automne",
            url: null,
            file_name: "programme.pdf",
            media_type: "application/pdf",
            size: bytes.length,
            bytes,
            created_at: now,
            created_by: null,
          })
          .execute();
        const back = await db.selectFrom("assessment_evidence").select("bytes").executeTakeFirstOrThrow();
        assert.deepEqual(new Uint8Array(back.bytes as Uint8Array), bytes);
        await db
          .insertInto("assessment_history")
          .values({
            id: "h",
            assessment_id: "a",
            at: now,
            actor_id: null,
            actor_label: "P Test <p@example.org>",
            event: "state",
            from_state: "not_started",
            to_state: "in_progress",
            detail: null,
          })
          .execute();
        const reminder = {
          id: "r1",
          person_id: "p",
          assessment_id: "a",
          reminder_key: "due:self:a:2027-02-01",
          sent_at: now,
        };
        await db.insertInto("reminders_sent").values(reminder).execute();
        await assert.rejects(
          db
            .insertInto("reminders_sent")
            .values({ ...reminder, id: "r2" })
            .execute(),
        );
        assert.equal((await db.selectFrom("review_cycle_steps").selectAll().execute()).length, 4);
      } finally {
        await close();
      }
    });

    it("refuses what the model forbids: a second assessment per person and cycle, unknown states, levels below 1, unpublished items", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { assessment, assessed } = await world(db);
        await assert.rejects(
          db
            .insertInto("assessments")
            .values({ ...assessment, id: "a2" })
            .execute(),
        );
        await assert.rejects(
          db
            .insertInto("assessments")
            .values({ ...assessment, id: "a3", person_id: "boss", state: "done" })
            .execute(),
        );
        await assert.rejects(db.updateTable("review_cycles").set({ state: "archived" }).execute());
        await assert.rejects(db.updateTable("review_cycles").set({ leaver_rule: "forget" }).execute());
        await assert.rejects(
          db
            .insertInto("assessment_items")
            .values({ ...assessed, self_level: 0 })
            .execute(),
        );
        await assert.rejects(
          db
            .insertInto("assessment_items")
            .values({ ...assessed, item_id: "00000000-0000-0000-0000-000000000000" })
            .execute(),
        );
        await assert.rejects(
          db
            .insertInto("assessment_items")
            .values({ ...assessed, origin: "robot" })
            .execute(),
        );
        await db.insertInto("assessment_items").values(assessed).execute();
      } finally {
        await close();
      }
    });

    it("migration 017 goes down and up again", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: true });
      try {
        const { assessed } = await world(db);
        await db.insertInto("assessment_items").values(assessed).execute();
        await m017.down(db as Kysely<unknown>);
        await m017.up(db as Kysely<unknown>);
        assert.equal((await db.selectFrom("assessments").selectAll().execute()).length, 0);
        assert.equal((await db.selectFrom("review_cycles").selectAll().execute()).length, 0);
        // The organisation's people are untouched, and the constraints are back.
        assert.equal((await db.selectFrom("people").selectAll().execute()).length, 2);
        await assert.rejects(
          db.insertInto("reminder_settings").values({ person_id: "p", mode: "never", updated_at: now }).execute(),
        );
      } finally {
        await close();
      }
    });
  });
}
