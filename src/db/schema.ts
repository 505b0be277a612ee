import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { OrganisationSsoTable, PersonInvitationsTable } from "./access-tables.ts";
import type {
  AssessmentEvidenceTable,
  AssessmentHistoryTable,
  AssessmentItemsTable,
  AssessmentsTable,
  ReminderSettingsTable,
  RemindersSentTable,
  ReviewCycleStepsTable,
  ReviewCyclesTable,
} from "./assessment-tables.ts";
import type { AccountsTable, SessionsTable, TwoFactorsTable, UsersTable, VerificationsTable } from "./auth-tables.ts";
import type {
  DevelopmentPlanActivitiesTable,
  DevelopmentPlanCheckinsTable,
  DevelopmentPlanGoalsTable,
  DevelopmentPlansTable,
  LearningResourceCompetenciesTable,
  LearningResourcesTable,
} from "./insight-tables.ts";
import type {
  AccessLogTable,
  OrganisationChangesTable,
  OrganisationRolesTable,
  OrganisationsTable,
  PeopleTable,
  UnitsTable,
} from "./people-tables.ts";
import type {
  CompetencyLevelDescriptorsTable,
  JobPostingsTable,
  JobProfileRequirementsTable,
  JobProfilesTable,
  JobProfileUnitsTable,
  OrganisationScalesTable,
  PersonPositionsTable,
  ProficiencyLevelsTable,
  ProficiencyScalesTable,
} from "./profile-tables.ts";
import type { AuthThrottleTable, SecurityEventsTable } from "./security-tables.ts";

/**
 * The one database interface, valid for SQLite and PostgreSQL alike. Timestamps are ISO-8601 text
 * (UTC, millisecond precision) so both dialects sort and compare them the same way; JSON is text.
 */
export interface DB {
  frameworks: FrameworksTable;
  item_types: ItemTypesTable;
  items: ItemsTable;
  meta: MetaTable;
  // CASE interoperability (src/interop/case, migration 002)
  case_associations: CaseAssociationsTable;
  case_definitions: CaseDefinitionsTable;
  // accounts (src/auth/tables.ts, migration 003)
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  // editions, history, adoption (src/editions, src/editor, migration 004)
  editions: EditionsTable;
  changes: ChangesTable;
  adoptions: AdoptionsTable;
  // per-item upstream tracking (src/adoption, migration 006)
  adoption_items: AdoptionItemsTable;
  // published editions as rows (src/editions, migration 008)
  published_item_types: PublishedItemTypesTable;
  published_items: PublishedItemsTable;
  // security: sign-in throttling, the security log (src/security), second factor (migration 007)
  auth_throttle: AuthThrottleTable;
  security_events: SecurityEventsTable;
  two_factors: TwoFactorsTable;
  // bilingual upkeep (src/editor/translations.ts, migration 005)
  translation_flags: TranslationFlagsTable;
  // several processes: import wizard uploads waiting for confirmation (migration 009)
  import_uploads: ImportUploadsTable;
  // organisations and people (src/people, migration 010)
  organisations: OrganisationsTable;
  units: UnitsTable;
  people: PeopleTable;
  organisation_roles: OrganisationRolesTable;
  access_log: AccessLogTable;
  organisation_changes: OrganisationChangesTable;
  // invitations and single sign-on (src/people/invitations, src/people/sso, migration 011)
  person_invitations: PersonInvitationsTable;
  organisation_sso: OrganisationSsoTable;
  // proficiency scales and job profiles (src/profiles, migrations 012 and 013)
  proficiency_scales: ProficiencyScalesTable;
  proficiency_levels: ProficiencyLevelsTable;
  competency_level_descriptors: CompetencyLevelDescriptorsTable;
  organisation_scales: OrganisationScalesTable;
  job_profiles: JobProfilesTable;
  job_profile_units: JobProfileUnitsTable;
  job_profile_requirements: JobProfileRequirementsTable;
  job_postings: JobPostingsTable;
  person_positions: PersonPositionsTable;
  // review cycles and assessments (src/assessments, migration 017)
  review_cycles: ReviewCyclesTable;
  review_cycle_steps: ReviewCycleStepsTable;
  assessments: AssessmentsTable;
  assessment_items: AssessmentItemsTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_history: AssessmentHistoryTable;
  reminder_settings: ReminderSettingsTable;
  reminders_sent: RemindersSentTable;
  // learning resources and development plans (src/insights, migration 018)
  learning_resources: LearningResourcesTable;
  learning_resource_competencies: LearningResourceCompetenciesTable;
  development_plans: DevelopmentPlansTable;
  development_plan_goals: DevelopmentPlanGoalsTable;
  development_plan_activities: DevelopmentPlanActivitiesTable;
  development_plan_checkins: DevelopmentPlanCheckinsTable;
}

