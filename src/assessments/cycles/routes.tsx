/** Placeholder until it is built: the cycles pages (/{lang}/orgs/:org/cycles…): list, create, open, extend, close, reopen, HR progress and its CSV/XLSX. */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";

export function cycleRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}
