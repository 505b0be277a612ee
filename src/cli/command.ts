import type { ParseArgsConfig } from "node:util";

/** Bad arguments: the CLI prints the message and the command's help, and exits with 2. */
export class UsageError extends Error {}

/** A command's options, help and work; its one-line summary lives in main.ts, which lists them all. */
export interface Command {
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  positionals?: boolean;
  /** Returns the exit code; -1 means "keep running" (a server). */
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

/** Every command that opens the database ends its help with this. */
export const ENV_NOTE = "Environment: DATABASE_URL (postgres://… or a SQLite file path; default ./data/skillshelf.db).";
