/**
 * The organisation and people tables (migration 010, decision 024), as Kysely sees them. Our own
 * tables: ISO text timestamps (dates as YYYY-MM-DD), JSON as text. Queries live in src/people/.
 */

export interface OrganisationsTable {
  id: string;
  slug: string;
  name_en: string;
  name_fr: string;
  /** en | fr */
  default_lang: string;
  retention_left_months: number | null;
  retention_assessment_years: number | null;
  privacy_notice_en: string | null;
  privacy_notice_fr: string | null;
  /** JSON object (src/people/settings.ts). */
  settings: string;
  /** IANA time zone (migration 026, decision 054); null: the instance's TIME_ZONE. */
  time_zone: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitsTable {
  id: string;
  organisation_id: string;
  parent_id: string | null;
  name_en: string;
  name_fr: string;
  ordinal: number;
  head_person_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  organisation_id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  /** Lower-cased. */
  email: string | null;
  employee_number: string;
  unit_id: string | null;
  manager_id: string | null;
  /** active | on_leave | left */
  status: string;
  /** YYYY-MM-DD */
  status_since: string | null;
  /** en | fr */
  preferred_lang: string;
  user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganisationRolesTable {
  organisation_id: string;
  user_id: string;
  /** administrator */
  role: string;
  granted_at: string;
  granted_by: string | null;
}

export interface AccessLogTable {
  id: string;
  organisation_id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  person_id: string;
  /** record | export | access-log | … (src/people/access-log.ts) */
  what: string;
  path: string | null;
  request_id: string | null;
}

export interface OrganisationChangesTable {
  id: string;
  organisation_id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  /** organisation | unit | person | role */
  subject_kind: string;
  subject_id: string;
  /** create | update | delete | import | purge */
  action: string;
  batch_id: string;
  before: string | null;
  after: string | null;
}
