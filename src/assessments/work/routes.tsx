/** Placeholder until it is built: an assessment's pages (/{lang}/orgs/:org/assessments/:assessment…): self-assessment, manager review, agreement, sign-off, history. */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";

export function assessmentRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}
