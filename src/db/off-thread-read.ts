/**
 * One large value of a SQLite file read by a short-lived worker thread (issue 12). better-sqlite3
 * reads synchronously: a 43 MB value (a 50,000-item edition's CASE data) takes the main thread for
 * 100–200 ms of overflow pages, every reader waiting. The worker opens the file read-only, reads the
 * value as bytes and hands them over without a copy (the ArrayBuffer is transferred).
 *
 * Only for a database opened on a file by `openDatabase` (the registry below), outside a transaction
 * (a worker's connection would not see its writes): anything else answers `undefined`, and so does a
 * worker that fails, so the caller reads as usual. PostgreSQL reads arrive asynchronously already.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Kysely } from "kysely";
import type { DB } from "./schema.ts";

const files = new WeakMap<object, string>();

/** Called by connect.ts for a SQLite database on a file. */
export function registerSqliteFile(db: Kysely<DB>, file: string): void {
  files.set(db, file);
}

// A CommonJS script (an `eval` worker): nothing to bundle beside the server; better-sqlite3 is
// loaded from the path this module resolves, wherever the server runs from.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
try {
  db.pragma("busy_timeout = 5000");
  const row = db.prepare(workerData.sql).raw().get(...workerData.parameters);
  const value = row ? row[0] : null;
  if (value === null || value === undefined) parentPort.postMessage(null);
  else {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value), "utf8");
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    parentPort.postMessage(buffer, [buffer]);
  }
} finally {
  db.close();
}
`;

let modulePath: string | undefined;

/**
 * The first column of the first row `sql` selects, as bytes (null: no row, or NULL), read in a
 * worker; undefined when this database cannot be read so (see above) or the worker failed.
 */
export async function readValueOffThread(
  db: object,
  sql: string,
  parameters: readonly (string | number)[],
): Promise<Buffer | null | undefined> {
  const file = files.get(db);
  if (file === undefined) return undefined;
  try {
    modulePath ??= createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(WORKER, { eval: true, workerData: { module: modulePath, file, sql, parameters } });
    return await new Promise<Buffer | null | undefined>((resolve) => {
      worker.once("message", (value: ArrayBuffer | null) => resolve(value === null ? null : Buffer.from(value)));
      worker.once("error", () => resolve(undefined));
      worker.once("exit", () => resolve(undefined));
    });
  } catch {
    return undefined;
  }
}
