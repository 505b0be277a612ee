/**
 * Organisation pages and API (decision 024), composed from each capability's own routes. Every route
 * under `/:lang/orgs/:org/…` and `/api/v1/orgs/:org/…` runs after `organisationContext()`, which
 * loads the organisation and the actor's standing there; each route then asks the policy.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { type OrganisationEnv, organisationContext } from "./context.ts";
import { invitationRoutes } from "./invitations/routes.tsx";
import { organisationRoutes } from "./organisations/routes.tsx";
import { ORGANISATION_EXPORT_SECTIONS } from "./privacy/organisation-data.ts";
import { OWN_DATA_SECTIONS } from "./privacy/own-data.tsx";
import { privacyRoutes } from "./privacy/routes.tsx";
import type { PeopleServices } from "./services.ts";
import { ssoOrganisationRoutes } from "./sso/routes.tsx";
import { staffApi } from "./staff/api.ts";
import { myOrganisationsRoutes, staffRoutes } from "./staff/routes.tsx";
import { staffImportRoutes } from "./staff-import/routes.tsx";
import { unitApi } from "./units/api.ts";
import { unitRoutes } from "./units/routes.tsx";

/** Pages, mounted at /{lang}/orgs. */
export function organisationPages(services: PeopleServices): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  const organisation = new Hono<OrganisationEnv>();
  organisation.use("*", organisationContext());
  organisation.route("/", organisationRoutes());
  organisation.route("/units", unitRoutes());
  organisation.route("/", staffRoutes());
  organisation.route("/import", staffImportRoutes());
  organisation.route("/invitations", invitationRoutes(services));
  organisation.route("/sso", ssoOrganisationRoutes(services));
  organisation.route(
    "/",
    privacyRoutes({
      sections: [...OWN_DATA_SECTIONS, ...(services.ownDataSections ?? [])],
      organisationSections: [...ORGANISATION_EXPORT_SECTIONS, ...(services.organisationExportSections ?? [])],
    }),
  );
  pages.route("/", myOrganisationsRoutes(services.landingLinks));
  pages.route("/:org", organisation as unknown as Hono<AppEnv>);
  return pages;
}

/** The signed-in JSON API, mounted at /api/v1/orgs (before the public API and its open CORS). */
export function organisationApi(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const organisation = new Hono<OrganisationEnv>();
  organisation.use("*", organisationContext());
  organisation.route("/", staffApi());
  organisation.route("/units", unitApi());
  api.route("/:org", organisation as unknown as Hono<AppEnv>);
  return api;
}
