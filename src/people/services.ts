/** What organisation routes need beyond the request: signing in (src/auth) and sending mail (src/mail). */
import type { Kysely } from "kysely";
import type { AuthService } from "../auth/service.ts";
import type { DB } from "../db/schema.ts";
import type { Lang } from "../i18n/index.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { OrganisationExportSection } from "./privacy/organisation-export.ts";
import type { OwnDataSection } from "./privacy/own-data.tsx";
import type { MyOrganisation } from "./staff/views/team.tsx";

/** A link shown with an organisation on "My organisations" (where members land after signing in). */
export interface LandingLink {
  href: string;
  text: string;
}

/**
 * Links a higher layer adds to "My organisations", by organisation slug: the composition (src/app.tsx)
 * fills it with the assessments' "waiting for you" count, which src/people may not import (decision 044).
 */
export type LandingLinks = (
  db: Kysely<DB>,
  lang: Lang,
  organisations: readonly MyOrganisation[],
) => Promise<ReadonlyMap<string, LandingLink[]>>;

/** Several sources of landing links as one, each organisation's links in the sources' order. */
export function combineLandingLinks(...sources: LandingLinks[]): LandingLinks {
  return async (db, lang, organisations) => {
    const all = await Promise.all(sources.map((source) => source(db, lang, organisations)));
    const combined = new Map<string, LandingLink[]>();
    for (const links of all)
      for (const [slug, list] of links) combined.set(slug, [...(combined.get(slug) ?? []), ...list]);
    return combined;
  };
}

export interface PeopleServices {
  auth: AuthService;
  mailer: Mailer;
  landingLinks?: LandingLinks;
  /**
   * What higher layers hold about a person (development plans…), added to "everything held about
   * me" after the people side's own sections; the composition (src/app.tsx) fills it.
   */
  ownDataSections?: readonly OwnDataSection[];
  /**
   * What higher layers hold for the organisation (profiles, assessments, plans…): sections of its
   * export and lines of its deletion's confirmation, after the people side's own (decision 052).
   */
  organisationExportSections?: readonly OrganisationExportSection[];
}
