/**
 * 200 people saving their self-ratings during the same minutes (issue 15): each signed in, each with
 * their own assessment of an open cycle, each sending the autosave request a radio change sends
 * (htmx: one competency, through the HTTP route, CSRF and session checks included) to the app served
 * in process on loopback.
 *
 * The figure (`assessment_save_p95_ms`): people work at a human pace. Each starts within the first
 * 2 s, saves a competency, thinks 0.5–2 s, saves the next, for 15 s; the times are planned in
 * advance (open loop: a slow answer does not delay the next request) and sent by clients in a worker
 * thread. p95 of every save, from its planned moment to the last byte of the answer.
 * Beside it, informative (no goal): the burst — all 200 at the same instant, three rounds — which
 * measures the queue of 200 requests more than the save, and the same save one person at a time.
 * On SQLite always; on PostgreSQL when BENCH_DATABASE_URL is set.
 */
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { serve } from "@hono/node-server";
import { createApp } from "../../src/app.tsx";
import { commentField, levelField, was } from "../../src/assessments/work/form.ts";
import { itemKey } from "../../src/assessments/work/read.ts";
import { createAccount } from "../../src/auth/accounts.ts";
import { readConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { createLogger } from "../../src/log.ts";
import { seedAssessment } from "../../test/support/assessment-work.ts";
import { postForm } from "../../test/support/auth.ts";
import { insertOrganisation } from "../../test/support/people.ts";
import { insertPerson, sessionCookieFor } from "../../test/support/people-world.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { freshSchema } from "../lib/pg-schema.ts";
import { percentile } from "../lib/stats.ts";

const PEOPLE = 200;
/** Burst rounds (all 200 at once). */
const ROUNDS = 3;
/** The paced phase: each person's first save within ARRIVAL ms, then a save every THINK ms until DURATION. */
const ARRIVAL_MS = 2000;
const THINK_MS = { min: 500, max: 2000 };
const DURATION_MS = 15_000;

/** A small seeded generator (mulberry32): the same plan on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A save planned at `at` ms after the start (bench/lib/paced-clients.mjs sends it then). */
interface PlannedRequest {
  at: number;
  path: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

/** What the paced clients measured. */
interface PacedResult {
  times: number[];
  /** Answers of status 200 that are not a save (refused as a conflict). */
  refused: number;
  /** Failed requests or other statuses, with the first one's reason. */
  failed: number;
  firstFailure: string | null;
  /** From the start to the last answer. */
  elapsedMs: number;
  /** How late the timers sent the requests, p95 (the client side's own delay, for the record). */
  lateP95Ms: number;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

function runPaced(origin: string, plan: PlannedRequest[]): Promise<PacedResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("../lib/paced-clients.mjs", import.meta.url), {
      workerData: { origin, plan, expect: "Saved at" },
    });
    worker.once("message", (message: PacedResult | { error: string }) => {
      void worker.terminate();
      if ("error" in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once("error", reject);
  });
}

interface Measured {
  p95: number;
  median: number;
  rate: number;
  burst: number;
  alone: number;
  detail: string;
  burstDetail: string;
}
const SECRET = "bench-secret-of-at-least-32-characters-for-skillshelf";

async function measure(url: string): Promise<Measured> {
  const poolMax = Number(process.env.BENCH_POOL_MAX ?? 10);
  const database = await openDatabase(url, { poolMax });
  const config = readConfig({ BETTER_AUTH_SECRET: SECRET, BASE_URL: "http://localhost:3000" });
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    const catalog = createCatalog(db, { checkIntervalMs: 0 });
    const app = createApp({ config, db, catalog, logger: createLogger("silent"), poolStats: database.poolStats });
    const t = { app, db, config };
    const organisationId = await insertOrganisation(db, "bench-assess");
    const manager = await insertPerson(db, organisationId, {
      given: "M",
      family: "Bench",
      email: "m@b.test",
      number: "0",
    });
    const people: {
      assessmentId: string;
      frameworkId: string;
      firstItemId: string;
      path: string;
      cookie: string;
      keys: string[];
    }[] = [];
    let cycleId: string | undefined;
    for (let i = 0; i < PEOPLE; i++) {
      const account = await createAccount(db, { email: `p${i}@bench.test`, role: "editor", name: `P${i}` });
      const personId = await insertPerson(db, organisationId, {
        given: `Given${i}`,
        family: `Family${i}`,
        email: `p${i}@people.test`,
        number: String(1000 + i),
        managerId: manager,
        userId: account.id,
      });
      const seeded = await seedAssessment(db, { organisationId, personId, managerId: manager, cycleId });
      cycleId = seeded.cycleId;
      people.push({
        assessmentId: seeded.assessmentId,
        frameworkId: seeded.frameworkId,
        firstItemId: seeded.items[0] as string,
        path: `/en/orgs/bench-assess/assessments/${seeded.assessmentId}/self`,
        cookie: await sessionCookieFor(t, account.id),
        keys: seeded.items.map((item) => itemKey(seeded.frameworkId, item)),
      });
    }
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    // A round keeps connections idle longer than Node's default 5 s: a socket the server closes just
    // as the client reuses it is reset (ECONNRESET), which is the bench's doing, not the app's.
    (server as import("node:http").Server).keepAliveTimeout = 120_000;
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      /** The request a radio change sends: competency `key` from level `previous` to `level`. */
      const request = (person: (typeof people)[number], key: string, level: number, previous: number) =>
        postForm(
          t,
          {
            version: "1",
            item: key,
            [levelField("self", key)]: String(level),
            [was(levelField("self", key))]: String(previous),
            [commentField("self", key)]: "",
            [was(commentField("self", key))]: "",
          },
          person.cookie,
          { "hx-request": "true" },
        ) as PlannedRequest["init"];
      const save = async (person: (typeof people)[number], level: number, previous: number) => {
        const init = request(person, person.keys[0] as string, level, previous);
        const started = performance.now();
        const response = await fetch(`${origin}${person.path}`, init).catch((error) => {
          throw new Error(`save: ${error.cause ?? error}`);
        });
        const body = await response.text();
        const ms = performance.now() - started;
        if (response.status !== 200 || !body.startsWith("Saved at"))
          throw new Error(`save answered ${response.status}`);
        return ms;
      };
      // One unmeasured save each (prepares statements, fills the session cache).
      for (const person of people.slice(0, 1)) await save(person, 1, 0);
      await Promise.all(people.slice(1).map((person) => save(person, 1, 0)));
      // The paced phase: every person's saves planned in advance, alternating between their two
      // competencies, each a real change of level (1 → 2 → 3 → 1…) from the level the last one left.
      const next = random(15);
      const plan: PlannedRequest[] = [];
      for (const person of people) {
        const levels = new Map<string, number>([[person.keys[0] as string, 1]]);
        let at = next() * ARRIVAL_MS;
        for (let n = 0; at < DURATION_MS; n++) {
          const key = person.keys[n % person.keys.length] as string;
          const previous = levels.get(key) ?? 0;
          const level = previous >= 3 ? 1 : previous + 1;
          levels.set(key, level);
          plan.push({ at, path: person.path, init: request(person, key, level, previous) });
          at += THINK_MS.min + next() * (THINK_MS.max - THINK_MS.min);
        }
      }
      const loadBefore = load();
      const paced = await runPaced(origin, plan);
      const loadAfter = load();
      if (paced.failed > 0) throw new Error(`${paced.failed} paced saves failed (first: ${paced.firstFailure})`);
      const rate = paced.times.length / (paced.elapsedMs / 1000);
      // Put every first competency back to level 1 before the burst, from the level stored (a paced
      // save refused as a conflict on a loaded machine leaves it elsewhere than the plan meant).
      for (const person of people) {
        const stored = await db
          .selectFrom("assessment_items")
          .select("self_level")
          .where("assessment_id", "=", person.assessmentId)
          .where("framework_id", "=", person.frameworkId)
          .where("item_id", "=", person.firstItemId)
          .executeTakeFirstOrThrow();
        const level = stored.self_level ?? 0;
        if (level !== 1) {
          const response = await fetch(`${origin}${person.path}`, request(person, person.keys[0] as string, 1, level));
          await response.text();
        }
      }
      // The burst: all 200 at the same instant, three rounds of real changes.
      const burst: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const previous = round === 0 ? 1 : round + 1;
        burst.push(...(await Promise.all(people.map((person) => save(person, round + 2, previous)))));
      }
      // The same save one person at a time: the server's own cost, without the queue.
      const alone: number[] = [];
      for (const person of people) alone.push(await save(person, 1, ROUNDS + 1));
      const p95 = percentile(paced.times, 95);
      const median = percentile(paced.times, 50);
      return {
        p95,
        median,
        rate,
        burst: percentile(burst, 95),
        alone: percentile(alone, 95),
        detail:
          `${paced.times.length} saves by ${PEOPLE} people over ${(paced.elapsedMs / 1000).toFixed(1)} s ` +
          `(${rate.toFixed(0)} saves/s), median ${median.toFixed(1)} ms, ${paced.refused} refused as conflicts, ` +
          `client timers late p95 ${paced.lateP95Ms.toFixed(1)} ms; load average ${loadBefore} → ${loadAfter}`,
        burstDetail: `${burst.length} saves, ${PEOPLE} at once, ${ROUNDS} rounds; median ${percentile(burst, 50).toFixed(1)} ms; load average ${load()}`,
      };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    await database.close();
  }
}

