/**
 * Proficiency scales and job profiles (issue 14, decision 030), composed from each part's routes.
 * They live under the organisation's addresses (/{lang}/orgs/:org/scale, …/profiles, and the API's
 * /api/v1/orgs/:org/…) but are mounted beside src/people's routes, not inside them: people is a
 * lower layer and must not know about profiles. Each part gets `organisationContext()` on its own
 * prefix only, so organisation pages that are not ours do not load the context twice.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { type OrganisationEnv, organisationContext } from "../people/context.ts";
import { builderRoutes } from "./builder/routes.tsx";
import { profileApi, profileRoutes, publicPostingRoutes } from "./jobs/routes.tsx";
import { defaultScaleRoutes } from "./scales/default-routes.tsx";
import { scaleApi, scaleRoutes } from "./scales/routes.tsx";

function inOrganisation(...parts: Hono<OrganisationEnv>[]): Hono<AppEnv> {
  const app = new Hono<OrganisationEnv>();
  app.use("*", organisationContext());
  for (const part of parts) app.route("/", part);
  return app as unknown as Hono<AppEnv>;
}

/** Pages, mounted at /{lang}/orgs (beside src/people's organisation pages). */
export function profilePages(): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  pages.route("/:org/scale", inOrganisation(scaleRoutes()));
  pages.route("/:org/profiles", inOrganisation(profileRoutes(), builderRoutes()));
  return pages;
}

/** The signed-in API, mounted at /api/v1/orgs (beside src/people's). */
export function profileApiRoutes(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.route("/:org/scale", inOrganisation(scaleApi()));
  api.route("/:org/profiles", inOrganisation(profileApi()));
  return api;
}

/** The default scale's descriptors, for the instance's editors: mounted at /{lang}/editor/scale. */
export function defaultScalePages(): Hono<AppEnv> {
  return defaultScaleRoutes();
}

/** Public postings, mounted at /{lang}/jobs. */
export function postingPages(): Hono<AppEnv> {
  return publicPostingRoutes();
}
