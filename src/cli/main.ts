/**
 * `skillshelf <command>`. Exit codes: 0 ok, 1 failure, 2 usage.
 *
 * This module stays small on purpose: `skillshelf --help` loads nothing else, and each command's
 * code (the server, the database driver, the parsers) loads only when that command runs.
 */
import { parseArgs } from "node:util";
import { type Command, UsageError } from "./command.ts";

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

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    console.error(`skillshelf: unknown command "${name}"\n\n${HELP}`);
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
    console.error(`skillshelf ${name}: ${(error as Error).message}\n\n${command.help}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(parsed.values, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`skillshelf ${name}: ${error.message}\n\n${command.help}`);
      return 2;
    }
    console.error(`skillshelf ${name}: ${(error as Error).message}`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// `serve` keeps running; every other command ends here with its exit code.
if (code !== -1) process.exit(code);
