/** Absolute links from an API resource to its other representations, built on BASE_URL. */
import type { Framework } from "../db/schema.ts";
import { urls } from "../ui/urls.ts";

export interface FrameworkLinks {
  /** This framework in the API: the whole tree as JSON. */
  self: string;
  /** The framework's home page, per language. */
  html: { en: string; fr: string };
  /** The whole framework on one page (for printing), per language. */
  full: { en: string; fr: string };
}

export function frameworkLinks(baseUrl: string, framework: Pick<Framework, "id" | "slug">): FrameworkLinks {
  return {
    self: `${baseUrl}${apiPaths.framework(framework.id)}`,
    html: { en: baseUrl + urls.framework("en", framework.slug), fr: baseUrl + urls.framework("fr", framework.slug) },
    full: { en: baseUrl + urls.full("en", framework.slug), fr: baseUrl + urls.full("fr", framework.slug) },
  };
}

export const API_PREFIX = "/api/v1";

export const apiPaths = {
  frameworks: () => `${API_PREFIX}/frameworks`,
  framework: (idOrSlug: string) => `${API_PREFIX}/frameworks/${encodeURIComponent(idOrSlug)}`,
  openapi: () => `${API_PREFIX}/openapi.json`,
  search: () => `${API_PREFIX}/search`,
};
