/**
 * The organisation's insights at a large library system's size (issue 16): 5,000 people in 300
 * units (cycle-open's generator), 150 competencies spread over 5 job profiles of 30, and 3 review
 * cycles (two closed, one open) in which everyone has an assessment with agreed levels — 15,000
 * assessments and 450,000 assessed competencies written straight into the tables in batches.
 *
 * `priorities_p95_ms`: GET /en/orgs/:org/insights (the whole organisation) through the app in
 * process (session, organisation context, policy, the reads, the suppression plan per competency,
 * the charts and the page), p95 of a bounded number of requests one after another, for HR (who
 * sees every figure) and for a manager of ~40 people (whose view is suppressed). `heatmap_p95_ms`:
 * GET /en/orgs/:org/team/insights for that manager, when that route is on the branch. SQLite always;
 * PostgreSQL too when BENCH_DATABASE_URL is set (a schema of its own, dropped afterwards).
 */
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { createApp } from "../../src/app.tsx";
import { createAccount } from "../../src/auth/accounts.ts";
import { readConfig } from "../../src/config.ts";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { createLogger } from "../../src/log.ts";
import { teamOf } from "../../src/people/staff/queries.ts";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";
import { insertAdministratorRole, sessionCookieFor } from "../../test/support/people-world.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { freshSchema } from "../lib/pg-schema.ts";
import { percentile } from "../lib/stats.ts";
import { benchPeople, inBatches } from "./cycle-open.ts";

const PROFILES = 5;
const PER_PROFILE = 30;
const CYCLES = 3;
const WARM = 2;
const REQUESTS = 20;
const SECRET = "bench-secret-of-at-least-32-characters-for-skillshelf";
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

/** A seeded generator (mulberry32): the same levels every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(db: Kysely<DB>) {
  const at = new Date().toISOString();
  const organisationId = randomUUID();
  const slug = `insights-${organisationId.slice(0, 8)}`;
  await db
    .insertInto("organisations")
    .values({
      id: organisationId,
      slug,
      name_en: "Bench",
      name_fr: "Banc",
      default_lang: "en",
      settings: "{}",
      created_at: at,
      updated_at: at,
    })
    .execute();
  const people = await benchPeople(db, organisationId, at);
  const edition = await db
    .selectFrom("editions")
    .select(["id", "framework_id"])
    .orderBy("number", "desc")
    .executeTakeFirstOrThrow();
  // 150 items of the starter: its competencies first, then its KSAs if it has fewer.
  const items = await db
    .selectFrom("published_items")
    .select(["item_id", "type_code"])
    .where("edition_id", "=", edition.id)
    .where("type_code", "in", ["competency", "ksa"])
    .orderBy("type_code")
    .orderBy("item_id")
    .limit(PROFILES * PER_PROFILE)
    .execute();
  if (items.length < PROFILES * PER_PROFILE) throw new Error(`the starter has ${items.length} items`);
  const profiles = Array.from({ length: PROFILES }, (_, p) => ({
    id: randomUUID(),
    items: items.slice(p * PER_PROFILE, (p + 1) * PER_PROFILE).map((i) => i.item_id),
  }));
  await inBatches(
    db,
    "job_profiles",
    profiles.map((p, i) => ({
      id: p.id,
      organisation_id: organisationId,
      code: `B${i}`,
      title_en: `Bench job ${i}`,
      title_fr: `Poste de banc ${i}`,
      grade: null,
      summary_en: "",
      summary_fr: "",
      duties: "[]",
      qualifications: "[]",
      working_conditions_en: "",
      working_conditions_fr: "",
      scale_id: DEFAULT_SCALE_ID,
      copied_from: null,
      version: 1,
      created_at: at,
      updated_at: at,
      updated_by: null,
    })),
  );
  const next = random(42);
  for (let c = 0; c < CYCLES; c++) {
    const cycleId = randomUUID();
    const year = 2025 + c;
    await db
      .insertInto("review_cycles")
      .values({
        id: cycleId,
        organisation_id: organisationId,
        name_en: `Review ${year}`,
        name_fr: `Bilan ${year}`,
        period_start: `${year}-01-01`,
        period_end: `${year}-12-31`,
        scale_id: DEFAULT_SCALE_ID,
        participants: "{}",
        leaver_rule: "keep",
        state: c === CYCLES - 1 ? "open" : "closed",
        opened_at: `${year}-01-05T09:00:00.000Z`,
        closed_at: c === CYCLES - 1 ? null : `${year}-12-20T09:00:00.000Z`,
        version: 1,
        created_at: at,
        updated_at: at,
        updated_by: null,
      })
      .execute();
    const assessments = people.map((personId, i) => ({
      id: randomUUID(),
      cycle_id: cycleId,
      organisation_id: organisationId,
      person_id: personId,
      manager_id: i === 0 ? null : people[Math.floor((i - 1) / 6)],
      profile_id: (profiles[i % PROFILES] as { id: string }).id,
      state: "agreed",
      version: 1,
      created_at: at,
      updated_at: at,
    }));
    await inBatches(db, "assessments", assessments);
    const rows: object[] = [];
    for (const [i, a] of assessments.entries()) {
      const profile = profiles[i % PROFILES] as { items: string[] };
      profile.items.forEach((itemId, n) => {
        rows.push({
          assessment_id: a.id,
          framework_id: edition.framework_id,
          item_id: itemId,
          edition_id: edition.id,
          ordinal: n + 1,
          origin: "profile",
          target_level: (n % 4) + 2,
          importance: n % 4 === 0 ? "asset" : "essential",
          agreed_level: next() < 0.05 ? null : 1 + Math.floor(next() * 5),
          updated_at: at,
        });
      });
      if (rows.length >= 5000) await inBatches(db, "assessment_items", rows.splice(0));
    }
    await inBatches(db, "assessment_items", rows);
  }
  return { organisationId, slug, people };
}

/** Brings up to 100 agreed levels below target to their target, bumping their assessments' versions. */
async function changeSomeAgreedLevels(db: Kysely<DB>, organisationId: string): Promise<number> {
  const below = await db
    .selectFrom("assessment_items as i")
    .innerJoin("assessments as a", "a.id", "i.assessment_id")
    .select(["i.assessment_id", "i.framework_id", "i.item_id", "i.target_level"])
    .where("a.organisation_id", "=", organisationId)
    .whereRef("i.agreed_level", "<", "i.target_level")
    .limit(100)
    .execute();
  const now = new Date().toISOString();
  for (const row of below) {
    await db
      .updateTable("assessment_items")
      .set({ agreed_level: row.target_level, updated_at: now })
      .where("assessment_id", "=", row.assessment_id)
      .where("framework_id", "=", row.framework_id)
      .where("item_id", "=", row.item_id)
      .execute();
    await db
      .updateTable("assessments")
      .set((eb) => ({ version: eb("version", "+", 1), updated_at: now }))
      .where("id", "=", row.assessment_id)
      .execute();
  }
  return below.length;
}

