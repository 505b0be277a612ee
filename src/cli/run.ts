/**
 * `skillshelf <command>` as a function: the command table, the help, argument parsing and exit codes
 * (0 ok, 1 failure, 2 usage; -1 for a command that keeps running, the server). main.ts runs it for
 * the process; tests call it in-process (test/support/cli.ts), which spares each call a start-up.
 *
 * This module stays small on purpose: `skillshelf --help` loads nothing else, and each command's
 * code (the server, the database driver, the parsers) loads only when that command runs.
 */
import { parseArgs } from "node:util";
import { type Command, terminal, UsageError } from "./command.ts";

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: { summary: "start the web server", load: async () => (await import("./commands.ts")).commands.serve },
  migrate: {
    summary: "create or upgrade the database schema",
    load: async () => (await import("./commands.ts")).commands.migrate,
  },
  "load-starter": {
    summary: "load the starter framework (--replace to reload it)",
    load: async () => (await import("./commands.ts")).commands["load-starter"],
  },
  "create-admin": {
    summary: "create an administrator account (asks for the password)",
    load: async () => (await import("./commands.ts")).commands["create-admin"],
  },
  // Interoperability (src/cli/interop-commands.ts, export-command.ts): CASE, spreadsheets, pasted text.
  import: {
    summary: "import a framework from CASE JSON, XLSX, CSV or pasted text",
    load: async () => (await import("./interop-commands.ts")).importCommand,
  },
  export: {
    summary: "export a framework (--format case|json|xlsx|csv)",
    load: async () => (await import("./export-command.ts")).exportCommand,
  },
  // Organisations and people (src/cli/people-commands.ts).
  people: {
    summary: "people import FILE --org SLUG: import an organisation's staff (CSV, XLSX)",
    load: async () => (await import("./people-commands.ts")).peopleCommand,
  },
  // Privacy (src/cli/privacy-commands.ts).
  purge: {
    summary: "apply each organisation's retention now (--dry-run reports only)",
    load: async () => (await import("./privacy-commands.ts")).purgeCommand,
  },
  // Review cycles (src/cli/reminder-command.ts).
  reminders: {
    summary: "send the review cycles' reminders due now (--now ISO to pick the moment)",
    load: async () => (await import("./reminder-command.ts")).remindersCommand,
  },
  // Organisations (src/cli/org-command.ts).
  org: {
    summary: "create or list organisations (library systems)",
    load: async () => (await import("./org-command.ts")).orgCommand,
  },
  // Operations (src/cli/ops-commands.ts).
  backup: {
    summary: "copy the database to a file (SQLite, while the server runs)",
    load: async () => (await import("./ops-commands.ts")).backupCommand,
  },
  restore: {
    summary: "replace the database with a backup (the server stopped)",
    load: async () => (await import("./ops-commands.ts")).restoreCommand,
  },
};

const HELP = `Usage: skillshelf <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(14)}${command.summary}`)
  .join("\n")}

Run "skillshelf <command> --help" for a command's options.
Configuration comes from the environment: PORT, DATABASE_URL, LOG_LEVEL, BASE_URL (the README lists every setting).`;

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    terminal.console.log(HELP);
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    terminal.console.error(`skillshelf: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  const command = await entry.load();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    terminal.console.error(`skillshelf ${name}: ${(error as Error).message}\n\n${command.help}`);
    return 2;
  }
  if (parsed.values.help) {
    terminal.console.log(command.help);
    return 0;
  }
  try {
    return await command.run(parsed.values, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.console.error(`skillshelf ${name}: ${error.message}\n\n${command.help}`);
      return 2;
    }
    terminal.console.error(`skillshelf ${name}: ${(error as Error).message}`);
    return 1;
  }
}
