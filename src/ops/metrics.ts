/**
 * `/metrics` in Prometheus's text format (prom-client), for an operator's scraper. Off unless
 * METRICS=1 or METRICS_TOKEN is set; with a token, a scrape must send it as a bearer token.
 *
 * Requests are counted by method, matched route pattern and status, never by raw URL: the number of
 * series stays bounded whatever addresses clients make up. Gauges that need the database or the
 * search index (pool, index size, edition numbers) are read when scraped, not kept up to date.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../app-env.ts";

/** What a scrape reads from the rest of the application (supplied by app.tsx). */
export interface MetricsSources {
  /** pg's pool counts; absent on SQLite, which has one connection and no pool. */
  pool?: () => { total: number; idle: number; waiting: number };
  /** Items in the search index of the published frameworks. */
  searchIndexSize: () => Promise<number>;
  /** Each published framework's latest edition number, by slug. */
  editions: () => Promise<{ slug: string; number: number }[]>;
}

export interface MetricsSettings {
  enabled: boolean;
  /** When set, a scrape must send `Authorization: Bearer TOKEN`. */
  token?: string;
}

/** The route label: the pattern that answered, or what answered instead of a route. */
export function routeLabel(c: Context): string {
  const pattern = routePath(c);
  if (pattern === "" || pattern === "*" || pattern === "/*")
    return c.res.status === 404 ? "(unmatched)" : "(middleware)";
  return pattern;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares a presented token with the expected one in time that does not depend on where they differ. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  // Hashing first gives both sides the same length, so the comparison itself leaks nothing either.
  return timingSafeEqual(digest(presented ?? ""), digest(expected)) && presented !== undefined;
}

export interface Metrics {
  /** Times and counts every request; mount first, so it sees every answer. */
  middleware: MiddlewareHandler<AppEnv>;
  /** Mounts GET /metrics. */
  mount(app: Hono<AppEnv>): void;
}

/**
 * A registry of its own per app, so two apps in one process (tests) never share counters.
 * prom-client is loaded only when metrics are on, and then in the background: most sites never pay
 * for it at start-up, and those that do only once the server listens (decision 019).
 */
export function createMetrics(settings: MetricsSettings, sources: MetricsSources): Metrics | undefined {
  if (!settings.enabled) return undefined;
  const loaded = import("prom-client").then((prom) => buildRegistry(prom, sources));
  // A failure to load is reported by the first request or scrape that needs it, not as an unhandled rejection.
  loaded.catch(() => undefined);

  // Known methods only: a made-up method must not make a series of its own.
  const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      // Counting never fails a request: without prom-client, the scrape reports the problem instead.
      const metrics = await loaded.catch(() => undefined);
      if (metrics) {
        const method = METHODS.has(c.req.method) ? c.req.method : "OTHER";
        const route = routeLabel(c);
        metrics.requests.inc({ method, route, status: String(c.res.status) });
        metrics.latency.observe({ method, route }, (performance.now() - started) / 1000);
      }
    }
  };

  return {
    middleware,
    mount(app) {
      app.get("/metrics", async (c) => {
        if (settings.token) {
          const header = c.req.header("authorization") ?? "";
          const presented = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
          if (!tokenMatches(presented, settings.token)) {
            c.header("www-authenticate", 'Bearer realm="metrics"');
            return c.text("metrics need the bearer token (METRICS_TOKEN)\n", 401);
          }
        }
        const { registry } = await loaded;
        c.header("cache-control", "no-store");
        return c.body(await registry.metrics(), 200, { "content-type": registry.contentType });
      });
    },
  };
}

function buildRegistry(prom: typeof import("prom-client"), sources: MetricsSources) {
  const { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } = prom;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "skillshelf_" });
  const requests = new Counter({
    name: "skillshelf_http_requests_total",
    help: "HTTP requests answered, by method, matched route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "skillshelf_http_request_duration_seconds",
    help: "Time from a request's arrival to its response, by method and matched route pattern",
    labelNames: ["method", "route"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "skillshelf_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle, waiting clients); absent on SQLite",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const counts = sources.pool?.();
      if (!counts) return;
      this.set({ state: "total" }, counts.total);
      this.set({ state: "idle" }, counts.idle);
      this.set({ state: "waiting" }, counts.waiting);
    },
  });
  new Gauge({
    name: "skillshelf_search_index_items",
    help: "Items in the search index of the published frameworks",
    registers: [registry],
    async collect() {
      this.set(await sources.searchIndexSize());
    },
  });
  new Gauge({
    name: "skillshelf_published_edition",
    help: "Latest published edition number of each framework",
    labelNames: ["framework"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { slug, number } of await sources.editions()) this.set({ framework: slug }, number);
    },
  });
  return { registry, requests, latency };
}
