/**
 * A posting added to a profile's document (pure): the view model the documents' renderers and the
 * JSON-LD builder read for a job posting. The posting's place is where the work is, so it fills the
 * organisation's address the JobPosting's `jobLocation` is built from.
 */
import type { Lang } from "../../i18n/index.ts";
import type { JobDocument } from "../documents/model.ts";
import type { Posting } from "./postings.ts";

export function withPosting(doc: JobDocument, posting: Posting, lang: Lang, organisationUrl?: string): JobDocument {
  const present = (v: string | null) => v ?? undefined;
  const salary =
    posting.salary_currency && posting.salary_unit && (posting.salary_min !== null || posting.salary_max !== null)
      ? {
          currency: posting.salary_currency,
          unit: posting.salary_unit === "YEAR" ? ("YEAR" as const) : ("HOUR" as const),
          ...(posting.salary_min !== null ? { min: posting.salary_min } : {}),
          ...(posting.salary_max !== null ? { max: posting.salary_max } : {}),
        }
      : undefined;
  return {
    ...doc,
    kind: "posting",
    organisation: {
      ...doc.organisation,
      url: organisationUrl,
      streetAddress: present(posting.street_address),
      locality: present(posting.locality),
      region: present(posting.region),
      postalCode: present(posting.postal_code),
      country: present(posting.country),
    },
    posting: {
      datePosted: posting.date_posted ?? "",
      validThrough: posting.valid_through ?? "",
      employmentType: posting.employment_type,
      ...(posting.hours_per_week !== null ? { hoursPerWeek: posting.hours_per_week } : {}),
      ...(salary ? { salary } : {}),
      howToApply: lang === "fr" ? posting.how_to_apply_fr : posting.how_to_apply_en,
    },
  };
}
