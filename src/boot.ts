/** Opening the database and assembling the application, shared by the server, the CLI and tests. */
import { createApp } from "./app.tsx";
import type { Config } from "./config.ts";
import { loadStarterFramework } from "./content/load-starter.ts";
import { starterSlug } from "./content/starter-slug.ts";
import { type ChangeBus, createChangeBus, pgSubscribe } from "./db/changes.ts";
import { type Database, openDatabase } from "./db/connect.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { createCatalog } from "./editions/catalog.ts";
import { listFrameworks } from "./frameworks/store.ts";
import { createLogger, type Logger } from "./log.ts";
import type { Lifecycle } from "./ops/health.ts";
import { collectorAfterRebuilds } from "./ops/heap.ts";

export interface Runtime {
  database: Database;
  app: ReturnType<typeof createApp>;
  logger: Logger;
  /** Changes committed by other processes (PostgreSQL only: decision 020). */
  changes?: ChangeBus;
  close(): Promise<void>;
}

/** Migrates, loads the starter framework into an empty database, and builds the app. */
export async function boot(
  config: Config,
  options: { database?: Database; logger?: Logger; lifecycle?: Lifecycle } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase(config.databaseUrl, { poolMax: config.databasePoolMax }));
  const { applied } = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info({ applied }, "database migrated");
  if ((await listFrameworks(database.db)).length === 0) {
    try {
      const result = await loadStarterFramework(database.db);
      logger.info({ slug: result.slug, items: result.items }, "starter framework loaded");
    } catch (error) {
      // Servers starting together on an empty database: one loads the starter, the others' loads
      // fail whole (one transaction) on its rows, and they go on with it (decision 020).
      if ((await listFrameworks(database.db)).length === 0) throw error;
      logger.info("starter framework loaded by another process");
    }
  }
  // Readers see the starter first (the home page shows the first published framework).
  // Readers keep the current frameworks while a new revision is built (decision 022).
  const catalog = createCatalog(database.db, {
    firstSlug: starterSlug(),
    serveStale: true,
    onBuildError: (error, revision) =>
      logger.error({ err: error, revision }, "rebuilding the published frameworks failed; the previous ones stay"),
    // The revision replaced is garbage now: collect it soon rather than whenever V8 next needs room.
    onLive: collectorAfterRebuilds(),
  });
  // Another process's publish or import reaches this one's pages and search at once (decision 020).
  const changes =
    !options.database && database.dialect === "postgres"
      ? createChangeBus(pgSubscribe(config.databaseUrl), { logger })
      : undefined;
  changes?.onChange(() => catalog.invalidate());
  const app = createApp({
    config,
    db: database.db,
    catalog,
    logger,
    poolStats: database.poolStats,
    lifecycle: options.lifecycle,
  });
  const close = async () => {
    await changes?.close();
    await database.close();
  };
  return { database, app, logger, changes, close };
}
