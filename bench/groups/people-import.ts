/**
 * The staff import at a large library system's size: 5,000 staff in 300 units (a manager line five
 * levels deep), from the CSV bytes an HR system exports to the committed transaction — reading,
 * mapping, checks, the plan and the writes with their change records (src/people/staff-import).
 * Median of 3 imports, each into a fresh organisation of the same database. On SQLite always; on
 * PostgreSQL too when BENCH_DATABASE_URL is set (a schema of its own, dropped afterwards).
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { importStaff } from "../../src/people/staff-import/apply.ts";
import { guessMapping } from "../../src/people/staff-import/columns.ts";
import { readStaffFile } from "../../src/people/staff-import/read.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { freshSchema } from "../lib/pg-schema.ts";
import { median } from "../lib/stats.ts";

const STAFF = 5000;
const UNITS = 300;
const RUNS = 3;

/** The CSV: a chief, then each person managed by someone earlier (a tree about five levels deep). */
export function staffCsv(staff = STAFF, units = UNITS): Uint8Array {
  const lines = [
    "Employee Number;First Name;Last Name;Work Email;Department;Manager Employee #;Status;Status Date;Language",
  ];
  for (let i = 0; i < staff; i++) {
    const manager = i === 0 ? "" : String(100000 + Math.floor((i - 1) / 6));
    lines.push(
      [
        100000 + i,
        `Given${i}`,
        `Family-é${i}`,
        `person${i}@library.example`,
        `Unit ${i % units}`,
        manager,
        i % 50 === 0 ? "En congé" : "Active",
        i % 50 === 0 ? "15/03/2025" : "",
        i % 3 === 0 ? "Français" : "English",
      ].join(";"),
    );
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

async function organisationWithUnits(db: Kysely<DB>, run: number): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await db
    .insertInto("organisations")
    .values({
      id,
      slug: `bench-${run}-${id.slice(0, 8)}`,
      name_en: "Bench",
      name_fr: "Banc",
      default_lang: "en",
      settings: "{}",
      created_at: at,
      updated_at: at,
    })
    .execute();
  const units = Array.from({ length: UNITS }, (_, i) => ({
    id: randomUUID(),
    organisation_id: id,
    parent_id: null,
    name_en: `Unit ${i}`,
    name_fr: `Unité ${i}`,
    ordinal: i,
    head_person_id: null,
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < units.length; i += 100)
    await db
      .insertInto("units")
      .values(units.slice(i, i + 100))
      .execute();
  return id;
}

async function measure(databaseUrl: string): Promise<{ seconds: number; again: number }> {
  const database = await openDatabase(databaseUrl);
  try {
    await migrateToLatest(database.db);
    const bytes = staffCsv();
    const seconds: number[] = [];
    let again = Number.NaN;
    for (let run = 0; run < RUNS; run++) {
      const organisationId = await organisationWithUnits(database.db, run);
      const importOnce = async () => {
        const started = performance.now();
        const table = await readStaffFile(bytes);
        const result = await importStaff(database.db, {
          organisationId,
          table,
          mapping: guessMapping(table.headers),
          markMissingAsLeft: false,
          createUnits: false,
          actor: { id: null, label: "bench" },
          dryRun: false,
        });
        const elapsed = (performance.now() - started) / 1000;
        if (result.plan.errors.length > 0)
          throw new Error(`the bench file has errors: ${JSON.stringify(result.plan.errors.slice(0, 3))}`);
        return { elapsed, result };
      };
      const first = await importOnce();
      if (first.result.plan.counts.creates !== STAFF)
        throw new Error(`created ${first.result.plan.counts.creates}, not ${STAFF}`);
      seconds.push(first.elapsed);
      // The same file again: everything is read and compared, nothing is written.
      if (run === 0) again = (await importOnce()).elapsed;
    }
    return { seconds: median(seconds), again };
  } finally {
    await database.close();
  }
}

export const peopleImportBench: BenchGroup = {
  id: "people-import",
  title: "staff import: 5,000 staff in 300 units, CSV to committed transaction",
  figures: [
    {
      key: "people_import_s",
      unit: "s",
      label: "import 5,000 staff in 300 units (SQLite, median of 3)",
      goal: { op: "<=", target: 5 },
    },
    { key: "people_reimport_s", unit: "s", label: "the same file again, nothing to change (SQLite)" },
    {
      key: "people_import_pg_s",
      unit: "s",
      label: "import 5,000 staff in 300 units (PostgreSQL, median of 3)",
      goal: { op: "<=", target: 5 },
    },
  ],
  async run(context, report) {
    const sqlite = await measure(join(context.tmp, "people-import.db"));
    report("people_import_s", sqlite.seconds, `median of ${RUNS}`);
    report("people_reimport_s", sqlite.again);
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) {
      console.log("  people_import_pg_s skipped: set BENCH_DATABASE_URL to measure it on PostgreSQL");
      return;
    }
    const schema = await freshSchema(url, "people");
    try {
      const pg = await measure(schema.url);
      report("people_import_pg_s", pg.seconds, `median of ${RUNS}`);
    } finally {
      await schema.drop();
    }
  },
};
