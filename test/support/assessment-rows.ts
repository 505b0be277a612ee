/** Rows of review cycles and assessments with sensible defaults, for tests that write them directly. */
import type { DB } from "../../src/db/schema.ts";
import { DEFAULT_SCALE_ID } from "../../src/profiles/scales/read.ts";

const AT = "2027-01-10T09:00:00.000Z";

export const cycleRow = (
  fields: Pick<DB["review_cycles"], "id" | "organisation_id"> & Partial<DB["review_cycles"]>,
): DB["review_cycles"] => ({
  name_en: fields.id,
  name_fr: fields.id,
  period_start: "2027-01-01",
  period_end: "2027-12-31",
  scale_id: DEFAULT_SCALE_ID,
  participants: "{}",
  leaver_rule: "keep",
  state: "draft",
  opened_at: null,
  closed_at: null,
  version: 1,
  created_at: AT,
  updated_at: AT,
  updated_by: null,
  ...fields,
});

export const assessmentRow = (
  fields: Pick<DB["assessments"], "id" | "cycle_id" | "organisation_id" | "person_id"> & Partial<DB["assessments"]>,
): DB["assessments"] => ({
  manager_id: null,
  profile_id: null,
  state: "not_started",
  reopened_reason: null,
  conversation_date: null,
  conversation_notes: null,
  person_signed_at: null,
  manager_signed_at: null,
  due_on: null,
  version: 1,
  created_at: AT,
  updated_at: AT,
  ...fields,
});
