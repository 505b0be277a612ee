/**
 * The daily retention job: each server process checks every hour (and once at start) whether
 * today's purge has run, and runs it if not. With several processes on one database only one runs
 * it each day: a process claims the day by moving the `retention.day` row of the meta table from an
 * earlier day to today in one conditional UPDATE; the database lets exactly one such update change
 * the row, and the others see zero rows changed and leave it. A purge that fails is logged, and the
 * day released so the next check tries again.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Logger } from "../../log.ts";
import { type PurgeReport, purge } from "./retention.ts";

const CLAIM_KEY = "retention.day";
const HOUR_MS = 60 * 60 * 1000;

export interface RetentionJob {
  /** Checks now: runs today's purge if no process has claimed today yet. Resolves to its report, if it ran. */
  tick(): Promise<PurgeReport | undefined>;
  /** Stops checking; resolves once a purge in progress has finished. */
  stop(): Promise<void>;
}

/** Whether this process won today's run. */
export async function claimDay(db: Kysely<DB>, day: string): Promise<boolean> {
  await db
    .insertInto("meta")
    .values({ key: CLAIM_KEY, value: "" })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const result = await db
    .updateTable("meta")
    .set({ value: day })
    .where("key", "=", CLAIM_KEY)
    .where("value", "<", day)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function releaseDay(db: Kysely<DB>, day: string): Promise<void> {
  await db.updateTable("meta").set({ value: "" }).where("key", "=", CLAIM_KEY).where("value", "=", day).execute();
}

export function startRetentionJob(deps: {
  db: Kysely<DB>;
  logger: Logger;
  /** The clock (tests move it). */
  now?: () => Date;
  /** How often to check; 0 starts no timer (tests call tick()). */
  intervalMs?: number;
  /** The work itself (tests put a failing one in its place). */
  purge?: typeof purge;
}): RetentionJob {
  const run = deps.purge ?? purge;
  const now = deps.now ?? (() => new Date());
  let running: Promise<PurgeReport | undefined> | undefined;
  const tick = () => {
    running ??= (async () => {
      const at = now();
      const day = at.toISOString().slice(0, 10);
      if (!(await claimDay(deps.db, day))) return undefined;
      try {
        const report = await run(deps.db, { dryRun: false, now: at });
        deps.logger.info(
          {
            day,
            people: report.totals.people,
            accessLogEntries: report.totals.accessLogEntries,
            changeRecords: report.totals.changeRecords,
            assessments: report.totals.assessments,
          },
          "retention: daily purge done",
        );
        return report;
      } catch (error) {
        await releaseDay(deps.db, day).catch(() => {});
        throw error;
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const intervalMs = deps.intervalMs ?? HOUR_MS;
  const check = () =>
    tick().catch((error) => deps.logger.error({ err: error }, "retention: daily purge failed; will try again"));
  let timer: NodeJS.Timeout | undefined;
  if (intervalMs > 0) {
    void check();
    timer = setInterval(check, intervalMs);
    timer.unref();
  }
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
