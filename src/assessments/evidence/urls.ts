/** Addresses of an assessment's evidence, under /{lang}/orgs/:org/assessments/:assessment/evidence. */
import type { Lang } from "../../i18n/index.ts";

const base = (lang: Lang, org: string, assessment: string) =>
  `/${lang}/orgs/${encodeURIComponent(org)}/assessments/${encodeURIComponent(assessment)}/evidence`;

export interface EvidenceUrls {
  page: string;
  links: string;
  files: string;
  file: (evidenceId: string) => string;
  remove: (evidenceId: string) => string;
}

export function evidenceUrls(lang: Lang, org: string, assessment: string): EvidenceUrls {
  const page = base(lang, org, assessment);
  return {
    page,
    links: `${page}/links`,
    files: `${page}/files`,
    file: (id) => `${page}/${encodeURIComponent(id)}`,
    remove: (id) => `${page}/${encodeURIComponent(id)}/remove`,
  };
}
