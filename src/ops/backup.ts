/**
 * Backing up and restoring a SQLite database (`skillshelf backup`, `skillshelf restore`). PostgreSQL
 * has its own tools for this (pg_dump, pg_restore: see the README), which the commands point to.
 *
 * A backup is SQLite's online backup: a consistent copy taken while the server keeps serving and
 * writing. A restore replaces the whole database with a backup, in one transaction on the database
 * file, and only when nothing else has it open: a running server would go on serving what it had
 * cached from the database it no longer has. A backup made by an older version is migrated on the
 * way in; one made by a newer version (migrations this code does not know) is refused.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { isPostgresUrl, openDatabase } from "../db/connect.ts";
import { migrateToLatest, migrations } from "../db/migrate.ts";

/** A backup or restore that cannot be done; the message says why and what to do. */
export class BackupError extends Error {}

const POSTGRES_HELP =
  'on PostgreSQL, use its own tools (see the README): pg_dump --format=custom --file=FILE "$DATABASE_URL" to back up, ' +
  'pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" FILE to restore';

/** The SQLite file a DATABASE_URL names, or a BackupError for PostgreSQL or an in-memory database. */
export function sqliteFileOf(databaseUrl: string): string {
  if (isPostgresUrl(databaseUrl)) throw new BackupError(POSTGRES_HELP);
  if (databaseUrl === ":memory:" || databaseUrl === "")
    throw new BackupError("an in-memory database has nothing to back up or restore");
  return resolve(databaseUrl);
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
}

/** Opens a file that must be a Skillshelf SQLite database; names the problem otherwise. */
function openSkillshelfFile(path: string, role: string): SQLite.Database {
  if (!existsSync(path)) throw new BackupError(`${role} ${path} does not exist`);
  if (!statSync(path).isFile()) throw new BackupError(`${role} ${path} is not a file`);
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(path, { readonly: true, fileMustExist: true });
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new BackupError(`${role} ${path} is damaged (SQLite's check says: ${String(check)})`);
    const migrations = db
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { n: number };
    if (migrations.n === 0)
      throw new BackupError(`${role} ${path} is not a Skillshelf database (it has no migration table)`);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${role} ${path} is not a SQLite database (${(error as Error).message})`);
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Copies the database to `out` with SQLite's online backup, which sees one consistent state even
 * while the server writes. The copy is written beside `out` and renamed into place when complete,
 * so `out` never holds half a backup. An existing `out` is left alone: pick a new name per backup.
 */
export async function backupDatabase(databaseUrl: string, out: string): Promise<BackupResult> {
  const source = sqliteFileOf(databaseUrl);
  const target = resolve(out);
  if (target === source) throw new BackupError("--out names the database itself: choose another file");
  if (existsSync(target)) throw new BackupError(`${target} already exists: choose a new name, or remove it first`);
  const db = openSkillshelfFile(source, "the database");
  const partial = `${target}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    await db.backup(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error instanceof BackupError
      ? error
      : new BackupError(`could not write ${target}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  return { file: target, bytes: statSync(target).size };
}

/**
 * True when another connection has the database open (a running server, say). SQLite tells it
 * itself: an exclusive lock cannot be had while anyone else holds the file, even idle in WAL mode.
 */
export function databaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const probe = new SQLite(path, { fileMustExist: true, timeout: 250 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("begin exclusive");
    probe.exec("rollback");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    probe.close();
  }
}

export interface RestoreResult {
  database: string;
  /** Migrations run on the restored copy (a backup made by an older version). */
  migrated: string[];
}

/**
 * Replaces the database with the backup `file`. Checked first, in this order: the file is a
 * Skillshelf database in good order, made by this version or an older one, and nothing has the
 * database open. The backup is copied aside and migrated there, then written over the database
 * in one transaction (SQLite's backup, into the live file): a failure at any step leaves the
 * database as it was.
 */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<RestoreResult> {
  const target = sqliteFileOf(databaseUrl);
  const backup = resolve(file);
  if (backup === target) throw new BackupError("the backup file is the database itself");

  const checked = openSkillshelfFile(backup, "the backup");
  const staging = `${target}.restore-${process.pid}`;
  try {
    const names = (checked.prepare("select name from kysely_migration").all() as { name: string }[]).map((r) => r.name);
    const unknown = names.filter((name) => !Object.hasOwn(migrations, name));
    if (unknown.length > 0)
      throw new BackupError(
        `the backup was made by a newer version of Skillshelf (its schema has ${unknown.join(", ")}, unknown here): ` +
          "restore it with that version or a later one",
      );
    if (databaseInUse(target))
      throw new BackupError(
        `${target} is open in another process (a running server?): stop it, run the restore, then start it again`,
      );
    mkdirSync(dirname(target), { recursive: true });
    removeDatabaseFiles(staging);
    await checked.backup(staging);
  } catch (error) {
    removeDatabaseFiles(staging);
    throw error;
  } finally {
    checked.close();
  }

  try {
    const copy = await openDatabase(staging);
    let migrated: string[];
    try {
      migrated = (await migrateToLatest(copy.db)).applied;
    } finally {
      await copy.close();
    }
    const restored = new SQLite(staging, { fileMustExist: true });
    try {
      // Checked again just before writing: a server may have started meanwhile.
      if (databaseInUse(target))
        throw new BackupError(`${target} was opened by another process meanwhile: stop it, then run the restore again`);
      await restored.backup(target);
    } finally {
      restored.close();
    }
    return { database: target, migrated };
  } finally {
    removeDatabaseFiles(staging);
  }
}