export interface FrameworksTable {
  id: string;
  slug: string;
  title_en: string | null;
  title_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  publisher: string | null;
  version: string;
  /** draft | published | retired */
  status: string;
  licence: string | null;
  created_at: string;
  updated_at: string;
  /** Fields this model has no column for (e.g. from a CASE import), kept for re-export. JSON text. */
  extra: string | null;
}

export interface ItemTypesTable {
  id: string;
  framework_id: string;
  code: string;
  label_en: string | null;
  label_fr: string | null;
  position: number;
  /** How a CASE source named this type (CFItemType, CFItemTypeURI), kept for re-export. JSON text. */
  extra: string | null;
}

export interface ItemsTable {
  id: string;
  framework_id: string;
  parent_id: string | null;
  type_id: string;
  /** Human code such as "ML.CR.2" (CASE humanCodingScheme); not necessarily unique in imports. */
  code: string | null;
  position: number;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  created_at: string;
  /** Last change of this item itself; an area's "last updated" rolls this up over its subtree. */
  updated_at: string;
  extra: string | null;
  /** Increases with every saved edit of the item's own fields (optimistic concurrency). */
  version: Generated<number>;
  /** In an adopted framework, the id of the source's item this one copies (migration 008); else null. */
  source_item_id: string | null;
}

/** A CASE association, kept as it came so an export gives it back (src/interop/case). */
export interface CaseAssociationsTable {
  framework_id: string;
  id: string;
  association_type: string;
  uri: string | null;
  /** The endpoint's item when it is inside the package; null for the CFDocument or a node elsewhere. */
  origin_item_id: string | null;
  origin_identifier: string;
  origin_uri: string | null;
  origin_title: string | null;
  destination_item_id: string | null;
  destination_identifier: string;
  destination_uri: string | null;
  destination_title: string | null;
  sequence_number: number | null;
  grouping_id: string | null;
  /** Set on the isChildOf that became the origin's parent link: the position the import gave the item. */
  tree_position: number | null;
  /** Order in the source package. */
  ordinal: number;
  last_change: string;
  /** Source fields with no column (notes, extensions, CFAssociationGroupingURI…). JSON text. */
  extra: string | null;
}

