/**
 * The learning resources catalogue (decision 042): one organisation's resources, the competencies
 * each builds (by framework and item, across editions), created, edited and tagged with the same
 * optimistic concurrency as the editor (`version`), imported all or nothing. Every query is scoped
 * to the organisation: another organisation's resource id is unknown here.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { LearningResourcesTable } from "../../db/insight-tables.ts";
import type { DB } from "../../db/schema.ts";
import type { Lang } from "../../i18n/index.ts";
import { messageCall } from "../../i18n/message-ref.ts";
import { type CsvProblem, type ExportedResource, readResourceCsv, resolveCodes } from "./csv.ts";
import type { ResourceFields, ResourceFormat } from "./values.ts";

export interface CompetencyTag {
  frameworkId: string;
  itemId: string;
  /** As the framework's latest edition publishes it; null when that edition no longer has it. */
  code: string | null;
  statement: { en: string | null; fr: string | null } | null;
}

export interface Resource {
  id: string;
  version: number;
  fields: ResourceFields;
  competencies: CompetencyTag[];
  updatedAt: string;
}

export class ResourceNotFoundError extends Error {}
/** Someone saved the resource since the form was opened. */
export class StaleResourceError extends Error {}

const COMPETENCY = "competency";

/** Each published framework's latest edition (the text a tag or a plan's goal is shown with). */
export function latestEditions(db: Kysely<DB> | Transaction<DB>) {
  return db
    .selectFrom("editions as e")
    .innerJoin("frameworks as f", "f.id", "e.framework_id")
    .select(["e.id as edition_id", "e.framework_id"])
    .where("f.status", "=", "published")
    .where("e.number", "=", (eb) =>
      eb
        .selectFrom("editions as later")
        .select((l) => l.fn.max("later.number").as("n"))
        .whereRef("later.framework_id", "=", "e.framework_id"),
    );
}

const fieldsOf = (row: LearningResourcesTable): ResourceFields => ({
  titleEn: row.title_en,
  titleFr: row.title_fr,
  url: row.url,
  provider: row.provider,
  format: row.format as ResourceFormat,
  durationMinutes: row.duration_minutes,
  costCents: row.cost_cents,
  currency: row.currency,
});

const columnsOf = (fields: ResourceFields) => ({
  title_en: fields.titleEn,
  title_fr: fields.titleFr,
  url: fields.url,
  provider: fields.provider,
  format: fields.format,
  duration_minutes: fields.durationMinutes,
  cost_cents: fields.costCents,
  currency: fields.currency,
});

/** The tags of these resources, with their latest published text, by resource id. */
async function tagsOf(db: Kysely<DB> | Transaction<DB>, ids: readonly string[]): Promise<Map<string, CompetencyTag[]>> {
  const byResource = new Map<string, CompetencyTag[]>();
  if (ids.length === 0) return byResource;
  const rows = await db
    .selectFrom("learning_resource_competencies as t")
    .leftJoin(latestEditions(db).as("latest"), "latest.framework_id", "t.framework_id")
    .leftJoin("published_items as i", (join) =>
      join.onRef("i.edition_id", "=", "latest.edition_id").onRef("i.item_id", "=", "t.item_id"),
    )
    .select([
      "t.resource_id",
      "t.framework_id",
      "t.item_id",
      "i.code",
      "i.statement_en",
      "i.statement_fr",
      "i.edition_id",
    ])
    .where("t.resource_id", "in", ids)
    .orderBy("t.resource_id")
    .orderBy("i.code")
    .orderBy("t.item_id")
    .execute();
  for (const row of rows) {
    const tags = byResource.get(row.resource_id) ?? [];
    tags.push({
      frameworkId: row.framework_id,
      itemId: row.item_id,
      code: row.code ?? null,
      statement: row.edition_id ? { en: row.statement_en ?? null, fr: row.statement_fr ?? null } : null,
    });
    byResource.set(row.resource_id, tags);
  }
  return byResource;
}

async function withTags(db: Kysely<DB>, rows: LearningResourcesTable[]): Promise<Resource[]> {
  const tags = await tagsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    fields: fieldsOf(row),
    competencies: tags.get(row.id) ?? [],
    updatedAt: row.updated_at,
  }));
}

/** The organisation's resources by title in the reader's language; only those building a competency when given. */
export async function listResources(
  db: Kysely<DB>,
  organisationId: string,
  options: { lang: Lang; competency?: { frameworkId: string; itemId: string } },
): Promise<Resource[]> {
  let query = db.selectFrom("learning_resources as r").selectAll("r").where("r.organisation_id", "=", organisationId);
  const competency = options.competency;
  if (competency)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("learning_resource_competencies as t")
          .select("t.resource_id")
          .whereRef("t.resource_id", "=", "r.id")
          .where("t.framework_id", "=", competency.frameworkId)
          .where("t.item_id", "=", competency.itemId),
      ),
    );
  const rows = await query
    .orderBy(sql`lower(${sql.ref(options.lang === "fr" ? "r.title_fr" : "r.title_en")})`)
    .orderBy("r.id")
    .execute();
  return withTags(db, rows);
}

