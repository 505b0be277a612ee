/**
 * Proficiency scales and job profiles (migrations 012 and 013, decision 030), as Kysely sees them.
 * Our own tables: ISO text timestamps (dates as YYYY-MM-DD), JSON as text, 0/1 for flags.
 */

export interface ProficiencyScalesTable {
  id: string;
  /** Null for the instance's default scale. */
  organisation_id: string | null;
  name_en: string;
  name_fr: string;
  description_en: string | null;
  description_fr: string | null;
  case_identifier: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProficiencyLevelsTable {
  scale_id: string;
  /** 1..n, contiguous. */
  number: number;
  label_en: string;
  label_fr: string;
  descriptor_en: string;
  descriptor_fr: string;
}

export interface CompetencyLevelDescriptorsTable {
  scale_id: string;
  framework_id: string;
  /** The competency's stable item id. */
  item_id: string;
  level_number: number;
  descriptor_en: string | null;
  descriptor_fr: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** The scale an organisation uses (no row: the default). */
export interface OrganisationScalesTable {
  organisation_id: string;
  scale_id: string;
  chosen_at: string;
  chosen_by: string | null;
}

export interface JobProfilesTable {
  id: string;
  organisation_id: string;
  code: string | null;
  title_en: string;
  title_fr: string;
  grade: string | null;
  summary_en: string;
  summary_fr: string;
  /** JSON array of {en, fr}. */
  duties: string;
  /** JSON array of {en, fr}. */
  qualifications: string;
  working_conditions_en: string;
  working_conditions_fr: string;
  scale_id: string;
  /** "starter:CODE" | "profile:ID" | null */
  copied_from: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface JobProfileUnitsTable {
  profile_id: string;
  unit_id: string;
}

export interface JobProfileRequirementsTable {
  profile_id: string;
  framework_id: string;
  item_id: string;
  /** The published edition the competency was chosen from (with item_id: a published_items row). */
  edition_id: string;
  ordinal: number;
  target_level: number;
  /** essential | asset */
  importance: string;
  /** JSON array of item ids, or null for the competency as a whole. */
  ksa_ids: string | null;
  /**
   * The edition whose change of this item the author reviewed and chose to keep the old wording
   * against (migration 015); null: never reviewed.
   */
  reviewed_edition_id: string | null;
}

export interface JobPostingsTable {
  id: string;
  organisation_id: string;
  profile_id: string;
  /** 0/1 */
  published: number;
  date_posted: string | null;
  valid_through: string | null;
  /** JSON array of schema.org employment types. */
  employment_type: string;
  hours_per_week: number | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  /** HOUR | WEEK | MONTH | YEAR */
  salary_unit: string | null;
  street_address: string | null;
  locality: string | null;
  region: string | null;
  postal_code: string | null;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  how_to_apply_en: string;
  how_to_apply_fr: string;
  created_at: string;
  updated_at: string;
}

/** The profile a person holds (no row: none). */
export interface PersonPositionsTable {
  person_id: string;
  profile_id: string;
  since: string | null;
  updated_at: string;
}
