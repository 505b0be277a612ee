/**
 * `skillshelf serve --workers N` (decision 020): a primary process prepares the database once
 * (migrations, the starter framework), then forks N workers that share the port (node:cluster), each
 * a whole server with its own caches kept fresh by the change bus. A worker that dies is replaced,
 * but not forever: too many deaths in a minute mean something is wrong, and the primary stops. On
 * SIGTERM or SIGINT the primary asks every worker to finish its requests and stop, then exits.
 * SQLite serves one process, so more than one worker needs PostgreSQL.
 */
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import type { Config } from "../config.ts";
import { loadStarterFramework } from "../content/load-starter.ts";
import { isPostgresUrl, openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { listFrameworks } from "../frameworks/store.ts";
import { createLogger, type Logger } from "../log.ts";
import { UsageError } from "./command.ts";

export const MAX_WORKERS = 64;
/** More worker deaths than this within RESTART_WINDOW_MS and the primary gives up. */
export const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** How long stopping workers get to finish their requests before they are killed. */
const STOP_GRACE_MS = 30_000;

/** `--workers` as typed: a whole number from 1 to 64, or "auto" for one per core. */
export function parseWorkers(text: string): number {
  if (text === "auto") return Math.min(availableParallelism(), MAX_WORKERS);
  const n = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new UsageError(`--workers must be a whole number from 1 to ${MAX_WORKERS}, or "auto" (got "${text}")`);
  return n;
}

/** Why a number of workers cannot run on this database, or undefined when it can. */
export function workersRefusal(databaseUrl: string, workers: number): string | undefined {
  if (workers > 1 && !isPostgresUrl(databaseUrl))
    return `--workers ${workers}: SQLite serves one process only; several workers need PostgreSQL (DATABASE_URL=postgres://…)`;
  return undefined;
}

/** Migrations and the starter framework, once, before any worker starts (workers would race). */
async function prepareDatabase(config: Config, logger: Logger): Promise<void> {
  const database = await openDatabase(config.databaseUrl, { poolMax: config.databasePoolMax });
  try {
    const { applied } = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, "database migrated");
    if ((await listFrameworks(database.db)).length === 0) {
      const result = await loadStarterFramework(database.db);
      logger.info({ slug: result.slug, items: result.items }, "starter framework loaded");
    }
  } finally {
    await database.close();
  }
}

/** Runs the primary in the primary process and a server in each worker. Resolves once started. */
export async function serveWithWorkers(
  config: Config,
  workers: number,
  startServer: (config: Config) => Promise<unknown>,
): Promise<void> {
  if (!cluster.isPrimary) {
    await startServer(config);
    return;
  }
  const refusal = workersRefusal(config.databaseUrl, workers);
  if (refusal) throw new UsageError(refusal);
  const logger = createLogger(config.logLevel);
  await prepareDatabase(config, logger);
  runPrimary(workers, logger);
}

function runPrimary(count: number, logger: Logger): void {
  let stopping = false;
  let announced = false;
  const deaths: number[] = [];

  const fork = () => {
    const worker = cluster.fork();
    logger.info({ worker: worker.id, pid: worker.process.pid }, "worker started");
    return worker;
  };

  cluster.on("listening", (_worker, address) => {
    if (announced) return;
    announced = true;
    logger.info(
      { url: `http://localhost:${address.port}`, workers: count, pid: process.pid },
      "Skillshelf workers are listening",
    );
  });

  cluster.on("exit", (worker: Worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && (deaths[0] as number) < now - RESTART_WINDOW_MS) deaths.shift();
    if (deaths.length > MAX_RESTARTS) {
      logger.fatal(
        { worker: worker.id, pid: worker.process.pid, code, signal, deaths: deaths.length },
        "workers keep dying; stopping (see the errors above)",
      );
      stop(1);
      return;
    }
    logger.error({ worker: worker.id, pid: worker.process.pid, code, signal }, "worker died; starting another");
    fork();
  });

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    // Each worker's own SIGTERM handler stops accepting, finishes its requests and closes its pool.
    for (const worker of alive) worker.process.kill("SIGTERM");
    const deadline = setTimeout(() => {
      for (const worker of alive) if (!worker.isDead()) worker.process.kill("SIGKILL");
    }, STOP_GRACE_MS);
    deadline.unref();
    const check = () => {
      if (alive.every((w) => w.isDead())) {
        clearTimeout(deadline);
        logger.info({ exitCode }, "all workers stopped");
        process.exit(exitCode);
      }
    };
    cluster.on("exit", check);
    check();
  };

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "stopping workers");
      stop(0);
    });
  }
  for (let i = 0; i < count; i++) fork();
}
