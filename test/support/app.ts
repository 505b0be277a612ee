/** Builds a ready app over a fresh database for in-process tests (`app.request(...)`). */
import { createApp } from "../../src/app.tsx";
import { readConfig } from "../../src/config.ts";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { starterSlug } from "../../src/content/starter-slug.ts";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import type { Lifecycle } from "../../src/ops/health.ts";
import { openPglite } from "./pglite.ts";

export type TestDialect = "sqlite" | "pglite" | "postgres";

/**
 * The databases store tests run on: SQLite and PGlite always; a real PostgreSQL too when
 * TEST_DATABASE_URL is set (CI sets it). TEST_DIALECTS=postgres (a comma list) narrows them, so CI's
 * second pass on PostgreSQL does not repeat the SQLite and PGlite runs.
 */
export function testDialects(): TestDialect[] {
  const available: TestDialect[] = process.env.TEST_DATABASE_URL
    ? ["sqlite", "pglite", "postgres"]
    : ["sqlite", "pglite"];
  const wanted = (process.env.TEST_DIALECTS ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted.length === 0) return available;
  for (const name of wanted) {
    if (!available.includes(name as TestDialect)) {
      throw new Error(`TEST_DIALECTS names "${name}", which is not available here (postgres needs TEST_DATABASE_URL)`);
    }
  }
  return available.filter((dialect) => wanted.includes(dialect));
}

/** A fresh, migrated, empty database. On real PostgreSQL each call gets its own schema. */
export async function openTestDatabase(dialect: TestDialect = "sqlite"): Promise<Database> {
  let database: Database;
  if (dialect === "sqlite") database = await openDatabase(":memory:");
  else if (dialect === "pglite") database = await openPglite();
  else database = await openFreshPostgresSchema(process.env.TEST_DATABASE_URL as string);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close(); // on PostgreSQL this drops the schema, so a failed run leaves nothing behind
    throw error;
  }
  return database;
}

async function openFreshPostgresSchema(url: string): Promise<Database> {
  const { default: pg } = await import("pg");
  const schema = `test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  const separator = url.includes("?") ? "&" : "?";
  const database = await openDatabase(`${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema "${schema}" cascade`);
      await cleanup.end();
    },
  };
}

/** The auth secret of test apps, so test helpers can compute the CSRF token a page would carry. */
export const TEST_AUTH_SECRET = "test-secret-of-at-least-32-characters-for-skillshelf";

export async function makeTestApp(
  options: {
    dialect?: TestDialect;
    starter?: boolean;
    env?: NodeJS.ProcessEnv;
    logger?: Logger;
    lifecycle?: Lifecycle;
  } = {},
) {
  const database = await openTestDatabase(options.dialect ?? "sqlite");
  if (options.starter !== false) await loadStarterFramework(database.db);
  const catalog = createCatalog(database.db, { checkIntervalMs: 0, firstSlug: starterSlug() });
  const config = readConfig({ BETTER_AUTH_SECRET: TEST_AUTH_SECRET, ...options.env });
  const app = createApp({
    config,
    db: database.db,
    catalog,
    logger: options.logger ?? createLogger("silent"),
    poolStats: database.poolStats,
    lifecycle: options.lifecycle,
  });
  return { app, db: database.db, catalog, config, close: () => database.close() };
}

/** A fresh database with no schema at all, for upgrade tests (they migrate it step by step). */
export async function openEmptyDatabase(dialect: TestDialect): Promise<Database> {
  if (dialect === "sqlite") return openDatabase(":memory:");
  if (dialect === "pglite") return openPglite();
  return openFreshPostgresSchema(process.env.TEST_DATABASE_URL as string);
}
