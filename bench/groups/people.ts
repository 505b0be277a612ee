/**
 * The people pages at an organisation's size: 5,000 staff in 300 units, with manager lines five
 * levels deep. Reports the p95 of the people list (as HR browses it: first page, later pages, a
 * search, a unit filter, a sort) and of a manager's team page (a director with about 1,000 people
 * below them), each page rendered whole by the app in process — the time the server spends, no
 * network. On SQLite always, and on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Hono } from "hono";
import { type Kysely, PostgresAdapter, sql } from "kysely";
import { createApp } from "../../src/app.tsx";
import type { AppEnv } from "../../src/app-env.ts";
import { createAccount } from "../../src/auth/accounts.ts";
import { readConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { createLogger } from "../../src/log.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { freshSchema } from "../lib/pg-schema.ts";
import { percentile } from "../lib/stats.ts";

const PEOPLE = 5000;
const UNITS = 300;
const ROUNDS = 40;
const PASSWORD = "amber kettle orbit meadow 42";
const SECRET = "bench-secret-of-at-least-32-characters-long";

/** The organisation: a system, 20 branches, 279 departments; a director per branch… down to staff. */
export async function seed(db: Kysely<DB>): Promise<{ directorId: string; hrEmail: string; directorEmail: string }> {
  const now = new Date().toISOString();
  const organisationId = randomUUID();
  await db
    .insertInto("organisations")
    .values({
      id: organisationId,
      slug: "bench",
      name_en: "Bench Public Library",
      name_fr: "Bibliothèque publique du banc",
      default_lang: "en",
      settings: "{}",
      created_at: now,
      updated_at: now,
    })
    .execute();
  const units: DB["units"][] = [];
  const system = randomUUID();
  units.push(row(system, null, "System", 0));
  const branches = Array.from({ length: 20 }, () => randomUUID());
  for (const [i, id] of branches.entries()) units.push(row(id, system, `Branch ${i + 1}`, i));
  for (let i = units.length; i < UNITS; i++) units.push(row(randomUUID(), branches[i % 20], `Department ${i}`, i));
  function row(id: string, parent: string | null, name: string, ordinal: number): DB["units"] {
    return {
      id,
      organisation_id: organisationId,
      parent_id: parent,
      name_en: name,
      name_fr: `${name} (fr)`,
      ordinal,
      head_person_id: null,
      created_at: now,
      updated_at: now,
    };
  }
  for (let i = 0; i < units.length; i += 200)
    await db
      .insertInto("units")
      .values(units.slice(i, i + 200))
      .execute();

  // Levels: 1 chief, 5 directors, 50 managers, 500 supervisors, the rest staff: each reports to
  // someone of the level above, round-robin.
  const given = ["Amélie", "Bruno", "Chloé", "David", "Émile", "Fatima", "Gaston", "Hélène", "Ines", "Jules"];
  const family = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Smith"];
  const levels = [1, 5, 50, 500, PEOPLE - 556];
  const ids: string[][] = [];
  const people: DB["people"][] = [];
  let n = 0;
  for (const [level, size] of levels.entries()) {
    const here: string[] = [];
    for (let i = 0; i < size; i++, n++) {
      const id = randomUUID();
      here.push(id);
      const above = level === 0 ? null : ids[level - 1][i % ids[level - 1].length];
      people.push({
        id,
        organisation_id: organisationId,
        given_name: given[n % given.length],
        family_name: `${family[(n * 7) % family.length]}-${n}`,
        preferred_name: n % 13 === 0 ? "Sam" : null,
        email: `person${n}@bench.example`,
        employee_number: `E${String(n).padStart(5, "0")}`,
        unit_id: units[n % units.length].id as string,
        manager_id: above,
        status: n % 17 === 0 ? "left" : n % 23 === 0 ? "on_leave" : "active",
        status_since: null,
        preferred_lang: n % 3 === 0 ? "fr" : "en",
        user_id: null,
        created_at: now,
        updated_at: now,
      });
    }
    ids.push(here);
  }
  for (let i = 0; i < people.length; i += 500)
    await db
      .insertInto("people")
      .values(people.slice(i, i + 500))
      .execute();

  const hrEmail = "hr@bench.example";
  const directorEmail = "director@bench.example";
  const hr = await createAccount(db, { email: hrEmail, role: "editor", password: PASSWORD });
  const director = await createAccount(db, { email: directorEmail, role: "editor", password: PASSWORD });
  await db
    .insertInto("organisation_roles")
    .values({
      organisation_id: organisationId,
      user_id: hr.id,
      role: "administrator",
      granted_at: now,
      granted_by: null,
    })
    .execute();
  const directorId = ids[1][0];
  await db.updateTable("people").set({ user_id: director.id }).where("id", "=", directorId).execute();
  // Rows are written here directly, not through the staff import (which refreshes PostgreSQL's
  // statistics after a large import): measure the pages as they run once statistics exist.
  await analyzeOnPostgres(db);
  return { directorId, hrEmail, directorEmail };
}

