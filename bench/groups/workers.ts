/**
 * What `serve --workers 2` buys over `--workers 1` on PostgreSQL (decision 020): area page requests
 * per second through each, both running over one fresh schema, measured in alternating rounds so a
 * noisy neighbour hurts both alike; the median of the paired ratios is reported. The load generator
 * runs on the same machine and takes a core of its own, so on a 2-core machine the ratio says more
 * about overhead than about scaling. Without a PostgreSQL URL (BENCH_DATABASE_URL or
 * TEST_DATABASE_URL) it says so and measures nothing: several workers need PostgreSQL.
 */
import { availableParallelism } from "node:os";
import type { BenchGroup } from "../lib/figures.ts";
import { CONNECTIONS, load } from "../lib/load.ts";
import { freshSchema } from "../lib/pg-schema.ts";
import { type Spawned, spawnNode, waitFor200 } from "../lib/process.ts";
import { AREA_PAGE_PATH } from "../lib/server.ts";
import { median } from "../lib/stats.ts";

const WARM_UP_SECONDS = 1;
const RUN_SECONDS = 3;
const ROUNDS = 3;

export const workersBench: BenchGroup = {
  id: "workers",
  title: "serve --workers 2 ÷ --workers 1 on PostgreSQL",
  figures: [
    { key: "workers_ratio", unit: "×", label: "area page req/s, --workers 2 ÷ --workers 1 (PostgreSQL)" },
    { key: "workers_1_rps", unit: "req/s", label: "area page req/s with --workers 1 (PostgreSQL)" },
    { key: "workers_2_rps", unit: "req/s", label: "area page req/s with --workers 2 (PostgreSQL)" },
  ],
  async run(context, report) {
    const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    if (!url) {
      console.log(
        "  skipped: no PostgreSQL configured (set BENCH_DATABASE_URL or TEST_DATABASE_URL); SQLite serves one process",
      );
      return;
    }
    const schema = await freshSchema(url, "workers");
    const servers: Spawned[] = [];
    try {
      const start = async (workers: number) => {
        // The compiled server, as the other groups start it (bench/run.ts builds it first).
        const server = await spawnNode({
          cwd: context.root,
          script: "dist/cli.js",
          args: ["serve", "--workers", String(workers)],
          env: { NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: schema.url },
        });
        servers.push(server);
        await waitFor200(server, `${server.origin}${AREA_PAGE_PATH}`);
        return `${server.origin}${AREA_PAGE_PATH}`;
      };
      // One after the other: the first start creates the schema and loads the starter.
      const one = await start(1);
      const two = await start(2);
      console.log(
        `  ${AREA_PAGE_PATH}; ${CONNECTIONS} connections, ${ROUNDS}×${RUN_SECONDS} s each, alternating; ${availableParallelism()} CPUs shared with the load generator`,
      );
      await load(one, WARM_UP_SECONDS);
      await load(two, WARM_UP_SECONDS);
      const ones: number[] = [];
      const twos: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const a = await load(one, RUN_SECONDS);
        const b = await load(two, RUN_SECONDS);
        ones.push(a.requestsPerSecond);
        twos.push(b.requestsPerSecond);
        console.log(
          `  round ${round}: --workers 1 ${a.requestsPerSecond.toFixed(0)} req/s, --workers 2 ${b.requestsPerSecond.toFixed(0)} req/s, ratio ${(b.requestsPerSecond / a.requestsPerSecond).toFixed(3)}`,
        );
      }
      report("workers_ratio", median(twos.map((b, i) => b / (ones[i] as number))), `median of ${ROUNDS} paired rounds`);
      report("workers_1_rps", median(ones));
      report("workers_2_rps", median(twos));
    } finally {
      for (const server of servers) await server.stop();
      await schema.drop();
    }
  },
};
