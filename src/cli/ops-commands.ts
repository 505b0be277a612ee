/** `skillshelf backup` and `skillshelf restore` (src/ops/backup.ts does the work). */
import { readConfig } from "../config.ts";
import { BackupError, backupDatabase, restoreDatabase } from "../ops/backup.ts";
import { type Command, UsageError } from "./command.ts";

const POSTGRES_NOTE = `On PostgreSQL (DATABASE_URL=postgres://…) use pg_dump and pg_restore instead: the README
shows both commands.`;

/** Runs a backup step: a BackupError is the user's to fix (exit 1, its message alone). */
async function reporting(work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return 1;
  }
}

export const backupCommand: Command = {
  help: `Usage: skillshelf backup --out FILE

Copies the SQLite database to FILE, a SQLite database itself, with SQLite's online backup: the
server may keep running and writing meanwhile; the copy is consistent. FILE must not exist yet
(date your backups: --out backups/skillshelf-$(date +%F).db).
${POSTGRES_NOTE}
Environment: DATABASE_URL (a SQLite file path; default ./data/skillshelf.db).`,
  options: { out: { type: "string" } },
  run(values) {
    const out = values.out as string | undefined;
    if (!out) throw new UsageError("--out FILE is required");
    return reporting(async () => {
      const result = await backupDatabase(readConfig().databaseUrl, out);
      console.log(`backed up to ${result.file} (${result.bytes} bytes)`);
    });
  },
};

export const restoreCommand: Command = {
  help: `Usage: skillshelf restore FILE

Replaces the whole SQLite database with the backup FILE (made by "skillshelf backup"). Stop the
server first: the restore refuses to run while another process has the database open. A backup
from an older version is migrated as it is restored; one from a newer version is refused. If
anything fails, the database is left as it was.
${POSTGRES_NOTE}
Environment: DATABASE_URL (a SQLite file path; default ./data/skillshelf.db).`,
  options: {},
  positionals: true,
  run(_values, positionals) {
    if (positionals.length !== 1) throw new UsageError("give exactly one backup FILE");
    return reporting(async () => {
      const result = await restoreDatabase(readConfig().databaseUrl, positionals[0]);
      const migrated = result.migrated.length > 0 ? `; migrated: ${result.migrated.join(", ")}` : "";
      console.log(`restored ${positionals[0]} into ${result.database}${migrated}`);
    });
  },
};
