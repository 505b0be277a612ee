import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { startReminderJob } from "./assessments/reminders/job.ts";
import { boot } from "./boot.ts";
import type { Config } from "./config.ts";
import { isPostgresUrl } from "./db/connect.ts";
import { lockSqliteForServer } from "./db/sqlite-lock.ts";
import { createMailer } from "./mail/mailer.ts";
import type { Lifecycle } from "./ops/health.ts";
import { startQuietCollector } from "./ops/heap.ts";
import { startRetentionJob } from "./people/privacy/retention-job.ts";

/** Requests still running this long after SIGTERM are cut off: an orchestrator's own grace period is ~30 s. */
const SHUTDOWN_GRACE_MS = 25_000;

export interface RunningServer {
  port: number;
  /** Stops accepting, lets requests in flight finish, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server; resolves once it listens. SIGTERM or SIGINT shut it down gracefully:
 * /readyz answers 503 from then on, no new connection is accepted, idle keep-alive connections are
 * closed, requests in flight finish (for at most SHUTDOWN_GRACE_MS), then the database pool closes
 * and the process exits. One process, one server: `--workers N` runs this in each worker.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const lifecycle: Lifecycle = { draining: false };
  // SQLite serves one server process; a second one on the same file refuses here (decision 020).
  const lock =
    isPostgresUrl(config.databaseUrl) || config.databaseUrl === ":memory:"
      ? undefined
      : lockSqliteForServer(config.databaseUrl);
  const runtime = await boot(config, { lifecycle }).catch((error) => {
    lock?.release();
    throw error;
  });
  // Each organisation's retention, applied once a day by whichever process claims the day first.
  const retention = startRetentionJob({ db: runtime.database.db, logger: runtime.logger });
  // Review cycles' reminders, when mail is configured; every process may run it, each message goes once.
  const reminders = startReminderJob({
    db: runtime.database.db,
    mailer: createMailer(config.mail, runtime.logger),
    baseUrl: config.baseUrl,
    logger: runtime.logger,
    intervalMs: config.reminders.everyMinutes * 60_000,
    policy: { daysBefore: config.reminders.daysBefore },
    timeZone: config.timeZone,
  });
  // A quiet server gives back what a big page, an export or a rebuild left on its heap (decision 039).
  const stopCollector = startQuietCollector();
  return new Promise((resolve) => {
    const server = serve({ fetch: runtime.app.fetch, port: config.port, hostname: process.env.HOST }, (info) => {
      runtime.logger.info(
        { url: `http://localhost:${info.port}`, database: runtime.database.dialect },
        "Skillshelf is listening",
      );
      let stopping: Promise<void> | undefined;
      const stop = () => {
        stopping ??= (async () => {
          lifecycle.draining = true;
          stopCollector();
          await retention.stop();
          await reminders.stop();
          await closeGracefully(server as Server, SHUTDOWN_GRACE_MS);
          await runtime.close();
          lock?.release();
        })();
        return stopping;
      };
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          runtime.logger.info({ signal }, "shutting down: finishing requests in flight");
          stop().then(
            () => {
              runtime.logger.info("stopped");
              process.exit(0);
            },
            (error) => {
              runtime.logger.error({ err: error }, "shutdown failed");
              process.exit(1);
            },
          );
        });
      }
      resolve({ port: info.port, stop });
    });
  });
}

/** server.close() stops accepting and waits for open connections; idle keep-alive ones need a push. */
function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((done) => {
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      done();
    });
    server.closeIdleConnections();
  });
}
