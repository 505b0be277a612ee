/**
 * Process spawn → first 200 on the area page, on a database already created and loaded, against a
 * bare Hono hello-world started the same way (`node --import tsx …`). Starts alternate between the
 * two so both see the same machine; medians are reported.
 */
import { existsSync } from "node:fs";
import type { BenchGroup } from "../lib/figures.ts";
import { spawnTsNode, waitFor200 } from "../lib/process.ts";
import { startSkillshelfReady } from "../lib/server.ts";
import { median } from "../lib/stats.ts";

const STARTS = 5;

async function helloReadyMs(root: string): Promise<number> {
  const hello = await spawnTsNode({ cwd: root, script: "bench/fixtures/hello.ts" });
  try {
    return await waitFor200(hello, `${hello.origin}/`);
  } finally {
    await hello.stop();
  }
}

async function skillshelfReadyMs(context: Parameters<BenchGroup["run"]>[0]): Promise<number> {
  const { server, readyMs } = await startSkillshelfReady(context);
  await server.stop();
  return readyMs;
}

export const coldStart: BenchGroup = {
  id: "cold-start",
  title: "cold start",
  figures: [
    { key: "cold_start_ms", unit: "ms", label: "spawn → first 200 on the area page (warm database)" },
    { key: "hello_cold_start_ms", unit: "ms", label: "spawn → first 200, bare Hono hello-world" },
    { key: "cold_start_ratio", unit: "×", label: "Skillshelf cold start ÷ hello-world", goal: { op: "<=", target: 3 } },
  ],
  async run(context, report) {
    // The database must exist and hold the starter framework already: a first start does that.
    if (!existsSync(context.databaseUrl)) await skillshelfReadyMs(context);
    // One unmeasured start of each warms the OS file cache and tsx's transform cache.
    await skillshelfReadyMs(context);
    await helloReadyMs(context.root);
    const skillshelf: number[] = [];
    const hello: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      skillshelf.push(await skillshelfReadyMs(context));
      hello.push(await helloReadyMs(context.root));
    }
    const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
    console.log(`  Skillshelf starts (ms): ${fmt(skillshelf)}`);
    console.log(`  hello-world starts (ms): ${fmt(hello)}`);
    report("cold_start_ms", median(skillshelf), `median of ${STARTS}`);
    report("hello_cold_start_ms", median(hello), `median of ${STARTS}`);
    report("cold_start_ratio", median(skillshelf) / median(hello));
  },
};
