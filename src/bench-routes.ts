/**
 * Routes that exist only for `npm run bench`, and only when SKILLSHELF_BENCH=1 is set at start.
 *
 * The benchmark compares a real page with the cheapest possible answer of the same size from the same
 * process: the page's own bytes, captured once and then served from memory through the same global
 * middleware. That ratio says how much the page route costs beyond HTTP and the framework itself.
 */
import type { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";

export const BENCH_FLAG = "SKILLSHELF_BENCH";

export function benchRoutesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[BENCH_FLAG] === "1";
}

interface Captured {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * PUT /__bench/static?from=/en/… renders that path in process and keeps its bytes;
 * GET /__bench/static then serves them with the same content type (404 until something is captured).
 * GET /__bench/memory reports this process's memory, to tell heap from code and native memory.
 */
export function mountBenchRoutes(app: Hono<AppEnv>): void {
  let captured: Captured | undefined;

  app.put("/__bench/static", async (c) => {
    const from = c.req.query("from") ?? "";
    if (!from.startsWith("/") || from.startsWith("/__bench"))
      return c.json({ error: "bad_request", message: "from must be an app path" }, 400);
    const response = await app.request(from, {
      headers: { "accept-language": c.req.header("accept-language") ?? "en" },
    });
    if (response.status !== 200) return c.json({ error: "not_captured", status: response.status }, 409);
    captured = {
      bytes: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get("content-type") ?? "application/octet-stream",
    };
    return c.json({ bytes: captured.bytes.byteLength, contentType: captured.contentType });
  });

  app.get("/__bench/static", (c) => {
    if (!captured) return c.notFound();
    return c.body(captured.bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": captured.contentType });
  });

  app.get("/__bench/memory", (c) => c.json(process.memoryUsage()));
}
