/**
 * Proficiency scales (issue 14, decision 030): ordered levels a job profile's target and an
 * assessment's rating are expressed on.
 * - `proficiency_scales`: the instance's default scale (organisation_id null, shipped here in the
 *   project's own words) and scales an organisation defines for itself.
 * - `proficiency_levels`: a scale's levels, numbered 1..n, each with a label and a general descriptor
 *   in both languages.
 * - `competency_level_descriptors`: optional "what level 3 looks like for this competency", per scale,
 *   framework and item (the item's stable id, which every edition keeps).
 * - `organisation_scales`: the scale an organisation uses; no row means the default. (A table rather
 *   than a column on `organisations`: SQLite cannot drop a column that references another table.)
 */
import { type Kysely, sql } from "kysely";

export const DEFAULT_SCALE_ID = "5ca1e000-0000-4000-8000-000000000005";
/** The CFRubric identifier the default scale is exported under (CASE needs a UUID that never changes). */
export const DEFAULT_SCALE_CASE_IDENTIFIER = "0f6c1d52-8a3e-4b7f-9c21-5e4d3a2b1c05";

/** The default scale, in the project's own words (written for Skillshelf, not taken from a source). */
export const DEFAULT_SCALE = {
  name_en: "Skillshelf five-level scale",
  name_fr: "Échelle à cinq niveaux de Skillshelf",
  description_en:
    "A general scale of proficiency, from first steps to expertise. It applies until an organisation defines its own.",
  description_fr:
    "Une échelle générale de maîtrise, des premiers pas jusqu'à l'expertise. Elle s'applique tant qu'une organisation n'a pas défini la sienne.",
  levels: [
    {
      number: 1,
      label_en: "Foundational",
      label_fr: "Initiation",
      descriptor_en: "Knows the basic ideas and carries out simple tasks with guidance and clear instructions.",
      descriptor_fr:
        "Connaît les notions essentielles et accomplit des tâches simples avec du soutien et des consignes claires.",
    },
    {
      number: 2,
      label_en: "Developing",
      label_fr: "Développement",
      descriptor_en: "Applies the competency in routine situations and asks for help when something is new.",
      descriptor_fr:
        "Met la compétence en pratique dans les situations courantes et demande de l'aide devant l'inédit.",
    },
    {
      number: 3,
      label_en: "Proficient",
      label_fr: "Autonomie",
      descriptor_en: "Works independently in most situations, adapts to the unexpected and gets reliable results.",
      descriptor_fr:
        "Agit de façon autonome dans la plupart des situations, s'adapte aux imprévus et obtient des résultats fiables.",
    },
    {
      number: 4,
      label_en: "Advanced",
      label_fr: "Maîtrise avancée",
      descriptor_en: "Handles complex or sensitive situations, coaches others and improves how the work is done.",
      descriptor_fr:
        "Gère les situations complexes ou délicates, accompagne les autres et améliore les façons de faire.",
    },
    {
      number: 5,
      label_en: "Expert",
      label_fr: "Expertise",
      descriptor_en:
        "Shapes practice across the organisation or the field, anticipates change and is sought out for advice.",
      descriptor_fr:
        "Oriente les pratiques dans l'organisation ou le milieu, anticipe les changements et se fait consulter pour ses conseils.",
    },
  ],
} as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations run on the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("proficiency_scales")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    /** Null for the instance's scales (the default); else the organisation that defined it. */
    .addColumn("organisation_id", "varchar(36)", (c) => c.references("organisations.id").onDelete("cascade"))
    .addColumn("name_en", "varchar(200)", (c) => c.notNull())
    .addColumn("name_fr", "varchar(200)", (c) => c.notNull())
    .addColumn("description_en", "text")
    .addColumn("description_fr", "text")
    /** The CFRubric identifier in CASE (a UUID that never changes). */
    .addColumn("case_identifier", "varchar(36)", (c) => c.notNull().unique())
    /** Increases with every saved change (optimistic concurrency, as the editor does). */
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("proficiency_scales_organisation")
    .on("proficiency_scales")
    .column("organisation_id")
    .execute();

  await db.schema
    .createTable("proficiency_levels")
    .addColumn("scale_id", "varchar(36)", (c) => c.notNull().references("proficiency_scales.id").onDelete("cascade"))
    /** 1..n, contiguous, lowest first. */
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("label_en", "varchar(120)", (c) => c.notNull())
    .addColumn("label_fr", "varchar(120)", (c) => c.notNull())
    .addColumn("descriptor_en", "text", (c) => c.notNull())
    .addColumn("descriptor_fr", "text", (c) => c.notNull())
    /** The CFRubricCriterionLevel identifier suffix stays stable per (scale, number). */
    .addPrimaryKeyConstraint("proficiency_levels_pk", ["scale_id", "number"])
    .addCheckConstraint("proficiency_levels_number_check", sql`"number" >= 1`)
    .execute();

  await db.schema
    .createTable("competency_level_descriptors")
    .addColumn("scale_id", "varchar(36)", (c) => c.notNull().references("proficiency_scales.id").onDelete("cascade"))
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    /** The competency's stable item id (the same in every edition). */
    .addColumn("item_id", "varchar(36)", (c) => c.notNull())
    .addColumn("level_number", "integer", (c) => c.notNull())
    .addColumn("descriptor_en", "text")
    .addColumn("descriptor_fr", "text")
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_by", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .addPrimaryKeyConstraint("competency_level_descriptors_pk", ["scale_id", "framework_id", "item_id", "level_number"])
    .execute();
  await db.schema
    .createIndex("competency_level_descriptors_item")
    .on("competency_level_descriptors")
    .columns(["framework_id", "item_id"])
    .execute();

  await db.schema
    .createTable("organisation_scales")
    .addColumn("organisation_id", "varchar(36)", (c) =>
      c.primaryKey().references("organisations.id").onDelete("cascade"),
    )
    /** The default scale or one of the organisation's own (the store checks which). */
    .addColumn("scale_id", "varchar(36)", (c) => c.notNull().references("proficiency_scales.id"))
    .addColumn("chosen_at", "varchar(30)", (c) => c.notNull())
    .addColumn("chosen_by", "varchar(36)", (c) => c.references("users.id").onDelete("set null"))
    .execute();

  const any = db as AnyDB;
  const now = new Date().toISOString();
  const { levels, ...scale } = DEFAULT_SCALE;
  await any
    .insertInto("proficiency_scales")
    .values({
      id: DEFAULT_SCALE_ID,
      organisation_id: null,
      ...scale,
      case_identifier: DEFAULT_SCALE_CASE_IDENTIFIER,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await any
    .insertInto("proficiency_levels")
    .values(levels.map((level) => ({ scale_id: DEFAULT_SCALE_ID, ...level })))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("organisation_scales").execute();
  await db.schema.dropTable("competency_level_descriptors").execute();
  await db.schema.dropTable("proficiency_levels").execute();
  await db.schema.dropTable("proficiency_scales").execute();
}
