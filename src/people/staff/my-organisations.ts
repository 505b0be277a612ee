/** The organisations an account belongs to: as a person there (who has not left) or as its administrator. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { MyOrganisation } from "./views/team.tsx";

export async function myOrganisations(db: Kysely<DB>, userId: string): Promise<MyOrganisation[]> {
  const rows = await db
    .selectFrom("organisations as o")
    .leftJoin("people as p", (join) =>
      join.onRef("p.organisation_id", "=", "o.id").on("p.user_id", "=", userId).on("p.status", "!=", "left"),
    )
    .leftJoin("organisation_roles as r", (join) =>
      join.onRef("r.organisation_id", "=", "o.id").on("r.user_id", "=", userId).on("r.role", "=", "administrator"),
    )
    .select((eb) => [
      "o.slug",
      "o.name_en",
      "o.name_fr",
      "p.id as person_id",
      "r.role",
      eb
        .exists(eb.selectFrom("people as report").select("report.id").whereRef("report.manager_id", "=", "p.id"))
        .as("has_reports"),
    ])
    .where((eb) => eb.or([eb("p.id", "is not", null), eb("r.role", "is not", null)]))
    .orderBy("o.name_en")
    .orderBy("o.slug")
    .execute();
  return rows.map((row) => ({
    slug: row.slug,
    nameEn: row.name_en,
    nameFr: row.name_fr,
    administrator: row.role !== null,
    personId: row.person_id,
    hasReports: row.person_id !== null && Boolean(row.has_reports),
  }));
}
