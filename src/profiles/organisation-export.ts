/**
 * The profiles side's part of the organisation's export (decision 052): the organisation's own
 * proficiency scales with their levels and per-competency descriptions, its choice of scale, its job
 * profiles with the units and competencies they name, its postings and who holds which position.
 * The site's default scale is the instance's, not the organisation's: it is not in the document.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { messages } from "../i18n/index.ts";
import { countByOrganisation, organisationRowsSection, personIdPages } from "../people/privacy/organisation-data.ts";
import {
  childPages,
  EXPORT_PARENT_PAGE_SIZE,
  keysetPages,
  mapPages,
  type OrganisationExportSection,
} from "../people/privacy/organisation-export.ts";

const idsOf = (
  db: Kysely<DB>,
  table: "proficiency_scales" | "job_profiles",
  organisationId: string,
  limit = EXPORT_PARENT_PAGE_SIZE,
) =>
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
      limit,
    ),
    (row) => row.id,
  );

const scales = organisationRowsSection("scales", "proficiency_scales", (lang, n) =>
  messages(lang).orgExportCountScales(n),
);

const scaleLevels: OrganisationExportSection = {
  key: "scaleLevels",
  countLabel: (lang, n) => messages(lang).orgExportCountScaleLevels(n),
  async count(db, organisationId) {
    const row = await db
      .selectFrom("proficiency_levels")
      .innerJoin("proficiency_scales", "proficiency_scales.id", "proficiency_levels.scale_id")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("proficiency_scales.organisation_id", "=", organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "proficiency_scales", organisationId), (keys) =>
      db
        .selectFrom("proficiency_levels")
        .selectAll()
        .where("scale_id", "in", keys)
        .orderBy("scale_id")
        .orderBy("number")
        .execute(),
    ),
};

const levelDescriptors: OrganisationExportSection = {
  key: "levelDescriptors",
  countLabel: (lang, n) => messages(lang).orgExportCountLevelDescriptors(n),
  async count(db, organisationId) {
    const row = await db
      .selectFrom("competency_level_descriptors")
      .innerJoin("proficiency_scales", "proficiency_scales.id", "competency_level_descriptors.scale_id")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("proficiency_scales.organisation_id", "=", organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  // One scale at a time: a scale may describe each of its levels for hundreds of competencies.
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "proficiency_scales", organisationId, 1), (keys) =>
      db
        .selectFrom("competency_level_descriptors")
        .selectAll()
        .where("scale_id", "in", keys)
        .orderBy("scale_id")
        .orderBy("framework_id")
        .orderBy("item_id")
        .orderBy("level_number")
        .execute(),
    ),
};

const scaleChoice: OrganisationExportSection = {
  key: "scaleChoice",
  countLabel: (lang, n) => messages(lang).orgExportCountScaleChoice(n),
  count: (db, id) => countByOrganisation(db, "organisation_scales", id),
  pages: async function* (db, { organisationId }) {
    const rows = await db
      .selectFrom("organisation_scales")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .execute();
    if (rows.length > 0) yield rows;
  },
};

const jobProfiles = organisationRowsSection("jobProfiles", "job_profiles", (lang, n) =>
  messages(lang).orgExportCountJobProfiles(n),
);

const profileChildCount = async (
  db: Kysely<DB>,
  table: "job_profile_units" | "job_profile_requirements",
  organisationId: string,
) => {
  const row = await db
    .selectFrom(table)
    .innerJoin("job_profiles", "job_profiles.id", `${table}.profile_id`)
    .select((eb) => eb.fn.countAll().as("n"))
    .where("job_profiles.organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

const profileUnits: OrganisationExportSection = {
  key: "jobProfileUnits",
  countLabel: (lang, n) => messages(lang).orgExportCountProfileUnits(n),
  count: (db, id) => profileChildCount(db, "job_profile_units", id),
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "job_profiles", organisationId), (keys) =>
      db
        .selectFrom("job_profile_units")
        .selectAll()
        .where("profile_id", "in", keys)
        .orderBy("profile_id")
        .orderBy("unit_id")
        .execute(),
    ),
};

const requirements: OrganisationExportSection = {
  key: "jobProfileRequirements",
  countLabel: (lang, n) => messages(lang).orgExportCountRequirements(n),
  count: (db, id) => profileChildCount(db, "job_profile_requirements", id),
  pages: (db, { organisationId }) =>
    childPages(idsOf(db, "job_profiles", organisationId), (keys) =>
      db
        .selectFrom("job_profile_requirements")
        .selectAll()
        .where("profile_id", "in", keys)
        .orderBy("profile_id")
        .orderBy("ordinal")
        .orderBy("item_id")
        .execute(),
    ),
};

const postings = organisationRowsSection("jobPostings", "job_postings", (lang, n) =>
  messages(lang).orgExportCountPostings(n),
);

const positions: OrganisationExportSection = {
  key: "positions",
  countLabel: (lang, n) => messages(lang).orgExportCountPositions(n),
  async count(db, organisationId) {
    const row = await db
      .selectFrom("person_positions")
      .innerJoin("people", "people.id", "person_positions.person_id")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("people.organisation_id", "=", organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  pages: (db, { organisationId }) =>
    childPages(personIdPages(db, organisationId), (keys) =>
      db.selectFrom("person_positions").selectAll().where("person_id", "in", keys).orderBy("person_id").execute(),
    ),
};

export const PROFILE_EXPORT_SECTIONS: readonly OrganisationExportSection[] = [
  scales,
  scaleLevels,
  levelDescriptors,
  scaleChoice,
  jobProfiles,
  profileUnits,
  requirements,
  postings,
  positions,
];
