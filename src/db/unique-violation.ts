/**
 * Recognises the error a database raises when an insert or update would break a unique constraint.
 *
 * A check-then-insert inside a transaction is not enough under PostgreSQL's read-committed
 * isolation: two requests can both find nothing and both insert, and the second one fails on the
 * constraint. Callers catch that failure here and answer as the check would have (a clear 409, never
 * a 500). SQLite serialises writers, but a second process on the same file can still meet the
 * constraint, so both spellings are recognised.
 */
export interface UniqueKey {
  /** The constraint's name in PostgreSQL, e.g. `users_email_key`. */
  postgres: string;
  /** What SQLite names after "UNIQUE constraint failed: ": `table.column` or `index 'name'`. */
  sqlite: string;
}

export function isUniqueViolation(error: unknown, key: UniqueKey): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === "23505") return constraint === key.postgres;
  return typeof message === "string" && message.includes(`UNIQUE constraint failed: ${key.sqlite}`);
}
