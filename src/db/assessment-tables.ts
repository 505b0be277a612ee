/**
 * Review cycles and assessments (migration 017, decision 038), as Kysely sees them. Our own tables:
 * ISO text timestamps (dates as YYYY-MM-DD), JSON as text.
 */

export interface ReviewCyclesTable {
  id: string;
  organisation_id: string;
  name_en: string;
  name_fr: string;
  period_start: string;
  period_end: string;
  scale_id: string;
  /** JSON {units: string[], profiles: string[], people: string[]} */
  participants: string;
  /** keep | move | withdraw */
  leaver_rule: string;
  /** draft | open | closed */
  state: string;
  opened_at: string | null;
  closed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface ReviewCycleStepsTable {
  cycle_id: string;
  /** self | manager | conversation | signoff */
  step: string;
  due_date: string;
}

export interface AssessmentsTable {
  id: string;
  cycle_id: string;
  organisation_id: string;
  person_id: string;
  manager_id: string | null;
  profile_id: string | null;
  /** not_started | in_progress | submitted | in_review | agreed | signed_off | reopened | withdrawn */
  state: string;
  reopened_reason: string | null;
  conversation_date: string | null;
  conversation_notes: string | null;
  person_signed_at: string | null;
  manager_signed_at: string | null;
  /**
   * This assessment's own due date (YYYY-MM-DD, migration 025, decision 053), set when it is
   * reopened: its steps still to do are due no earlier than this day. Null: the cycle's dates apply.
   */
  due_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AssessmentItemsTable {
  assessment_id: string;
  framework_id: string;
  item_id: string;
  edition_id: string;
  ordinal: number;
  /** profile | person | manager */
  origin: string;
  target_level: number | null;
  /** essential | asset | null */
  importance: string | null;
  self_level: number | null;
  self_comment: string | null;
  manager_level: number | null;
  manager_comment: string | null;
  agreed_level: number | null;
  updated_at: string;
}

export interface AssessmentEvidenceTable {
  id: string;
  assessment_id: string;
  item_id: string | null;
  /** link | file */
  kind: string;
  title: string;
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  bytes: Uint8Array | null;
  created_at: string;
  created_by: string | null;
}

export interface AssessmentHistoryTable {
  id: string;
  assessment_id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  event: string;
  from_state: string | null;
  to_state: string | null;
  /** JSON */
  detail: string | null;
}

export interface ReminderSettingsTable {
  person_id: string;
  /** each | weekly */
  mode: string;
  updated_at: string;
}

export interface RemindersSentTable {
  id: string;
  person_id: string;
  assessment_id: string | null;
  reminder_key: string;
  sent_at: string;
}
