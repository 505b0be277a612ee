/** The profile builder: choosing a profile's competencies from the index (issue 14). Filled by the builder work. */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";

/** Pages under /{lang}/orgs/:org/profiles/:profile/builder… */
export function builderRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}
