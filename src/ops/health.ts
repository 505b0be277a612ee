/**
 * Probes for a proxy or an orchestrator. `/healthz`: the process is up and answering (nothing else is
 * checked, so a slow database never gets a live process restarted). `/readyz`: the database answers
 * and its schema is the one this code expects, and the process is not shutting down; otherwise 503
 * with the reason, so traffic goes elsewhere until it is ready again.
 */
import type { Hono } from "hono";
import { type Kysely, sql } from "kysely";
import type { AppEnv } from "../app-env.ts";
import { migrationStatus } from "../db/migrate.ts";

/** A database that does not answer within this long counts as unreachable. */
const READY_TIMEOUT_MS = 2000;

/** Set by the server when a shutdown starts: /readyz then answers 503 while requests in flight finish. */
export interface Lifecycle {
  draining: boolean;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Why the database is not ready, or undefined when it is. */
// biome-ignore lint/suspicious/noExplicitAny: any database, whatever version its schema is at
export async function databaseNotReady(db: Kysely<any>): Promise<string | undefined> {
  try {
    return await withTimeout(
      (async () => {
        await sql`select 1`.execute(db);
        const status = await migrationStatus(db);
        if (status.unknown.length > 0)
          return `the database schema is newer than this code (unknown migrations: ${status.unknown.join(", ")})`;
        if (status.pending.length > 0) return `migrations pending: ${status.pending.join(", ")}`;
        return undefined;
      })(),
      READY_TIMEOUT_MS,
    );
  } catch (error) {
    return `database unreachable: ${(error as Error).message}`;
  }
}

/** Mounts /healthz and /readyz; mounted before the session and page middleware, which they do not need. */
export function mountHealthRoutes(app: Hono<AppEnv>, lifecycle: Lifecycle): void {
  app.get("/healthz", (c) => {
    c.header("cache-control", "no-store");
    return c.json({ status: "ok" });
  });
  app.get("/readyz", async (c) => {
    c.header("cache-control", "no-store");
    if (lifecycle.draining) return c.json({ status: "unavailable", reason: "shutting down" }, 503);
    const reason = await databaseNotReady(c.var.db);
    return reason ? c.json({ status: "unavailable", reason }, 503) : c.json({ status: "ready" });
  });
}
