import { createWriteStream } from "node:fs";
import { CreateAdminUsageError, createAdministrator, prepareAdministrator } from "../auth/create-admin.ts";
import { readConfig } from "../config.ts";
import { loadStarterFramework } from "../content/load-starter.ts";
import { ContentError } from "../content/starter.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { buildFrameworkView } from "../frameworks/catalog.ts";
import { frameworkJson } from "../frameworks/json.ts";
import { findFrameworkBySlug, listFrameworks } from "../frameworks/store.ts";
import { startServer } from "../server.ts";
import { type Command, UsageError } from "./command.ts";

const ENV_NOTE = "Environment: DATABASE_URL (postgres://… or a SQLite file path; default ./data/skillshelf.db).";

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  const config = readConfig();
  const database = await openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

export const commands: Record<string, Command> = {
  serve: {
    summary: "start the web server",
    help: `Usage: skillshelf serve

Starts the web server. On first start the database is created, migrated and loaded with the
starter framework. Environment: PORT (default 3000), DATABASE_URL, LOG_LEVEL, BASE_URL.`,
    options: {},
    async run() {
      await startServer(readConfig());
      return -1;
    },
  },

  migrate: {
    summary: "create or upgrade the database schema",
    help: `Usage: skillshelf migrate\n\nApplies every pending migration and reports which ran.\n${ENV_NOTE}`,
    options: {},
    async run() {
      const config = readConfig();
      const database = await openDatabase(config.databaseUrl);
      try {
        const { applied } = await migrateToLatest(database.db);
        console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
        return 0;
      } finally {
        await database.close();
      }
    },
  },

  "load-starter": {
    summary: "load the starter framework (--replace to reload it)",
    help: `Usage: skillshelf load-starter [--replace]

Validates content/starter and loads it in one transaction.
  --replace   replace the starter framework if it is already loaded
${ENV_NOTE}`,
    options: { replace: { type: "boolean" } },
    async run(values) {
      try {
        const result = await withDatabase((db) => loadStarterFramework(db, { replace: Boolean(values.replace) }));
        if (result.outcome === "present") {
          console.log(`"${result.slug}" is already loaded; use --replace to reload it`);
        } else {
          console.log(`${result.outcome} "${result.slug}": ${result.items} items`);
        }
        return 0;
      } catch (error) {
        if (error instanceof ContentError) {
          console.error(error.message);
          return 1;
        }
        throw error;
      }
    },
  },

  "create-admin": {
    summary: "create an administrator account (password on standard input)",
    help: `Usage: skillshelf create-admin --email ADDRESS --password-stdin [--name NAME]

Creates an administrator who can then sign in at /en/sign-in and create other accounts.
The password is read from standard input, e.g.  printf '%s' "$PASSWORD" | skillshelf create-admin …
It needs at least 12 characters and must not be a common or easily guessed password.
  --email ADDRESS    the administrator's email address (used to sign in)
  --password-stdin   read the password from standard input (required)
  --name NAME        name shown in change histories (default: the start of the address)
Exit codes: 0 created, 1 refused (password rules, address taken), 2 bad arguments.
${ENV_NOTE}`,
    options: { email: { type: "string" }, "password-stdin": { type: "boolean" }, name: { type: "string" } },
    async run(values) {
      const options = {
        email: values.email as string | undefined,
        name: values.name as string | undefined,
        passwordStdin: Boolean(values["password-stdin"]),
      };
      try {
        const request = await prepareAdministrator(options, process.stdin);
        console.log(await withDatabase((db) => createAdministrator(db, request)));
        return 0;
      } catch (error) {
        if (error instanceof CreateAdminUsageError) throw new UsageError(error.message);
        throw error;
      }
    },
  },

  export: {
    summary: "export a framework (--format json)",
    help: `Usage: skillshelf export [--framework SLUG] [--format json] [--out FILE]

Writes a framework as JSON, in the same shape as GET /api/v1/frameworks/:id.
  --framework SLUG   which framework (default: the only one, or the first)
  --format json      output format (json)
  --out FILE         write to FILE instead of standard output
${ENV_NOTE}`,
    options: { framework: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
    async run(values) {
      const format = (values.format as string | undefined) ?? "json";
      if (format !== "json") throw new UsageError(`unsupported format "${format}" (supported: json)`);
      const text = await withDatabase(async (db) => {
        const slug = values.framework as string | undefined;
        const framework = slug ? await findFrameworkBySlug(db, slug) : (await listFrameworks(db))[0];
        if (!framework) throw new Error(slug ? `no framework with slug "${slug}"` : "the database holds no framework");
        return JSON.stringify(frameworkJson(await buildFrameworkView(db, framework)), null, 2);
      });
      if (values.out) {
        await new Promise<void>((resolve, reject) => {
          const stream = createWriteStream(values.out as string);
          stream.on("error", reject);
          stream.end(`${text}\n`, () => resolve());
        });
        console.error(`wrote ${values.out}`);
      } else {
        // Wait until the text is handed to the OS: writes to a pipe are asynchronous, and main()
        // calls process.exit(), which would cut `skillshelf export | jq` off after 128 KiB.
        // A reader that quits early (`| head`) makes it an EPIPE error, reported like any other.
        await new Promise<void>((resolve, reject) => {
          process.stdout.once("error", reject);
          process.stdout.write(`${text}\n`, (error) => (error ? reject(error) : resolve()));
        });
      }
      return 0;
    },
  },
};
