/** `skillshelf <command>`: serve, migrate, load-starter, export. Exit codes: 0 ok, 1 failure, 2 usage. */
import { parseArgs } from "node:util";
import { UsageError } from "./command.ts";
import { commands } from "./commands.ts";

const HELP = `Usage: skillshelf <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(14)}${command.summary}`)
  .join("\n")}

Run "skillshelf <command> --help" for a command's options.
Configuration comes from the environment: PORT, DATABASE_URL, LOG_LEVEL, BASE_URL.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`skillshelf: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
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
