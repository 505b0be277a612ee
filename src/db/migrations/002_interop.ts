/**
 * What CASE carries beyond items: associations (links between nodes, inside or outside the package)
 * and definitions (item types, subjects, concepts, licences, association groupings, rubrics), kept
 * verbatim so an import followed by an export loses nothing. Item types get an `extra` column too.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("item_types").addColumn("extra", "text").execute();

  await db.schema
    .createTable("case_associations")
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    .addColumn("id", "varchar(36)", (c) => c.notNull())
    .addColumn("association_type", "text", (c) => c.notNull())
    .addColumn("uri", "text")
    // An endpoint inside the package names its item (null for the CFDocument or a node elsewhere);
    // identifier, uri and title are the source's link, kept as they came.
    .addColumn("origin_item_id", "varchar(36)")
    .addColumn("origin_identifier", "text", (c) => c.notNull())
    .addColumn("origin_uri", "text")
    .addColumn("origin_title", "text")
    .addColumn("destination_item_id", "varchar(36)")
    .addColumn("destination_identifier", "text", (c) => c.notNull())
    .addColumn("destination_uri", "text")
    .addColumn("destination_title", "text")
    .addColumn("sequence_number", "integer")
    .addColumn("grouping_id", "text")
    // Set on the isChildOf that became the item's parent link: the position the import gave the item.
    .addColumn("tree_position", "integer")
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("last_change", "varchar(40)", (c) => c.notNull())
    .addColumn("extra", "text")
    .addPrimaryKeyConstraint("case_associations_pk", ["framework_id", "id"])
    .execute();
  await db.schema.createIndex("case_associations_origin").on("case_associations").column("origin_item_id").execute();
  await db.schema
    .createIndex("case_associations_destination")
    .on("case_associations")
    .column("destination_item_id")
    .execute();

  await db.schema
    .createTable("case_definitions")
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    // itemType | subject | concept | license | associationGrouping | rubric
    .addColumn("kind", "varchar(40)", (c) => c.notNull())
    .addColumn("id", "varchar(36)", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("case_definitions_pk", ["framework_id", "kind", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("case_definitions").execute();
  await db.schema.dropTable("case_associations").execute();
  await db.schema.alterTable("item_types").dropColumn("extra").execute();
}
