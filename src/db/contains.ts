/**
 * "Contains the text as typed", the same on SQLite and PostgreSQL: both sides folded to lower case
 * (SQLite folds ASCII only, so names with other letters match as typed), and LIKE's own characters
 * (%, _ and the escape) taken literally — a search for "50%" finds "50%", not everything.
 */
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";

/** The LIKE pattern for `text` anywhere, with %, _ and \ escaped. */
export const containsPattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `lower(expression)` contains `text`. */
export function containsText(expression: Expression<unknown>, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${expression}) like ${containsPattern(text)} escape '\\'`;
}