export async function findResource(db: Kysely<DB>, organisationId: string, id: string): Promise<Resource | undefined> {
  const row = await db
    .selectFrom("learning_resources")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? (await withTags(db, [row]))[0] : undefined;
}

export async function createResource(
  db: Kysely<DB>,
  organisationId: string,
  fields: ResourceFields,
  actorId: string | null,
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto("learning_resources")
    .values({
      id,
      organisation_id: organisationId,
      ...columnsOf(fields),
      version: 1,
      created_at: at,
      updated_at: at,
      updated_by: actorId,
    })
    .execute();
  return id;
}

/** Bumps the resource's version when it is still at `version`; the caller's change follows in the same transaction. */
async function claim(
  trx: Transaction<DB>,
  organisationId: string,
  id: string,
  version: number,
  set: Partial<LearningResourcesTable>,
) {
  const result = await trx
    .updateTable("learning_resources")
    .set({ ...set, version: version + 1 })
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const exists = await trx
    .selectFrom("learning_resources")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
  throw exists ? new StaleResourceError() : new ResourceNotFoundError();
}

export async function updateResource(
  db: Kysely<DB>,
  organisationId: string,
  id: string,
  version: number,
  fields: ResourceFields,
  actorId: string | null,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute((trx) =>
    claim(trx, organisationId, id, version, {
      ...columnsOf(fields),
      updated_at: now.toISOString(),
      updated_by: actorId,
    }),
  );
}

export async function deleteResource(
  db: Kysely<DB>,
  organisationId: string,
  id: string,
  version: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom("learning_resources")
      .where("organisation_id", "=", organisationId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 1) return;
    const exists = await trx
      .selectFrom("learning_resources")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("id", "=", id)
      .executeTakeFirst();
    throw exists ? new StaleResourceError() : new ResourceNotFoundError();
  });
}

/** Whether each competency is a competency some published framework's latest edition has. */
async function publishedCompetencies(
  db: Kysely<DB> | Transaction<DB>,
  refs: readonly { frameworkId: string; itemId: string }[],
): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await db
    .selectFrom(latestEditions(db).as("latest"))
    .innerJoin("published_items as i", "i.edition_id", "latest.edition_id")
    .select(["latest.framework_id", "i.item_id"])
    .where("i.type_code", "=", COMPETENCY)
    .where("i.item_id", "in", [...new Set(refs.map((r) => r.itemId))])
    .execute();
  return new Set(rows.map((r) => `${r.framework_id}~${r.item_id}`));
}

export class UnknownCompetencyError extends Error {}

/** Tags competencies (of the index's latest editions) onto the resource; those already there stay once. */
export async function tagCompetencies(
  db: Kysely<DB>,
  organisationId: string,
  id: string,
  version: number,
  refs: readonly { frameworkId: string; itemId: string }[],
  actorId: string | null,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const known = await publishedCompetencies(trx, refs);
    if (refs.some((r) => !known.has(`${r.frameworkId}~${r.itemId}`))) throw new UnknownCompetencyError();
    await claim(trx, organisationId, id, version, { updated_at: now.toISOString(), updated_by: actorId });
    const present = await trx
      .selectFrom("learning_resource_competencies")
      .select(["framework_id", "item_id"])
      .where("resource_id", "=", id)
      .execute();
    const have = new Set(present.map((p) => `${p.framework_id}~${p.item_id}`));
    const fresh = [...new Map(refs.map((r) => [`${r.frameworkId}~${r.itemId}`, r])).entries()].filter(
      ([key]) => !have.has(key),
    );
    if (fresh.length > 0)
      await trx
        .insertInto("learning_resource_competencies")
        .values(fresh.map(([, r]) => ({ resource_id: id, framework_id: r.frameworkId, item_id: r.itemId })))
        .execute();
  });
}

export async function untagCompetency(
  db: Kysely<DB>,
  organisationId: string,
  id: string,
  version: number,
  ref: { frameworkId: string; itemId: string },
  actorId: string | null,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await claim(trx, organisationId, id, version, { updated_at: now.toISOString(), updated_by: actorId });
    await trx
      .deleteFrom("learning_resource_competencies")
      .where("resource_id", "=", id)
      .where("framework_id", "=", ref.frameworkId)
      .where("item_id", "=", ref.itemId)
      .execute();
  });
}

/** Competencies of the index's latest editions with these codes, by code (a code may name several). */
async function competenciesByCode(db: Kysely<DB> | Transaction<DB>, codes: readonly string[]) {
  const byCode = new Map<string, { frameworkId: string; itemId: string }[]>();
  const wanted = [...new Set(codes)];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom(latestEditions(db).as("latest"))
      .innerJoin("published_items as i", "i.edition_id", "latest.edition_id")
      .select(["latest.framework_id", "i.item_id", "i.code"])
      .where("i.type_code", "=", COMPETENCY)
      .where("i.code", "in", wanted.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const list = byCode.get(row.code as string) ?? [];
      list.push({ frameworkId: row.framework_id, itemId: row.item_id });
      byCode.set(row.code as string, list);
    }
  }
  return byCode;
}

