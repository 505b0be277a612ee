import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
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

/** `postgres://…` selects PostgreSQL; anything else is a SQLite file path (or `:memory:`). */
export async function openDatabase(url: string): Promise<Database> {
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, dialect: "postgres", poolStats, close: () => db.destroy() };
  }
  const { default: SQLite } = await import("better-sqlite3");
  if (url !== ":memory:") mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SQLite(url);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  reusePreparedStatements(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", close: () => db.destroy() };
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

/**
 * An in-process PostgreSQL (PGlite) behind Kysely's own PostgresDialect, so unit tests exercise the
 * same SQL the pg driver gets in production. Only for tests: PGlite is a dev dependency.
 */
export async function openPglite(): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = await PGlite.create();
  // PGlite runs one query at a time; Kysely's pool interface needs connect()/query()/release().
  let queue: Promise<unknown> = Promise.resolve();
  const client = {
    query(sqlText: string, parameters: unknown[] = []) {
      const run = queue.then(async () => {
        const result = await pglite.query(sqlText, parameters as unknown[]);
        // Kysely reads numUpdatedRows/numDeletedRows from rowCount only when `command` names the statement.
        const command = /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase() ?? "";
        return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, command };
      });
      queue = run.catch(() => undefined);
      return run;
    },
    release() {},
  };
  let inTransaction: Promise<void> = Promise.resolve();
  const pool = {
    // A transaction holds the single connection until released, like a pool of size one.
    async connect() {
      const previous = inTransaction;
      let release!: () => void;
      inTransaction = new Promise<void>((resolve) => (release = resolve));
      await previous;
      return { ...client, release };
    },
    async end() {
      await pglite.close();
    },
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}
