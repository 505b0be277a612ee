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

/**
 * Runs `attempt` (a whole transaction of its own) again while it meets one of `keys`. For a check
 * whose answer is not simply "refused" (a repeated submit finds what the first one made, a slug made
 * from a title moves on to the next free one): PostgreSQL reports the violation only once the other
 * transaction has committed, so the next attempt's check sees its row and answers as it would have
 * without the race. Every violation is another request's committed write, so each try makes
 * progress; the bound only stops a mistake from looping.
 */
export async function againOnUniqueViolation<T>(
  keys: readonly UniqueKey[],
  attempt: () => Promise<T>,
  tries = 10,
): Promise<T> {
  for (let left = tries; ; left--) {
    try {
      return await attempt();
    } catch (error) {
      if (left <= 1 || !keys.some((key) => isUniqueViolation(error, key))) throw error;
    }
  }
}
