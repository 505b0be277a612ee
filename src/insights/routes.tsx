/**
 * Insights and development plans (issue 16, decision 042), composed from each part's routes. Like
 * src/profiles and src/assessments, they live under the organisation's addresses
 * (/{lang}/orgs/:org/learning, …) and are mounted beside src/people's routes; each part gets
 * `organisationContext()` on its own prefix only.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { type OrganisationEnv, organisationContext } from "../people/context.ts";
import { LEARNING_IMPORT_BODY_RULES, learningRoutes } from "./learning/routes.tsx";
import { organisationInsightRoutes } from "./organisation/routes.tsx";
import { personInsightPages } from "./person/routes.tsx";
import { planRoutes } from "./plans/routes.tsx";
import { planSettingsRoutes } from "./plans/settings-routes.tsx";
import { teamInsightRoutes } from "./team/routes.tsx";

/** Body limits of the insights pages that take a file. */
export const INSIGHTS_BODY_RULES = LEARNING_IMPORT_BODY_RULES;

function inOrganisation(...parts: Hono<OrganisationEnv>[]): Hono<AppEnv> {
  const app = new Hono<OrganisationEnv>();
  app.use("*", organisationContext());
  for (const part of parts) app.route("/", part);
  return app as unknown as Hono<AppEnv>;
}

/** Pages, mounted at /{lang}/orgs (beside src/people's, src/profiles' and src/assessments' pages). */
export function insightPages(): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  pages.route("/:org/learning", inOrganisation(learningRoutes()));
  pages.route("/:org", personInsightPages());
  pages.route("/:org/team/insights", inOrganisation(teamInsightRoutes()));
  pages.route("/:org/people/:person/plans", inOrganisation(planRoutes()));
  pages.route("/:org/plans", inOrganisation(planSettingsRoutes()));
  pages.route("/:org/insights", inOrganisation(organisationInsightRoutes()));
  return pages;
}
