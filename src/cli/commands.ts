import { CreateAdminUsageError, createAdministrator, prepareAdministrator } from "../auth/create-admin.ts";
import { readConfig } from "../config.ts";
import { loadStarterFramework } from "../content/load-starter.ts";
import { ContentError } from "../content/starter.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { type Command, ENV_NOTE, UsageError } from "./command.ts";
import { askNewPasswordTwice } from "./hidden-prompt.ts";

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
    help: `Usage: skillshelf serve [--workers N]

Starts the web server. On first start the database is created, migrated and loaded with the
starter framework. SIGTERM stops it gracefully: requests in flight finish first.
  --workers N   run N server processes sharing the port (node:cluster), "auto" for one per core;
                a worker that dies is replaced, SIGTERM stops them all. More than one needs
                PostgreSQL: SQLite serves one process, and a second server on the same SQLite
                file refuses to start.
Environment: PORT (default 3000), DATABASE_URL, LOG_LEVEL, BASE_URL; METRICS=1 or METRICS_TOKEN
serve /metrics (the README lists every setting).`,
    options: { workers: { type: "string" } },
    async run(values) {
      const { startServer } = await import("../server.ts");
      if (typeof values.workers === "string") {
        // Several processes (src/cli/cluster.ts, decision 020).
        const { parseWorkers, serveWithWorkers } = await import("./cluster.ts");
        await serveWithWorkers(readConfig(), parseWorkers(values.workers), startServer);
        return -1;
      }
      await startServer(readConfig());
      return -1;
    },
  },

  migrate: {
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
    help: `Usage: skillshelf create-admin --email ADDRESS [--name NAME]
       … | skillshelf create-admin --email ADDRESS --password-stdin [--name NAME]

Creates an administrator who can then sign in at /en/sign-in and create other accounts.
At a terminal the password is asked for twice and not shown. In a script, pipe it in with
--password-stdin. It needs at least 12 characters and must not be a common or easily guessed
password, nor contain the address or the name.
  --email ADDRESS    the administrator's email address (used to sign in)
  --password-stdin   read the password from standard input (when it is not a terminal)
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
        const request = await prepareAdministrator(options, process.stdin, () =>
          askNewPasswordTwice(process.stdin, process.stderr),
        );
        console.log(await withDatabase((db) => createAdministrator(db, request)));
        return 0;
      } catch (error) {
        if (error instanceof CreateAdminUsageError) throw new UsageError(error.message);
        throw error;
      }
    },
  },
};
