import { Kysely, PostgresDialect } from "kysely";
import type { Database } from "../../src/db/connect.ts";
import type { DB } from "../../src/db/schema.ts";

/**
 * An in-process PostgreSQL (PGlite) behind Kysely's own PostgresDialect, so unit tests exercise the
 * same SQL the pg driver gets in production. It lives with the tests because PGlite is a dev
 * dependency: nothing under src/ may need it.
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
