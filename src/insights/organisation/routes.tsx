/**
 * The organisation's training priorities (/{lang}/orgs/:org/insights: HR and managers,
 * `insights.organisation`) and readiness (/insights/readiness: HR, `insights.readiness`), each
 * with CSV, XLSX and PDF downloads. The page and its downloads render one report built from one
 * page model for the viewer, so a suppressed figure is suppressed in every one of them.
 */
import { type Context, Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import { type OrganisationEnv, requireInOrganisation } from "../../people/context.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { staffUrls } from "../../people/staff/urls.ts";
import type { OrganisationActor } from "../../policy/index.ts";
import { listProfiles } from "../../profiles/jobs/store.ts";
import { renderPrivatePage } from "../../ui/private-page.ts";
import { dataVersion, latestOf, remember } from "./cache.ts";
import { blocksPdf, type PdfBlock, tablesCsv, tablesXlsx } from "./exports.ts";
import {
  cyclesOfOrganisation,
  latestRows,
  logReadinessViews,
  namesOf,
  peopleLevels,
  profileRequirements,
  seenBy,
  trendFigures,
} from "./load.ts";
import { prepare, prioritiesModel, topCompetencies, type View, viewExists } from "./model.ts";
import { READINESS_SORTS, type ReadinessSort, readiness } from "./readiness.ts";
import { distributionsTable, type PrioritiesReport, prioritiesReport, readinessTable, TOP } from "./report.ts";
import { parseView, viewParam } from "./urls.ts";
import { PrioritiesPage, ReadinessPage } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;
const t = (c: Ctx) => messages(c.var.lang);
const actorOf = (c: Ctx) => c.var.orgActor as OrganisationActor;

/** The organisation's latest rows and scale, read once per change of its data (cache.ts). */
async function latestData(c: Ctx) {
  const db = c.var.db;
  const organisationId = c.var.organisation.id;
  const served = await latestOf(db, organisationId, await dataVersion(db, organisationId), () =>
    latestRows(db, organisationId),
  );
  return { version: served.version, ...served.value };
}

/** Everything the priorities page and its downloads show, for this viewer and view. */
async function prioritiesOf(c: Ctx, view: View) {
  const db = c.var.db;
  const organisationId = c.var.organisation.id;
  const [{ version, rows, levelCount }, viewer] = await Promise.all([
    latestData(c),
    seenBy(db, organisationId, actorOf(c)),
  ]);
  const computed = await remember(db, `${organisationId}|${version}|${viewer.key}|${viewParam(view)}`, async () => {
    // The plans are the viewer's, whatever the view: planned once per data change and viewer.
    const prepared = await remember(db, `${organisationId}|${version}|${viewer.key}`, async () =>
      prepare(rows, viewer.seen),
    );
    const model = prioritiesModel(rows, viewer.seen, view, levelCount, prepared);
    const exists = viewExists(model, view);
    const cycles = await cyclesOfOrganisation(db, organisationId);
    // Trends: each cycle is a table of its own; over people the viewer may not see, its figures
    // minus the latest view's could isolate those not reassessed since (decision 048). A manager's
    // trends therefore cover the people they may see individually; HR's cover everyone.
    const trends = exists
      ? await trendFigures(
          db,
          organisationId,
          cycles.map((cycle) => cycle.id),
          topCompetencies(model, TOP),
          { personIds: viewer.all ? undefined : viewer.ids, group: view },
        )
      : [];
    const refs = [...prepared.competencies.values()].map((list) => list[0] as (typeof rows)[number]);
    return { model, exists, trends, cycles, refs };
  });
  const names = await namesOf(db, organisationId, computed.refs);
  const report = prioritiesReport(computed.model, computed.trends, computed.cycles, names, c.var.lang);
  return { model: computed.model, exists: computed.exists, names, report, trendsSeenOnly: !viewer.all };
}

function prioritiesPdfBlocks(report: PrioritiesReport, c: Ctx): PdfBlock[] {
  const tr = t(c);
  const blocks: PdfBlock[] = [
    { kind: "paragraph", text: report.viewName },
    { kind: "paragraph", text: tr.ioSuppressionNote },
    { kind: "heading", text: tr.ioRankingHeading },
  ];
  if (report.rankingBars.length > 0)
    blocks.push({ kind: "bars", label: tr.ioChartRanking(report.viewName), bars: report.rankingBars });
  blocks.push({ kind: "table", table: report.ranking, widths: [0.6, 0.8, 3, 1, 1, 1, 1, 1] });
  blocks.push({ kind: "heading", text: tr.ioDistributionsHeading });
  for (const block of report.distributions) {
    if (!block.table) {
      blocks.push({ kind: "paragraph", text: tr.ioDistributionSuppressed(block.name) });
      continue;
    }
    blocks.push({ kind: "paragraph", text: block.name });
    blocks.push({ kind: "bars", label: tr.ioChartDistribution(block.name), bars: block.bars });
    blocks.push({ kind: "table", table: block.table, widths: [2, 1] });
  }
  blocks.push({ kind: "heading", text: tr.ioTrendsHeading });
  if (report.trends.rows.length === 0) blocks.push({ kind: "paragraph", text: tr.ioTrendsNone });
  else {
    blocks.push({ kind: "lines", label: tr.ioChartTrends, points: report.trendPoints, xOrder: report.cycleNames });
    blocks.push({ kind: "table", table: report.trends, widths: [1.4, 0.8, 2.6, 1, 1, 1, 1] });
  }
  return blocks;
}

const download = (c: Ctx, bytes: Buffer, type: string, name: string) => {
  c.header("content-type", type);
  c.header("content-disposition", `attachment; filename="${c.var.organisation.slug}-${name}"`);
  c.header("cache-control", "no-store");
  return c.body(new Uint8Array(bytes));
};
const CSV = "text/csv; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";

export function organisationInsightRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const read = requireInOrganisation("insights.organisation");
  const readinessGate = requireInOrganisation("insights.readiness");
  const mayReadiness = (c: Ctx) =>
    c.var.orgActor?.membership?.administrator === true &&
    c.var.orgActor.membership.organisationId === c.var.organisation.id;

  app.get("/", read, async (c) => {
    const view = parseView(c.req.query("view"));
    const data = await prioritiesOf(c, view ?? { by: "all" });
    const unknown = view === undefined || !data.exists;
    return renderPrivatePage(
      c,
      <PrioritiesPage
        frame={frameOf(c)}
        view={view ?? { by: "all" }}
        units={data.model.units}
        positions={data.model.positions}
        names={data.names}
        report={data.report}
        trendsSeenOnly={data.trendsSeenOnly}
        readiness={mayReadiness(c)}
        unknownView={unknown}
      />,
      t(c).ioTitle,
      unknown ? 404 : 200,
    );
  });

  const exportOf = async (c: Ctx) => {
    const view = parseView(c.req.query("view"));
    if (!view) return undefined;
    const data = await prioritiesOf(c, view);
    return data.exists ? data.report : undefined;
  };

  app.get("/export.csv", read, async (c) => {
    const report = await exportOf(c);
    if (!report) return c.notFound();
    return download(
      c,
      tablesCsv([report.ranking, distributionsTable(report, c.var.lang), report.trends], c.var.lang),
      CSV,
      "priorities.csv",
    );
  });

  app.get("/export.xlsx", read, async (c) => {
    const report = await exportOf(c);
    if (!report) return c.notFound();
    const tr = t(c);
    const bytes = await tablesXlsx(
      [
        { name: tr.ioSheetPriorities, table: report.ranking },
        { name: tr.ioSheetDistributions, table: distributionsTable(report, c.var.lang) },
        { name: tr.ioSheetTrends, table: report.trends },
      ],
      c.var.lang,
    );
    return download(c, bytes, XLSX, "priorities.xlsx");
  });

  app.get("/export.pdf", read, async (c) => {
    const report = await exportOf(c);
    if (!report) return c.notFound();
    const bytes = await blocksPdf({
      lang: c.var.lang,
      title: `${t(c).ioTitle} — ${frameOf(c).name}`,
      subject: t(c).ioPdfSubject,
      author: frameOf(c).name,
      blocks: prioritiesPdfBlocks(report, c),
    });
    return download(c, bytes, PDF, "priorities.pdf");
  });

  /** The readiness list for the query's profile and sort; undefined fields when none is chosen. */
  const readinessOf = async (c: Ctx) => {
    const db = c.var.db;
    const organisationId = c.var.organisation.id;
    const profileId = (c.req.query("profile") ?? "").slice(0, 64);
    const sortParam = c.req.query("sort") ?? "met";
    const sort: ReadinessSort = (READINESS_SORTS as readonly string[]).includes(sortParam)
      ? (sortParam as ReadinessSort)
      : "met";
    const profiles = (await listProfiles(db, organisationId, { lang: c.var.lang })).map((p) => ({
      id: p.id,
      title: c.var.lang === "fr" ? p.title_fr || p.title_en : p.title_en || p.title_fr,
    }));
    if (!profileId) return { profiles, profileId, sort };
    const profile = await profileRequirements(db, organisationId, profileId);
    if (!profile) return { profiles, profileId, sort, unknownProfile: true };
    const title = c.var.lang === "fr" ? profile.title.fr || profile.title.en : profile.title.en || profile.title.fr;
    if (profile.requirements.length === 0)
      return { profiles, profileId, sort, profileTitle: title, noRequirements: true };
    const { rows } = await latestData(c);
    const people = await peopleLevels(db, organisationId, rows);
    const collator = new Intl.Collator(c.var.lang === "fr" ? "fr-CA" : "en-CA");
    const candidates = readiness(profile.requirements, people, sort, collator);
    const names = await namesOf(db, organisationId, profile.requirements);
    const table = readinessTable(candidates, title, names, c.var.lang);
    await logReadinessViews(
      db,
      organisationId,
      actorOf(c),
      candidates.map((cand) => cand.personId),
      c.req.path,
      c.var.requestId,
    );
    return {
      profiles,
      profileId,
      sort,
      profileTitle: title,
      table,
      personLinks: candidates.map((cand) => staffUrls.person(c.var.lang, c.var.organisation.slug, cand.personId)),
    };
  };

  app.get("/readiness", readinessGate, async (c) => {
    const data = await readinessOf(c);
    return renderPrivatePage(
      c,
      <ReadinessPage frame={frameOf(c)} {...data} />,
      data.profileTitle ? `${t(c).ioReadinessTitle} — ${data.profileTitle}` : t(c).ioReadinessTitle,
      data.unknownProfile ? 404 : 200,
    );
  });

  const readinessExport = async (c: Ctx) => {
    const data = await readinessOf(c);
    return data.table && data.profileTitle ? { table: data.table, title: data.profileTitle } : undefined;
  };

  app.get("/readiness/export.csv", readinessGate, async (c) => {
    const data = await readinessExport(c);
    if (!data) return c.notFound();
    return download(c, tablesCsv([data.table], c.var.lang), CSV, "readiness.csv");
  });

  app.get("/readiness/export.xlsx", readinessGate, async (c) => {
    const data = await readinessExport(c);
    if (!data) return c.notFound();
    return download(
      c,
      await tablesXlsx([{ name: t(c).ioSheetReadiness, table: data.table }], c.var.lang),
      XLSX,
      "readiness.xlsx",
    );
  });

  app.get("/readiness/export.pdf", readinessGate, async (c) => {
    const data = await readinessExport(c);
    if (!data) return c.notFound();
    const bytes = await blocksPdf({
      lang: c.var.lang,
      title: `${t(c).ioReadinessTitle} — ${data.title}`,
      subject: t(c).ioPdfReadinessSubject,
      author: frameOf(c).name,
      blocks: [
        { kind: "paragraph", text: t(c).ioReadinessIntro },
        { kind: "table", table: data.table, widths: [1.6, 0.8, 0.8, 3.4] },
      ],
    });
    return download(c, bytes, PDF, "readiness.pdf");
  });

  return app;
}
