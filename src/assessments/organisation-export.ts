/**
 * The assessments side's part of the organisation's export (decision 052): review cycles and their
 * steps' due dates, assessments, their assessed competencies, evidence, history, and the reminders
 * kept per person. Evidence files are described with the address they download from, never their
 * bytes: an organisation's files may weigh gigabytes, more than one document should carry.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { messages } from "../i18n/index.ts";
import { organisationRowsSection, personIdPages } from "../people/privacy/organisation-data.ts";
import {
  childPages,
  EXPORT_PARENT_PAGE_SIZE,
  keysetPages,
  mapPages,
  type OrganisationExportSection,
  parseJson,
} from "../people/privacy/organisation-export.ts";
import { evidenceUrls } from "./evidence/urls.ts";

const idsOf = (db: Kysely<DB>, table: "review_cycles" | "assessments", organisationId: string) =>
  mapPages(
    keysetPages(
      (after, size) =>
        db
          .selectFrom(table)
          .select("id")
          .where("organisation_id", "=", organisationId)
          .$if(after !== null, (q) => q.where("id", ">", after as string))
          .orderBy("id")
          .limit(size)
          .execute(),
      (row) => row.id,
      EXPORT_PARENT_PAGE_SIZE,
    ),
    (row) => row.id,
  );

const countThrough = async (
  db: Kysely<DB>,
  table: "assessment_items" | "assessment_evidence" | "assessment_history",
  organisationId: string,
) => {
  const row = await db
    .selectFrom(table)
    .innerJoin("assessments", "assessments.id", `${table}.assessment_id`)
    .select((eb) => eb.fn.countAll().as("n"))
    .where("assessments.organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

const countPerPerson = async (
  db: Kysely<DB>,
  table: "reminder_settings" | "reminders_sent",
  organisationId: string,
) => {
  const row = await db
    .selectFrom(table)
    .innerJoin("people", "people.id", `${table}.person_id`)
    .select((eb) => eb.fn.countAll().as("n"))
    .where("people.organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

const cycles = organisationRowsSection(
  "reviewCycles",
  "review_cycles",
  (lang, n) => messages(lang).orgExportCountCycles(n),
  (cycle) => ({ ...cycle, participants: parseJson(cycle.participants as string | null) }),
);

const cycleSteps: OrganisationExportSection = {
  key: "reviewCycleSteps",
  countLabel: (lang, n) => messages(lang).orgExportCountCycleSteps(n),
  async count(db, organisationId) {
    const row = await db
      .selectFrom("review_cycle_steps")
      .innerJoin("review_cycles", "review_cycles.id", "review_cycle_steps.cycle_id")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("review_cycles.organisation_id", "=", organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "review_cycles", organisationId), (keys) =>
      db
        .selectFrom("review_cycle_steps")
        .selectAll()
        .where("cycle_id", "in", keys)
        .orderBy("cycle_id")
        .orderBy("due_date")
        .orderBy("step")
        .execute(),
    ),
};

const assessments = organisationRowsSection("assessments", "assessments", (lang, n) =>
  messages(lang).orgExportCountAssessments(n),
);

/** Assessed competencies: a page is the items of a hundred assessments (some three thousand rows). */
const assessedCompetencies: OrganisationExportSection = {
  key: "assessedCompetencies",
  countLabel: (lang, n) => messages(lang).orgExportCountAssessedCompetencies(n),
  count: (db, id) => countThrough(db, "assessment_items", id),
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "assessments", organisationId), (keys) =>
      db
        .selectFrom("assessment_items")
        .selectAll()
        .where("assessment_id", "in", keys)
        .orderBy("assessment_id")
        .orderBy("ordinal")
        .orderBy("item_id")
        .execute(),
    ),
};

const evidence: OrganisationExportSection = {
  key: "evidence",
  countLabel: (lang, n) => messages(lang).orgExportCountEvidence(n),
  count: (db, id) => countThrough(db, "assessment_evidence", id),
  pages: (db, { organisationId, organisationSlug, lang }) =>
    mapPages(
      childPages(idsOf(db, "assessments", organisationId), (keys) =>
        db
          .selectFrom("assessment_evidence")
          // Never `bytes`: the file is described and pointed to (`download`), see the document's note.
          .select([
            "id",
            "assessment_id",
            "item_id",
            "kind",
            "title",
            "url",
            "file_name",
            "media_type",
            "size",
            "created_at",
            "created_by",
          ])
          .where("assessment_id", "in", keys)
          .orderBy("assessment_id")
          .orderBy("id")
          .execute(),
      ),
      (row) => ({
        ...row,
        download: row.kind === "file" ? evidenceUrls(lang, organisationSlug, row.assessment_id).file(row.id) : null,
      }),
    ),
};

const history: OrganisationExportSection = {
  key: "assessmentHistory",
  countLabel: (lang, n) => messages(lang).orgExportCountAssessmentHistory(n),
  count: (db, id) => countThrough(db, "assessment_history", id),
  pages: (db, { organisationId }) =>
    mapPages(
      childPages(idsOf(db, "assessments", organisationId), (keys) =>
        db
          .selectFrom("assessment_history")
          .selectAll()
          .where("assessment_id", "in", keys)
          .orderBy("assessment_id")
          .orderBy("id")
          .execute(),
      ),
      (line) => ({ ...line, detail: parseJson(line.detail) }),
    ),
};

const reminderSettings: OrganisationExportSection = {
  key: "reminderSettings",
  countLabel: (lang, n) => messages(lang).orgExportCountReminderSettings(n),
  count: (db, id) => countPerPerson(db, "reminder_settings", id),
  pages: (db, { organisationId }) =>
    childPages(personIdPages(db, organisationId), (keys) =>
      db.selectFrom("reminder_settings").selectAll().where("person_id", "in", keys).orderBy("person_id").execute(),
    ),
};

const remindersSent: OrganisationExportSection = {
  key: "remindersSent",
  countLabel: (lang, n) => messages(lang).orgExportCountRemindersSent(n),
  count: (db, id) => countPerPerson(db, "reminders_sent", id),
  pages: (db, { organisationId }) =>
    childPages(personIdPages(db, organisationId, EXPORT_PARENT_PAGE_SIZE), (keys) =>
      db
        .selectFrom("reminders_sent")
        .selectAll()
        .where("person_id", "in", keys)
        .orderBy("person_id")
        .orderBy("id")
        .execute(),
    ),
};

export const ASSESSMENT_EXPORT_SECTIONS: readonly OrganisationExportSection[] = [
  cycles,
  cycleSteps,
  assessments,
  assessedCompetencies,
  evidence,
  history,
  reminderSettings,
  remindersSent,
];
