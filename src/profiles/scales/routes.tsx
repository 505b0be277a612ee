/** The organisation's proficiency scale: pages and API (issue 14). Filled by the scales work. */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";

/** Pages under /{lang}/orgs/:org/scale. */
export function scaleRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}

/** API under /api/v1/orgs/:org/scale. */
export function scaleApi(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}
