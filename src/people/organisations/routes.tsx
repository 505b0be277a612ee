/** Placeholder: this capability's pages under /:lang/orgs/:org (filled by its own work). */
import { Hono } from "hono";
import type { OrganisationEnv } from "../context.ts";

export function organisationRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}
