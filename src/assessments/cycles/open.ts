/**
 * Opening a review cycle (issue 15, decision 038): one assessment per person taking part, with the
 * competencies of the profile they hold (target level and importance copied, so a later change of
 * the profile does not rewrite an open assessment), their manager as reviewer, and an "opened" line
 * in each assessment's history. Opening again, or after people joined, adds only who is missing:
 * nobody gets two assessments in a cycle. All in one transaction, written in batches.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { descendantsOf } from "../../people/units/tree.ts";
import { mapLevel, participants, readSelection } from "./participants.ts";

export type CycleProblem = "not-found" | "closed" | "selection";

export class CycleError extends Error {
  constructor(readonly problem: CycleProblem) {
    super(`review cycle: ${problem}`);
  }
}

export interface Author {
  id: string | null;
  label: string;
}

export interface OpenReport {
  /** Assessments created by this opening. */
  created: number;
  /** Competencies put into them. */
  items: number;
  /** People taking part who already had their assessment in this cycle. */
  alreadyThere: number;
  /** People created an assessment without a profile (they or their manager add competencies). */
  withoutProfile: number;
}

/** Rows per insert: well under either database's limit on bound parameters. */
const BATCH = 500;

async function insertInBatches<T extends keyof DB>(db: Kysely<DB>, table: T, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: rows are typed by the callers below, per table
      .values(rows.slice(i, i + BATCH) as any)
      .execute();
}

