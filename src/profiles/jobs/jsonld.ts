/**
 * schema.org JobPosting for a public posting page, and a serialiser safe inside <script>: every "<",
 * ">", "&" and the line separators are written as \u escapes, so no text (a title holding
 * "</script>" or "<!--") can end the element or change how the browser parses it. Written here until
 * the documents' own builder (src/profiles/documents) lands; the route then uses that one.
 */
import type { Posting } from "./postings.ts";

export interface JobPostingFacts {
  title: string;
  /** Plain text. */
  description: string;
  organisation: { name: string; url: string };
  posting: Posting;
}

export function jobPostingLd(facts: JobPostingFacts): Record<string, unknown> {
  const p = facts.posting;
  const address = {
    "@type": "PostalAddress",
    ...(p.street_address ? { streetAddress: p.street_address } : {}),
    ...(p.locality ? { addressLocality: p.locality } : {}),
    ...(p.region ? { addressRegion: p.region } : {}),
    ...(p.postal_code ? { postalCode: p.postal_code } : {}),
    ...(p.country ? { addressCountry: p.country } : {}),
  };
  const salary =
    p.salary_currency && (p.salary_min !== null || p.salary_max !== null)
      ? {
          baseSalary: {
            "@type": "MonetaryAmount",
            currency: p.salary_currency,
            value: {
              "@type": "QuantitativeValue",
              ...(p.salary_min !== null ? { minValue: p.salary_min } : {}),
              ...(p.salary_max !== null ? { maxValue: p.salary_max } : {}),
              ...(p.salary_unit ? { unitText: p.salary_unit } : {}),
            },
          },
        }
      : {};
  return {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: facts.title,
    description: facts.description,
    datePosted: p.date_posted,
    validThrough: p.valid_through,
    employmentType: p.employment_type,
    hiringOrganization: { "@type": "Organization", name: facts.organisation.name, sameAs: facts.organisation.url },
    jobLocation: { "@type": "Place", address },
    ...salary,
  };
}

/** JSON that can sit inside <script type="application/ld+json"> whatever the text it carries. */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
