/** Builds a ready app over a fresh database for in-process tests (`app.request(...)`). */

import SQLite from "better-sqlite3";
import { createApp } from "../../src/app.tsx";
import { readConfig } from "../../src/config.ts";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { starterSlug } from "../../src/content/starter-slug.ts";
import { type Database, openDatabase, sqliteDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { type CatalogOptions, createCatalog } from "../../src/editions/catalog.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import type { Lifecycle } from "../../src/ops/health.ts";
import { openPglite, pgliteDatabase } from "./pglite.ts";

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

/**
 * A fresh, migrated database of its own, empty or with the starter framework loaded. On real
 * PostgreSQL each call gets its own schema.
 *
 * Migrating and loading the starter cost more than most tests, so each process does them once per
 * dialect and kind and copies the result: SQLite from a serialized image, PGlite from a dump of its
 * data folder. Every copy is independent, exactly as migrated (the images are made by the same
 * migrateToLatest and loadStarterFramework a fresh database goes through).
 */
export async function openTestDatabase(
  dialect: TestDialect = "sqlite",
  options: { starter?: boolean } = {},
): Promise<Database> {
  const starter = options.starter === true;
  if (dialect === "sqlite") {
    const image = await template(`sqlite:${starter}`, () => sqliteImage(starter));
    return sqliteDatabase(new SQLite(image));
  }
  if (dialect === "pglite") {
    const dump = await template(`pglite:${starter}`, () => pgliteDump(starter));
    return openPglite({ loadDataDir: dump });
  }
  const database = await openFreshPostgresSchema(process.env.TEST_DATABASE_URL as string);
  try {
    await migrateToLatest(database.db);
    if (starter) await loadStarterFramework(database.db);
  } catch (error) {
    await database.close(); // on PostgreSQL this drops the schema, so a failed run leaves nothing behind
    throw error;
  }
  return database;
}

/**
 * A fresh database that no migration has touched, for the tests of the migrations themselves (an
 * upgrade from an older schema). On real PostgreSQL it is a schema of its own, dropped on close.
 */
export async function openUnmigratedTestDatabase(dialect: TestDialect = "sqlite"): Promise<Database> {
  if (dialect === "sqlite") return openDatabase(":memory:");
  if (dialect === "pglite") return openPglite();
  return openFreshPostgresSchema(process.env.TEST_DATABASE_URL as string);
}

/** Templates made so far in this process; a failed one is forgotten, so the next call tries again. */
const templates = new Map<string, Promise<unknown>>();

function template<T>(key: string, make: () => Promise<T>): Promise<T> {
  let made = templates.get(key) as Promise<T> | undefined;
  if (!made) {
    made = make();
    templates.set(key, made);
    made.catch(() => templates.delete(key));
  }
  return made;
}

async function prepare(database: Database, starter: boolean): Promise<void> {
  await migrateToLatest(database.db);
  if (starter) await loadStarterFramework(database.db);
}

async function sqliteImage(starter: boolean): Promise<Buffer> {
  const sqlite = new SQLite(":memory:");
  const database = sqliteDatabase(sqlite);
  try {
    await prepare(database, starter);
    return sqlite.serialize();
  } finally {
    await database.close();
  }
}

async function pgliteDump(starter: boolean): Promise<Blob> {
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = await PGlite.create();
  const database = pgliteDatabase(pglite);
  try {
    await prepare(database, starter);
    return await pglite.dumpDataDir("none");
  } finally {
    await database.close();
  }
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
    /** Catalog settings beyond the tests' own (a revision check on every read, the starter first). */
    catalog?: CatalogOptions;
  } = {},
) {
  const database = await openTestDatabase(options.dialect ?? "sqlite", { starter: options.starter !== false });
  const catalog = createCatalog(database.db, { checkIntervalMs: 0, firstSlug: starterSlug(), ...options.catalog });
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
