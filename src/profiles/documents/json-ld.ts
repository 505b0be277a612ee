/**
 * A published posting as schema.org `JobPosting` structured data, for the public posting page's
 * <script type="application/ld+json">: the properties search engines require (title, description,
 * datePosted, hiringOrganization, jobLocation) and recommend (validThrough, employmentType,
 * baseSalary, identifier, directApply), plus the profile's competencies as `skills`.
 *
 * The description is HTML, which search engines allow there: built here from escaped plain text
 * only, so no markup of the author's ever reaches it. `jsonLdScript` serialises for an inline script:
 * `<`, `>`, `&` and the two line separators are written as \u escapes, so no text can close the
 * element or start a comment, whatever it holds.
 */
import { competencyLabel, documentMessages, importanceLabel, levelLabel } from "./labels.ts";
import { type EMPLOYMENT_TYPES, groupRequirements, isEmploymentType, type JobDocument, paragraphs } from "./model.ts";

export interface PostalAddressLd {
  "@type": "PostalAddress";
  streetAddress?: string;
  addressLocality?: string;
  addressRegion?: string;
  postalCode?: string;
  addressCountry?: string;
}

export interface JobPostingLd {
  "@context": "https://schema.org/";
  "@type": "JobPosting";
  title: string;
  description: string;
  datePosted: string;
  validThrough?: string;
  employmentType?: (typeof EMPLOYMENT_TYPES)[number] | (typeof EMPLOYMENT_TYPES)[number][];
  hiringOrganization: { "@type": "Organization"; name: string; sameAs?: string; url?: string };
  jobLocation: { "@type": "Place"; name?: string; address: PostalAddressLd };
  identifier?: { "@type": "PropertyValue"; name: string; value: string };
  baseSalary?: {
    "@type": "MonetaryAmount";
    currency: string;
    value: {
      "@type": "QuantitativeValue";
      unitText: "HOUR" | "YEAR";
      value?: number;
      minValue?: number;
      maxValue?: number;
    };
  };
  directApply: false;
  responsibilities?: string;
  qualifications?: string;
  skills?: string[];
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** ISO 8601 date or date-time as given when it is one; undefined otherwise. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) return undefined;
  return Number.isNaN(Date.parse(trimmed)) ? undefined : trimmed;
}

/** An http(s) address, normalised; undefined for anything else (javascript:, data:, junk). */
function webAddress(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The posting's description as the limited HTML search engines show: paragraphs, headings, lists. */
export function postingDescriptionHtml(doc: JobDocument): string {
  const t = documentMessages(doc);
  const parts: string[] = [];
  const section = (heading: string, body: string) => parts.push(`<h3>${escapeHtml(heading)}</h3>${body}`);
  const paras = (text: string) =>
    paragraphs(text)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join("");
  const list = (items: string[]) => {
    const kept = items.map((item) => item.trim()).filter(Boolean);
    return kept.length ? `<ul>${kept.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>` : "";
  };
  parts.push(paras(doc.summary));
  if (doc.duties.some((d) => d.trim())) section(t.jobDocDuties, list(doc.duties));
  if (doc.qualifications.some((q) => q.trim())) section(t.jobDocQualifications, list(doc.qualifications));
  const groups = groupRequirements(doc.requirements);
  if (groups.length > 0) {
    section(
      t.jobDocCompetencies,
      groups
        .map(
          (group) =>
            `<p><strong>${escapeHtml(group.area)}</strong></p>${list(
              group.requirements.map(
                (r) =>
                  `${competencyLabel(r)} — ${levelLabel(doc, r)} (${importanceLabel(doc, r).toLocaleLowerCase(doc.lang)})`,
              ),
            )}`,
        )
        .join(""),
    );
  }
  if (paragraphs(doc.workingConditions).length > 0) section(t.jobDocWorkingConditions, paras(doc.workingConditions));
  if (doc.posting && paragraphs(doc.posting.howToApply).length > 0)
    section(t.jobDocHowToApply, paras(doc.posting.howToApply));
  return parts.join("");
}

/**
 * The JobPosting object. A document without posting details (a job description) has no posting:
 * undefined. Dates that are not ISO 8601 are left out rather than sent wrong; unknown employment
 * types and non-web addresses are dropped.
 */
export function jobPostingJsonLd(doc: JobDocument): JobPostingLd | undefined {
  const posting = doc.posting;
  if (!posting) return undefined;
  const datePosted = isoDate(posting.datePosted) ?? doc.generatedAt.slice(0, 10);
  const organisation = doc.organisation;
  const address: PostalAddressLd = { "@type": "PostalAddress" };
  const streetAddress = nonEmpty(organisation.streetAddress);
  const locality = nonEmpty(organisation.locality);
  const region = nonEmpty(organisation.region);
  const postalCode = nonEmpty(organisation.postalCode);
  const country = nonEmpty(organisation.country);
  if (streetAddress) address.streetAddress = streetAddress;
  if (locality) address.addressLocality = locality;
  if (region) address.addressRegion = region;
  if (postalCode) address.postalCode = postalCode;
  if (country) address.addressCountry = country;

  const site = webAddress(organisation.url);
  const types = [...new Set(posting.employmentType.filter(isEmploymentType))];
  const ld: JobPostingLd = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: doc.title,
    description: postingDescriptionHtml(doc),
    datePosted,
    hiringOrganization: {
      "@type": "Organization",
      name: organisation.name,
      ...(site ? { sameAs: site, url: site } : {}),
    },
    jobLocation: {
      "@type": "Place",
      ...(nonEmpty(posting.location) ? { name: nonEmpty(posting.location) } : {}),
      address,
    },
    directApply: false,
  };
  const validThrough = isoDate(posting.validThrough);
  if (validThrough) ld.validThrough = validThrough;
  if (types.length > 0) ld.employmentType = types.length === 1 ? types[0] : types;
  if (doc.code) ld.identifier = { "@type": "PropertyValue", name: organisation.name, value: doc.code };
  const salary = posting.salary;
  const amount = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined);
  const min = amount(salary?.min);
  const max = amount(salary?.max);
  if (salary && /^[A-Z]{3}$/.test(salary.currency) && (min !== undefined || max !== undefined)) {
    ld.baseSalary = {
      "@type": "MonetaryAmount",
      currency: salary.currency,
      value:
        min !== undefined && max !== undefined && min !== max
          ? {
              "@type": "QuantitativeValue",
              unitText: salary.unit,
              minValue: Math.min(min, max),
              maxValue: Math.max(min, max),
            }
          : { "@type": "QuantitativeValue", unitText: salary.unit, value: (min ?? max) as number },
    };
  }
  const duties = doc.duties.map((d) => d.trim()).filter(Boolean);
  if (duties.length > 0) ld.responsibilities = duties.join("\n");
  const qualifications = doc.qualifications.map((q) => q.trim()).filter(Boolean);
  if (qualifications.length > 0) ld.qualifications = qualifications.join("\n");
  if (doc.requirements.length > 0) ld.skills = doc.requirements.map((r) => r.competency);
  return ld;
}

const SCRIPT_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON for the inside of <script type="application/ld+json">. JSON.stringify leaves these characters
 * only inside strings, where a \u escape means the same character: the data is unchanged for a JSON
 * reader, and the HTML parser never sees `</script`, `<!--` or an entity.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]);
}
