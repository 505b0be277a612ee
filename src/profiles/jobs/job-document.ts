/**
 * A profile as the documents' view model (src/profiles/documents/model.ts), in one language (pure):
 * what the Word and PDF renderers print. Requirements keep the author's order (the renderers group
 * them by area, essential first); each carries its level's words and its pinned edition's label.
 */
import type { Lang } from "../../i18n/index.ts";
import type { JobDocument, JobOrganisation, JobPostingDetails } from "../documents/model.ts";
import type { Bilingual, Scale } from "../scales/read.ts";
import type { Posting } from "./postings.ts";
import type { PinnedRequirement } from "./requirements.ts";
import type { Profile } from "./store.ts";

/** A requirement with the words of its target level (filled by description.tsx's describeLevels). */
export interface DescribedRequirement extends PinnedRequirement {
  levelLabel: Bilingual;
  levelDescriptor: Bilingual;
}

const KSA_KINDS: Record<string, { en: string; fr: string }> = {
  knowledge: { en: "Knowledge", fr: "Savoir" },
  skill: { en: "Skill", fr: "Savoir-faire" },
  ability: { en: "Ability", fr: "Aptitude" },
  ksa: { en: "Knowledge, skill or ability", fr: "Savoir, savoir-faire ou aptitude" },
};

export function toJobDocument(input: {
  lang: Lang;
  organisation: string;
  profile: Profile;
  units: string[];
  requirements: DescribedRequirement[];
  scale: Scale;
  /** Given, the document is this posting of the profile. */
  posting?: Posting;
  generatedAt: Date;
}): JobDocument {
  const { lang, profile: p, posting } = input;
  const pick = (b: { en: string; fr: string }) => (lang === "fr" ? b.fr : b.en);
  return {
    lang,
    kind: posting ? "posting" : "description",
    organisation: posting ? postingOrganisation(input.organisation, posting) : { name: input.organisation },
    ...(posting ? { posting: postingDetails(posting, lang) } : {}),
    title: lang === "fr" ? p.title_fr : p.title_en,
    code: p.code,
    units: input.units,
    grade: p.grade,
    summary: lang === "fr" ? p.summary_fr : p.summary_en,
    duties: p.duties.map(pick),
    qualifications: p.qualifications.map(pick),
    workingConditions: lang === "fr" ? p.working_conditions_fr : p.working_conditions_en,
    scale: {
      name: pick(input.scale.name),
      levels: input.scale.levels.map((l) => ({
        number: l.number,
        label: pick(l.label),
        descriptor: pick(l.descriptor),
      })),
    },
    requirements: input.requirements.map((r) => ({
      area: pick(r.area),
      code: r.code,
      competency: pick(r.competency),
      targetLevel: r.targetLevel,
      levelLabel: pick(r.levelLabel),
      levelDescriptor: pick(r.levelDescriptor),
      importance: r.importance,
      ksas: r.ksas.map((k) => ({
        kind: KSA_KINDS[k.type] ? pick(KSA_KINDS[k.type] as { en: string; fr: string }) : k.type,
        text: pick(k.text),
      })),
      edition:
        lang === "fr"
          ? `Édition ${r.editionNumber} (${r.editionDate})`
          : `Edition ${r.editionNumber} (${r.editionDate})`,
    })),
    generatedAt: input.generatedAt.toISOString(),
  };
}

/** The organisation as the posting places it (the posting's address is where the work is). */
function postingOrganisation(name: string, p: Posting): JobOrganisation {
  return {
    name,
    ...(p.street_address ? { streetAddress: p.street_address } : {}),
    ...(p.locality ? { locality: p.locality } : {}),
    ...(p.region ? { region: p.region } : {}),
    ...(p.postal_code ? { postalCode: p.postal_code } : {}),
    ...(p.country ? { country: p.country } : {}),
  };
}

function postingDetails(p: Posting, lang: Lang): JobPostingDetails {
  const unit = p.salary_unit === "HOUR" || p.salary_unit === "YEAR" ? p.salary_unit : undefined;
  return {
    datePosted: p.date_posted ?? "",
    validThrough: p.valid_through ?? "",
    employmentType: p.employment_type,
    ...(p.hours_per_week !== null ? { hoursPerWeek: p.hours_per_week } : {}),
    ...(p.salary_currency && unit && (p.salary_min !== null || p.salary_max !== null)
      ? {
          salary: {
            currency: p.salary_currency,
            unit,
            ...(p.salary_min !== null ? { min: p.salary_min } : {}),
            ...(p.salary_max !== null ? { max: p.salary_max } : {}),
          },
        }
      : {}),
    howToApply: lang === "fr" ? p.how_to_apply_fr : p.how_to_apply_en,
  };
}

/** A file name safe everywhere: the title's letters and digits, and the language. */
export function documentFileName(title: string, lang: Lang, extension: "pdf" | "docx"): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "job"}-${lang}.${extension}`;
}
