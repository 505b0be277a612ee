/** Opening the database and assembling the application, shared by the server, the CLI and tests. */
import { createApp } from "./app.tsx";
import type { Config } from "./config.ts";
import { loadStarterFramework } from "./content/load-starter.ts";
import { starterSlug } from "./content/starter-slug.ts";
import { type Database, openDatabase } from "./db/connect.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { createCatalog } from "./editions/catalog.ts";
import { listFrameworks } from "./frameworks/store.ts";
import { createLogger, type Logger } from "./log.ts";
import type { Lifecycle } from "./ops/health.ts";

export interface Runtime {
  database: Database;
  app: ReturnType<typeof createApp>;
  logger: Logger;
  close(): Promise<void>;
}

/** Migrates, loads the starter framework into an empty database, and builds the app. */
export async function boot(
  config: Config,
  options: { database?: Database; logger?: Logger; lifecycle?: Lifecycle } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase(config.databaseUrl));
  const { applied } = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info({ applied }, "database migrated");
  if ((await listFrameworks(database.db)).length === 0) {
    const result = await loadStarterFramework(database.db);
    logger.info({ slug: result.slug, items: result.items }, "starter framework loaded");
  }
  // Readers see the starter first (the home page shows the first published framework).
  const catalog = createCatalog(database.db, { firstSlug: starterSlug() });
  const app = createApp({
    config,
    db: database.db,
    catalog,
    logger,
    poolStats: database.poolStats,
    lifecycle: options.lifecycle,
  });
  return { database, app, logger, close: () => database.close() };
}
