/**
 * Opening a review cycle at a large library system's size (issue 15): 5,000 people in 300 units,
 * each holding a job profile of 30 competencies — 5,000 assessments, 150,000 assessed competencies
 * and 5,000 history lines written in one transaction (src/assessments/cycles/open.ts). Median of 3
 * openings, each of a fresh organisation in the same database. On SQLite always; on PostgreSQL too
 * when BENCH_DATABASE_URL is set (a schema of its own, dropped afterwards).
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { openCycle } from "../../src/assessments/cycles/open.ts";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { freshSchema } from "../lib/pg-schema.ts";
import { median } from "../lib/stats.ts";

const PEOPLE = 5000;
const UNITS = 300;
const COMPETENCIES = 30;
const RUNS = 3;

export async function inBatches<T extends keyof DB>(db: Kysely<DB>, table: T, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: rows built for this table just below
      .values(rows.slice(i, i + 500) as any)
      .execute();
}

/**
 * The organisation's 300 units and 5,000 people (a manager line ~5 deep: person i reports to person
 * ⌊(i − 1) ÷ 6⌋), written in batches; the people's ids in order. Shared with the insights group.
 */
export async function benchPeople(db: Kysely<DB>, organisationId: string, at: string): Promise<string[]> {
  const units = Array.from({ length: UNITS }, (_, i) => ({
    id: randomUUID(),
    organisation_id: organisationId,
    parent_id: null,
    name_en: `Unit ${i}`,
    name_fr: `Unité ${i}`,
    ordinal: i,
    created_at: at,
    updated_at: at,
  }));
  await inBatches(db, "units", units);
  const ids = Array.from({ length: PEOPLE }, () => randomUUID());
  await inBatches(
    db,
    "people",
    ids.map((id, i) => ({
      id,
      organisation_id: organisationId,
      given_name: `Given${i}`,
      family_name: `Family${i}`,
      employee_number: String(100000 + i),
      unit_id: units[i % UNITS].id,
      manager_id: i === 0 ? null : ids[Math.floor((i - 1) / 6)],
      status: "active",
      preferred_lang: i % 3 === 0 ? "fr" : "en",
      created_at: at,
      updated_at: at,
    })),
  );
  return ids;
}

/** An organisation with its units, people (a manager line ~5 deep), one profile they all hold, and a draft cycle. */
async function organisation(db: Kysely<DB>): Promise<{ organisationId: string; cycleId: string }> {
  const at = new Date().toISOString();
  const organisationId = randomUUID();
  await db
    .insertInto("organisations")
    .values({
      id: organisationId,
      slug: `cycle-${organisationId.slice(0, 8)}`,
      name_en: "Bench",
      name_fr: "Banc",
      default_lang: "en",
      settings: "{}",
      created_at: at,
      updated_at: at,
    })
    .execute();
  const ids = await benchPeople(db, organisationId, at);
  const edition = await db
    .selectFrom("editions")
    .select(["id", "framework_id"])
    .orderBy("number", "desc")
    .executeTakeFirstOrThrow();
  const competencies = await db
    .selectFrom("published_items")
    .select("item_id")
    .where("edition_id", "=", edition.id)
    .where("type_code", "=", "competency")
    .limit(COMPETENCIES)
    .execute();
  if (competencies.length < COMPETENCIES) throw new Error(`the starter has ${competencies.length} competencies`);
  const profileId = randomUUID();
  await db
    .insertInto("job_profiles")
    .values({
      id: profileId,
      organisation_id: organisationId,
      code: "BENCH",
      title_en: "Bench job",
      title_fr: "Poste de banc",
      grade: null,
      summary_en: "",
      summary_fr: "",
      duties: "[]",
      qualifications: "[]",
      working_conditions_en: "",
      working_conditions_fr: "",
      scale_id: DEFAULT_SCALE_ID,
      copied_from: null,
      version: 1,
      created_at: at,
      updated_at: at,
      updated_by: null,
    })
    .execute();
  await inBatches(
    db,
    "job_profile_requirements",
    competencies.map((c, i) => ({
      profile_id: profileId,
      framework_id: edition.framework_id,
      item_id: c.item_id,
      edition_id: edition.id,
      ordinal: i + 1,
      target_level: (i % 5) + 1,
      importance: i % 4 === 0 ? "asset" : "essential",
      ksa_ids: null,
    })),
  );
  await inBatches(
    db,
    "person_positions",
    ids.map((id) => ({ person_id: id, profile_id: profileId, since: null, updated_at: at })),
  );
  const cycleId = randomUUID();
  await db
    .insertInto("review_cycles")
    .values({
      id: cycleId,
      organisation_id: organisationId,
      name_en: "Annual review",
      name_fr: "Bilan annuel",
      period_start: "2027-01-01",
      period_end: "2027-12-31",
      scale_id: DEFAULT_SCALE_ID,
      participants: "{}",
      leaver_rule: "keep",
      state: "draft",
      opened_at: null,
      closed_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
      updated_by: null,
    })
    .execute();
  return { organisationId, cycleId };
}

async function measure(databaseUrl: string): Promise<number> {
  const database = await openDatabase(databaseUrl);
  try {
    await migrateToLatest(database.db);
    await loadStarterFramework(database.db);
    const seconds: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { organisationId, cycleId } = await organisation(database.db);
      const started = performance.now();
      const report = await openCycle(database.db, { organisationId, cycleId, author: { id: null, label: "bench" } });
      seconds.push((performance.now() - started) / 1000);
      if (report.created !== PEOPLE || report.items !== PEOPLE * COMPETENCIES)
        throw new Error(`opened ${report.created} assessments with ${report.items} competencies`);
    }
    return median(seconds);
  } finally {
    await database.close();
  }
}

export const cycleOpenBench: BenchGroup = {
  id: "cycle-open",
  title: "review cycle: open for 5,000 people with 30 competencies each",
  figures: [
    {
      key: "cycle_open_s",
      unit: "s",
      label: "open a cycle: 5,000 assessments × 30 competencies (SQLite, median of 3)",
      goal: { op: "<=", target: 10 },
    },
    {
      key: "cycle_open_pg_s",
      unit: "s",
      label: "open a cycle: 5,000 assessments × 30 competencies (PostgreSQL, median of 3)",
      goal: { op: "<=", target: 10 },
    },
  ],
  async run(context, report) {
    report("cycle_open_s", await measure(join(context.tmp, "cycle-open.db")), `median of ${RUNS}`);
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) {
      console.log("  cycle_open_pg_s skipped: set BENCH_DATABASE_URL to measure it on PostgreSQL");
      return;
    }
    const schema = await freshSchema(url, "cycle");
    try {
      report("cycle_open_pg_s", await measure(schema.url), `median of ${RUNS}`);
    } finally {
      await schema.drop();
    }
  },
};
