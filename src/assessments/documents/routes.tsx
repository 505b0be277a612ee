/** Placeholder until it is built: an assessment's printable page and PDF (/{lang}/orgs/:org/assessments/:assessment/print, ….pdf). */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";

export function assessmentDocumentRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}
