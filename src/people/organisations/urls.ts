/** Every URL of the organisation pages, built in one place (others link to an organisation's home). */
import type { Lang } from "../../i18n/index.ts";

const seg = (value: string) => encodeURIComponent(value);

export const orgUrls = {
  /** The instance administrator's list of organisations. */
  admin: (lang: Lang) => `/${lang}/admin/organisations`,
  adminAppoint: (lang: Lang) => `/${lang}/admin/organisations/administrators`,
  home: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}`,
  settings: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/settings`,
  roles: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/roles`,
  removeRole: (lang: Lang, slug: string, userId: string) => `/${lang}/orgs/${seg(slug)}/roles/${seg(userId)}/remove`,
  history: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/history`,
  /** Served by src/profiles (issue 14); people builds the address so it need not import profiles. */
  scale: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/scale`,
  profiles: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/profiles`,
  /** Served by src/assessments (issue 15). */
  cycles: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/cycles`,
  /** Served by src/insights (issue 16). */
  learning: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/learning`,
  insights: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/insights`,
  units: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/units`,
  unit: (lang: Lang, slug: string, unitId: string) => `/${lang}/orgs/${seg(slug)}/units/${seg(unitId)}`,
  unitAction: (lang: Lang, slug: string, unitId: string, action: "move" | "rename" | "head" | "parent" | "delete") =>
    `/${lang}/orgs/${seg(slug)}/units/${seg(unitId)}/${action}`,
};
