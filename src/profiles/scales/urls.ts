/** The scale pages' addresses, built in one place (profiles and the builder link to them). */
import type { Lang } from "../../i18n/index.ts";

const seg = (value: string) => encodeURIComponent(value);

export const scaleUrls = {
  page: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/scale`,
  choose: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/scale/choose`,
  levels: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/scale/levels`,
  importRubric: (lang: Lang, slug: string) => `/${lang}/orgs/${seg(slug)}/scale/import-rubric`,
  competency: (lang: Lang, slug: string, frameworkId: string, itemId: string) =>
    `/${lang}/orgs/${seg(slug)}/scale/competencies/${seg(frameworkId)}/${seg(itemId)}`,
  /** The instance's default scale, under the editor's addresses (its editors write it). */
  defaultCompetency: (lang: Lang, frameworkId: string, itemId: string) =>
    `/${lang}/editor/scale/competencies/${seg(frameworkId)}/${seg(itemId)}`,
};
