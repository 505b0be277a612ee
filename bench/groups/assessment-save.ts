/**
 * 200 people saving their self-rating at once (issue 15): each signed in, each with their own
 * assessment of an open cycle, each sending the autosave request a radio change sends (htmx: one
 * competency, through the HTTP route, CSRF and session checks included) to the app served in process
 * on loopback. All 200 are sent together; three rounds (each a real change of level); the figure is
 * the p95 of the 600 requests' times, from sending to the last byte of the answer — so it includes
 * waiting behind the other 199. On SQLite always; on PostgreSQL when BENCH_DATABASE_URL is set.
 */
import type { AddressInfo } from "node:net";
import { join } from "node:path";
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
const ROUNDS = 3;
const SECRET = "bench-secret-of-at-least-32-characters-for-skillshelf";

async function measure(url: string): Promise<{ p95: number; median: number; alone: number; detail: string }> {
  const database = await openDatabase(url);
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
    const people: { path: string; cookie: string; key: string }[] = [];
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
        path: `/en/orgs/bench-assess/assessments/${seeded.assessmentId}/self`,
        cookie: await sessionCookieFor(t, account.id),
        key: itemKey(seeded.frameworkId, seeded.items[0] as string),
      });
    }
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    // A round keeps connections idle longer than Node's default 5 s: a socket the server closes just
    // as the client reuses it is reset (ECONNRESET), which is the bench's doing, not the app's.
    (server as import("node:http").Server).keepAliveTimeout = 120_000;
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const save = async (person: (typeof people)[number], level: number, previous: number) => {
        const init = postForm(
          t,
          {
            version: "1",
            item: person.key,
            [levelField("self", person.key)]: String(level),
            [was(levelField("self", person.key))]: String(previous),
            [commentField("self", person.key)]: "",
            [was(commentField("self", person.key))]: "",
          },
          person.cookie,
          { "hx-request": "true" },
        );
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
      // One unmeasured save each (prepares statements, fills the session cache), then the rounds.
      for (const person of people.slice(0, 1)) await save(person, 1, 0);
      await Promise.all(people.slice(1).map((person) => save(person, 1, 0)));
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const previous = round === 0 ? 1 : round + 1;
        times.push(...(await Promise.all(people.map((person) => save(person, round + 2, previous)))));
      }
      // The same save one person at a time: the server's own cost, without the queue.
      const alone: number[] = [];
      for (const person of people) alone.push(await save(person, 1, ROUNDS + 1));
      return {
        alone: percentile(alone, 95),
        p95: percentile(times, 95),
        median: percentile(times, 50),
        detail: `${times.length} saves, ${PEOPLE} at once, ${ROUNDS} rounds; median ${percentile(times, 50).toFixed(1)} ms`,
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
  title: "assessments: 200 people saving their self-rating at once (HTTP, loopback)",
  figures: [
    {
      key: "assessment_save_p95_ms",
      unit: "ms",
      label: "self-rating autosave, 200 at once, p95, SQLite",
      goal: { op: "<=", target: 25 },
    },
    { key: "assessment_save_alone_p95_ms", unit: "ms", label: "the same save, one person at a time, p95, SQLite" },
    {
      key: "assessment_save_p95_ms_postgres",
      unit: "ms",
      label: "self-rating autosave, 200 at once, p95, PostgreSQL",
      goal: { op: "<=", target: 25 },
    },
    {
      key: "assessment_save_alone_p95_ms_postgres",
      unit: "ms",
      label: "the same save, one person at a time, p95, PostgreSQL",
    },
  ],
  async run(context, report) {
    const sqlite = await measure(join(context.tmp, "assessment-save.db"));
    report("assessment_save_p95_ms", sqlite.p95, sqlite.detail);
    report("assessment_save_alone_p95_ms", sqlite.alone, `${PEOPLE} saves in turn`);
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) {
      console.log("  assessment_save_p95_ms_postgres skipped: set BENCH_DATABASE_URL to measure it on PostgreSQL");
      return;
    }
    const schema = await freshSchema(url, "assess");
    try {
      const postgres = await measure(schema.url);
      report("assessment_save_p95_ms_postgres", postgres.p95, postgres.detail);
      report("assessment_save_alone_p95_ms_postgres", postgres.alone, `${PEOPLE} saves in turn`);
    } finally {
      await schema.drop();
    }
  },
};
