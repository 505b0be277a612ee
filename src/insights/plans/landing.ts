/**
 * "My development plans" on "My organisations" (/{lang}/orgs, where members land after signing in),
 * for each organisation where the account is a person: added after the links a lower capability
 * already gives (the assessments' waiting list), through src/people's `landingLinks` slot.
 */
import { messages } from "../../i18n/index.ts";
import type { LandingLinks } from "../../people/services.ts";
import { planUrls } from "./urls.ts";

export function withPlanLinks(before: LandingLinks): LandingLinks {
  return async (db, lang, organisations) => {
    const links = new Map(await before(db, lang, organisations));
    for (const organisation of organisations) {
      if (!organisation.personId) continue;
      links.set(organisation.slug, [
        ...(links.get(organisation.slug) ?? []),
        { href: planUrls.list(lang, organisation.slug, organisation.personId), text: messages(lang).planMyPlansLink },
      ]);
    }
    return links;
  };
}
