import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { registerSqliteFile } from "./off-thread-read.ts";
import type { DB } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL's pool counts, for /metrics; absent on SQLite (one connection, no pool). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * `postgres://…` selects PostgreSQL (a pool of at most `poolMax` connections); anything else is a
 * SQLite file path (or `:memory:`).
 */
export async function openDatabase(url: string, options: { poolMax?: number } = {}): Promise<Database> {
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: url, max: options.poolMax ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, dialect: "postgres", poolStats, close: () => db.destroy() };
  }
  const { default: SQLite } = await import("better-sqlite3");
  if (url !== ":memory:") mkdirSync(dirname(url), { recursive: true });
  return sqliteDatabase(new SQLite(url));
}

/**
 * A Database over a SQLite connection already open, with the settings every connection gets (also
 * for a connection opened from a serialized image, `new SQLite(buffer)`, as tests do).
 */
export function sqliteDatabase(sqlite: BetterSqlite3.Database): Database {
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  reusePreparedStatements(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const close = async () => {
    await db.destroy();
    // Kysely closes the connection only if it ever used it: a database opened and closed without a
    // query would stay open (and answer later queries through a new Kysely driver).
    if (sqlite.open) sqlite.close();
  };
  // A file another connection can open: big values can be read off the main thread (off-thread-read.ts).
  if (!sqlite.memory) registerSqliteFile(db, sqlite.name);
  return { db, dialect: "sqlite", close };
}

/**
 * Kysely prepares every query afresh; preparing costs more than running most of ours. The same SQL
 * text gets the same statement back (better-sqlite3 runs one at a time, and SQLite re-prepares a
 * statement itself after a schema change). Bounded: generated SQL (e.g. IN lists) cannot grow it.
 */
function reusePreparedStatements(sqlite: { prepare: (sql: string) => unknown }, max = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, unknown>();
  sqlite.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (statements.size >= max) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };
}