/** Signs in through the form, as a browser does (its CSRF token and cookie first). */
async function signIn(app: Hono<AppEnv>, origin: string, email: string): Promise<string> {
  const page = await app.request("/en/sign-in");
  const pageCookies = page.headers.getSetCookie().map((c) => c.split(";")[0]);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const response = await app.request("/en/sign-in", {
    method: "POST",
    headers: { origin, "content-type": "application/x-www-form-urlencoded", cookie: pageCookies.join("; ") },
    body: new URLSearchParams({ email, password: PASSWORD, _csrf: token }).toString(),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="));
  if (response.status !== 303 || session.length === 0) throw new Error(`sign-in answered ${response.status}`);
  return session.join("; ");
}

async function measure(url: string): Promise<{ list: number; team: number; detail: string }> {
  const database = await openDatabase(url);
  try {
    await migrateToLatest(database.db);
    const seeded = await seed(database.db);
    const config = readConfig({ BETTER_AUTH_SECRET: SECRET, BASE_URL: "http://localhost:3000" });
    const catalog = createCatalog(database.db, { checkIntervalMs: 0 });
    const app = createApp({
      config,
      db: database.db,
      catalog,
      logger: createLogger("silent"),
      poolStats: database.poolStats,
    });
    const origin = new URL(config.baseUrl).origin;
    const hr = await signIn(app, origin, seeded.hrEmail);
    const director = await signIn(app, origin, seeded.directorEmail);
    const listPaths = [
      "/en/orgs/bench/people",
      "/en/orgs/bench/people?page=40",
      "/fr/orgs/bench/people?q=tremblay",
      "/en/orgs/bench/people?q=e0421",
      "/en/orgs/bench/people?status=on_leave&sort=unit",
      "/fr/orgs/bench/people?sort=manager&desc=1&page=3",
    ];
    const teamPaths = [
      "/en/orgs/bench/team",
      "/fr/orgs/bench/team?page=5",
      `/en/orgs/bench/people?sort=employeeNumber`,
    ];
    const timed = async (path: string, cookie: string) => {
      const started = performance.now();
      const response = await app.request(path, { headers: { cookie } });
      const body = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200 || !body.includes("<h1>")) throw new Error(`${path} answered ${response.status}`);
      return ms;
    };
    // Warm up (first queries prepare statements and fill caches), then measure.
    for (const path of listPaths) await timed(path, hr);
    for (const path of teamPaths) await timed(path, director);
    const list: number[] = [];
    const team: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const path of listPaths) list.push(await timed(path, hr));
      // The director's own list is their team too (a manager lists their reports only).
      for (const path of teamPaths) team.push(await timed(path, director));
    }
    return {
      list: percentile(list, 95),
      team: percentile(team, 95),
      detail: `${list.length} list and ${team.length} team requests`,
    };
  } finally {
    await database.close();
  }
}

async function analyzeOnPostgres(db: Kysely<DB>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze`.execute(db);
}

export const peopleBench: BenchGroup = {
  id: "people",
  title: "people pages at 5,000 staff in 300 units",
  figures: [
    {
      key: "people_page_p95_ms",
      unit: "ms",
      label: "people list and a manager's team, p95, SQLite",
      goal: { op: "<=", target: 50 },
    },
    { key: "people_list_p95_ms", unit: "ms", label: "people list (HR), p95, SQLite" },
    { key: "people_team_p95_ms", unit: "ms", label: "a manager's team (1,000 below), p95, SQLite" },
    {
      key: "people_page_p95_ms_postgres",
      unit: "ms",
      label: "people list and a manager's team, p95, PostgreSQL",
      goal: { op: "<=", target: 50 },
    },
  ],
  async run(context, report) {
    const sqlite = await measure(join(context.tmp, "people-bench.db"));
    report("people_list_p95_ms", sqlite.list, sqlite.detail);
    report("people_team_p95_ms", sqlite.team, sqlite.detail);
    report("people_page_p95_ms", Math.max(sqlite.list, sqlite.team), "the slower of the two");
    const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    if (!url) {
      console.log("  PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to measure it too");
      return;
    }
    const schema = await freshSchema(url, "people");
    try {
      const postgres = await measure(schema.url);
      report(
        "people_page_p95_ms_postgres",
        Math.max(postgres.list, postgres.team),
        `list ${postgres.list.toFixed(1)} ms, team ${postgres.team.toFixed(1)} ms; ${postgres.detail}`,
      );
    } finally {
      await schema.drop();
    }
  },
};