export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; problems: CsvProblem[] };

/**
 * Imports a catalogue file: every row checked first (values, competency codes, ids of this
 * organisation), then all rows written in one transaction, or nothing at all. A row with an id
 * replaces that resource (fields and competencies); a row without one adds a resource.
 */
export async function importResources(
  db: Kysely<DB>,
  organisationId: string,
  bytes: Uint8Array,
  actorId: string | null,
  competencyHeader: string,
  now = new Date(),
): Promise<ImportResult> {
  const reading = readResourceCsv(bytes);
  const lines = reading.ok ? reading.rows : (reading.codes ?? []);
  const codes = await competenciesByCode(
    db,
    lines.flatMap((r) => r.codes),
  );
  const resolved = resolveCodes(lines, (code) => codes.get(code) ?? [], reading.codesColumn ?? competencyHeader);
  if (!reading.ok) {
    // The file's other problems and its unknown codes, together and in line order.
    const all = [...reading.problems, ...(resolved.ok ? [] : resolved.problems)];
    return { ok: false, problems: all.sort((a, b) => a.line - b.line) };
  }
  const ids = reading.rows.flatMap((r) => (r.id ? [r.id] : []));
  const existing = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("learning_resources")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("id", "in", ids.slice(i, i + 500))
      .execute();
    for (const row of rows) existing.add(row.id);
  }
  const problems: CsvProblem[] = resolved.ok ? [] : [...resolved.problems];
  for (const row of reading.rows)
    if (row.id && !existing.has(row.id))
      problems.push({ line: row.line, column: "id", message: messageCall("learningErrCsvUnknownId", row.id) });
  if (problems.length > 0 || !resolved.ok) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const at = now.toISOString();
  let created = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const row of reading.rows) {
      let id = row.id;
      if (id) {
        await trx
          .updateTable("learning_resources")
          .set((eb) => ({
            ...columnsOf(row.fields),
            updated_at: at,
            updated_by: actorId,
            version: eb("version", "+", 1),
          }))
          .where("organisation_id", "=", organisationId)
          .where("id", "=", id)
          .execute();
        await trx.deleteFrom("learning_resource_competencies").where("resource_id", "=", id).execute();
        updated += 1;
      } else {
        id = randomUUID();
        await trx
          .insertInto("learning_resources")
          .values({
            id,
            organisation_id: organisationId,
            ...columnsOf(row.fields),
            version: 1,
            created_at: at,
            updated_at: at,
            updated_by: actorId,
          })
          .execute();
        created += 1;
      }
      const tags = resolved.tags.get(row.line) ?? [];
      if (tags.length > 0)
        await trx
          .insertInto("learning_resource_competencies")
          .values(tags.map((t) => ({ resource_id: id as string, framework_id: t.frameworkId, item_id: t.itemId })))
          .execute();
    }
  });
  return { ok: true, created, updated };
}

/** The catalogue as the CSV export writes it (codes of the competencies the index still has). */
export async function exportedResources(
  db: Kysely<DB>,
  organisationId: string,
  lang: Lang,
): Promise<ExportedResource[]> {
  return (await listResources(db, organisationId, { lang })).map((r) => ({
    id: r.id,
    fields: r.fields,
    codes: r.competencies.flatMap((t) => (t.code ? [t.code] : [])),
  }));
}

/**
 * The organisation's resources that build each of these competencies, by "framework~item", in
 * title order (what a person's gaps suggest: src/insights/suggestions.ts).
 */
export async function resourcesForCompetencies(
  db: Kysely<DB>,
  organisationId: string,
  refs: readonly { frameworkId: string; itemId: string }[],
  lang: Lang,
): Promise<Map<string, Resource[]>> {
  const byCompetency = new Map<string, Resource[]>();
  const items = [...new Set(refs.map((r) => r.itemId))];
  if (items.length === 0) return byCompetency;
  const wanted = new Set(refs.map((r) => `${r.frameworkId}~${r.itemId}`));
  const links = await db
    .selectFrom("learning_resource_competencies as t")
    .innerJoin("learning_resources as r", "r.id", "t.resource_id")
    .select(["t.resource_id", "t.framework_id", "t.item_id"])
    .where("r.organisation_id", "=", organisationId)
    .where("t.item_id", "in", items)
    .execute();
  const matching = links.filter((l) => wanted.has(`${l.framework_id}~${l.item_id}`));
  if (matching.length === 0) return byCompetency;
  const rows = await db
    .selectFrom("learning_resources as r")
    .selectAll("r")
    .where("r.organisation_id", "=", organisationId)
    .where("r.id", "in", [...new Set(matching.map((l) => l.resource_id))])
    .orderBy(sql`lower(${sql.ref(lang === "fr" ? "r.title_fr" : "r.title_en")})`)
    .orderBy("r.id")
    .execute();
  const resources = await withTags(db, rows);
  for (const resource of resources)
    for (const link of matching)
      if (link.resource_id === resource.id) {
        const key = `${link.framework_id}~${link.item_id}`;
        byCompetency.set(key, [...(byCompetency.get(key) ?? []), resource]);
      }
  return byCompetency;
}
