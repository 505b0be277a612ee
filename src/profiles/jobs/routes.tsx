/** Job profiles and postings: pages and API (issue 14). Filled by the profiles work. */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import type { OrganisationEnv } from "../../people/context.ts";

/** Pages under /{lang}/orgs/:org/profiles. */
export function profileRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}

/** API under /api/v1/orgs/:org/profiles. */
export function profileApi(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}

/** Public pages of published postings, under /{lang}/jobs (no sign-in). */
export function publicPostingRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
