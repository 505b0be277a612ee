/**
 * CHECK constraints on every enumerated column (decision 015), on both databases, so a value no code
 * knows cannot be stored by any path (a script, another process, a bug). The value lists are frozen
 * here; the code's own lists are tested against the database (test/store/constraints.test.ts), so a
 * new value needs a new migration before it can be written.
 *
 * Existing rows are checked first: a value that differs from a known one only by case or surrounding
 * spaces is corrected; any other unknown value stops the migration, naming the table, the column, the
 * values and how many rows hold them, before anything has changed.
 *
 * PostgreSQL adds a constraint to a table in place. SQLite cannot: each table is rebuilt with its
 * constraint (SQLite's documented procedure: foreign key enforcement off, create the new table, copy,
 * drop, rename, recreate the indexes, check the foreign keys, all in one transaction).
 */
import { type Kysely, PostgresAdapter, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

interface Check {
  table: string;
  column: string;
  values: readonly string[];
}

/** The enumerated columns and their values when this migration was written. */
export const CHECKS: readonly Check[] = [
  { table: "frameworks", column: "status", values: ["draft", "published", "retired"] },
  {
    table: "case_definitions",
    column: "kind",
    values: ["itemType", "subject", "concept", "license", "associationGrouping", "rubric"],
  },
  {
    table: "changes",
    column: "kind",
    values: [
      "create",
      "update",
      "delete",
      "move",
      "reorder",
      "restore",
      "publish",
      "adopt",
      "take",
      "leave",
      "confirm",
    ],
  },
  { table: "adoption_items", column: "decision", values: ["take", "leave", "merge"] },
  { table: "adoption_items", column: "kind", values: ["added", "changed", "removed"] },
  { table: "translation_flags", column: "field", values: ["statement", "description", "title"] },
  { table: "translation_flags", column: "lang", values: ["en", "fr"] },
  { table: "users", column: "role", values: ["administrator", "editor"] },
  {
    table: "security_events",
    column: "kind",
    values: [
      "sign_in.succeeded",
      "sign_in.failed",
      "sign_in.throttled",
      "sign_in.disabled_account",
      "sign_in.second_factor_required",
      "second_factor.succeeded",
      "second_factor.failed",
      "second_factor.throttled",
      "second_factor.enabled",
      "second_factor.disabled",
      "second_factor.codes_renewed",
      "sign_out",
      "sign_out.everywhere",
      "session.ended",
      "password.changed",
      "password.change_failed",
      "password.change_throttled",
      "password.confirm_failed",
      "invitation.issued",
      "invitation.accepted",
      "user.created",
      "user.role_changed",
      "user.disabled",
      "user.enabled",
      "request.refused_cross_site",
    ],
  },
];

const constraintName = (check: Check) => `${check.table}_${check.column}_check`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const condition = (check: Check) => `"${check.column}" in (${check.values.map(literal).join(", ")})`;

const isPostgres = (db: AnyDB) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  const any = db as AnyDB;
  if (isPostgres(any)) {
    // The migrator runs this in a transaction: a refusal below leaves the database as it was.
    await conformExisting(any);
    for (const check of CHECKS)
      await sql
        .raw(`alter table "${check.table}" add constraint "${constraintName(check)}" check (${condition(check)})`)
        .execute(any);
    return;
  }
  await sqliteRebuild(any, async () => {
    await conformExisting(any);
    for (const table of new Set(CHECKS.map((c) => c.table))) {
      const added = CHECKS.filter((c) => c.table === table)
        .map((c) => `constraint "${constraintName(c)}" check (${condition(c)})`)
        .join(", ");
      await rebuildTable(any, table, (create) => `${create.slice(0, -1)}, ${added})`);
    }
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const any = db as AnyDB;
  if (isPostgres(any)) {
    for (const check of CHECKS)
      await sql.raw(`alter table "${check.table}" drop constraint "${constraintName(check)}"`).execute(any);
    return;
  }
  await sqliteRebuild(any, async () => {
    for (const table of new Set(CHECKS.map((c) => c.table)))
      await rebuildTable(any, table, (create) => {
        let without = create;
        for (const check of CHECKS.filter((c) => c.table === table))
          without = without.replace(`, constraint "${constraintName(check)}" check (${condition(check)})`, "");
        return without;
      });
  });
}

/**
 * Corrects values that differ from a known one only by case or spaces; refuses (throws, naming them)
 * any other unknown value. Runs before any constraint is added, inside the same transaction.
 */
async function conformExisting(db: AnyDB): Promise<void> {
  const problems: string[] = [];
  for (const check of CHECKS) {
    const rows = await db
      .selectFrom(check.table)
      .select((eb) => [eb.ref(check.column).as("value"), eb.fn.countAll().as("count")])
      .where(check.column, "not in", check.values)
      .groupBy(check.column)
      .execute();
    for (const row of rows) {
      const value = row.value as string | null;
      const known =
        value === null ? undefined : check.values.find((v) => v.toLowerCase() === value.trim().toLowerCase());
      if (known !== undefined) {
        await db
          .updateTable(check.table)
          .set({ [check.column]: known })
          .where(check.column, "=", value)
          .execute();
      } else {
        problems.push(
          `${check.table}.${check.column} = ${value === null ? "null" : JSON.stringify(value)} (${Number(row.count)} row(s))`,
        );
      }
    }
  }
  if (problems.length > 0)
    throw new Error(
      `Migration 008b: these values are not ones Skillshelf knows, so the database cannot be given its checks: ${problems.join("; ")}. Correct or delete those rows, then migrate again.`,
    );
}

/** Foreign key enforcement off (it cannot change inside a transaction), one transaction, then on again. */
export async function sqliteRebuild(db: AnyDB, run: () => Promise<void>): Promise<void> {
  const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  const enforced = Number(rows[0]?.foreign_keys ?? 0) === 1;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    try {
      await run();
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0)
        throw new Error(`Migration 008b: rebuilding tables broke ${broken.rows.length} foreign key reference(s)`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    if (enforced) await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** Rebuilds one SQLite table with its CREATE statement changed by `change` (rows and indexes kept). */
export async function rebuildTable(db: AnyDB, table: string, change: (create: string) => string): Promise<void> {
  const { rows } = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const create = rows[0]?.sql.trimEnd();
  if (!create?.endsWith(")")) throw new Error(`Migration 008b: cannot read the definition of table ${table}`);
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master
    where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db);
  const temporary = `${table}__rebuilt`;
  const renamed = change(create).replace(/^create table\s+("?)([\w]+)\1/i, `create table "${temporary}"`);
  if (renamed === change(create)) throw new Error(`Migration 008b: unexpected definition of table ${table}`);
  await sql.raw(renamed).execute(db);
  await sql.raw(`insert into "${temporary}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${temporary}" rename to "${table}"`).execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}
