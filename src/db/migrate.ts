import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from "kysely";
import * as m001 from "./migrations/001_frameworks.ts";
import * as m002 from "./migrations/002_interop.ts";
import * as m003 from "./migrations/003_accounts.ts";
import * as m004 from "./migrations/004_editions.ts";
import * as m005 from "./migrations/005_edition_labels.ts";
import * as m006 from "./migrations/006_adoption_tracking.ts";
import * as m007 from "./migrations/007_security.ts";
import * as m008 from "./migrations/008_published_items.ts";
import * as m008b from "./migrations/008b_check_constraints.ts";
import * as m009 from "./migrations/009_several_processes.ts";
import * as m010 from "./migrations/010_people.ts";
import * as m011 from "./migrations/011_invitations_and_sso.ts";
import * as m012 from "./migrations/012_proficiency_scales.ts";
import * as m013 from "./migrations/013_job_profiles.ts";
import * as m015 from "./migrations/015_requirement_reviews.ts";
import * as m016 from "./migrations/016_profile_extras.ts";
import * as m017 from "./migrations/017_assessments.ts";
import * as m018 from "./migrations/018_insights.ts";
import * as m019 from "./migrations/019_cycle_changes.ts";
import * as m023 from "./migrations/023_plan_returns.ts";
import * as m024 from "./migrations/024_profile_code_key.ts";
import * as m025 from "./migrations/025_assessment_due_on.ts";
import * as m026 from "./migrations/026_organisation_time_zone.ts";

/** Migrations are listed here in order; a new one is a new file and a new line. */
export const migrations: Record<string, Migration> = {
  "001_frameworks": m001,
  "002_interop": m002,
  "003_accounts": m003,
  "004_editions": m004,
  "005_edition_labels": m005,
  "006_adoption_tracking": m006,
  "007_security": m007,
  "008_published_items": m008,
  "008b_check_constraints": m008b,
  "009_several_processes": m009,
  "010_people": m010,
  "011_invitations_and_sso": m011,
  "012_proficiency_scales": m012,
  "013_job_profiles": m013,
  "015_requirement_reviews": m015,
  "016_profile_extras": m016,
  "017_assessments": m017,
  "018_insights": m018,
  "019_cycle_changes": m019,
  "023_plan_returns": m023,
  "024_profile_code_key": m024,
  "025_assessment_due_on": m025,
  "026_organisation_time_zone": m026,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  applied: string[];
}

/**
 * On PostgreSQL the migration tables live in the connection's own schema. Without this, Kysely looks
 * for them in every schema it can see, so a second Skillshelf (or a test) in another schema of the
 * same database would skip creating its own and then fail on them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on the schema of their time, not on today's DB interface
export async function migrationSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: as above: any database, whatever version its schema is at
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableSchema: await migrationSchema(db),
    // Numbers are reserved per piece of work, so one may land after a higher one already ran on a
    // database; each migration touches only its own tables and columns, so the order does not matter.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

export interface MigrationStatus {
  /** Migrations this code has that the database has not run yet. */
  pending: string[];
  /** Migrations the database has run that this code does not know: it was made by a newer version. */
  unknown: string[];
}

/** Where the database's schema stands against this code's migrations (one small query). */
// biome-ignore lint/suspicious/noExplicitAny: as above: any database, whatever version its schema is at
export async function migrationStatus(db: Kysely<any>): Promise<MigrationStatus> {
  const schema = await migrationSchema(db);
  let executed: string[];
  try {
    const rows = await (schema ? db.withSchema(schema) : db).selectFrom("kysely_migration").select("name").execute();
    executed = rows.map((row: { name: string }) => row.name);
  } catch (error) {
    // No migration table yet: nothing has run. Any other failure (the database unreachable) is thrown.
    const { code, message } = error as { code?: string; message?: string };
    if (code !== "42P01" && !/no such table/i.test(message ?? "")) throw error;
    executed = [];
  }
  const known = Object.keys(migrations);
  return {
    pending: known.filter((name) => !executed.includes(name)),
    unknown: executed.filter((name) => !known.includes(name)),
  };
}