export const assessmentSaveBench: BenchGroup = {
  id: "assessment-save",
  title: "assessments: 200 people saving their self-ratings in the same minutes (HTTP, loopback)",
  figures: [
    {
      key: "assessment_save_p95_ms",
      unit: "ms",
      label: "self-rating autosave, 200 people at a human pace, p95, SQLite",
      goal: { op: "<=", target: 25 },
    },
    { key: "assessment_save_rate", unit: "saves/s", label: "saves per second achieved in that phase, SQLite" },
    { key: "assessment_save_burst_p95_ms", unit: "ms", label: "the same save, 200 at one instant, p95, SQLite" },
    { key: "assessment_save_alone_p95_ms", unit: "ms", label: "the same save, one person at a time, p95, SQLite" },
    {
      key: "assessment_save_p95_ms_postgres",
      unit: "ms",
      label: "self-rating autosave, 200 people at a human pace, p95, PostgreSQL",
      goal: { op: "<=", target: 25 },
    },
    { key: "assessment_save_rate_postgres", unit: "saves/s", label: "saves per second achieved, PostgreSQL" },
    {
      key: "assessment_save_burst_p95_ms_postgres",
      unit: "ms",
      label: "the same save, 200 at one instant, p95, PostgreSQL",
    },
    {
      key: "assessment_save_alone_p95_ms_postgres",
      unit: "ms",
      label: "the same save, one person at a time, p95, PostgreSQL",
    },
  ],
  async run(context, report) {
    const record = (suffix: string, m: Measured) => {
      report(`assessment_save_p95_ms${suffix}`, m.p95, m.detail);
      report(`assessment_save_rate${suffix}`, m.rate);
      report(`assessment_save_burst_p95_ms${suffix}`, m.burst, m.burstDetail);
      report(`assessment_save_alone_p95_ms${suffix}`, m.alone, `${PEOPLE} saves in turn`);
    };
    record("", await measure(join(context.tmp, "assessment-save.db")));
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) {
      console.log("  assessment_save_p95_ms_postgres skipped: set BENCH_DATABASE_URL to measure it on PostgreSQL");
      return;
    }
    const schema = await freshSchema(url, "assess");
    try {
      record("_postgres", await measure(schema.url));
    } finally {
      await schema.drop();
    }
  },
};
