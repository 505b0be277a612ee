/**
 * "My organisations" (/{lang}/orgs): a link to the team insights beside each organisation where the
 * account manages someone. src/people calls it through its `landingLinks` slot (src/app.tsx).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import type { LandingLink } from "../../people/services.ts";
import type { MyOrganisation } from "../../people/staff/views/team.tsx";
import { teamInsightUrls } from "./urls.ts";

export async function teamInsightLandingLinks(
  _db: Kysely<DB>,
  lang: Lang,
  organisations: readonly MyOrganisation[],
): Promise<ReadonlyMap<string, LandingLink[]>> {
  const text = messages(lang).itLandingLink;
  return new Map(
    organisations
      .filter((o) => o.personId !== null && o.hasReports)
      .map((o) => [o.slug, [{ href: teamInsightUrls.page(lang, o.slug), text }]]),
  );
}
