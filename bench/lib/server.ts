/** The real Skillshelf server under production settings, as the benchmarks start it. */

import { AREA_PAGE_PATH } from "./area-page-path.ts";
import type { BenchContext } from "./figures.ts";
import { type Spawned, spawnNode, waitFor200 } from "./process.ts";
import { startNodeFlags } from "./start-flags.ts";

export { AREA_PAGE_PATH };

/**
 * Node flags for the server: those `npm start` gives it (package.json), unless
 * BENCH_SERVER_NODE_ARGS is set (to measure another heap setting; empty: none).
 */
export const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? startNodeFlags().join(" "))
  .split(/\s+/)
  .filter(Boolean);

/**
 * The compiled server (dist/cli.js, built by bench/run.ts before any group runs), started with
 * plain node and the node flags of `npm start`, minus the launcher's staleness check.
 */
export function startSkillshelf(
  context: BenchContext,
  extraEnv: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = SERVER_NODE_ARGS,
): Promise<Spawned> {
  return spawnNode({
    cwd: context.root,
    script: "dist/cli.js",
    nodeArgs,
    args: ["serve"],
    env: { NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: context.databaseUrl, ...extraEnv },
  });
}

/** Starts the server and waits for the area page; returns the process and spawn → first 200 in ms. */
export async function startSkillshelfReady(
  context: BenchContext,
  extraEnv: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = SERVER_NODE_ARGS,
) {
  const server = await startSkillshelf(context, extraEnv, nodeArgs);
  try {
    const readyMs = await waitFor200(server, `${server.origin}${AREA_PAGE_PATH}`);
    return { server, readyMs };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
