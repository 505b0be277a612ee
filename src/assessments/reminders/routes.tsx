/**
 * Placeholder until it is built: the "waiting for you" list (/{lang}/orgs/:org/waiting) and each
 * person's reminder settings (/{lang}/orgs/:org/reminders).
 */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";

export function waitingRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}

export function reminderRoutes(): Hono<OrganisationEnv> {
  return new Hono<OrganisationEnv>();
}
