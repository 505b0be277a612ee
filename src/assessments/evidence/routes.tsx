/** Placeholder until it is built: an assessment's evidence (/{lang}/orgs/:org/assessments/:assessment/evidence…): links and files. */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";

export function evidenceRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}
