/**
 * Learning resources and development plans (migration 018, decision 042), as Kysely sees them.
 * Queries live in src/insights/.
 */

export interface LearningResourcesTable {
  id: string;
  organisation_id: string;
  title_en: string;
  title_fr: string;
  url: string | null;
  provider: string | null;
  /** course | on_the_job | mentoring | reading | video | other */
  format: string;
  /** Whole minutes (entered in hours). */
  duration_minutes: number | null;
  /** Integer cents of `currency`; both or neither. */
  cost_cents: number | null;
  /** ISO 4217, upper case. */
  currency: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

/** A competency a resource builds: by framework and item, across editions (not pinned). */
export interface LearningResourceCompetenciesTable {
  resource_id: string;
  framework_id: string;
  item_id: string;
}

export interface DevelopmentPlansTable {
  id: string;
  organisation_id: string;
  person_id: string;
  year: number;
  /** draft | submitted | approved | closed */
  state: string;
  submitted_at: string | null;
  approved_by: string | null;
  approved_by_label: string | null;
  approved_at: string | null;
  closed_at: string | null;
  /** Sent back to draft: the manager's reason, their name then and when (migration 023). */
  returned_reason: string | null;
  returned_by_label: string | null;
  returned_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DevelopmentPlanGoalsTable {
  id: string;
  plan_id: string;
  framework_id: string;
  item_id: string;
  goal: string;
  ordinal: number;
  created_at: string;
  updated_at: string;
}

export interface DevelopmentPlanActivitiesTable {
  id: string;
  goal_id: string;
  /** course | practice | mentoring | resource */
  kind: string;
  learning_resource_id: string | null;
  description: string;
  /** YYYY-MM-DD */
  target_date: string | null;
  /** planned | in_progress | done | dropped */
  status: string;
  /** Set exactly when the status is done. */
  done_at: string | null;
  ordinal: number;
  created_at: string;
  updated_at: string;
}

export interface DevelopmentPlanCheckinsTable {
  id: string;
  plan_id: string;
  at: string;
  author_id: string | null;
  author_label: string;
  note: string;
}
