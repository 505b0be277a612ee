/**
 * "My insights" on "My organisations" (where members land after signing in): a link per
 * organisation where the account has a staff record (someone without one has no insights). Added
 * to src/people's `landingLinks` slot by the composition (src/app.tsx), after the waiting list's.
 */
import { type Lang, messages } from "../../i18n/index.ts";
import type { LandingLink, LandingLinks } from "../../people/services.ts";
import type { MyOrganisation } from "../../people/staff/views/team.tsx";
import { personInsightsUrls } from "./urls.ts";

export function insightLandingLinks(lang: Lang, organisations: readonly MyOrganisation[]): Map<string, LandingLink[]> {
  const t = messages(lang);
  return new Map(
    organisations
      .filter((organisation) => organisation.personId !== null)
      .map((organisation) => [
        organisation.slug,
        [{ href: personInsightsUrls.mine(lang, organisation.slug), text: t.ipTitleOwn }],
      ]),
  );
}

/** The slot's links with "My insights" after them, per organisation. */
export function withInsightLinks(links?: LandingLinks): LandingLinks {
  return async (db, lang, organisations) => {
    const merged = new Map<string, LandingLink[]>();
    for (const [slug, list] of (await links?.(db, lang, organisations)) ?? []) merged.set(slug, [...list]);
    for (const [slug, list] of insightLandingLinks(lang, organisations))
      merged.set(slug, [...(merged.get(slug) ?? []), ...list]);
    return merged;
  };
}
