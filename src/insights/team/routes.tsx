/**
 * The manager's team insights under /{lang}/orgs/:org/team/insights (issue 16): the heatmap and the
 * team's ranked gaps, and their downloads (heatmap CSV, gaps CSV, XLSX with both, tagged PDF with
 * both). Managers only (`insights.team`), and only their own reports, direct or through others;
 * everyone else is refused as on the team page. Every answer — page or file — shows each report's
 * latest assessment, so it is logged as a view of each person shown, one row each, in one insert.
 * A manager sees each of their reports individually, so nothing here is suppressed (decision 042).
 */
import { type Context, Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import { type OrganisationEnv, requireInOrganisation } from "../../people/context.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { displayName } from "../../people/staff/queries.ts";
import { renderPrivatePage } from "../../ui/private-page.ts";
import { gapsTable, heatmapTable, teamXlsx, toCsv } from "./exports.ts";
import { buildHeatmap, inScope, rankTeamGaps, readOptions } from "./model.ts";
import { teamPdf } from "./pdf.ts";
import { competenciesOf, logTeamView, teamOf, teamRows } from "./store.ts";
import { TeamInsightsPage } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;

/** Everything one answer draws, read once: the team, their latest rows, the names, the model. */
async function load(c: Ctx) {
  const organisationId = c.var.organisation.id;
  const managerId = c.var.orgActor?.membership?.personId as string;
  const options = readOptions(c.req.query());
  const team = await teamOf(c.var.db, organisationId, managerId);
  // Only the people the scope shows are read (direct reports: the others' assessments are not needed).
  const rows = await teamRows(c.var.db, organisationId, inScope(team, options.scope));
  const competencies = await competenciesOf(c.var.db, rows);
  const collator = new Intl.Collator(c.var.lang === "fr" ? "fr-CA" : "en-CA", { sensitivity: "base" });
  const heatmap = buildHeatmap(team, rows, competencies, options, collator.compare);
  const ranked = rankTeamGaps(team, rows, competencies, options.scope);
  if (c.var.orgActor)
    await logTeamView(c.var.db, {
      organisationId,
      actor: c.var.orgActor,
      personIds: heatmap.rows.map((row) => row.person.id),
      path: c.req.path,
      requestId: c.var.requestId,
    });
  return { team, options, heatmap, ranked, managerId };
}

const download = (c: Ctx, body: Buffer, type: string, name: string) => {
  c.header("content-type", type);
  c.header("content-disposition", `attachment; filename="${name}"`);
  c.header("cache-control", "no-store");
  return c.body(new Uint8Array(body));
};

export function teamInsightRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  app.use("*", requireInOrganisation("insights.team"));

  app.get("/", async (c) => {
    const { team, options, heatmap, ranked } = await load(c);
    return renderPrivatePage(
      c,
      <TeamInsightsPage
        frame={frameOf(c)}
        options={options}
        heatmap={heatmap}
        ranked={ranked}
        teamSize={team.length}
      />,
      messages(c.var.lang).itTitle,
    );
  });

  app.get("/heatmap.csv", async (c) => {
    const { options, heatmap } = await load(c);
    return download(
      c,
      toCsv(heatmapTable(heatmap, options, c.var.lang)),
      "text/csv; charset=utf-8",
      `${messages(c.var.lang).itFileHeatmap}.csv`,
    );
  });

  app.get("/gaps.csv", async (c) => {
    const { ranked } = await load(c);
    return download(
      c,
      toCsv(gapsTable(ranked, c.var.lang)),
      "text/csv; charset=utf-8",
      `${messages(c.var.lang).itFileGaps}.csv`,
    );
  });

  app.get("/insights.xlsx", async (c) => {
    const { options, heatmap, ranked } = await load(c);
    return download(
      c,
      await teamXlsx(heatmap, ranked, options, c.var.lang),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      `${messages(c.var.lang).itFileBoth}.xlsx`,
    );
  });

  app.get("/insights.pdf", async (c) => {
    const { options, heatmap, ranked, managerId } = await load(c);
    const manager = await c.var.db
      .selectFrom("people")
      .select(["given_name", "family_name", "preferred_name"])
      .where("id", "=", managerId)
      .executeTakeFirst();
    const frame = frameOf(c);
    const pdf = await teamPdf({
      heatmap,
      ranked,
      options,
      lang: c.var.lang,
      organisationName: frame.name,
      managerName: manager
        ? displayName({
            givenName: manager.given_name,
            familyName: manager.family_name,
            preferredName: manager.preferred_name,
          })
        : "",
      createdAt: new Date().toISOString(),
    });
    return download(c, pdf, "application/pdf", `${messages(c.var.lang).itFileBoth}.pdf`);
  });

  return app;
}
