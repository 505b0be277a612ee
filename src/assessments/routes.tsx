/**
 * Review cycles and assessments (issue 15, decision 038), composed from each part's routes. Like
 * src/profiles, they live under the organisation's addresses (/{lang}/orgs/:org/cycles, …/assessments,
 * …/waiting, …/reminders) and are mounted beside src/people's routes: people is a lower layer. Each
 * part gets `organisationContext()` on its own prefix only.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { type OrganisationEnv, organisationContext } from "../people/context.ts";
import { cycleRoutes } from "./cycles/routes.tsx";
import { assessmentDocumentRoutes } from "./documents/routes.tsx";
import { evidenceRoutes } from "./evidence/routes.tsx";
import { reminderRoutes, waitingRoutes } from "./reminders/routes.tsx";
import { assessmentRoutes } from "./work/routes.tsx";

function inOrganisation(...parts: Hono<OrganisationEnv>[]): Hono<AppEnv> {
  const app = new Hono<OrganisationEnv>();
  app.use("*", organisationContext());
  for (const part of parts) app.route("/", part);
  return app as unknown as Hono<AppEnv>;
}

/** Pages, mounted at /{lang}/orgs (beside src/people's and src/profiles' organisation pages). */
export function assessmentPages(): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  pages.route("/:org/cycles", inOrganisation(cycleRoutes()));
  pages.route("/:org/assessments", inOrganisation(assessmentRoutes(), evidenceRoutes(), assessmentDocumentRoutes()));
  pages.route("/:org/waiting", inOrganisation(waitingRoutes()));
  pages.route("/:org/reminders", inOrganisation(reminderRoutes()));
  return pages;
}
