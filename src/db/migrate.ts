import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m001 from "./migrations/001_frameworks.ts";
import * as m002 from "./migrations/002_interop.ts";
import * as m003 from "./migrations/003_accounts.ts";
import * as m004 from "./migrations/004_editions.ts";

/** Migrations are listed here in order; a new one is a new file and a new line. */
const migrations: Record<string, Migration> = {
  "001_frameworks": m001,
  "002_interop": m002,
  "003_accounts": m003,
  "004_editions": m004,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