/** A CASE definition (item type, subject, concept, licence, association grouping, rubric), verbatim. */
export interface CaseDefinitionsTable {
  framework_id: string;
  /** itemType | subject | concept | license | associationGrouping | rubric */
  kind: string;
  id: string;
  ordinal: number;
  /** The definition's JSON object as it came. */
  body: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/**
 * A published, immutable edition (migration 008 made it relational): the framework's texts as the
 * edition froze them are columns here, its item types and items are rows of `published_item_types`
 * and `published_items`, and `snapshot` is only a cache of all that for fast reading (decision 015).
 */
export interface EditionsTable {
  id: string;
  framework_id: string;
  number: number;
  /** What changed, per language (migration 005). Both are required at publish; older editions may lack one. */
  summary_en: string | null;
  summary_fr: string | null;
  published_at: string;
  /** Account id of the publisher; null for the starter load and the CLI. */
  published_by: string | null;
  /** The publisher's name as it was then, so the record survives the account. */
  published_by_label: string | null;
  /** The framework's texts and dates as published (migration 008). */
  title_en: string | null;
  title_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  publisher: string | null;
  licence: string | null;
  framework_created_at: string;
  framework_updated_at: string;
  /** The framework's kept source fields (frameworks.extra) as published. JSON object text. */
  extra: string | null;
  /** For an adopted framework: the source and its edition this one was based on when published. */
  adopted_from_id: string | null;
  adopted_from_slug: string | null;
  adopted_from_title_en: string | null;
  adopted_from_title_fr: string | null;
  adopted_from_edition: number | null;
  /**
   * What only CASE carries (associations, definitions) as published, versioned JSON text
   * (src/editions/stored.ts); null for editions published before CASE data was frozen with them.
   */
  case_data: string | null;
  /** A cache of the whole edition (versioned JSON text, src/editions/stored.ts); the rows are the truth. */
  snapshot: string;
}

/** An item type as an edition published it. */
export interface PublishedItemTypesTable {
  edition_id: string;
  code: string;
  /** The draft's type id then; null for editions frozen before type ids were kept. */
  type_id: string | null;
  label_en: string | null;
  label_fr: string | null;
  position: number;
  /** How a CASE source named the type (item_types.extra as published). JSON object text. */
  extra: string | null;
}

/**
 * A competency (or any item) as an edition published it: what a later table references as "this item,
 * as published in edition N" with `foreign key (edition_id, item_id) references published_items`.
 */
export interface PublishedItemsTable {
  edition_id: string;
  item_id: string;
  /** The parent in the same edition (null at the top). */
  parent_id: string | null;
  type_code: string;
  code: string | null;
  position: number;
  statement_en: string | null;
  statement_fr: string | null;
  description_en: string | null;
  description_fr: string | null;
  /** The item's own last change, as published. */
  updated_at: string;
  /** items.extra as published (kept source fields). JSON object text. */
  extra: string | null;
  /** In an adopted framework, the source's item this one copies. */
  source_item_id: string | null;
}

/** One field-level change: who, when, what (before/after as JSON text). */
export interface ChangesTable {
  id: string;
  framework_id: string;
  item_id: string | null;
  /** "/root/…/item/": the item's ancestry at the time, for filtering by area after deletes. */
  item_path: string | null;
  /** The changes one action made share a batch. */
  batch_id: string;
  ordinal: number;
  actor_id: string | null;
  actor_label: string | null;
  at: string;
  /** create | update | delete | move | reorder | restore | publish | adopt | take | leave */
  kind: string;
  field: string | null;
  before: string | null;
  after: string | null;
}

/** A framework copied from a published one: where it came from, and which upstream edition it copied. */
export interface AdoptionsTable {
  framework_id: string;
  source_framework_id: string;
  /** The newest upstream edition the copy had caught up with at its last decision (see src/adoption). */
  source_edition: number;
  /** The edition copied; it never changes. */
  adopted_edition: number;
  adopted_at: string;
}

/** Per upstream item of an adopted framework: the upstream edition whose state was last taken or left. */
export interface AdoptionItemsTable {
  framework_id: string;
  /** The item's id upstream (the local copy's id is derived from it). */
  source_item_id: string;
  edition: number;
  /** take | leave | merge */
  decision: string;
  /** The kind of upstream change decided on: added | changed | removed. */
  kind: string;
  actor_id: string | null;
  at: string;
}

/**
 * "The other language may be out of date": one language of a bilingual text changed and the other did
 * not. Cleared when the other language is updated or an editor confirms it (src/editor/translations.ts).
 */
export interface TranslationFlagsTable {
  id: string;
  framework_id: string;
  /** The item whose text it is; null for the framework's own title and description. */
  item_id: string | null;
  /** The text, by its base name: statement | description (items), title | description (framework). */
  field: string;
  /** The language that may be out of date (the one that did not change): en | fr. */
  lang: string;
  flagged_at: string;
  /** Who changed the other language (account id and name as they were then). */
  flagged_by: string | null;
  flagged_by_label: string | null;
}

export type Organisation = Selectable<OrganisationsTable>;
export type Unit = Selectable<UnitsTable>;
export type Person = Selectable<PeopleTable>;
export type Framework = Selectable<FrameworksTable>;
export type NewFramework = Insertable<FrameworksTable>;
export type FrameworkUpdate = Updateable<FrameworksTable>;
/** An item type; `extra` is there only where a query selects it (the CASE exporter, editions). */
export type ItemType = Omit<Selectable<ItemTypesTable>, "extra"> & { extra?: string | null };
export type Item = Selectable<ItemsTable>;
export type NewItem = Insertable<ItemsTable>;
export type Edition = Selectable<EditionsTable>;
export type PublishedItem = Selectable<PublishedItemsTable>;
export type PublishedItemType = Selectable<PublishedItemTypesTable>;
export type TranslationFlag = Selectable<TranslationFlagsTable>;
export type Change = Selectable<ChangesTable>;
export type NewChange = Insertable<ChangesTable>;
export type { Generated };

/** An upload waiting between the import wizard's preview and its confirmation (migration 009). */
export interface ImportUploadsTable {
  token: string;
  user_id: string;
  /** JSON object: the wizard's UploadMeta (src/interop/wizard/uploads.ts). */
  meta: string;
  bytes: Uint8Array;
  size: number;
  created_at: string;
  expires_at: string;
}