async function p95(request: () => Promise<Response>): Promise<{ p95: number; median: number; first: number }> {
  const times: number[] = [];
  let first = 0;
  for (let i = 0; i < WARM + REQUESTS; i++) {
    const started = performance.now();
    const res = await request();
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
    if (i === 0) first = performance.now() - started;
    if (i >= WARM) times.push(performance.now() - started);
  }
  return { p95: percentile(times, 95), median: percentile(times, 50), first };
}

async function measure(url: string, label: string, report: (key: string, value: number, detail?: string) => void) {
  const database = await openDatabase(url);
  const config = readConfig({ BETTER_AUTH_SECRET: SECRET, BASE_URL: "http://localhost:3000" });
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    await loadStarterFramework(db);
    const generating = performance.now();
    const { organisationId, slug, people } = await generate(db);
    console.log(`  ${label}: generated in ${((performance.now() - generating) / 1000).toFixed(1)} s (load ${load()})`);
    const catalog = createCatalog(db, { checkIntervalMs: 0 });
    const app = createApp({ config, db, catalog, logger: createLogger("silent"), poolStats: database.poolStats });
    const t = { app, db, config };
    const hr = await createAccount(db, { email: `hr-${slug}@bench.test`, role: "editor", name: "HR" });
    await insertAdministratorRole(db, organisationId, hr.id);
    // A manager of about 40: the first whose team (everyone below them) holds 36 to 44 people.
    let managerId: string | undefined;
    for (const id of people.slice(40, 300)) {
      const size = (await teamOf(db, organisationId, id)).length;
      if (size >= 36 && size <= 44) {
        managerId = id;
        break;
      }
    }
    if (!managerId) throw new Error("no manager of about 40 in the generated lines");
    const managerAccount = await createAccount(db, { email: `m-${slug}@bench.test`, role: "editor", name: "M" });
    await db.updateTable("people").set({ user_id: managerAccount.id }).where("id", "=", managerId).execute();
    const team = (await teamOf(db, organisationId, managerId)).length;
    const cookies = { hr: await sessionCookieFor(t, hr.id), manager: await sessionCookieFor(t, managerAccount.id) };
    const get = (path: string, cookie: string) => async () => app.request(path, { headers: { cookie } });

    const priorities = `/en/orgs/${slug}/insights`;
    const forHr = await p95(get(priorities, cookies.hr));
    const forManager = await p95(get(priorities, cookies.manager));
    const key = label === "SQLite" ? "" : "_pg";
    report(
      `priorities_p95_ms${key}`,
      Math.max(forHr.p95, forManager.p95),
      `HR p95 ${forHr.p95.toFixed(0)} ms (median ${forHr.median.toFixed(0)}, first after the data changed ${forHr.first.toFixed(0)}), manager of ${team} p95 ${forManager.p95.toFixed(0)} ms (median ${forManager.median.toFixed(0)}, first ${forManager.first.toFixed(0)}); ${REQUESTS} requests each after ${WARM}; load ${load()}`,
    );
    // A change of the data (as a round of agreements does: 100 agreed levels brought to their
    // targets, each assessment's version bumped), then: how long the next request takes (the figures
    // kept are served while the new ones are computed), and how long until the page shows the new
    // figures (polled every 50 ms). No goal: what a person opening the page after a save meets.
    const pageNow = async () => (await app.request(priorities, { headers: { cookie: cookies.hr } })).text();
    const before = await pageNow();
    if ((await pageNow()) !== before)
      throw new Error("the priorities page differs between two requests: no change can be seen");
    const changed = await changeSomeAgreedLevels(db, organisationId);
    const changeAt = performance.now();
    const next = await app.request(priorities, { headers: { cookie: cookies.hr } });
    await next.arrayBuffer();
    const afterChange = performance.now() - changeAt;
    let refreshed = Number.NaN;
    for (let tries = 0; tries < 1200; tries++) {
      if ((await pageNow()) !== before) {
        refreshed = performance.now() - changeAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    report(
      `priorities_after_change_ms${key}`,
      afterChange,
      `HR, the first request after ${changed} agreed levels changed; new figures served after ${Number.isNaN(refreshed) ? "more than 60 s" : `${refreshed.toFixed(0)} ms`}; load ${load()}`,
    );
    if (!Number.isNaN(refreshed)) report(`priorities_refresh_ms${key}`, refreshed);
    const heatmap = `/en/orgs/${slug}/team/insights`;
    const probe = await app.request(heatmap, { headers: { cookie: cookies.manager } });
    await probe.arrayBuffer();
    if (probe.status === 404) console.log(`  heatmap_p95_ms${key}: route not on this branch`);
    else {
      const figure = await p95(get(heatmap, cookies.manager));
      report(
        `heatmap_p95_ms${key}`,
        figure.p95,
        `manager of ${team}, median ${figure.median.toFixed(0)} ms; ${REQUESTS} requests after ${WARM}; load ${load()}`,
      );
    }
  } finally {
    await database.close();
  }
}

export const insightsBench: BenchGroup = {
  id: "insights",
  title: "insights: priorities and the team heatmap over 5,000 people, 150 competencies, 3 cycles",
  figures: [
    {
      key: "priorities_p95_ms",
      unit: "ms",
      label: "GET the organisation's priorities, worst of HR and a manager of ~40 (SQLite, p95)",
      goal: { op: "<=", target: 300 },
    },
    {
      key: "heatmap_p95_ms",
      unit: "ms",
      label: "GET a manager's team heatmap, 40 people (SQLite, p95)",
      goal: { op: "<=", target: 300 },
    },
    {
      key: "priorities_after_change_ms",
      unit: "ms",
      label: "the first GET of the priorities after agreed levels changed (HR, SQLite)",
    },
    {
      key: "priorities_refresh_ms",
      unit: "ms",
      label: "from that change until the page shows the new figures (SQLite)",
    },
    {
      key: "priorities_p95_ms_pg",
      unit: "ms",
      label: "GET the organisation's priorities, worst of HR and a manager of ~40 (PostgreSQL, p95)",
      goal: { op: "<=", target: 300 },
    },
    {
      key: "heatmap_p95_ms_pg",
      unit: "ms",
      label: "GET a manager's team heatmap, 40 people (PostgreSQL, p95)",
      goal: { op: "<=", target: 300 },
    },
    {
      key: "priorities_after_change_ms_pg",
      unit: "ms",
      label: "the first GET of the priorities after agreed levels changed (HR, PostgreSQL)",
    },
    {
      key: "priorities_refresh_ms_pg",
      unit: "ms",
      label: "from that change until the page shows the new figures (PostgreSQL)",
    },
  ],
  async run(context, report) {
    await measure(join(context.tmp, "insights.db"), "SQLite", report);
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) {
      console.log("  priorities_p95_ms_pg, heatmap_p95_ms_pg skipped: set BENCH_DATABASE_URL to measure on PostgreSQL");
      return;
    }
    const schema = await freshSchema(url, "insights");
    try {
      await measure(schema.url, "PostgreSQL", report);
    } finally {
      await schema.drop();
    }
  },
};

/** For profiling outside the bench run. */
export const generateForProfile = generate;
