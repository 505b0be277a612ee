import { Console as NodeConsole } from "node:console";
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

/**
 * Where commands write: the process's own streams, or, while a test runs a command in-process
 * (test/support/cli.ts), the test's. Commands write through this, never through the global
 * `console` or `process.stdout`, so a test can read what they print without touching the streams
 * the test runner itself reports through.
 */
export const terminal = {
  stdout: process.stdout as NodeJS.WriteStream,
  stderr: process.stderr as NodeJS.WriteStream,
  console: globalThis.console as Console,
};

/** Points the commands' output at other streams until the returned function is called. */
export function redirectTerminal(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): () => void {
  const previous = { ...terminal };
  terminal.stdout = stdout;
  terminal.stderr = stderr;
  terminal.console = new NodeConsole({ stdout, stderr });
  return () => Object.assign(terminal, previous);
}