export async function openCycle(
  db: Kysely<DB>,
  input: { organisationId: string; cycleId: string; author: Author; now?: Date },
): Promise<OpenReport> {
  const now = (input.now ?? new Date()).toISOString();
  // In the caller's transaction when there is one (opening is one step of reopening a closed cycle).
  const inTransaction = <T>(work: (trx: Kysely<DB>) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return inTransaction(async (trx) => {
    const cycle = await trx
      .selectFrom("review_cycles")
      .selectAll()
      .where("id", "=", input.cycleId)
      .where("organisation_id", "=", input.organisationId)
      .executeTakeFirst();
    if (!cycle) throw new CycleError("not-found");
    if (cycle.state === "closed") throw new CycleError("closed");
    const selection = readSelection(cycle.participants);
    if (!selection) throw new CycleError("selection");

    const [people, units, existing] = await Promise.all([
      trx
        .selectFrom("people")
        .leftJoin("person_positions", "person_positions.person_id", "people.id")
        .select(["people.id", "people.status", "people.unit_id", "people.manager_id", "person_positions.profile_id"])
        .where("people.organisation_id", "=", input.organisationId)
        .execute(),
      trx
        .selectFrom("units")
        .select(["id", "parent_id", "ordinal"])
        .where("organisation_id", "=", input.organisationId)
        .execute(),
      trx.selectFrom("assessments").select("person_id").where("cycle_id", "=", cycle.id).execute(),
    ]);
    const unitPlaces = units.map((u) => ({ id: u.id, parentId: u.parent_id, ordinal: u.ordinal }));
    const chosen = participants(
      people.map((p) => ({ id: p.id, status: p.status, unitId: p.unit_id, profileId: p.profile_id })),
      selection,
      (unit) => descendantsOf(unit, unitPlaces),
    );
    const had = new Set(existing.map((row) => row.person_id));
    const joining = chosen.filter((p) => !had.has(p.id));
    const managerOf = new Map(people.map((p) => [p.id, p.manager_id]));

    const profileIds = [...new Set(joining.flatMap((p) => (p.profileId ? [p.profileId] : [])))];
    const requirements = new Map<string, DB["job_profile_requirements"][]>();
    const profileScale = new Map<string, string>();
    for (let i = 0; i < profileIds.length; i += BATCH) {
      const slice = profileIds.slice(i, i + BATCH);
      const [rows, profiles] = await Promise.all([
        trx
          .selectFrom("job_profile_requirements")
          .selectAll()
          .where("profile_id", "in", slice)
          .orderBy("ordinal")
          .execute(),
        trx.selectFrom("job_profiles").select(["id", "scale_id"]).where("id", "in", slice).execute(),
      ]);
      for (const row of rows) requirements.set(row.profile_id, [...(requirements.get(row.profile_id) ?? []), row]);
      for (const profile of profiles) profileScale.set(profile.id, profile.scale_id);
    }
    const levelCounts = new Map(
      (
        await trx
          .selectFrom("proficiency_levels")
          .select(["scale_id", (eb) => eb.fn.countAll().as("n")])
          .groupBy("scale_id")
          .execute()
      ).map((row) => [row.scale_id, Number(row.n)]),
    );
    const levels = (scaleId: string | undefined) => levelCounts.get(scaleId ?? "") ?? 0;
    const cycleLevels = levels(cycle.scale_id);

    // A profile on a scale of as many levels as the cycle's copies its targets as they are, in one
    // insert…select per batch of profiles (most of the writes at a large library system's size);
    // another profile's targets are carried over level by level here.
    const sameScale = (profileId: string) => {
      const from = levels(profileScale.get(profileId));
      return from === 0 || cycleLevels === 0 || from === cycleLevels;
    };
    const assessments: DB["assessments"][] = [];
    const items: DB["assessment_items"][] = [];
    const history: DB["assessment_history"][] = [];
    const copiedProfiles = new Set<string>();
    let itemCount = 0;
    let withoutProfile = 0;
    for (const person of joining) {
      const id = randomUUID();
      const required = person.profileId ? (requirements.get(person.profileId) ?? []) : [];
      if (required.length === 0) withoutProfile++;
      itemCount += required.length;
      assessments.push({
        id,
        cycle_id: cycle.id,
        organisation_id: input.organisationId,
        person_id: person.id,
        manager_id: managerOf.get(person.id) ?? null,
        profile_id: person.profileId,
        state: "not_started",
        reopened_reason: null,
        conversation_date: null,
        conversation_notes: null,
        person_signed_at: null,
        manager_signed_at: null,
        due_on: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      if (person.profileId && required.length > 0 && sameScale(person.profileId)) copiedProfiles.add(person.profileId);
      else if (person.profileId) {
        const fromLevels = levels(profileScale.get(person.profileId));
        for (const requirement of required)
          items.push({
            assessment_id: id,
            framework_id: requirement.framework_id,
            item_id: requirement.item_id,
            edition_id: requirement.edition_id,
            ordinal: requirement.ordinal,
            origin: "profile",
            target_level: mapLevel(requirement.target_level, fromLevels, cycleLevels),
            importance: requirement.importance,
            self_level: null,
            self_comment: null,
            manager_level: null,
            manager_comment: null,
            agreed_level: null,
            updated_at: now,
          });
      }
      history.push({
        id: randomUUID(),
        assessment_id: id,
        at: now,
        actor_id: input.author.id,
        actor_label: input.author.label.slice(0, 300),
        event: "opened",
        from_state: null,
        to_state: "not_started",
        detail: JSON.stringify({ cycle: cycle.id, profile: person.profileId, competencies: required.length }),
      });
    }
    await insertInBatches(trx, "assessments", assessments);
    const copied = [...copiedProfiles];
    for (let i = 0; i < copied.length; i += BATCH)
      await trx
        .insertInto("assessment_items")
        .columns([
          "assessment_id",
          "framework_id",
          "item_id",
          "edition_id",
          "ordinal",
          "origin",
          "target_level",
          "importance",
          "updated_at",
        ])
        .expression(
          trx
            .selectFrom("assessments as a")
            .innerJoin("job_profile_requirements as r", "r.profile_id", "a.profile_id")
            .select([
              "a.id",
              "r.framework_id",
              "r.item_id",
              "r.edition_id",
              "r.ordinal",
              sql<string>`'profile'`.as("origin"),
              "r.target_level",
              "r.importance",
              sql<string>`cast(${now} as varchar(30))`.as("updated_at"),
            ])
            // This opening's assessments: created in this transaction, at this instant.
            .where("a.cycle_id", "=", cycle.id)
            .where("a.created_at", "=", now)
            .where("a.profile_id", "in", copied.slice(i, i + BATCH))
            // In the primary key's order: each assessment's rows land together in its index pages
            // (on PostgreSQL, writing 150,000 rows and their indexes took about a quarter less time than in
            // the join's order; the foreign-key checks, most of the rest, cost the same).
            .orderBy("a.id")
            .orderBy("r.framework_id")
            .orderBy("r.item_id"),
        )
        .execute();
    await insertInBatches(trx, "assessment_items", items);
    await insertInBatches(trx, "assessment_history", history);
    await trx
      .updateTable("review_cycles")
      .set({
        state: "open",
        opened_at: cycle.opened_at ?? now,
        version: cycle.version + 1,
        updated_at: now,
        updated_by: input.author.id,
      })
      .where("id", "=", cycle.id)
      .execute();
    return {
      created: assessments.length,
      items: itemCount,
      alreadyThere: chosen.length - joining.length,
      withoutProfile,
    };
  });
}
