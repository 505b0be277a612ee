/**
 * A person's insights under /{lang}/orgs/:org (issue 16): /people/:person/insights and its
 * downloads (.csv, .xlsx, .pdf), and /insights/me, which sends the signed-in person to their own.
 * Who may see: the person, their managers up the chain, HR (`insights.person`); anyone else of the
 * organisation gets 404 as for an unknown person (nothing said about who exists), another
 * organisation's members 404 as on every organisation page. Every view by someone other than the
 * person — page or download — goes to the access log.
 */
import { type Context, Hono } from "hono";
import type { Kysely } from "kysely";
import type { AppEnv } from "../../app-env.ts";
import type { DB } from "../../db/schema.ts";
import { messages } from "../../i18n/index.ts";
import { recordAccess } from "../../people/access-log.ts";
import { type OrganisationEnv, organisationContext, organisationTimeZone, refuse } from "../../people/context.ts";
import { personResource } from "../../people/membership.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { displayName } from "../../people/privacy/access-log-store.ts";
import { can } from "../../policy/index.ts";
import { renderPrivatePage } from "../../ui/private-page.ts";
import { insightsCsv, insightsPdf, insightsXlsx } from "./exports.ts";
import { loadPersonInsights } from "./load.ts";
import { type InsightsFormat, personInsightsUrls } from "./urls.ts";
import { PersonInsightsPage } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CONTENT_TYPES: Record<InsightsFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** The person named in the address, if the actor may see their insights; otherwise the refusal. */
async function allowedPerson(c: Ctx) {
  const organisationId = c.var.organisation.id;
  const personId = c.req.param("person") ?? "";
  const resource = UUID.test(personId) ? await personResource(c.var.db, organisationId, personId) : undefined;
  const actor = c.var.orgActor;
  if (!resource || !actor || !can(actor, "insights.person", resource))
    return refuse(c, resource ?? { kind: "person", organisationId, personId, managerChain: [] });
  await recordAccess(c.var.db, { actor, resource, what: "insights", path: c.req.path, requestId: c.var.requestId });
  return { resource, self: actor.membership?.personId === resource.personId };
}

async function nameOf(db: Kysely<DB>, organisationId: string, personId: string): Promise<string> {
  const person = await db
    .selectFrom("people")
    .select(["given_name", "family_name", "preferred_name"])
    .where("organisation_id", "=", organisationId)
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  return displayName(person);
}

const FORMATS = ["csv", "xlsx", "pdf"] as const;
const PATHS = [
  "/insights/me",
  "/people/:person/insights",
  ...FORMATS.map((format) => `/people/:person/insights.${format}`),
];

/**
 * Mounted at /{lang}/orgs/:org: the organisation is resolved on these addresses only (the person's
 * other pages are src/people's, the organisation's /insights pages another part's).
 */
export function personInsightPages(): Hono<AppEnv> {
  const app = new Hono<OrganisationEnv>();
  for (const path of PATHS) app.use(path, organisationContext());
  app.route("/", personInsightRoutes());
  return app as unknown as Hono<AppEnv>;
}

export function personInsightRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();

  app.get("/insights/me", (c) => {
    const personId = c.var.orgActor?.membership?.personId;
    if (!personId) return refuse(c, { kind: "organisation", organisationId: c.var.organisation.id });
    return c.redirect(personInsightsUrls.page(c.var.lang, c.var.organisation.slug, personId), 303);
  });

  app.get("/people/:person/insights", async (c) => {
    const found = await allowedPerson(c);
    if (found instanceof Response) return found;
    const organisationId = c.var.organisation.id;
    const personId = found.resource.personId;
    const [loaded, personName] = await Promise.all([
      loadPersonInsights(c.var.db, organisationId, personId, c.var.lang),
      nameOf(c.var.db, organisationId, personId),
    ]);
    const t = messages(c.var.lang);
    return renderPrivatePage(
      c,
      <PersonInsightsPage
        {...frameOf(c)}
        personId={personId}
        personName={personName}
        self={found.self}
        insights={loaded.insights}
        resources={loaded.resources}
        levels={loaded.levels}
      />,
      found.self ? t.ipTitleOwn : t.ipTitleOf(personName),
    );
  });

  for (const format of FORMATS)
    app.get(`/people/:person/insights.${format}`, async (c) => {
      const found = await allowedPerson(c);
      if (found instanceof Response) return found;
      const organisation = c.var.organisation;
      const personId = found.resource.personId;
      const lang = c.var.lang;
      const [{ insights, levels }, personName] = await Promise.all([
        loadPersonInsights(c.var.db, organisation.id, personId, lang),
        nameOf(c.var.db, organisation.id, personId),
      ]);
      const bytes =
        format === "csv"
          ? insightsCsv(insights, lang)
          : format === "xlsx"
            ? await insightsXlsx(insights, lang)
            : await insightsPdf({
                insights,
                lang,
                personName,
                levels,
                organisation: frameOf(c).name,
                generatedAt: new Date().toISOString(),
                timeZone: organisationTimeZone(c),
              });
      c.header("content-type", CONTENT_TYPES[format]);
      c.header("content-disposition", `attachment; filename="${organisation.slug}-insights-${personId}.${format}"`);
      c.header("cache-control", "private, no-store");
      return c.body(new Uint8Array(bytes));
    });

  return app;
}
